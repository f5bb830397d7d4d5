// Tools given the folder instead of the file list (a list too long for one command line) walk it themselves:
// the symlinks the list left out (they lead outside the root) are excluded by each tool's own option.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../../../test-support/tools.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { nodeExec } from '../ports/node-exec.js';
import { bandit, banditSkips } from './bandit.js';
import { cppcheck } from './cppcheck.js';
import { eslintSecurity } from './eslint-security.js';
import { MAX_ARGS_CHARS } from './node-tool.js';
import type { CommandScanner, ScannerEnv, ScannerTarget } from './types.js';

/** A checkout's place: any folder (the commands are built, not run, in the first tests). */
const APP = join(tmpdir(), 'pw-symlinks-app');
const env: ScannerEnv = { ports: { exec: nodeExec, log: () => undefined }, env: {}, root: APP };
/** More names than one command line holds: the tool is given "." and walks the folder. */
const MANY = Array.from({ length: Math.ceil(MAX_ARGS_CHARS / 20) + 1 }, (_, i) => `src/module-${String(i).padStart(8, '0')}.py`);

function target(root: string, files: readonly string[], leftOutLinks: readonly string[]): ScannerTarget {
  return { root, files, leftOutLinks, outputFile: join(root, 'out.json'), targets: {}, config: {} as PipewardenConfig, options: {} };
}

const commandOf = (scanner: unknown, t: ScannerTarget) => (scanner as CommandScanner).command(t, env);

describe('the symlinks left out of the list, when a tool walks the folder', () => {
  it('Bandit: -x with its own defaults kept, names as globs', () => {
    expect(commandOf(bandit, target(APP, MANY, ['link.py', 'src/a,b[1].py'])).args.slice(-4)).toEqual(['-r', '.', '-x', '.svn,CVS,.bzr,.hg,.git,__pycache__,.tox,.eggs,*.egg,./link.py,./src/a?b[[]1].py']);
    expect(banditSkips([])).toEqual([]);
    // Given the list, nothing to exclude: the links are not in it.
    expect(commandOf(bandit, target(APP, ['app.py'], ['link.py'])).args).not.toContain('-x');
  });

  it('Cppcheck: -i per link, before the folder', () => {
    expect(commandOf(cppcheck, target(APP, MANY, ['link.c'])).args.slice(-3)).toEqual(['-i', './link.c', '.']);
  });

  it('ESLint: --ignore-pattern per link, glob characters escaped', () => {
    const { args } = commandOf(eslintSecurity, target(APP, MANY, ['link.js', 'src/[id].js']));
    // The runner walks the folder (--all) instead of taking the list.
    expect(args.slice(-5)).toEqual(['--ignore-pattern', 'link.js', '--ignore-pattern', 'src/\\[id\\].js', '--all']);
  });
});

const strace = process.platform === 'linux' && hasTool('strace', ['-V'], 'apt-get install strace');

describe.skipIf(!strace)('with the real tools, traced: the file a link points at outside the root is never opened', () => {
  async function repo(ext: string, body: string): Promise<{ root: string; secret: string }> {
    const base = await realpath(await mkdtemp(join(tmpdir(), 'pw-walk-')));
    const root = join(base, 'repo');
    await mkdir(join(root, 'src'), { recursive: true });
    const secret = join(base, `secret.${ext}`);
    await writeFile(secret, body);
    await writeFile(join(root, 'src', `ok.${ext}`), body);
    await symlink(secret, join(root, `link.${ext}`));
    return { root, secret };
  }

  function traced(command: { command: string; args: string[]; cwd: string }, trace: string): void {
    spawnSync('strace', ['-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', trace, command.command, ...command.args], { cwd: command.cwd, timeout: 60_000 });
  }

  const tools: [string, CommandScanner, string, string, () => boolean][] = [
    ['Bandit', bandit as CommandScanner, 'py', 'x = eval(input())\n', () => hasTool('bandit', ['--version'], 'apt-get install bandit')],
    ['Cppcheck', cppcheck as CommandScanner, 'c', 'int main(){char b[4]; b[9]=0; return 0;}\n', () => hasTool('cppcheck', ['--version'], 'apt-get install cppcheck')],
    ['ESLint', eslintSecurity as CommandScanner, 'js', 'eval(process.argv[2]);\n', () => true],
  ];
  for (const [name, scanner, ext, body, available] of tools) {
    it.skipIf(!available())(`${name}`, async () => {
      const { root, secret } = await repo(ext, body);
      const many = Array.from({ length: Math.ceil(MAX_ARGS_CHARS / 10) }, (_, i) => `src/m${i}.${ext}`);
      const trace = join(root, '..', 'trace');
      traced(scanner.command(target(root, many, []), env), trace);
      // Without being told, the tool follows the link (what this guards against).
      expect(await readFile(trace, 'utf8')).toContain(`link.${ext}`);
      traced(scanner.command(target(root, many, [`link.${ext}`]), env), trace);
      const text = await readFile(trace, 'utf8');
      expect(text).toContain(`ok.${ext}`);
      expect(text).not.toContain(`link.${ext}"`);
      expect(text).not.toContain(secret);
    }, 60_000);
  }
});

