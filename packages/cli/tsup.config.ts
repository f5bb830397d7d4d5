import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  // The GitHub adapter (issues, comments, uploads) is bundled with the octokit it uses, loaded only with
  // `--tickets github`: installing the CLI does not pull octokit's 30 MB of API type definitions.
  noExternal: ['@pipewarden/github', /^@octokit\//, 'before-after-hook', 'universal-user-agent', 'bottleneck', 'json-with-bigint', 'content-type', 'fast-content-type-parse'],
  banner: ({ format }) => (format === 'esm' ? {} : {}),
});
