import { PROP } from '../sarif/props.js';
import { InputError } from '../errors.js';
import type { Ports } from '../ports/types.js';
import { SRCROOT, type Log, type Result, type Run } from '../sarif/types.js';
import { decodeUri } from '../sarif/uri.js';

/** reviewdog's filter modes: the added or changed lines, their hunks, the changed files, or everything. */
export const DIFF_FILTERS = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type DiffFilter = (typeof DIFF_FILTERS)[number];

export const SCOPE_PROP = PROP.scope;

interface FileChange {
  added: Set<number>;
  hunks: [number, number][];
}

export interface DiffScope {
  /** The merge-base commit the change is measured from. */
  base: string;
  /** Changed files by repository-relative POSIX path (the new name for renames). */
  files: Map<string, FileChange>;
}

/** Parses `git diff` output (unified, any context) into added lines and hunk ranges per new path. */
export function parseUnifiedDiff(text: string): Map<string, FileChange> {
  const files = new Map<string, FileChange>();
  let current: FileChange | undefined;
  let line = 0;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('diff --git ')) {
      current = undefined;
      continue;
    }
    if (raw.startsWith('+++ ')) {
      const path = raw.slice(4).replace(/\t.*$/, '');
      if (path === '/dev/null') {
        current = undefined;
      } else {
        current = { added: new Set(), hunks: [] };
        files.set(path.replace(/^b\//, ''), current);
      }
      continue;
    }
    if (raw.startsWith('--- ')) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      current?.hunks.push([line, line + Math.max(count, 1) - 1]);
      continue;
    }
    if (!current) continue;
    if (raw.startsWith('+')) current.added.add(line++);
    else if (raw.startsWith(' ')) line++;
  }
  return files;
}

/** What changed since the merge-base of REF and HEAD, in the work tree (uncommitted and untracked files count). */
export async function readDiffScope(srcRoot: string, ref: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): Promise<DiffScope> {
  const git = (args: string[]) => ports.exec({ command: 'git', args: ['-c', 'core.quotepath=off', ...args], cwd: srcRoot, env, timeoutMs: 120_000 });
  const mergeBase = await git(['merge-base', ref, 'HEAD']);
  if (mergeBase.notFound) throw new InputError('git is not installed; --diff-base needs it', { file: '--diff-base' });
  if (mergeBase.exitCode !== 0) {
    throw new InputError(`"${ref}" has no merge-base with HEAD here (${(mergeBase.stderr.trim().split('\n')[0] ?? '').replace(/^fatal: /, '') || 'unknown ref'}); in CI, fetch it first (git fetch origin ${ref})`, { file: '--diff-base' });
  }
  const base = mergeBase.stdout.trim();
  const diff = await git(['diff', '--no-color', '--no-ext-diff', '--unified=3', '-M', base, '--']);
  if (diff.exitCode !== 0) throw new InputError(`git diff failed: ${diff.stderr.trim().split('\n')[0] ?? ''}`, { file: '--diff-base' });
  const files = parseUnifiedDiff(diff.stdout);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard']);
  for (const path of untracked.exitCode === 0 ? untracked.stdout.split('\0').filter(Boolean) : []) {
    // A new file: every line is added.
    files.set(path, { added: new Set(), hunks: [[1, Number.MAX_SAFE_INTEGER]] });
  }
  return { base, files };
}

function inScope(run: Run, result: Result, scope: DiffScope, filter: DiffFilter): boolean {
  if (filter === 'nofilter') return true;
  const physical = result.locations?.[0]?.physicalLocation;
  const artifact = physical?.artifactLocation;
  const uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
  // A URL, an image or a cluster has no place in the diff: it is always in scope.
  if (!uri || (artifact?.uriBaseId !== undefined && artifact.uriBaseId !== SRCROOT)) return true;
  const change = scope.files.get(decodeUri(uri));
  if (!change) return false;
  const start = physical?.region?.startLine;
  if (filter === 'file' || start === undefined) return true;
  const end = Math.max(start, physical?.region?.endLine ?? start);
  const whole = change.hunks.some(([from, to]) => from === 1 && to === Number.MAX_SAFE_INTEGER);
  if (whole) return true;
  if (filter === 'diff_context') return change.hunks.some(([from, to]) => start <= to && end >= from);
  for (let line = start; line <= end; line++) if (change.added.has(line)) return true;
  return false;
}

/** Marks every result in or out of the change; nothing is dropped, only what the gate looks at changes. */
export function applyScope(log: Log, scope: DiffScope, filter: DiffFilter): { in: number; out: number } {
  const counts = { in: 0, out: 0 };
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const inside = inScope(run, result, scope, filter);
      result.properties = { ...result.properties, [SCOPE_PROP]: inside ? 'in' : 'out' };
      counts[inside ? 'in' : 'out']++;
    }
  }
  return counts;
}
