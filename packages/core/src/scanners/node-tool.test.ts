import { describe, expect, it } from 'vitest';
import { cyclonedxNpm } from './cyclonedx-npm.js';
import { eslintSecurity } from './eslint-security.js';
import { lockfileLint } from './lockfile-lint.js';
import { runnerAvailability, toolRunner } from './node-tool.js';
import { secretlint } from './secretlint.js';
import type { ScannerEnv } from './types.js';

const env = { ports: { exec: () => Promise.reject(new Error('no command here')), log: () => undefined }, env: {}, root: '.' } as unknown as ScannerEnv;

describe("the npm-based scanners' runners (built into core's dist/runners/)", () => {
  it('each scanner finds its runner and the version of the tool inside it, without resolving the tool', async () => {
    for (const [scanner, version] of [[eslintSecurity, /^9\./], [secretlint, /^11\./], [lockfileLint, /^5\./], [cyclonedxNpm, /^6\./]] as const) {
      const availability = await scanner.detect(env);
      expect(availability, scanner.id).toMatchObject({ available: true, version: expect.stringMatching(version) });
      expect(toolRunner(scanner.id)!.script).toMatch(new RegExp(`/runners/${scanner.id}\\.js$`));
      expect(scanner.installHint).toBe('built in');
    }
  });

  it('a runner missing from the install is a broken install, and the reason names no package manager', () => {
    const missing = runnerAvailability('no-such-tool');
    expect(missing).toMatchObject({ available: false, reason: expect.stringMatching(/^its runner is missing from .*runners \(an incomplete Pipewarden install or bundle; reinstall Pipewarden\)$/) });
    expect(JSON.stringify(missing)).not.toMatch(/\b(?:pnpm|npm|yarn)\b/);
  });
});
