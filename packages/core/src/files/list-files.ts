import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Ports } from '../ports/types.js';
import { rootReader, type RootReader } from './safe-read.js';

/**
 * Never scanned: dependencies, VCS data, build caches and our own output; package managers' caches and our
 * tool cache too, which CI keeps inside the checkout to cache them (they hold other projects' lockfiles).
 */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'bower_components', '.pipewarden', '.turbo', '.venv', 'venv', '__pycache__', '.tox', '.next', '.cache', '.npm', '.pnpm-store', '.pipewarden-cache']);

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Why a listed path is not given to scanners although it is there: a symlink that leads outside the root (no
 * tool should read what it points at), or one to something that is not a regular file (a FIFO, a device).
 */
export type LeftOut = 'outside' | 'special';

/** Told of each path left out of the list: a dependency folder (no reason), or a symlink (see LeftOut). */
export type OnSkipped = (path: string, why?: LeftOut) => void;

/** What a symlink under root leads to: a regular file inside it (kept), or why it is left out. */
async function linkTarget(reader: RootReader, path: string): Promise<'file' | 'folder' | 'dangling' | LeftOut> {
  const where = await reader.locate(path);
  if ('refused' in where) return where.refused === 'outside' ? 'outside' : 'dangling';
  const info = await stat(where.real).catch(() => undefined);
  if (info?.isFile()) return 'file';
  // A link to a folder inside the root: its files are listed where they are, not a second time through it.
  return info?.isDirectory() ? 'folder' : 'special';
}

/**
 * Files in git's index may be gone from the work tree (deleted, not yet staged): scanners must not get them.
 * Nor a symlink out of the root (scanners would read what it points at) or to a FIFO or device (they would wait
 * on it or read it forever).
 */
async function inWorkTree(root: string, files: string[], onSkipped?: OnSkipped): Promise<string[]> {
  const reader = rootReader(root);
  const present = await Promise.all(
    files.map(async (file) => {
      const info = await lstat(join(root, file)).catch(() => undefined);
      if (!info) return false;
      if (info.isFile()) return true;
      if (!info.isSymbolicLink()) return false;
      const target = await linkTarget(reader, file);
      if (target === 'outside' || target === 'special') onSkipped?.(file, target);
      return target === 'file';
    }),
  );
  return files.filter((_, index) => present[index]);
}

/**
 * The files to scan below root, relative and in POSIX form. Inside a git work tree this is what git
 * tracks plus untracked files it does not ignore, so .gitignore is honoured; elsewhere a walk.
 */
export async function listFiles(root: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>, onSkipped?: OnSkipped): Promise<string[]> {
  const git = await ports.exec({ command: 'git', args: ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], cwd: root, env, timeoutMs: 60_000 });
  if (git.exitCode === 0) {
    const files = [...new Set(git.stdout.split('\0').filter(Boolean))];
    const kept = files.filter((file) => {
      if (!file.split('/').some((part) => SKIP_DIRS.has(part))) return true;
      onSkipped?.(file);
      return false;
    });
    return inWorkTree(root, kept.sort(), onSkipped);
  }
  const out: string[] = [];
  const reader = rootReader(root);
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        // Outside git a dependency folder is not entered at all (it can hold a hundred thousand files).
        if (!SKIP_DIRS.has(entry.name)) await walk(join(dir, entry.name));
        else onSkipped?.(`${toPosix(relative(root, join(dir, entry.name)))}/`);
      } else if (entry.isFile()) {
        out.push(toPosix(relative(root, join(dir, entry.name))));
      } else if (entry.isSymbolicLink()) {
        // Outside git symlinks are not followed (as before); one that leads out of the root is said so.
        const path = toPosix(relative(root, join(dir, entry.name)));
        const target = await linkTarget(reader, path);
        if (target === 'outside' || target === 'special') onSkipped?.(path, target);
      }
    }
  }
  await walk(root);
  return out.sort();
}

/** Files staged in git (added, copied, modified, renamed), relative to root. */
export async function listStagedFiles(root: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>, onSkipped?: OnSkipped): Promise<string[] | undefined> {
  const git = await ports.exec({ command: 'git', args: ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--relative', '--', '.'], cwd: root, env, timeoutMs: 60_000 });
  if (git.exitCode !== 0) return undefined;
  return inWorkTree(root, git.stdout.split('\0').filter(Boolean).sort(), onSkipped);
}
