import { dirname, join } from 'node:path';
import { pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

// Modules that fit a pipeline stage: injection, XSS, command execution, file disclosure, redirects.
const MODULES = 'sql,xss,exec,file,redirect,crlf';

export const wapiti: Scanner = {
  kind: 'command',
  id: 'wapiti',
  title: 'Wapiti',
  category: 'dast',
  stages: ['acceptance'],
  format: 'wapiti',
  target: 'url',
  timeoutMs: 20 * 60_000,
  installHint: 'install it with `apt-get install wapiti` or `pipx install wapiti3`',
  cost: 5,
  detect: (env) => pathToolAvailability(env, 'wapiti', ['--version'], /Wapiti[- ](\d+\.\d+\.\d+)/i),
  select: () => [],
  command(target) {
    return {
      command: 'wapiti',
      args: [
        '-u', target.targets.url!.href,
        '--scope', 'folder',
        '-m', MODULES,
        '-f', 'json',
        '-o', target.outputFile,
        '--flush-session',
        '--store-session', join(dirname(target.outputFile), 'wapiti-session'),
        '--max-scan-time', String(target.config.dast?.max_scan_time ?? 300),
        '--no-bugreport',
        '-l', '1',
      ],
      cwd: target.root,
      output: 'file',
    };
  },
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
