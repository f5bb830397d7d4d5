import { LOCKFILES, byName, pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

export const osvScanner: Scanner = {
  kind: 'command',
  id: 'osv-scanner',
  title: 'OSV-Scanner',
  category: 'sca',
  stages: ['commit'],
  format: 'osv-scanner',
  timeoutMs: 10 * 60_000,
  installHint: 'install it from https://google.github.io/osv-scanner/installation/',
  cost: 3,
  detect: (env) => pathToolAvailability(env, 'osv-scanner', ['--version'], /version:?\s*v?(\d+\.\d+\.\d+)/i),
  select: byName(LOCKFILES),
  command: (target) => ({ command: 'osv-scanner', args: ['--format', 'json', '--output', target.outputFile, '--recursive', '.'], cwd: target.root, output: 'file' }),
  // 1: vulnerabilities found; 128: no packages found (nothing to do); others are failures.
  exitMeaning: (code) => (code === 0 || code === 128 ? 'clean' : code === 1 ? 'findings' : 'error'),
};
