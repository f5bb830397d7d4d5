import { defineConfig } from 'tsup';
import { thirdPartyNotices } from '../../scripts/build/third-party-notices.mjs';
import { requireBanner } from '../../scripts/build/esm-require.mjs';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  // The GitHub and Jira adapters are bundled with the clients they use, each loaded only with `--tickets github` or
  // `--tickets jira`: installing the CLI does not pull octokit's 30 MB of API type definitions nor jira.js's 42 MB
  // (its sources, two builds and their types) with axios. Everything they import that the CLI does not depend on
  // is bundled (tsup leaves out only the CLI's own dependencies: core, zod).
  noExternal: ['@pipewarden/github', /^@octokit\//, 'before-after-hook', 'universal-user-agent', 'bottleneck', 'json-with-bigint', 'content-type', 'fast-content-type-parse', '@pipewarden/jira', 'jira.js'],
  // axios's Node build (inside jira.js's chunk) is partly CommonJS that require()s Node's modules.
  banner: requireBanner(),
  // octokit, jira.js, axios and what they pull in, with their license texts (core's bundled packages ship in core).
  esbuildPlugins: [thirdPartyNotices({ output: 'dist/THIRD-PARTY-NOTICES.txt', title: '@pipewarden/cli, dist/' })],
  esbuildOptions(options) {
    // The maps point at the sources by name; their text is not shipped (the bundled clients would double the size).
    options.sourcesContent = false;
  },
});
