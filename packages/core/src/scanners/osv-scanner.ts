import { LOCKFILES, byName, pathToolAvailability } from './path-tool.js';
import type { ExitMeaning, Scanner } from './types.js';

/** OSV-Scanner v2's exit codes (cmd/osv-scanner/internal/cmd/run.go; docs/output.md). */
export function osvScannerExit(code: number): ExitMeaning {
  if (code === 0) return 'clean';
  if (code === 1) return 'findings';
  // 128: no package sources found. Nothing to scan is not a failure: the tool writes no report then, and its
  // empty stdout is read as a run with no findings.
  if (code === 128) return 'clean';
  // 127 general error, 129 the OSV API query failed, 130 an invalid osv-scanner.toml.
  return 'error';
}

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
  // The report is read from stdout: with --format json every log line goes to stderr, and no file flag is
  // needed (--output is deprecated for --output-file, which older v2 releases refuse). On exit 128 nothing is
  // written, so no report of an earlier run can be taken for this one.
  command: (target) => ({ command: 'osv-scanner', args: ['scan', 'source', '--format', 'json', '--recursive', '.'], cwd: target.root, output: 'stdout' }),
  exitMeaning: osvScannerExit,
};
