import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { listFiles } from '../files/list-files.js';
import { applyBaseline, type BaselineCounts } from '../identity/baseline.js';
import { DEFAULT_DEDUPE, dedupe } from '../identity/dedupe.js';
import { identify } from '../identity/fingerprint.js';
import { mapDastRoutes } from '../identity/route-map.js';
import { applyScope, type DiffFilter } from '../identity/scope.js';
import type { ScannerFailure, ScannerRun } from '../model/scanner-run.js';
import type { Ports } from '../ports/types.js';
import { PROP, type Log } from '../sarif/types.js';
import { decodeUri } from '../sarif/uri.js';
import type { Scanner } from '../scanners/types.js';
import { shardOf, type Collected, type CollectedReport } from './collect.js';
import { createLineReader, screenSecretFindings } from '../secrets/index.js';
import { dropExcludedFindings } from './exclude.js';
import { ensureInvocations, judgeInvocations, stampInvocation } from './invocations.js';
import { combineLogs, normalizeReport, type NormalizeOptions } from './normalize.js';
import type { Prepared } from './prepare.js';
import type { ParsedScanOptions } from './types.js';

export interface Ingested {
  log: Log;
  reports: { file: string; format: string; findings: number }[];
  baseline?: BaselineCounts | undefined;
  scope?: { base: string; filter: DiffFilter; in: number; out: number } | undefined;
  merged: number;
  /** Secrets findings dropped because the value is a placeholder. */
  placeholders: number;
}

/** Scanners that failed, and (when the policy only warns) the warnings that say so. */
export interface Trouble {
  failures: ScannerFailure[];
  warnings: string[];
  /** on_scanner_error: fail: a failure is an error of the run, not a warning. */
  failClosed: boolean;
}

/** Marks a scanner's run failed, for the summary and the gate's fail-closed policy. */
function fail(runs: ScannerRun[], id: string, reason: string, trouble: Trouble, warning: string): void {
  const run = runs.find((r) => r.id === id);
  if (run) {
    run.status = 'failed';
    run.reason = reason;
  }
  trouble.failures.push({ scanner: id, reason });
  if (!trouble.failClosed) trouble.warnings.push(warning);
}

/** The scanners' reports as SARIF; a report that cannot be read, or says its run failed, fails its scanner. */
async function readScannerReports(collected: Collected, normalize: NormalizeOptions, trouble: Trouble): Promise<{ logs: Log[]; recorded: Set<string> }> {
  const logs: Log[] = [];
  const recorded = new Set<string>();
  for (const report of collected.reports) {
    const id = report.scanner!.id;
    try {
      const { log, warnings } = await normalizeReport(report, normalize);
      for (const warning of warnings) trouble.warnings.push(`${id}: its report was repaired to be read: ${warning}`);
      // A report that says its own run failed (npm audit refused by the registry) is a scanner failure; one
      // that could not read some files (a parse error) is a partial run whose findings count.
      const { refused, problems } = judgeInvocations(log);
      const run = collected.runs.find((r) => r.id === id);
      if (refused) fail(collected.runs, id, refused, trouble, `${id} did not run: ${refused}`);
      else if (problems.length && run) {
        run.status = 'partial';
        run.notAnalysed = problems;
        const shown = problems.slice(0, 3).map((p) => `${p.file} (${p.reason})`).join('; ');
        run.reason = `${problems.length} file${problems.length === 1 ? '' : 's'} not analysed: ${shown}${problems.length > 3 ? `; and ${problems.length - 3} more in results.sarif` : ''}`;
        trouble.warnings.push(`${id}: ${run.reason}`);
      }
      if (run) stampInvocation(log, run, refused ? [] : problems);
      logs.push(log);
      recorded.add(id);
    } catch (error) {
      const reason = `wrote a report that cannot be read: ${(error as Error).message}`;
      fail(collected.runs, id, reason, trouble, `${id} ${reason}`);
    }
  }
  return { logs, recorded };
}

/** The reports the user gave (--report): a bad one is the user's input error, named as they wrote it. */
async function readUserReports(options: ParsedScanOptions, normalize: NormalizeOptions, trouble: Trouble): Promise<{ logs: Log[]; reports: Ingested['reports'] }> {
  const logs: Log[] = [];
  const reports: Ingested['reports'] = [];
  for (const input of options.reports ?? []) {
    if (options.shard && shardOf(`report\u0000${input.file}`, options.shard.total) !== options.shard.index) continue;
    const report: CollectedReport = { file: resolve(options.cwd, input.file), format: input.format };
    const { log, format, warnings } = await normalizeReport(report, normalize).catch((error: unknown) => {
      if (error instanceof InputError) throw new InputError(error.message, { file: input.file, cause: error });
      throw error;
    });
    // Read anyway, and said: a real tool's log that breaks one rule of the schema is repaired, not refused.
    for (const warning of warnings) trouble.warnings.push(`${input.file}: ${warning}`);
    logs.push(log);
    reports.push({ file: input.file, format, findings: log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0) });
  }
  return { logs, reports };
}

