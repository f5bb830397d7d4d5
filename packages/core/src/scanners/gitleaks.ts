import { pathToolAvailability } from './path-tool.js';
import type { ExitMeaning, Scanner } from './types.js';

/**
 * The exit code Gitleaks is told to use for leaks. Its own errors (a bad config, an unwritable report, any
 * fatal log) exit 1, its default for leaks too: a code of its own tells leaks from errors. 126 is an unknown flag.
 */
export const GITLEAKS_LEAKS_EXIT = 3;

/** cmd/root.go findingSummaryAndExit: 0 no leaks; --exit-code leaks; 1 an error, or a partial scan (the report was written, then exit 1). */
export function gitleaksExit(code: number): ExitMeaning {
  return code === 0 ? 'clean' : code === GITLEAKS_LEAKS_EXIT ? 'findings' : code === 1 ? 'partial' : 'error';
}

export const gitleaks: Scanner = {
  kind: 'command',
  id: 'gitleaks',
  title: 'Gitleaks',
  category: 'secrets',
  stages: ['precommit', 'commit'],
  format: 'gitleaks',
  timeoutMs: 10 * 60_000,
  installHint: 'install it from https://github.com/gitleaks/gitleaks#installing',
  cost: 2,
  detect: (env) => pathToolAvailability(env, 'gitleaks', ['version'], /v?(\d+\.\d+\.\d+)/),
  select: (files) => files,
  // `dir` scans the work tree, not the history (`detect --no-git` is deprecated and hidden); --redact keeps the
  // secret out of its own report (every Secret is "REDACTED": identity hashes the flagged line instead).
  command: (target) => ({
    command: 'gitleaks',
    args: ['dir', '.', '--report-path', target.outputFile, '--report-format', 'json', '--redact', '--no-banner', '--exit-code', String(GITLEAKS_LEAKS_EXIT)],
    cwd: target.root,
    output: 'file',
  }),
  exitMeaning: gitleaksExit,
};
