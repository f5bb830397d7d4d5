import { defineConfig } from 'tsup';

export default defineConfig({
  // The overview is computed in a worker thread: its script is an entry of its own.
  entry: ['src/index.ts', 'src/overview-worker.ts'],
  dts: { entry: 'src/index.ts' },
  format: ['esm'],
  target: 'node20',
  sourcemap: true,
  clean: true,
});
