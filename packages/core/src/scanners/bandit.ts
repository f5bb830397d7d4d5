import { fitsCommandLine } from './node-tool.js';
import { byExtension, pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

export const bandit: Scanner = {
  kind: 'command',
  id: 'bandit',
  title: 'Bandit',
  category: 'sast',
  stages: ['precommit', 'commit'],
  format: 'bandit',
  timeoutMs: 5 * 60_000,
  installHint: 'install it with `apt-get install bandit` or `pipx install bandit`',
  fileList: true,
  cost: 2,
  detect: (env) => pathToolAvailability(env, 'bandit', ['--version'], /bandit\s+(\d+\.\d+(?:\.\d+)?)/),
  select: byExtension(/\.py$/i),
  command(target) {
    return { command: 'bandit', args: ['-f', 'json', '-o', target.outputFile, '-q', ...(fitsCommandLine(target.files) ? target.files : ['-r', '.'])], cwd: target.root, output: 'file' };
  },
  // 1: issues found; 2: a bad argument or a crash.
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 ? 'findings' : 'error'),
};
