import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'tsup';

const require = createRequire(import.meta.url);
// Core's runners for its npm-based tools (ESLint, secretlint, lockfile-lint, cyclonedx-npm), each already a bundle
// with its tool inside: core runs them as `node dist/runners/<id>.js`, so nothing is resolved from any node_modules.
const runners = dirname(require.resolve('@pipewarden/core/runners/manifest.json'));

// One ESM bundle with every dependency inside (a runner does not install node_modules for an action),
// committed in dist/ and checked fresh in CI.
export default defineConfig({
  // index.js only starts the worker thread that runs action.js (src/main.ts).
  entry: { index: 'src/main.ts', action: 'src/action-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  splitting: false,
  sourcemap: false,
  clean: true,
  minify: false,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module';\nconst require = __pwCreateRequire(import.meta.url);" },
  async onSuccess() {
    await cp(runners, 'dist/runners', { recursive: true });
    // The SAST engine's grammars (WebAssembly): it looks for them beside the bundle (no worker file here, so it
    // runs in one thread).
    await cp('../sast/dist/grammars', 'dist/grammars', { recursive: true });
  },
});
