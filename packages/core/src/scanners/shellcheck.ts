import { basename } from 'node:path';
import { ScannerError } from '../errors.js';
import { fitsCommandLine } from './node-tool.js';
import { zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

const SHELL = /\.(?:sh|bash|ksh|bats)$/i;

export const shellcheck: Scanner = {
  kind: 'command',
  id: 'shellcheck',
  title: 'ShellCheck',
  category: 'sast',
  stages: ['precommit', 'commit'],
  format: 'shellcheck',
  timeoutMs: 5 * 60_000,
  installHint: 'install it with `apt-get install shellcheck` (Debian/Ubuntu) or `brew install shellcheck`',
  fileList: true,
  async detect({ ports, env, root }) {
    const probe = await ports.exec({ command: 'shellcheck', args: ['--version'], cwd: root, env, timeoutMs: 30_000 });
    if (probe.notFound) return { available: false, reason: 'shellcheck is not on PATH' };
    const version = /version:\s*(\S+)/.exec(probe.stdout)?.[1];
    if (probe.exitCode !== 0 || !version) return { available: false, reason: `shellcheck --version failed: ${probe.stderr.trim().split('\n')[0] ?? ''}` };
    return { available: true, version };
  },
  select(files) {
    return files.filter((file) => SHELL.test(file) || basename(file) === '.bashrc' || basename(file) === '.profile');
  },
  command(target) {
    if (!fitsCommandLine(target.files)) throw new ScannerError('shellcheck', `${target.files.length} shell files are too many for one command line`);
    return {
      command: 'shellcheck',
      args: ['--format=json1', '--external-sources', '--', ...target.files],
      cwd: target.root,
      output: 'stdout',
    };
  },
  // 1: issues found; 2-4: bad file, bad options, missing file.
  exitMeaning: zeroOneExit,
};
