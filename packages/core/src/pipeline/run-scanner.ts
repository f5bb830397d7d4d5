import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InternalError, isPipewardenError } from '../errors.js';
import { NOTHING_TO_SCAN, STOPPED, type ScannerRun } from '../model/scanner-run.js';
import { maskedCommandLine } from '../sarif/command-line.js';
import { redactText } from '../sarif/redact.js';
import type { Ports } from '../ports/types.js';
import type { AnalyzerContext, AnalyzerScanner, CommandScanner, Scanner, ScannerEnv, ScannerTarget } from '../scanners/types.js';
import { shardOf, type CollectInput, type CollectedReport } from './collect.js';
import { installHintOf } from '../tools/resolve.js';

export interface ScannerOutcome {
  run: ScannerRun;
  report?: CollectedReport;
}

interface Started {
  version: string;
  timeoutMs: number;
  elapsed: () => number;
  startedAt: string;
  caveat?: string | undefined;
}

/** What the scanner would look at, and whether it applies at all; only one that applies needs to be installed. */
function workOf(scanner: Scanner, input: CollectInput): { byTarget: boolean; what?: string; applicable: readonly string[]; files: readonly string[]; missing?: string } {
  const { targets, shard, changed } = input;
  if (scanner.target === 'url' || scanner.target === 'image') {
    const what = scanner.target === 'url' ? targets.url?.href : (targets.image ?? targets.imageArchive);
    const missing = what ? undefined : scanner.target === 'url' ? 'needs --target-url (the running application)' : 'needs --image or --image-archive (the image the pipeline built)';
    return { byTarget: true, what, applicable: what ? [what] : [], files: [], missing };
  }
  // A vulnerable library is found where it is vendored or installed: dependency scanners see third-party code.
  const pool = scanner.category === 'sca' || scanner.category === 'container' ? (input.filesWithThirdParty ?? input.files) : input.files;
  const applicable = scanner.select(changed && scanner.fileList ? pool.filter((file) => changed.has(file)) : pool);
  const files = applicable.filter((file) => !shard || shardOf(`${scanner.id}\u0000${file}`, shard.total) === shard.index);
  return { byTarget: false, applicable, files };
}

/** One scanner, from "does it apply" to its native report in raw/. */
export async function runScanner(scanner: Scanner, input: CollectInput, ports: Ports, signal?: AbortSignal): Promise<ScannerOutcome> {
  const scannerEnv: ScannerEnv = { ports, env: input.env, root: input.root };
  const began = performance.now();
  // Whole milliseconds at the source: SARIF stores them rounded, and `report` must print what `scan` printed.
  const elapsed = () => Math.round(performance.now() - began);
  const skip = (reason: string, extra: Partial<ScannerRun> = {}): ScannerOutcome => ({ run: { id: scanner.id, status: 'skipped', reason, durationMs: elapsed(), files: 0, ...extra } });
  const work = workOf(scanner, input);
  if (work.missing) {
    return input.explicit ? { run: { id: scanner.id, status: 'failed', reason: work.missing, durationMs: elapsed(), files: 0 } } : skip(NOTHING_TO_SCAN);
  }
  if (work.applicable.length === 0 && !input.explicit) return skip(NOTHING_TO_SCAN);
  const availability = await scanner.detect(scannerEnv);
  if (!availability.available) {
    const reason = `${availability.reason}; ${installHintOf(scanner)}`;
    return { run: { id: scanner.id, status: input.explicit ? 'failed' : 'skipped', reason, durationMs: elapsed(), files: 0 } };
  }
  if (work.files.length === 0 && !work.byTarget) {
    const reason = input.shard && work.applicable.length ? `no files for it to scan in shard ${input.shard.index}/${input.shard.total}` : NOTHING_TO_SCAN;
    return skip(reason, { version: availability.version });
  }
  const outputFile = join(input.rawDir, `${scanner.id}.${scanner.format === 'sarif' ? 'sarif' : 'json'}`);
  const what = work.byTarget ? work.what! : `${work.files.length} file${work.files.length === 1 ? '' : 's'}`;
  ports.log('info', `${scanner.id} ${availability.version}: scanning ${what}`);
  ports.progress?.({ type: 'start', scanner: scanner.id, target: what });
  const target: ScannerTarget = { root: input.root, files: work.files, leftOutLinks: input.leftOutLinks, outputFile, targets: input.targets, config: input.config, options: input.options?.[scanner.id] ?? {}, now: input.now };
  // A report left by an earlier run must never be read as this run's: a tool that writes nothing (OSV-Scanner
  // finding no packages, a crash) leaves no file, not yesterday's.
  await rm(outputFile, { force: true });
  const started: Started = { caveat: availability.caveat, version: availability.version, timeoutMs: input.timeouts?.[scanner.id] ?? scanner.timeoutMs, elapsed, startedAt: new Date().toISOString() };
  if (scanner.kind === 'analyzer') return runAnalyzer(scanner, target, { ...scannerEnv, feeds: input.feeds, log: ports.log, advisories: input.advisories }, started);
  return runCommand(scanner, target, scannerEnv, input, started, signal);
}

