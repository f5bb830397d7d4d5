import { cp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const require = createRequire(import.meta.url);
// Core's runners for its npm-based tools (ESLint, secretlint): each bundled here with its tool inside, run by core
// as `node dist/runners/<id>.js`, so nothing is resolved from any node_modules on the runner.
const runners = dirname(require.resolve('@pipewarden/core/runners/manifest.json'));
const RUNNERS = ['eslint-security', 'secretlint'];

// ESM bundles with every dependency inside (a runner does not install node_modules for an action),
// committed in dist/ and checked fresh in CI.
const common: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  splitting: false,
  sourcemap: false,
  minify: false,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module';\nconst require = __pwCreateRequire(import.meta.url);" },
};

export default defineConfig([
  {
    ...common,
    entry: { index: 'src/main.ts' },
    async onSuccess() {
      // The SAST engine's grammars (WebAssembly): it looks for them beside the bundle (no worker file here, so it
      // runs in one thread).
      await rm('dist/grammars', { recursive: true, force: true });
      await cp('../sast/dist/grammars', 'dist/grammars', { recursive: true });
    },
  },
  {
    ...common,
    entry: Object.fromEntries(RUNNERS.map((id) => [`runners/${id}`, `${runners}/${id}.js`])),
    // ESLint loads jiti only for TypeScript config files, which the runner never reads (its config is built in).
    noExternal: [/^(?!jiti(?:\/|$))/],
    external: ['jiti'],
    // Third-party code only (ESLint with its 290 rules, secretlint's rules): minified, a third of the size to check out.
    minify: true,
    // CommonJS first, as Node resolves a require(): ESLint require()s esquery, whose "module" build has no named exports.
    esbuildOptions(options) {
      options.mainFields = ['main', 'module'];
    },
    // ESLint's CommonJS parts also ask for their own file name.
    banner: {
      js: `${common.banner!.js}\nimport { fileURLToPath as __pwFileURLToPath } from 'node:url';\nconst __filename = __pwFileURLToPath(import.meta.url);\nconst __dirname = __pwFileURLToPath(new URL('.', import.meta.url));`,
    },
    async onSuccess() {
      await cp(`${runners}/manifest.json`, 'dist/runners/manifest.json');
    },
  },
]);
