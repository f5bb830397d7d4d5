import { fitsCommandLine } from './node-tool.js';
import { byExtension, pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

export const flawfinder: Scanner = {
  kind: 'command',
  id: 'flawfinder',
  title: 'Flawfinder',
  category: 'sast',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 5 * 60_000,
  installHint: 'install it with `apt-get install flawfinder` or `pip install flawfinder`',
  fileList: true,
  cost: 1,
  detect: (env) => pathToolAvailability(env, 'flawfinder', ['--version'], /^(\d+\.\d+(?:\.\d+)?)/m),
  select: byExtension(/\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx)$/i),
  command(target) {
    return { command: 'flawfinder', args: ['--sarif', '--quiet', '--', ...(fitsCommandLine(target.files) ? target.files : ['.'])], cwd: target.root, output: 'stdout' };
  },
  // flawfinder exits 0 whatever it finds (unless told --error-level); anything else is a failure.
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