async function runCommand(scanner: CommandScanner, target: ScannerTarget, scannerEnv: ScannerEnv, input: CollectInput, at: Started, signal?: AbortSignal): Promise<ScannerOutcome> {
  const files = target.files;
  let command;
  try {
    command = scanner.command(target, scannerEnv);
  } catch (error) {
    return { run: { id: scanner.id, status: 'failed', version: at.version, reason: (error as Error).message, durationMs: at.elapsed(), files: files.length } };
  }
  const result = await scannerEnv.ports.exec({ command: command.command, args: command.args, cwd: command.cwd, env: command.env ? { ...input.env, ...command.env } : input.env, timeoutMs: at.timeoutMs, signal });
  if (signal?.aborted) return { run: { id: scanner.id, status: 'skipped', version: at.version, reason: STOPPED, durationMs: at.elapsed(), files: files.length } };
  const base = {
    id: scanner.id,
    version: at.version,
    durationMs: at.elapsed(),
    exitCode: result.exitCode,
    files: files.length,
    stderrTail: tail(result.stderr),
    startedAt: at.startedAt,
    endedAt: new Date().toISOString(),
    ...(at.caveat ? { caveat: at.caveat } : {}),
    commandLine: maskedCommandLine(command.command, command.args, command.cwd),
    ...(scanner.facts ? { facts: scanner.facts({ stdout: result.stdout, stderr: result.stderr }) } : {}),
  };
  if (result.notFound) return { run: { ...base, status: 'failed', reason: `${command.command} not found; ${installHintOf(scanner)}` } };
  if (result.timedOut) {
    const stopped = `timed out after ${Math.round(at.timeoutMs / 1000)} s; it was stopped with the processes it started`;
    if (await recoverReport(scanner, target, scannerEnv, input, signal)) {
      return { run: { ...base, durationMs: at.elapsed(), status: 'partial', reason: `${stopped}; the findings it had stored until then are kept` }, report: reportOf(scanner, target, at.version) };
    }
    return { run: { ...base, status: 'failed', reason: stopped } };
  }
  const meaning = result.exitCode === null ? 'error' : scanner.exitMeaning(result.exitCode);
  // What a tool printed goes into reasons, logs and the SARIF run: with no credential in it.
  const detail = () => redactText((result.stderr.trim() || result.stdout.trim()).split('\n').find((line) => line.trim()) ?? 'no output');
  // Stopped part-way: its report counts when it wrote one (the old one was removed before the run).
  const partial = meaning === 'partial' && command.output === 'file' && (await stat(target.outputFile).then((s) => s.isFile(), () => false));
  if (meaning === 'error' || (meaning === 'partial' && !partial)) {
    return { run: { ...base, status: 'failed', reason: `exited with ${result.exitCode ?? 'a signal'}: ${detail().slice(0, 300)}` } };
  }
  if (command.output === 'stdout') await writeFile(target.outputFile, result.stdout);
  if (command.output === 'convert') {
    try {
      const log = scanner.convert!({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 }, { root: target.root, files, outputFile: target.outputFile });
      await writeFile(target.outputFile, JSON.stringify(log));
    } catch (error) {
      return { run: { ...base, status: 'failed', reason: `its output could not be read: ${(error as Error).message}` } };
    }
  }
  if (partial) return { run: { ...base, status: 'partial', reason: `its scan was partial (exit ${result.exitCode}): ${detail().slice(0, 300)}` }, report: reportOf(scanner, target, at.version) };
  return { run: { ...base, status: 'ran' }, report: reportOf(scanner, target, at.version) };
}

/** A timed-out tool's report, written from what it had stored (its `recover` command); true when there is one. */
async function recoverReport(scanner: CommandScanner, target: ScannerTarget, scannerEnv: ScannerEnv, input: CollectInput, signal?: AbortSignal): Promise<boolean> {
  const command = scanner.recover?.(target, scannerEnv);
  if (!command) return false;
  await rm(target.outputFile, { force: true });
  const result = await scannerEnv.ports.exec({ command: command.command, args: command.args, cwd: command.cwd, env: command.env ? { ...input.env, ...command.env } : input.env, timeoutMs: 120_000, signal });
  if (result.timedOut || result.exitCode !== 0) return false;
  return stat(target.outputFile).then((s) => s.isFile(), () => false);
}

/**
 * An analyzer of our own, in this process: bounded by its timeout like a tool, its log written like a
 * tool's report. A known error means it could not run; anything else is our bug, and ends the run.
 */
async function runAnalyzer(scanner: AnalyzerScanner, target: ScannerTarget, context: AnalyzerContext, at: Started): Promise<ScannerOutcome> {
  const base = { id: scanner.id, version: at.version, files: target.files.length, startedAt: at.startedAt, ...(at.caveat ? { caveat: at.caveat } : {}) };
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`timed out after ${Math.round(at.timeoutMs / 1000)} s`)), at.timeoutMs);
    });
    const log = await Promise.race([scanner.analyze(target, context), timeout]);
    await writeFile(target.outputFile, JSON.stringify(log));
  } catch (error) {
    const ended = { durationMs: at.elapsed(), endedAt: new Date().toISOString() };
    if (error instanceof TimedOut) return { run: { ...base, ...ended, status: 'failed', reason: error.message } };
    if (isPipewardenError(error) && !(error instanceof InternalError)) return { run: { ...base, ...ended, status: 'failed', reason: error.toLine() } };
    throw new InternalError(`internal error in the ${scanner.id} analyzer: ${(error as Error).message ?? String(error)}`, { file: scanner.id, cause: error });
  } finally {
    clearTimeout(timer);
  }
  return { run: { ...base, status: 'ran', exitCode: 0, durationMs: at.elapsed(), endedAt: new Date().toISOString() }, report: reportOf(scanner, target, at.version) };
}

class TimedOut extends Error {}

function reportOf(scanner: Scanner, target: ScannerTarget, version: string): CollectedReport {
  return { file: target.outputFile, format: scanner.format, scanner: { id: scanner.id, version, category: scanner.category }, annotate: scanner.annotate?.bind(scanner) };
}

/** The last lines a failed scanner wrote to stderr, for the SARIF run that records the failure. */
function tail(stderr: string): string | undefined {
  const lines = stderr.trim().split('\n').filter((line) => line.trim());
  return lines.length ? redactText(lines.slice(-20).join('\n').slice(-4000)) : undefined;
}
