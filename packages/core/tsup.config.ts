import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

/** The npm-based tools core runs through runners of its own (src/scanners/runners/), and the package each wraps. */
const RUNNERS: Record<string, string> = { 'eslint-security': 'eslint', secretlint: '@secretlint/core' };

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(Object.keys(RUNNERS).map((id) => [`runners/${id}`, `src/scanners/runners/${id}.ts`])),
  },
  format: ['esm'],
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  // Each runner's tool version, read at run time without resolving the tool (a bundle has no node_modules).
  async onSuccess() {
    const manifest: Record<string, { tool: string; version: string }> = {};
    for (const [id, tool] of Object.entries(RUNNERS)) {
      const { version } = JSON.parse(await readFile(`node_modules/${tool}/package.json`, 'utf8')) as { version: string };
      manifest[id] = { tool, version };
    }
    await writeFile('dist/runners/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  },
});
