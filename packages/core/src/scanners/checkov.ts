import { IAC, pathToolAvailability } from './path-tool.js';
import { zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

export const checkov: Scanner = {
  kind: 'command',
  id: 'checkov',
  title: 'Checkov',
  category: 'iac',
  stages: ['commit'],
  format: 'checkov',
  timeoutMs: 15 * 60_000,
  installHint: 'install it with `pipx install checkov` (https://www.checkov.io/2.Basics/Installing%20Checkov.html)',
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'checkov', ['--version'], /^(\d+\.\d+\.\d+)/m),
  select: (files) => files.filter((f) => IAC.test(f.split('/').pop() ?? '') || /(?:^|\/)(?:k8s|kubernetes|helm|charts|manifests)\/.*\.ya?ml$/i.test(f)),
  command: (target) => ({ command: 'checkov', args: ['--directory', '.', '--output', 'json', '--quiet', '--compact', '--skip-download'], cwd: target.root, output: 'stdout' }),
  // 1: failed checks; 0: none.
  exitMeaning: zeroOneExit,
};
