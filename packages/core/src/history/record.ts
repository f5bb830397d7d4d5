import { basename, join, resolve } from 'node:path';
import type { Ports } from '../ports/types.js';
import type { HistoryPoint, Provenance } from '../model/provenance.js';
import type { Stage } from '../model/stage.js';
import { readHistoryFile, type HistoryRead } from './file.js';
import { historyTrendLineSchema, onDefaultBranch, type HistoryTrendLine } from './line.js';

/** Where a run's line goes, and what it is read for first. */
export interface HistoryOptions {
  /** The JSON Lines file (absolute). */
  file: string;
  /** The path as the user wrote it, for messages. */
  shown: string;
}

/** owner/name from a git remote URL (https, ssh or scp-like), without .git. */
export function repoFromRemote(url: string): string | undefined {
  const path = url
    .trim()
    .replace(/\.git\/?$/, '')
    .replace(/^[a-z+]+:\/\/[^/]+\//i, '')
    .replace(/^[^@/:]+@[^:/]+:/, '');
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? parts.slice(-2).join('/') : undefined;
}

/**
 * What the platform did not say, from git, asked at once: the commit (HEAD), the repository (origin's
 * owner/name, else the folder), the branch checked out and origin's default branch.
 */
export async function completeProvenance(provenance: Provenance | undefined, srcRoot: string, ports: Ports, env: Readonly<Record<string, string | undefined>>): Promise<Provenance & { repository: string }> {
  const git = async (known: string | undefined, ...args: string[]) => {
    if (known) return '';
    const result = await ports.exec({ command: 'git', args, cwd: srcRoot, env, timeoutMs: 30_000 });
    return result.exitCode === 0 ? result.stdout.trim() : '';
  };
  const [head, remote, checkedOut, origin] = await Promise.all([
    git(provenance?.commit, 'rev-parse', 'HEAD'),
    git(provenance?.repository, 'config', '--get', 'remote.origin.url'),
    git(provenance?.branch, 'rev-parse', '--abbrev-ref', 'HEAD'),
    git(provenance?.defaultBranch, 'symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'),
  ]);
  const commit = provenance?.commit ?? (head || undefined);
  const repository = provenance?.repository ?? (repoFromRemote(remote) || basename(srcRoot));
  const branch = provenance?.branch ?? (checkedOut && checkedOut !== 'HEAD' ? checkedOut : undefined);
  const defaultBranch = provenance?.defaultBranch ?? (origin.startsWith('origin/') ? origin.slice('origin/'.length) : undefined);
  return { ...provenance, ...(commit ? { commit } : {}), repository, ...(branch ? { branch } : {}), ...(defaultBranch ? { defaultBranch } : {}) };
}

/** The history file a run adds its line to: the one named, else the config's, else the out-dir's; none when off. */
export function historyFileOf(options: { named?: string | undefined; off?: boolean | undefined; configured?: string | undefined; outDir: string; cwd: string }): HistoryOptions | undefined {
  if (options.off) return undefined;
  const shown = options.named ?? options.configured ?? join(options.outDir, 'history.jsonl');
  return { file: resolve(options.cwd, shown), shown };
}

/** Reads a history; corrupt lines are warned about, one each with its number, and skipped. */
export async function loadHistory(options: HistoryOptions, warn: (message: string) => void): Promise<HistoryRead> {
  const read = await readHistoryFile(options.file, options.shown);
  for (const skipped of read.skipped) warn(`${skipped.file}:${skipped.line}: ${skipped.problem}; skipped`);
  return read;
}

/** Reads what the trend needs of a history (`trendOf`), the same way: no line's findings are kept. */
export async function loadTrendHistory(options: HistoryOptions, warn: (message: string) => void): Promise<HistoryRead<HistoryTrendLine>> {
  const read = await readHistoryFile(options.file, options.shown, historyTrendLineSchema);
  for (const skipped of read.skipped) warn(`${skipped.file}:${skipped.line}: ${skipped.problem}; skipped`);
  return read;
}

/**
 * The trend a run's reports show: the same repository's earlier runs of the same stage on its default
 * branch (on a branch, the default branch's runs are what it is measured against); the last 30.
 */
export function trendOf(lines: readonly HistoryTrendLine[], repo: string, stage: Stage): HistoryPoint[] {
  const own = lines.filter((line) => line.repo === repo && line.stage === stage).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const main = own.filter(onDefaultBranch);
  return (main.length ? main : own)
    .slice(-30)
    .map((line) => ({ date: line.time, byPriority: line.counts.byPriority }));
}
