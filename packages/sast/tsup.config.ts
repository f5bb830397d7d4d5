import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker is its own entry: worker_threads start it by file, next to index.js. files.ts is the light entry
  // (@pipewarden/sast/files): what a scan's planning asks, without the engine.
  entry: ['src/index.ts', 'src/files.ts', 'src/worker.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: ['src/index.ts', 'src/files.ts'] },
  sourcemap: true,
  clean: true,
  // Rules ship inside the JavaScript (bundlers need nothing but the grammars' .wasm files).
  loader: { '.yaml': 'text' },
});
