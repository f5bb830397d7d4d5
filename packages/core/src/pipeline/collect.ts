import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { InternalError, ScannerError } from '../errors.js';
import type { Category } from '../finding.js';
import { ensureDir } from '../files/ensure-dir.js';
import { NOTHING_TO_SCAN, STOPPED, type ScannerRun } from '../model/scanner-run.js';
import type { Targets } from '../model/targets.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { Ports } from '../ports/types.js';
import type { AdvisorySettings } from '../risk/advisories.js';
import type { Feeds } from '../risk/feeds.js';
import type { Log } from '../sarif/types.js';
import type { Scanner } from '../scanners/types.js';
import { runScanner, type ScannerOutcome } from './run-scanner.js';

/** A native report to normalize: written by a scanner we ran, or given by the user. */
export interface CollectedReport {
  file: string;
  /** Format id; undefined means detect by content. */
  format?: string | undefined;
  /** Set when a scanner of ours wrote it. */
  scanner?: { id: string; version: string; category: Category } | undefined;
  /** The scanner's own additions to its normalized log (rule severities, CWE tags). */
  annotate?: ((log: Log) => void) | undefined;
}

export interface CollectInput {
  root: string;
  files: readonly string[];
  /** The files with third-party code (not the user's exclusions): what dependency and image scanners look at. */
  filesWithThirdParty?: readonly string[] | undefined;
  /** Symlinks left out of the lists (out of the root, or to a FIFO or device): passed on to scanners that walk the folder. */
  leftOutLinks?: readonly string[] | undefined;
  scanners: readonly Scanner[];
  /** Scanners the user named: missing ones are failures, not skips. */
  explicit: boolean;
  /** Where native reports are kept (for debugging and artifacts). */
  rawDir: string;
  env: Readonly<Record<string, string | undefined>>;
  config: PipewardenConfig;
  /** What the run targets besides files (URL, image), passed to the scanners unchanged. */
  targets: Targets;
  /** Each scanner's own options (scanners.<id>), parsed by its schema. */
  options?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  /** KEV and EPSS, loaded on first call, for analyzers that weigh what they find. */
  feeds: () => Promise<Feeds>;
  /** Where OSV advisories come from, for the dependency check (docs/sca.md). */
  advisories?: AdvisorySettings | undefined;
  concurrency?: number;
  /** Run only this shard (1-based index of total) of every scanner's files. */
  shard?: Shard | undefined;
  /** Per-scanner timeouts (ms) from pipewarden.yml, over the scanners' defaults. */
  timeouts?: Readonly<Record<string, number>> | undefined;
  /** With --diff-base: the changed files (relative to root); scanners that take file lists get only these. */
  changed?: ReadonlySet<string> | undefined;
  /** --fail-fast: called with each report as its scanner finishes; true stops the scan (running scanners stopped, the others skipped). */
  stopAfter?: ((report: CollectedReport) => Promise<boolean>) | undefined;
  now?: Date | undefined;
}

export interface Shard {
  index: number;
  total: number;
}

/** Which shard (1-based) a piece of work falls in: by a hash, so every job agrees without talking. */
export function shardOf(key: string, total: number): number {
  return (parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16) % total) + 1;
}

export interface Collected {
  reports: CollectedReport[];
  runs: ScannerRun[];
}

/** Runs the chosen scanners side by side (bounded), each into its own native report. */
export async function collect(input: CollectInput, ports: Ports): Promise<Collected> {
  ensureDir(input.rawDir);
  const concurrency = Math.max(1, input.concurrency ?? availableParallelism());
  const outcomes: ScannerOutcome[] = new Array(input.scanners.length);
  // Cheap scanners first: their results (and their failures) come in seconds.
  const order = input.scanners.map((scanner, index) => ({ scanner, index })).sort((a, b) => (a.scanner.cost ?? 3) - (b.scanner.cost ?? 3) || a.index - b.index);
  let next = 0;
  const stop = new AbortController();
  async function worker(): Promise<void> {
    while (next < order.length) {
      const { scanner, index } = order[next++]!;
      if (stop.signal.aborted) {
        outcomes[index] = { run: { id: scanner.id, status: 'skipped', reason: STOPPED, durationMs: 0, files: 0 } };
        continue;
      }
      try {
        outcomes[index] = await runScanner(scanner, input, ports, stop.signal);
      } catch (error) {
        if (error instanceof InternalError) throw error;
        throw new ScannerError(scanner.id, (error as Error).message, { file: scanner.id, cause: error });
      }
      const { run, report } = outcomes[index]!;
      if (run.status !== 'skipped' || run.reason !== NOTHING_TO_SCAN) ports.progress?.({ type: 'end', scanner: run.id, status: run.status, durationMs: run.durationMs, reason: run.reason });
      if (report && input.stopAfter && !stop.signal.aborted && (await input.stopAfter(report))) {
        ports.log('warn', `${scanner.id} failed the gate: --fail-fast stops the scan`);
        stop.abort();
      }
      if (run.status === 'failed') ports.log('warn', `${scanner.id}: failed: ${run.reason}`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, input.scanners.length) }, worker));
  return {
    runs: outcomes.map((outcome) => outcome.run),
    reports: outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : [])),
  };
}