/** The SARIF run of a scanner that did not run: no results, and an invocation that says why. */
function failedRunLog(run: ScannerRun, scanner: Scanner | undefined): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: scanner?.title ?? run.id, ...(run.version ? { version: run.version } : {}), rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            ...(run.exitCode !== undefined && run.exitCode !== null ? { exitCode: run.exitCode } : {}),
            ...(run.commandLine ? { commandLine: run.commandLine } : {}),
            ...(run.startedAt ? { startTimeUtc: run.startedAt } : {}),
            ...(run.endedAt ? { endTimeUtc: run.endedAt } : {}),
            toolExecutionNotifications: [
              { level: 'error', message: { text: run.reason ?? 'failed' } },
              ...(run.stderrTail ? [{ level: 'note' as const, message: { text: run.stderrTail } }] : []),
            ],
          },
        ],
        results: [],
        properties: { [PROP.scanner]: run.id, ...(scanner ? { [PROP.category]: scanner.category } : {}) },
      },
    ],
  };
}

/** Reports → one log: normalized, traced to handlers, fingerprinted, deduplicated, against the baseline and the diff. */
export async function ingest(options: ParsedScanOptions, prepared: Prepared, collected: Collected, trouble: Trouble, ports: Ports): Promise<Ingested> {
  const { dir, srcRoot, files, scanners, baselineLog, diffScope, changed, redactor } = prepared;
  const normalize = { baseDir: dir, srcRoot, redactor };
  const own = await readScannerReports(collected, normalize, trouble);
  const given = await readUserReports(options, normalize, trouble);
  const logs = [...own.logs, ...given.logs];
  // A scanner that did not run is a run that says so, never a silent gap (a gap would read as "all fixed").
  for (const run of collected.runs) if (run.status === 'failed' && !own.recorded.has(run.id)) logs.push(failedRunLog(run, scanners.find((s) => s.id === run.id)));
  const combined = combineLogs(logs);
  redactor.finish(combined);
  ensureInvocations(combined);
  // Tools given the folder, and reports made elsewhere, know nothing of our exclusions: their findings there go.
  await dropExcludedFindings(combined, prepared.exclusions, { dir, srcRoot }, ports, options.env);
  // Before identify: a placeholder (<password>, ${VAR}, changeme) never gets a fingerprint, a baseline entry or a ticket.
  const screening = await screenSecretFindings(combined, createLineReader(srcRoot));
  if (screening.placeholders) prepared.exclusions.counts.findings.placeholder = (prepared.exclusions.counts.findings.placeholder ?? 0) + screening.placeholders;
  // Before identify, so a mapped DAST finding gets the handler line's hash like any code finding.
  const routes = await mapDastRoutes(combined, { srcRoot, files: async () => (files.length ? files : await listFiles(dir, ports, options.env)).map((file) => join(dir, file)) });
  if (routes.mapped + routes.unmapped) ports.log('info', `DAST: ${routes.mapped} finding${routes.mapped === 1 ? '' : 's'} traced to the handler in the code, ${routes.unmapped} kept by URL`);
  const log = await identify(combined, { srcRoot, secrets: redactor.keyer });
  const { merged } = dedupe(log, options.config.dedupe ?? DEFAULT_DEDUPE);
  const fileListTools = new Set(scanners.filter((s) => s.fileList).map((s) => s.id));
  const baseline = baselineLog
    ? applyBaseline(log, baselineLog, {
        // An incremental scan did not look at unchanged files: their findings are not fixed.
        unseen: changed
          ? (run, result) => {
              const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
              return fileListTools.has(String(run.properties?.[PROP.scanner])) && uri !== undefined && !diffScope!.files.has(decodeUri(uri));
            }
          : undefined,
      })
    : undefined;
  const filter = options.diffFilter ?? 'added';
  const counts = diffScope ? applyScope(log, diffScope, filter) : undefined;
  const scope = diffScope && counts ? { base: diffScope.base, filter, ...counts } : undefined;
  return { log, reports: given.reports, baseline, scope, merged, placeholders: screening.placeholders };
}
