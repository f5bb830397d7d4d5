import { readFileSync } from 'node:fs';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Rule files are imported as text, as tsup's text loader does in the build.
  plugins: [
    {
      name: 'yaml-as-text',
      enforce: 'pre',
      load(id: string) {
        return id.endsWith('.yaml') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
      },
    },
  ],
  test: {
    setupFiles: ['../../test-support/no-network.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
