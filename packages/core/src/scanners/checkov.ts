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
  // The report is stdout: one JSON document, a list when several frameworks checked something, the bare summary
  // when nothing was checked. (--output-file-path would name a folder, where it writes results_json.json.)
  command: (target) => ({ command: 'checkov', args: ['--directory', '.', '--output', 'json', '--quiet', '--compact', '--skip-download'], cwd: target.root, output: 'stdout' }),
  // 1: failed checks (or parse errors under CKV_PARSE_ERROR_FAIL); 0: none, or --soft-fail from a .checkov.yaml.
  exitMeaning: zeroOneExit,
};
