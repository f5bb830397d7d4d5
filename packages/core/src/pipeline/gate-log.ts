import { PROP } from '../sarif/props.js';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { findingsOf, type Finding } from '../finding.js';
import { readReport } from '../formats/registry.js';
import { completeProvenance, loadTrendHistory, trendOf, type HistoryOptions } from '../history/record.js';
import { applyBaseline, type BaselineCounts } from '../identity/baseline.js';
import { secretKeyingOf } from '../identity/secret-hash.js';
import type { ImageInventory } from '../images/check.js';
import type { EmitOutputs, Emitter } from '../model/outputs.js';
import type { Provenance, ReportLinks } from '../model/provenance.js';
import type { ScannerSummary } from '../model/scanner-run.js';
import type { Stage } from '../model/stage.js';
import type { Verdict } from '../policy/gate.js';
import type { WaiverReport } from '../policy/waivers.js';
import type { Ports } from '../ports/types.js';
import { createRedactor } from '../sarif/redact-log.js';
import type { Log } from '../sarif/types.js';
import { assess, judge, stageGate, verdictProp, type AssessOptions } from './assess.js';
import { applyReviewGate, type ReviewReport } from '../review/report.js';
import { readBaseline } from './convert.js';
import { record } from './record.js';

export interface GateLogOptions extends AssessOptions {
  /** The SARIF log to gate (a previous run's results.sarif). */
  file: string;
  stage?: Stage | undefined;
  baseline?: string | undefined;
  outDir: string;
  links?: ReportLinks | undefined;
  /** The history file: read for the trend, then this run's line is added. */
  history?: HistoryOptions | undefined;
  /** Where this run comes from (the platform's variables); the log's own provenance fills the gaps. */
  provenance?: Provenance | undefined;
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The key of secret identities; default: PIPEWARDEN_SECRET_KEY of env (docs/identity.md). */
  secretKey?: string | undefined;
}

export interface GateLogOutcome {
  log: Log;
  findings: Finding[];
  verdict: Verdict;
  baseline?: BaselineCounts | undefined;
  waivers: WaiverReport;
  outputs: EmitOutputs;
  exitCode: 0 | 1 | 2;
}

/** Absent results of an earlier comparison, and earlier waivers, are recomputed, not inherited. */
function forgetEarlierJudgement(log: Log): void {
  for (const run of log.runs) {
    if (run.results) run.results = run.results.filter((r) => r.baselineState !== 'absent');
    for (const result of run.results ?? []) {
      delete result.baselineState;
      if (result.suppressions) result.suppressions = result.suppressions.filter((s) => !s.justification?.startsWith('waiver: '));
      if (result.suppressions?.length === 0) delete result.suppressions;
    }
  }
}

/**
 * Re-prioritizes and gates an existing log with today's feeds and config (the production stage: a clean
 * build of yesterday fails today when one of its CVEs entered KEV).
 */
export async function gateLogWith(options: GateLogOptions, ports: Ports, emit: Emitter): Promise<GateLogOutcome> {
  const file = resolve(options.cwd, options.file);
  // The log and the baseline are redacted as they are read, like every log (an older log may hold what this version masks).
  const redactor = createRedactor(secretKeyingOf(options.secretKey ? { PIPEWARDEN_SECRET_KEY: options.secretKey } : (options.env ?? {}), options.provenance?.repository));
  const log = await readReport(file, 'sarif', { redactor }).then(
    (r) => r.log,
    (error: unknown) => {
      if (error instanceof InputError) throw new InputError(error.message, { file: options.file, cause: error });
      throw error;
    },
  );
  forgetEarlierJudgement(log);
  const baselineLog = options.baseline ? await readBaseline(resolve(options.cwd, options.baseline), options.baseline, redactor) : undefined;
  const baseline = baselineLog ? applyBaseline(log, baselineLog) : undefined;
  redactor.finish(log);
  const assessed = await assess(log, options, ports);
  const findings = findingsOf(log);
  const stage = options.stage ?? 'production';
  const verdict = judge(findings, options.config, stage, assessed.warnings);
  // The scan's review of its change (with the labels it saw) is judged again under today's rules.
  const review = log.properties?.[PROP.review] as ReviewReport | undefined;
  applyReviewGate(verdict, stageGate(options.config, stage)?.rules, review, options.config.stages?.[stage]?.gate ?? 'default');
  // A scanner that failed in the scan (or in one shard of it) fails the gate of the whole as it would have the scan.
  const failedRuns = log.runs.filter((run) => run.invocations?.some((invocation) => invocation.executionSuccessful === false));
  if ((options.config.gate?.on_scanner_error ?? 'fail') === 'fail' && failedRuns.length) {
    verdict.status = 'error';
    verdict.errors = failedRuns.map((run) => {
      const why = run.invocations!.flatMap((invocation) => invocation.toolExecutionNotifications ?? []).find((n) => n.level === 'error')?.message.text ?? 'the tool reported that it failed';
      return `${String(run.properties?.[PROP.scanner] ?? run.tool.driver.name)} did not run: ${why.replace(/\s*\n\s*/g, ' ')}`;
    });
  }
  log.properties = {
    ...log.properties,
    [PROP.stage]: stage,
    [PROP.verdict]: verdictProp(verdict),
    [PROP.waivers]: { expired: assessed.waivers.expired, expiringSoon: assessed.waivers.expiringSoon },
    ...(baseline ? { [PROP.baseline]: baseline } : {}),
  };
  const scanners = (log.properties[PROP.scanners] as ScannerSummary[] | undefined) ?? [];
  const history = options.history ? (await loadTrendHistory(options.history, (message) => ports.log('warn', message))).lines : undefined;
  const scanned = log.properties[PROP.provenance] as Provenance | undefined;
  // The log's repository and commit are the scan's; branch and pipeline are this run's.
  const provenance = history ? await completeProvenance({ ...scanned, ...options.provenance, ...(scanned?.repository ? { repository: scanned.repository } : {}) }, options.cwd, ports, options.env ?? {}) : undefined;
  const images = log.properties[PROP.images] as ImageInventory[] | undefined;
  const trend = history && provenance ? trendOf(history, provenance.repository, stage) : undefined;
  const outputs = await emit(log, { findings, verdict, review, scanners, stage, baseline, waivers: assessed.waivers, history: trend }, resolve(options.cwd, options.outDir), { links: options.links });
  const exitCode = verdict.status === 'error' ? 2 : verdict.status === 'fail' ? 1 : 0;
  if (provenance) await record({ history: options.history, time: new Date(), provenance, stage, log, findings, verdict, exitCode, baseline: Boolean(baselineLog), scanners, images });
  return { log, findings, verdict, baseline, waivers: assessed.waivers, outputs, exitCode };
}
