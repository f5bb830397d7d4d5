import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker is its own entry: worker_threads start it by file, next to index.js.
  entry: ['src/index.ts', 'src/worker.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  // Rules ship inside the JavaScript (bundlers need nothing but the grammars' .wasm files).
  loader: { '.yaml': 'text' },
});
