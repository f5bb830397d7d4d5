import { anchoreSource } from './image-source.js';
import { pathToolAvailability } from './path-tool.js';
import { grypeExit } from './grype.js';
import type { Scanner } from './types.js';

export const grypeImage: Scanner = {
  kind: 'command',
  id: 'grype-image',
  title: 'Grype (image: OS and language packages)',
  category: 'container',
  stages: ['acceptance'],
  format: 'grype',
  target: 'image',
  timeoutMs: 20 * 60_000,
  installHint: 'install it from https://github.com/anchore/grype#installation (a release binary)',
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'grype', ['version'], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  command: (target) => ({ command: 'grype', args: [anchoreSource(target), '-o', 'json', '--file', target.outputFile, '--quiet'], cwd: target.root, output: 'file' }),
  exitMeaning: grypeExit,
};
