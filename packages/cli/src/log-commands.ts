import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  applyBaseline,
  ConfigError,
  convertReports,
  convertReportsTo,
  createRedactor,
  dedupe,
  gateLog,
  InputError,
  defaultMergeThreads,
  mergeInParallel,
  mergeLogs,
  PARALLEL_MERGE_BYTES,
  prioritize,
  readBaseline,
  readReport,
  renderText,
  SARIF_SCHEMA_URI,
  sarifText,
  secretKeyingOf,
  writeFileAtomic,
} from '@pipewarden/core';
import { feedCache, historyOf, loadConfig, makePorts, parse, shownOutputs, type CliIo } from './cli-io.js';
import { convertOptionsSchema, gateOptionsSchema, mergeOptionsSchema, validateOptions } from './options.js';
import { provenanceOf, reportLinks } from './report-command.js';

// The commands that work on logs already written: convert, merge, and the production stage's gate.

const GATE_USAGE = `Usage: pipewarden gate SARIF [--config FILE] [--baseline FILE] [--feeds-dir DIR] [--stage NAME] [--out-dir DIR] [--history FILE | --no-history]

Re-prioritizes and gates an existing results.sarif with today's KEV and EPSS data, waivers and policy:
yesterday's clean build fails today when one of its CVEs entered KEV. Writes results.sarif and summary.md
to the out-dir (default .pipewarden) and adds the run's line to the history (default OUT-DIR/history.jsonl).
Exit codes: 0 pass, 1 fail, 2 error.`;

const MERGE_USAGE = `Usage: pipewarden merge SARIF... -o FILE [--baseline SARIF]

Joins SARIF logs (the shards of a parallel scan, or several tools' logs) into one: one run per tool and
category, findings reported by several tools joined into one that names them all.

  --baseline SARIF   match the results forward against an earlier log (the last default-branch run):
                     each gets baselineState new, unchanged or updated, and the earlier log's results
                     that are gone are added as absent (fixed)`;

const CONVERT_USAGE = `Usage: pipewarden convert REPORT... [--format ID] [-o FILE]

Turns native scanner reports into one SARIF 2.1.0 log (to stdout, or to FILE).
The format of each report is detected by content; --format ID names it for all of them.
Run \`pipewarden formats\` for the ids.`;

export async function gate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    config: { type: 'string' },
    baseline: { type: 'string' },
    'feeds-dir': { type: 'string' },
    stage: { type: 'string' },
    'out-dir': { type: 'string' },
    history: { type: 'string' },
    'no-history': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(`${GATE_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(gateOptionsSchema, { ...values, reports: positionals });
  const config = await loadConfig(options.config, io.cwd, io.cwd);
  const outcome = await gateLog(
    {
      file: options.reports[0]!,
      cwd: io.cwd,
      config,
      stage: options.stage,
      baseline: options.baseline,
      feedsDir: options['feeds-dir'],
      feedCache: feedCache(io),
      outDir: options['out-dir'],
      links: reportLinks(io.env),
      history: historyOf(options, config, io.cwd),
      provenance: provenanceOf(io.env),
      env: io.env,
    },
    makePorts(io),
  );
  io.stdout.write(renderText({ findings: outcome.findings, verdict: outcome.verdict, scanners: [], stage: options.stage, baseline: outcome.baseline, outputs: shownOutputs(io.cwd, outcome.outputs) }));
  return outcome.exitCode;
}

export async function convert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (values.help) {
    io.stdout.write(`${CONVERT_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(convertOptionsSchema, { ...values, reports: positionals });
  const convertOptions = {
    reports: options.reports.map((file) => ({ file, format: options.format })),
    baseDir: io.cwd,
    warn: (message: string) => io.stderr.write(`pipewarden: warning: ${message}\n`),
    secrets: secretKeyingOf(io.env, provenanceOf(io.env)?.repository),
  };
  if (options.output) {
    // A large SARIF log is converted as it is read, never held whole (convertReportsTo).
    const { runs, results } = await convertReportsTo({ ...convertOptions, streamBytes: streamBytesOf(io.env) }, resolve(io.cwd, options.output));
    io.stderr.write(`pipewarden › wrote ${options.output}: ${runs} run${runs === 1 ? '' : 's'}, ${results} result${results === 1 ? '' : 's'}\n`);
  } else {
    const log = await convertReports(convertOptions);
    // Each chunk holds whole results, so it decodes on its own.
    const decoder = new TextDecoder();
    for (const chunk of sarifText(log)) io.stdout.write(decoder.decode(chunk));
  }
  return 0;
}

const streamBytesSchema = z.string().regex(/^\d+$/, 'PIPEWARDEN_CONVERT_STREAM_BYTES: must be a whole number of bytes').transform(Number);

/** The size from which `convert -o` streams a SARIF log (PIPEWARDEN_CONVERT_STREAM_BYTES; default core's STREAM_CONVERT_BYTES). */
function streamBytesOf(env: CliIo['env']): number | undefined {
  const value = env.PIPEWARDEN_CONVERT_STREAM_BYTES;
  if (value === undefined || value === '') return undefined;
  const parsed = streamBytesSchema.safeParse(value.trim());
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]!.message);
  return parsed.data;
}

