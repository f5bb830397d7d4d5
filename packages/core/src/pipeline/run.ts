import { join, resolve } from 'node:path';
import type { AdvisorySettings } from '../risk/advisories.js';
import { findingsOf } from '../finding.js';
import { NOTHING_TO_SCAN, type ScannerRun } from '../model/scanner-run.js';
import { countFindings } from './merged-counts.js';
import { parseScanOptions, type ScanOptions } from '../options/scan-options.js';
import type { Ports } from '../ports/types.js';
import { PROP } from '../sarif/types.js';
import { assess, failsAlone, feedSource, judge, stageGate, todayUtc, type FeedSource } from './assess.js';
import { applyReviewGate } from '../review/report.js';
import { reviewChange } from './review.js';
import { collect, type CollectedReport } from './collect.js';
import { coverageOf } from './coverage.js';
import { applyIncomplete, beginDast, endDast, stopDast } from '../dast/pipeline.js';
import { emitRun } from './emit.js';
import { ingest, type Trouble } from './ingest.js';
import { normalizeReport, type NormalizeOptions } from './normalize.js';
import { createLineReader, screenSecretFindings } from '../secrets/index.js';
import { prepare, type Prepared } from './prepare.js';
import { dropStaging, publishRaw, scrubStaged, stagingRawDir } from './raw-dir.js';
import { record } from './record.js';
import { withToolDirs } from '../tools/resolve.js';
import type { ParsedScanOptions, PipelineParts, ScanOutcome } from './types.js';

/** Failed and oddly skipped scanners: failures (errors when fail-closed, else warnings) and warnings. */
function troubleOf(runs: readonly ScannerRun[], failClosed: boolean): Trouble {
  const trouble: Trouble = { failures: [], warnings: [], failClosed };
  for (const run of runs) {
    if (run.status === 'failed') {
      trouble.failures.push({ scanner: run.id, reason: run.reason ?? 'failed' });
      if (!failClosed) trouble.warnings.push(`${run.id} did not run: ${run.reason}`);
    } else if (run.status === 'skipped' && run.reason !== NOTHING_TO_SCAN && !run.reason?.startsWith('no files for it to scan in shard')) {
      trouble.warnings.push(`${run.id} was skipped: ${run.reason}`);
    }
  }
  return trouble;
}

function logRuns(runs: ScannerRun[], ports: Ports): void {
  for (const run of runs) {
    if (run.status === 'ran' || run.status === 'partial') {
      const partly = run.notAnalysed?.length ? `, ${run.notAnalysed.length} file${run.notAnalysed.length === 1 ? '' : 's'} not analysed` : '';
      const merged = run.merged ? ` (+${run.merged} merged into ${run.mergedInto?.join(', ') || 'other tools\' findings'})` : '';
      ports.log('info', `${run.id}: ${run.status}, ${run.findings} finding${run.findings === 1 ? '' : 's'}${merged}${partly} in ${(run.durationMs / 1000).toFixed(1)} s`);
    }
    else if (run.status === 'failed') ports.log('info', `${run.id}: failed in ${(run.durationMs / 1000).toFixed(1)} s`);
    // The install hint is said once, in the run's warnings: here only why.
    else if (run.reason !== NOTHING_TO_SCAN) ports.log('info', `${run.id}: skipped (${run.reason?.split('; ')[0]})`);
  }
}

/** --fail-fast's judgement of one scanner's report alone; an unreadable report is judged with the others at the end. */
function stopAfter(options: ParsedScanOptions, normalize: NormalizeOptions) {
  return async (report: CollectedReport) => {
    try {
      const { log } = await normalizeReport(report, normalize);
      await screenSecretFindings(log, createLineReader(normalize.srcRoot));
      return await failsAlone(log, options.config, options.stage, options.today);
    } catch {
      return false;
    }
  };
}

/** Where the dependency check's advisories come from: the user's folder, else the dated feed cache KEV and EPSS use. */
function advisorySettings(options: ParsedScanOptions): AdvisorySettings {
  const feeds = options.config.feeds;
  const cache = options.feedCache;
  return {
    dir: options.advisoriesDir ? resolve(options.cwd, options.advisoriesDir) : undefined,
    cache: cache ? { cacheDir: resolve(options.cwd, feeds?.cache_dir ?? cache.cacheDir), fetch: cache.fetch, offline: feeds?.offline ?? cache.offline } : undefined,
    today: options.today ?? todayUtc(),
  };
}

