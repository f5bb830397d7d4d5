import { LOCKFILES, byName, pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

export const grype: Scanner = {
  kind: 'command',
  id: 'grype',
  title: 'Grype',
  category: 'sca',
  stages: ['commit'],
  format: 'grype',
  timeoutMs: 15 * 60_000,
  installHint: 'install it from https://github.com/anchore/grype#installation',
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'grype', ['version'], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: byName(LOCKFILES),
  command: (target) => ({ command: 'grype', args: ['dir:.', '-o', 'json', '--file', target.outputFile, '--quiet'], cwd: target.root, output: 'file' }),
  // 1 only with --fail-on; otherwise 0.
  exitMeaning: zeroOnlyExit,
};
