import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Ports } from '../ports/types.js';

/** Never scanned: dependencies, VCS data, build caches and our own output. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'bower_components', '.pipewarden', '.turbo', '.venv', 'venv', '__pycache__', '.tox', '.next', '.cache']);

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Files in git's index may be gone from the work tree (deleted, not yet staged): scanners must not get them. */
async function inWorkTree(root: string, files: string[]): Promise<string[]> {
  const present = await Promise.all(files.map((file) => lstat(join(root, file)).then((info) => info.isFile() || info.isSymbolicLink(), () => false)));
  return files.filter((_, index) => present[index]);
}

/**
 * The files to scan below root, relative and in POSIX form. Inside a git work tree this is what git
 * tracks plus untracked files it does not ignore, so .gitignore is honoured; elsewhere a walk.
 */
export async function listFiles(root: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>, onSkipped?: (path: string) => void): Promise<string[]> {
  const git = await ports.exec({ command: 'git', args: ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], cwd: root, env, timeoutMs: 60_000 });
  if (git.exitCode === 0) {
    const files = [...new Set(git.stdout.split('\0').filter(Boolean))];
    const kept = files.filter((file) => {
      if (!file.split('/').some((part) => SKIP_DIRS.has(part))) return true;
      onSkipped?.(file);
      return false;
    });
    return inWorkTree(root, kept.sort());
  }
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        // Outside git a dependency folder is not entered at all (it can hold a hundred thousand files).
        if (!SKIP_DIRS.has(entry.name)) await walk(join(dir, entry.name));
        else onSkipped?.(`${toPosix(relative(root, join(dir, entry.name)))}/`);
      } else if (entry.isFile()) {
        out.push(toPosix(relative(root, join(dir, entry.name))));
      }
    }
  }
  await walk(root);
  return out.sort();
}

/** Files staged in git (added, copied, modified, renamed), relative to root. */
export async function listStagedFiles(root: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): Promise<string[] | undefined> {
  const git = await ports.exec({ command: 'git', args: ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', '.'], cwd: root, env, timeoutMs: 60_000 });
  if (git.exitCode !== 0) return undefined;
  return inWorkTree(root, git.stdout.split('\0').filter(Boolean).sort());
}
