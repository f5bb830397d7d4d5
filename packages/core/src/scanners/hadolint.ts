import { DOCKERFILES, asOperands, byName, pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

export const hadolint: Scanner = {
  kind: 'command',
  id: 'hadolint',
  title: 'Hadolint',
  category: 'iac',
  stages: ['precommit', 'commit'],
  format: 'hadolint',
  timeoutMs: 2 * 60_000,
  installHint: 'install it from https://github.com/hadolint/hadolint/releases (a single binary) or `brew install hadolint`',
  fileList: true,
  cost: 1,
  detect: (env) => pathToolAvailability(env, 'hadolint', ['--version'], /(\d+\.\d+\.\d+)/),
  select: byName(DOCKERFILES),
  command: (target) => ({ command: 'hadolint', args: ['--format', 'json', '--no-fail', ...asOperands(target.files)], cwd: target.root, output: 'stdout' }),
  // --no-fail: 0 whatever it finds; anything else is a failure.
  exitMeaning: zeroOnlyExit,
};
