import { writeFile } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.js';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError, ScannerError } from '../errors.js';
import type { Category } from '../finding.js';
import type { Ports } from '../ports/types.js';
import type { Scanner, ScannerEnv, ScannerTarget } from '../scanners/types.js';
import type { ImagesPolicy } from '../policy/config-schema.js';

/** A native report to normalize: written by a scanner we ran, or given by the user. */
export interface CollectedReport {
  file: string;
  /** Format id; undefined means detect by content. */
  format?: string | undefined;
  /** Set when a scanner of ours wrote it. */
  scanner?: { id: string; version: string; category: Category } | undefined;
}

export type ScannerStatus = 'ran' | 'skipped' | 'failed';

export interface ScannerRun {
  id: string;
  status: ScannerStatus;
  version?: string | undefined;
  durationMs: number;
  exitCode?: number | null | undefined;
  /** Why it was skipped or failed, in one line. */
  reason?: string | undefined;
  /** Files it was given. */
  files: number;
  /** Filled in after normalization. */
  findings?: number | undefined;
  /** What it wrote to stderr last, when it failed. */
  stderrTail?: string | undefined;
}

export interface CollectInput {
  root: string;
  files: readonly string[];
  scanners: readonly Scanner[];
  /** Scanners the user named: missing ones are failures, not skips. */
  explicit: boolean;
  /** Where native reports are kept (for debugging and artifacts). */
  rawDir: string;
  env: Readonly<Record<string, string | undefined>>;
  concurrency?: number;
  /** Run only this shard (1-based index of total) of every scanner's files. */
  shard?: Shard | undefined;
  /** Per-scanner timeouts (ms) from pipewarden.yml, over the scanners' defaults. */
  timeouts?: Readonly<Record<string, number>> | undefined;
  /** With --diff-base: the changed files (relative to root); scanners that take file lists get only these. */
  changed?: ReadonlySet<string> | undefined;
  /**
   * --fail-fast: called with each report as its scanner finishes; true stops the scan (running scanners are
   * stopped, the others skipped).
   */
  stopAfter?: ((report: CollectedReport) => Promise<boolean>) | undefined;
  /** --target-url, for DAST scanners; already checked against dast.allowed_hosts. */
  url?: string | undefined;
  maxScanSeconds?: number | undefined;
  /** --image, for image scanners. */
  image?: string | undefined;
  /** images in pipewarden.yml, for the Dockerfile and image checks. */
  images?: ImagesPolicy | undefined;
  /** --image-archive, --base-archive, --image-report/--base-report, for the image checks. */
  imageArchive?: string | undefined;
  baseArchives?: readonly string[] | undefined;
  vulnerabilityReports?: { image: string; base: string } | undefined;
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

async function runOne(scanner: Scanner, input: CollectInput, ports: Ports, signal?: AbortSignal): Promise<{ run: ScannerRun; report?: CollectedReport }> {
  const scannerEnv = { ports, env: input.env, root: input.root };
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const timeoutMs = input.timeouts?.[scanner.id] ?? scanner.timeoutMs;
  // What it would scan decides whether it applies; only a scanner that applies needs to be installed.
  const shard = input.shard;
  const changed = input.changed;
  const byUrl = scanner.target === 'url' || scanner.target === 'image';
  const targetValue = scanner.target === 'url' ? input.url : scanner.target === 'image' ? (input.image ?? input.imageArchive) : undefined;
  if (byUrl && !targetValue) {
    const reason = scanner.target === 'url' ? 'needs --target-url (the running application)' : 'needs --image or --image-archive (the image the pipeline built)';
    return { run: { id: scanner.id, status: input.explicit ? 'failed' : 'skipped', reason: input.explicit ? reason : NOTHING_TO_SCAN, durationMs: elapsed(), files: 0 } };
  }
  const applicable = byUrl ? [targetValue!] : scanner.select(changed && scanner.fileList ? input.files.filter((file) => changed.has(file)) : input.files);
  const files = byUrl ? [] : applicable.filter((file) => !shard || shardOf(`${scanner.id}\u0000${file}`, shard.total) === shard.index);
  if (applicable.length === 0 && !input.explicit) {
    return { run: { id: scanner.id, status: 'skipped', reason: NOTHING_TO_SCAN, durationMs: elapsed(), files: 0 } };
  }
  const availability = await scanner.detect(scannerEnv);
  if (!availability.available) {
    const reason = `${availability.reason}; ${scanner.installHint}`;
    return { run: { id: scanner.id, status: input.explicit ? 'failed' : 'skipped', reason, durationMs: elapsed(), files: 0 } };
  }
  if (files.length === 0 && !byUrl) {
    const reason = shard && applicable.length ? `no files for it to scan in shard ${shard.index}/${shard.total}` : NOTHING_TO_SCAN;
    return { run: { id: scanner.id, status: 'skipped', version: availability.version, reason, durationMs: elapsed(), files: 0 } };
  }
  const outputFile = join(input.rawDir, `${scanner.id}.${scanner.format === 'sarif' ? 'sarif' : 'json'}`);
  const what = byUrl ? targetValue! : `${files.length} file${files.length === 1 ? '' : 's'}`;
  ports.log('info', `${scanner.id} ${availability.version}: scanning ${what}`);
  ports.progress?.({ type: 'start', scanner: scanner.id, target: what });
  const target: ScannerTarget = { root: input.root, files, outputFile, url: input.url, image: input.image, maxScanSeconds: input.maxScanSeconds, images: input.images, imageArchive: input.imageArchive, baseArchives: input.baseArchives, vulnerabilityReports: input.vulnerabilityReports, now: input.now };
  if (scanner.analyze) return runBuiltIn(scanner, target, scannerEnv, { version: availability.version, timeoutMs, elapsed });
  let command;
  try {
    command = scanner.command(target, scannerEnv);
  } catch (error) {
    return { run: { id: scanner.id, status: 'failed', version: availability.version, reason: (error as Error).message, durationMs: elapsed(), files: files.length } };
  }
  const result = await ports.exec({ command: command.command, args: command.args, cwd: command.cwd, env: command.env ? { ...input.env, ...command.env } : input.env, timeoutMs, signal });
  if (signal?.aborted) return { run: { id: scanner.id, status: 'skipped', version: availability.version, reason: STOPPED, durationMs: elapsed(), files: files.length } };
  const base = { id: scanner.id, version: availability.version, durationMs: elapsed(), exitCode: result.exitCode, files: files.length, stderrTail: tail(result.stderr) };
  if (result.notFound) return { run: { ...base, status: 'failed', reason: `${command.command} not found; ${scanner.installHint}` } };
  if (result.timedOut) return { run: { ...base, status: 'failed', reason: `timed out after ${Math.round(timeoutMs / 1000)} s; it was stopped with the processes it started` } };
  if (result.exitCode === null || scanner.exitMeaning(result.exitCode) === 'error') {
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').find((line) => line.trim()) ?? 'no output';
    return { run: { ...base, status: 'failed', reason: `exited with ${result.exitCode ?? 'a signal'}: ${detail.slice(0, 300)}` } };
  }
  if (command.output === 'stdout') await writeFile(outputFile, result.stdout);
  if (command.output === 'convert') {
    try {
      const log = scanner.convert!({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }, { root: input.root, files, outputFile });
      await writeFile(outputFile, JSON.stringify(log));
    } catch (error) {
      return { run: { ...base, status: 'failed', reason: `its output could not be read: ${(error as Error).message}` } };
    }
  }
  return {
    run: { ...base, status: 'ran' },
    report: { file: outputFile, format: scanner.format, scanner: { id: scanner.id, version: availability.version, category: scanner.category } },
  };
}

/** A scanner of our own, in this process: bounded by its timeout like a tool, its log written like a tool's report. */
async function runBuiltIn(scanner: Scanner, target: ScannerTarget, env: ScannerEnv, at: { version: string; timeoutMs: number; elapsed: () => number }): Promise<{ run: ScannerRun; report?: CollectedReport }> {
  const base = { id: scanner.id, version: at.version, files: target.files.length };
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(at.timeoutMs / 1000)} s`)), at.timeoutMs);
    });
    const log = await Promise.race([scanner.analyze!(target, env), timeout]);
    await writeFile(target.outputFile, JSON.stringify(log));
  } catch (error) {
    return { run: { ...base, status: 'failed', reason: error instanceof InputError ? error.toLine() : (error as Error).message, durationMs: at.elapsed() } };
  } finally {
    clearTimeout(timer);
  }
  return {
    run: { ...base, status: 'ran', exitCode: 0, durationMs: at.elapsed() },
    report: { file: target.outputFile, format: scanner.format, scanner: { id: scanner.id, version: at.version, category: scanner.category } },
  };
}

/** The last lines a failed scanner wrote to stderr, for the SARIF run that records the failure. */
function tail(stderr: string): string | undefined {
  const lines = stderr.trim().split('\n').filter((line) => line.trim());
  return lines.length ? lines.slice(-20).join('\n').slice(-4000) : undefined;
}

export const NOTHING_TO_SCAN = 'no files for it to scan';
export const STOPPED = 'stopped by --fail-fast after a scanner failed the gate';

/** Runs the chosen scanners side by side (bounded), each into its own native report. */
export async function collect(input: CollectInput, ports: Ports): Promise<Collected> {
  ensureDir(input.rawDir);
  const concurrency = Math.max(1, input.concurrency ?? availableParallelism());
  const outcomes: { run: ScannerRun; report?: CollectedReport }[] = new Array(input.scanners.length);
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
        outcomes[index] = await runOne(scanner, input, ports, stop.signal);
      } catch (error) {
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
