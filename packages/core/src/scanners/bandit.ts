import { fitsCommandLine } from './node-tool.js';
import { byExtension } from './path-tool.js';
import type { Availability, Scanner, ScannerEnv } from './types.js';

/**
 * Bandit reads code with the syntax tree of the Python it runs on, and an older Bandit does not know a newer
 * tree: on Python 3.8+ a Bandit before 1.7.0 sees no string constants (ast.Str became ast.Constant), so
 * B105-B107 and B608 find nothing (PyCQA/bandit#605, #639); 3.12, 3.13 and 3.14 each needed a release.
 */
const NEEDS: readonly { python: [number, number]; bandit: [number, number, number]; why: string }[] = [
  { python: [3, 14], bandit: [1, 9, 2], why: 'Python 3.14 syntax trees are read from Bandit 1.9.2' },
  { python: [3, 13], bandit: [1, 8, 0], why: 'Python 3.13 is supported from Bandit 1.8.0' },
  { python: [3, 12], bandit: [1, 7, 6], why: 'Python 3.12 is supported from Bandit 1.7.6' },
  { python: [3, 8], bandit: [1, 7, 0], why: 'on Python 3.8 and later, Bandit before 1.7.0 sees no string constants: hardcoded passwords (B105-B107) and SQL built from strings (B608) go unreported' },
];

const older = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

/** What a Bandit on this Python is known to miss, or undefined. */
export function banditCaveat(bandit: string, python: string | undefined): string | undefined {
  if (!python) return undefined;
  const b = bandit.split('.').map(Number);
  const p = python.split('.').map(Number);
  const need = NEEDS.find((n) => !older(p, n.python));
  return need && older(b, need.bandit) ? `it runs on Python ${python}, which it predates: ${need.why}; upgrade with \`pipx install bandit\`` : undefined;
}

async function detectBandit({ ports, env, root }: ScannerEnv): Promise<Availability> {
  const probe = await ports.exec({ command: 'bandit', args: ['--version'], cwd: root, env, timeoutMs: 30_000 });
  if (probe.notFound) return { available: false, reason: 'bandit is not on PATH' };
  const text = `${probe.stdout}\n${probe.stderr}`;
  const version = /bandit\s+(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1];
  if (!version) return { available: false, reason: `bandit --version did not say its version (exit ${probe.exitCode ?? 'signal'})` };
  // "  python version = 3.11.2 (main, …)": the interpreter whose syntax tree Bandit reads.
  const python = /python version\s*=\s*(\d+\.\d+(?:\.\d+)?)/.exec(text)?.[1];
  return { available: true, version, caveat: banditCaveat(version, python) };
}

/** Bandit's own default for -x, which a -x of ours would otherwise replace. */
const BANDIT_EXCLUDES = ['.svn', 'CVS', '.bzr', '.hg', '.git', '__pycache__', '.tox', '.eggs', '*.egg'];

/**
 * Walking a folder, Bandit reads a symlinked .py file wherever it points: the links the file list left out are
 * excluded by name (-x takes globs, comma-separated: a comma in a name matches as "?", glob characters as classes).
 */
export function banditSkips(links: readonly string[] | undefined): string[] {
  if (!links?.length) return [];
  const glob = (path: string) => `./${path.replace(/[[*?]/g, (c) => `[${c}]`).replace(/,/g, '?')}`;
  return ['-x', [...BANDIT_EXCLUDES, ...links.map(glob)].join(',')];
}

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
  detect: detectBandit,
  select: byExtension(/\.py$/i),
  command(target) {
    return { command: 'bandit', args: ['-f', 'json', '-o', target.outputFile, '-q', ...(fitsCommandLine(target.files) ? target.files : ['-r', '.', ...banditSkips(target.leftOutLinks)])], cwd: target.root, output: 'file' };
  },
  // 1: issues found; 2: a bad argument or a crash.
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 ? 'findings' : 'error'),
};
