import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    setupFiles: ['../../test-support/no-network.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
