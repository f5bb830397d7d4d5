import { pathToolAvailability } from './path-tool.js';
import { zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

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
  // --redact keeps the secret out of its own report; --no-git scans the work tree, not the history.
  command: (target) => ({
    command: 'gitleaks',
    args: ['detect', '--no-git', '--source', '.', '--report-format', 'json', '--report-path', target.outputFile, '--redact', '--no-banner', '--exit-code', '1'],
    cwd: target.root,
    output: 'file',
  }),
  exitMeaning: zeroOneExit,
};
