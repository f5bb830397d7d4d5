import { LOCKFILES, byName, pathToolAvailability } from './path-tool.js';
import type { ExitMeaning, Scanner } from './types.js';

/**
 * Grype's exit codes: 0 whatever it finds, unless a fail-on severity is set (`--fail-on`, or `fail-on-severity`
 * in a .grype.yaml the repository brings, read from the working directory); then matches at or above it exit 2,
 * after the report is written. Any other error exits 1 (up to v0.78 fail-on also exited 1: upgrade).
 */
export function grypeExit(code: number): ExitMeaning {
  return code === 0 ? 'clean' : code === 2 ? 'findings' : 'error';
}

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
  exitMeaning: grypeExit,
};
