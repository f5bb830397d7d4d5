import type { DiffScope } from '../identity/scope.js';
import type { Ports } from '../ports/types.js';
import { readsFile } from '@pipewarden/sast/files';
import { rootReader } from '../files/safe-read.js';
import { ciSignals } from './ci.js';
import { codeSignals } from './code.js';
import type { HighRiskConfig } from './config.js';
import { infraSignals } from './infra.js';
import { dependencySignals } from './manifests.js';
import { applyRules, type HighRiskReason } from './rules.js';
import type { ChangedFile } from './signal.js';

/** Text files past this are not read for review (a generated bundle, a data dump): their path still counts. */
const MAX_BYTES = 2 * 1024 * 1024;

export interface ReviewInput {
  /** The repository's top folder: the diff's paths are relative to it. */
  srcRoot: string;
  scope: DiffScope;
  config: HighRiskConfig;
  ports: Pick<Ports, 'exec'>;
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

const text = (data: Buffer) => (data.subarray(0, 8000).includes(0) ? undefined : data.toString('utf8'));

/** Added and deleted paths since the base (the diff scope keeps only what the new tree has). */
async function statusOf(input: ReviewInput): Promise<{ added: Set<string>; deleted: string[] }> {
  const diff = await input.ports.exec({ command: 'git', args: ['-c', 'core.quotepath=off', 'diff', '--name-status', '-z', '--no-renames', input.scope.base, '--'], cwd: input.srcRoot, env: input.env, timeoutMs: 120_000 });
  const parts = diff.exitCode === 0 ? diff.stdout.split('\0') : [];
  const added = new Set<string>();
  const deleted: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === 'A') added.add(parts[i + 1]!);
    if (parts[i] === 'D') deleted.push(parts[i + 1]!);
  }
  return { added, deleted };
}

/**
 * Each changed file with its text now (read under the root, never through a link out of it) and, where a
 * detector compares (pipelines, manifests, infrastructure: anything but source code), at the base.
 */
async function changedFiles(input: ReviewInput): Promise<ChangedFile[]> {
  const reader = rootReader(input.srcRoot);
  const status = await statusOf(input);
  const atBase = async (path: string) => {
    const shown = await input.ports.exec({ command: 'git', args: ['show', `${input.scope.base}:${path}`], cwd: input.srcRoot, env: input.env, timeoutMs: 60_000 });
    return shown.exitCode === 0 && shown.stdout.length <= MAX_BYTES && !shown.stdout.slice(0, 8000).includes('\0') ? shown.stdout : undefined;
  };
  const out: ChangedFile[] = [];
  for (const [path, change] of input.scope.files) {
    const now = await reader.read(path, { maxBytes: MAX_BYTES });
    // An untracked file (not in git's diff) is new too.
    const isNew = status.added.has(path) || change.hunks.some(([, end]) => end === Number.MAX_SAFE_INTEGER);
    const base = isNew ? undefined : readsFile(path) ? '' : await atBase(path);
    out.push({ path, added: change.added, hunks: change.hunks, head: 'data' in now ? text(now.data) : undefined, base });
  }
  // A removed pipeline, CODEOWNERS or security module is a change too: it has no lines left to point at.
  for (const path of status.deleted) out.push({ path, added: new Set(), hunks: [], head: undefined, base: await atBase(path) });
  return out;
}

/** Why the change since the diff base needs a security reviewer; empty when it does not. */
export async function detectHighRisk(input: ReviewInput): Promise<HighRiskReason[]> {
  const files = await changedFiles(input);
  const signals = await codeSignals(files);
  for (const f of files) signals.push(...(await ciSignals(f)), ...infraSignals(f), ...(await dependencySignals(f)));
  return applyRules(input.config, signals, files);
}