/** prepare → collect → ingest → assess → emit → record, for one directory. */
export async function runPipeline(given: ScanOptions, ports: Ports, parts: PipelineParts): Promise<ScanOutcome> {
  const startedAt = new Date();
  const parsed = parseScanOptions(given);
  const options = parsed.toolDirs?.length ? { ...parsed, env: withToolDirs(parsed.env, parsed.toolDirs) } : parsed;
  const prepared = await prepare(options, ports, parts.registry);
  const feeds = feedSource(options, ports);
  const staging = stagingRawDir(prepared.outDir);
  try {
    return await scanWith(options, prepared, staging, feeds, ports, parts, startedAt);
  } finally {
    await dropStaging(staging);
  }
}

/** From the scanners to the history line, with the native reports kept in this run's staging folder until read. */
async function scanWith(options: ParsedScanOptions, prepared: Prepared, staging: string, feeds: FeedSource, ports: Ports, parts: PipelineParts, startedAt: Date): Promise<ScanOutcome> {
  const dast = await beginDast({ root: prepared.dir, scanners: prepared.scanners, targets: prepared.targets, timeouts: prepared.timeouts, config: options.config, env: options.env, configFile: options.configFile, ports, redactor: prepared.redactor });
  const collected = await collect(
    {
      root: prepared.dir,
      files: prepared.files,
      filesWithThirdParty: prepared.filesWithThirdParty,
      leftOutLinks: prepared.leftOutLinks,
      scanners: dast?.scanners ?? prepared.scanners,
      explicit: prepared.explicit,
      rawDir: staging,
      env: options.env,
      config: options.config,
      targets: dast?.targets ?? prepared.targets,
      options: prepared.scannerOptions,
      feeds: feeds.load,
      advisories: advisorySettings(options),
      shard: options.shard,
      timeouts: dast?.timeouts ?? prepared.timeouts,
      changed: prepared.changed,
      stopAfter: options.failFast ? stopAfter(options, { baseDir: prepared.dir, srcRoot: prepared.srcRoot, redactor: prepared.redactor }) : undefined,
    },
    ports,
  ).catch(async (error: unknown) => {
    await stopDast(dast);
    throw error;
  });
  const { incomplete, annotate } = await endDast(dast, collected, ports, prepared.redactor, options.env);
  const failClosed = (options.config.gate?.on_scanner_error ?? 'fail') === 'fail';
  const trouble = troubleOf(collected.runs, failClosed);
  const ingested = await ingest(options, prepared, collected, trouble, ports);
  annotate(ingested.log);
  // The native reports keep no value the run masked (nor a secret hash unkeyed) before they are published.
  await scrubStaged(staging, prepared.redactor);
  await publishRaw(staging, join(prepared.outDir, 'raw'));
  const assessed = await assess(ingested.log, options, ports, feeds);
  const warnings = [...trouble.warnings, ...assessed.warnings];
  const findings = findingsOf(ingested.log);
  countFindings(collected.runs, ingested.log, findings);
  logRuns(collected.runs, ports);
  const verdict = judge(findings, options.config, options.stage, warnings);
  const review = await reviewChange(options, prepared, ports);
  applyReviewGate(verdict, stageGate(options.config, options.stage)?.rules, review, options.config.stages?.[options.stage]?.gate ?? 'default');
  // One verdict for every output: a scanner that could not run under a fail-closed policy makes the run an
  // error (exit 2) in the console, summary, report.json, SARIF and history alike.
  if (failClosed && trouble.failures.length) {
    verdict.status = 'error';
    verdict.errors = trouble.failures.map((failure) => `${failure.scanner} did not run: ${failure.reason.replace(/\s*\n\s*/g, ' ')}`);
  }
  applyIncomplete(verdict, incomplete, options.config.dast?.on_incomplete ?? 'fail');
  const judged = { findings, verdict, waivers: assessed.waivers, review };
  const coverage = coverageOf({ files: prepared.files, filesWithThirdParty: prepared.filesWithThirdParty, scanners: prepared.scanners, runs: collected.runs });
  const emitted = await emitRun({ options, prepared, ingested, judged, runs: collected.runs, startedAt, coverage }, parts.emit, ports);
  const exitCode = verdict.status === 'error' ? 2 : verdict.status === 'fail' ? 1 : 0;
  if (!options.shard) {
    await record({ history: options.history, time: startedAt, provenance: emitted.provenance, stage: options.stage, log: ingested.log, findings, verdict, exitCode, baseline: Boolean(prepared.baselineLog), scanners: collected.runs, images: emitted.images, tickets: options.tickets });
  }
  const { log, reports, baseline, scope, merged } = ingested;
  return { log, findings, verdict, review, scanners: collected.runs, reports, outputs: emitted.outputs, baseline, scope, merged, waivers: assessed.waivers, exclusions: prepared.exclusions.counts, coverage, failures: failClosed ? trouble.failures : [], exitCode };
}
