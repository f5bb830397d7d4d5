import { cp, rm } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// One ESM bundle with every dependency inside (a runner does not install node_modules for an action),
// committed in dist/ and checked fresh in CI.
export default defineConfig({
  entry: { index: 'src/main.ts' },
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
    await rm('dist/scanner-configs', { recursive: true, force: true });
    await cp('../core/scanner-configs', 'dist/scanner-configs', { recursive: true });
    // The SAST engine's grammars (WebAssembly): it looks for them beside the bundle (no worker file here, so it
    // runs in one thread).
    await rm('dist/grammars', { recursive: true, force: true });
    await cp('../sast/dist/grammars', 'dist/grammars', { recursive: true });
  },
});
