import { defineConfig } from 'tsup';

export default defineConfig({
  // files.ts is the light entry (@pipewarden/sca/files): what a scan's planning asks, without the engine.
  entry: ['src/index.ts', 'src/files.ts'],
  format: ['esm'],
  target: 'node20',
  dts: { entry: ['src/index.ts', 'src/files.ts'] },
  sourcemap: true,
  clean: true,
});
