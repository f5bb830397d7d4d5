import { pathToolAvailability } from './path-tool.js';
import { zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

export const semgrep: Scanner = {
  kind: 'command',
  id: 'semgrep',
  title: 'Semgrep',
  category: 'sast',
  stages: ['commit'],
  format: 'semgrep',
  timeoutMs: 15 * 60_000,
  installHint: 'install it with `pipx install semgrep` or `brew install semgrep` (semgrep.dev/docs/getting-started)',
  fileList: true,
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'semgrep', ['--version'], /^(\d+\.\d+\.\d+)/m),
  select: (files) => files.filter((f) => /\.(?:js|jsx|mjs|cjs|ts|tsx|py|go|java|kt|rb|php|cs|scala|rs|c|cpp|swift|yaml|yml|json|tf|sh)$/i.test(f)),
  command: (target) => ({ command: 'semgrep', args: ['scan', '--config', 'auto', '--json', '--output', target.outputFile, '--metrics', 'off', '--quiet', '--', ...(target.files.length <= 5000 ? target.files : ['.'])], cwd: target.root, output: 'file' }),
  // Without --error, findings exit 0; 1 is findings with --error; 2 and above are failures.
  exitMeaning: zeroOneExit,
};
