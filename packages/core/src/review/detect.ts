import type { DiffScope } from '../identity/scope.js';
import type { Ports } from '../ports/types.js';
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

/** Each changed file with its text now (read under the root, never through a link out of it) and at the base (git show). */
async function changedFiles(input: ReviewInput): Promise<ChangedFile[]> {
  const reader = rootReader(input.srcRoot);
  const out: ChangedFile[] = [];
  for (const [path, change] of input.scope.files) {
    const now = await reader.read(path, { maxBytes: MAX_BYTES });
    const shown = await input.ports.exec({ command: 'git', args: ['show', `${input.scope.base}:${path}`], cwd: input.srcRoot, env: input.env, timeoutMs: 60_000 });
    const base = shown.exitCode === 0 && shown.stdout.length <= MAX_BYTES && !shown.stdout.slice(0, 8000).includes('\0') ? shown.stdout : undefined;
    out.push({ path, added: change.added, hunks: change.hunks, head: 'data' in now ? text(now.data) : undefined, base });
  }
  return out;
}

/** Why the change since the diff base needs a security reviewer; empty when it does not. */
export async function detectHighRisk(input: ReviewInput): Promise<HighRiskReason[]> {
  const files = await changedFiles(input);
  const signals = [...(await codeSignals(files)), ...files.flatMap((f) => [...ciSignals(f), ...infraSignals(f), ...dependencySignals(f)])];
  return applyRules(input.config, signals, files);
}