// Each thread may take the whole heap's limit: more than a few can only be killed by the kernel, not report it.
const MAX_MERGE_THREADS = 16;
const threadsSchema = z
  .string()
  .regex(/^\d+$/, 'PIPEWARDEN_MERGE_THREADS: must be a whole number of threads')
  .transform(Number)
  .refine((n) => n <= MAX_MERGE_THREADS, `PIPEWARDEN_MERGE_THREADS: at most ${MAX_MERGE_THREADS} threads`);

/**
 * Threads a merge reads and writes shards on: PIPEWARDEN_MERGE_THREADS (1: all in this thread; given, whatever the
 * shards' size), else one per core (at most four) from PARALLEL_MERGE_BYTES of shards.
 */
function mergeThreadsOf(env: CliIo['env']): { threads: number; given: boolean } {
  const value = env.PIPEWARDEN_MERGE_THREADS;
  if (value === undefined || value === '') return { threads: defaultMergeThreads(), given: false };
  const parsed = threadsSchema.safeParse(value.trim());
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]!.message);
  return { threads: parsed.data, given: true };
}

/** The shards' size in all; one that cannot be read counts nothing (the whole path reports it). */
async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map((file) => stat(file).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

export async function merge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, baseline: { type: 'string' } });
  if (values.help) {
    io.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(mergeOptionsSchema, { ...values, reports: positionals });
  const keying = secretKeyingOf(io.env, provenanceOf(io.env)?.repository);
  const { threads, given } = mergeThreadsOf(io.env);
  const files = options.reports.map((file) => resolve(io.cwd, file));
  // Matching against a baseline needs every result at once: that merge stays on the whole path, as do small ones
  // and a single shard (one thread would do all the work).
  if (!options.baseline && threads > 1 && (given || (files.length > 1 && (await totalBytes(files)) >= PARALLEL_MERGE_BYTES))) {
    const done = await mergeInParallel({ files, output: resolve(io.cwd, options.output), keying, threads });
    if (done) {
      done.warnings.forEach((warnings, i) => {
        for (const warning of warnings) io.stderr.write(`pipewarden: warning: ${options.reports[i]}: ${warning}\n`);
      });
      io.stderr.write(`pipewarden › merged ${options.reports.length} log${options.reports.length === 1 ? '' : 's'} into ${options.output}: ${done.runs} run${done.runs === 1 ? '' : 's'}, ${done.results} result${done.results === 1 ? '' : 's'}\n`);
      return 0;
    }
  }
  const logs = [];
  // Every log (and the baseline) redacted as it is read: shards written by an older version may hold secrets.
  const redactor = createRedactor(keying);
  for (const file of options.reports) {
    const read = await readReport(resolve(io.cwd, file), 'sarif', { redactor }).catch((error: unknown) => {
      if (error instanceof InputError) throw new InputError(error.message, { file, cause: error });
      throw error;
    });
    for (const warning of read.warnings) io.stderr.write(`pipewarden: warning: ${file}: ${warning}\n`);
    logs.push(read.log);
  }
  const baseline = options.baseline ? await readBaseline(resolve(io.cwd, options.baseline), options.baseline, redactor) : undefined;
  const log = mergeLogs(logs);
  redactor.finish(log);
  const { merged } = dedupe(log);
  const counts = baseline ? applyBaseline(log, baseline) : undefined;
  prioritize(log);
  log.$schema = SARIF_SCHEMA_URI;
  await writeFileAtomic(resolve(io.cwd, options.output), sarifText(log));
  const results = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
  const matched = counts ? `; against ${options.baseline}: ${counts.new} new, ${counts.unchanged} unchanged, ${counts.updated} updated, ${counts.absent} absent` : '';
  io.stderr.write(`pipewarden › merged ${logs.length} log${logs.length === 1 ? '' : 's'} into ${options.output}: ${log.runs.length} run${log.runs.length === 1 ? '' : 's'}, ${results} result${results === 1 ? '' : 's'}${merged ? ` (${merged} reported by several tools, joined)` : ''}${matched}\n`);
  return 0;
}
