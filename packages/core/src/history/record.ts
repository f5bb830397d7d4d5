import { basename } from 'node:path';
import type { Ports } from '../ports/types.js';
import type { HistoryPoint, Provenance } from '../report/summary.js';
import type { Stage } from '../scanners/types.js';
import { readHistoryFile } from './file.js';
import { onDefaultBranch, type HistoryLine } from './line.js';

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
 * What the platform did not say, from git: the repository (origin's owner/name, else the folder), the branch
 * checked out and origin's default branch.
 */
export async function completeProvenance(provenance: Provenance | undefined, srcRoot: string, ports: Ports, env: Readonly<Record<string, string | undefined>>): Promise<Provenance & { repository: string }> {
  const git = async (...args: string[]) => {
    const result = await ports.exec({ command: 'git', args, cwd: srcRoot, env, timeoutMs: 30_000 });
    return result.exitCode === 0 ? result.stdout.trim() : '';
  };
  const repository = provenance?.repository ?? (repoFromRemote(await git('config', '--get', 'remote.origin.url')) || basename(srcRoot));
  const head = provenance?.branch ? '' : await git('rev-parse', '--abbrev-ref', 'HEAD');
  const branch = provenance?.branch ?? (head && head !== 'HEAD' ? head : undefined);
  const origin = provenance?.defaultBranch ? '' : await git('symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD');
  const defaultBranch = provenance?.defaultBranch ?? (origin.startsWith('origin/') ? origin.slice('origin/'.length) : undefined);
  return { ...provenance, repository, ...(branch ? { branch } : {}), ...(defaultBranch ? { defaultBranch } : {}) };
}

/** Reads the history for a run; corrupt lines are warned about, one each, and skipped. */
export async function loadHistory(options: HistoryOptions, ports: Ports): Promise<HistoryLine[]> {
  const read = await readHistoryFile(options.file, options.shown);
  for (const skipped of read.skipped) ports.log('warn', `${skipped.file}:${skipped.line}: ${skipped.problem}; skipped`);
  return read.lines;
}

/**
 * The trend a run's reports show: the same repository's earlier runs of the same stage on its default
 * branch (on a branch, the default branch's runs are what it is measured against); the last 30.
 */
export function trendOf(lines: readonly HistoryLine[], repo: string, stage: Stage): HistoryPoint[] {
  const own = lines.filter((line) => line.repo === repo && line.stage === stage).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const main = own.filter(onDefaultBranch);
  return (main.length ? main : own)
    .slice(-30)
    .map((line) => ({ date: line.time, byPriority: line.counts.byPriority }));
}
