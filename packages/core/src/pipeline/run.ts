import { stat } from 'node:fs/promises';
import type { ImageInventory } from '../images/check.js';
import type { Provenance } from '../report/summary.js';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError, InputError, describeFsError } from '../errors.js';
import { findingsOf, type Finding } from '../finding.js';
import { identify } from '../identity/fingerprint.js';
import { mapDastRoutes } from '../identity/route-map.js';
import { listFiles, listStagedFiles } from '../files/list-files.js';
import { applyGate, type Verdict } from '../policy/gate.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { Ports } from '../ports/types.js';
import { prioritize } from '../risk/prioritize.js';
import { PROP, type Log } from '../sarif/types.js';
import { decodeUri } from '../sarif/uri.js';
import { getScanner, scanners as allScanners, scannersForStage } from '../scanners/registry.js';
import type { Scanner, Stage } from '../scanners/types.js';
import { NOTHING_TO_SCAN, collect, shardOf, type CollectedReport, type ScannerRun, type Shard } from './collect.js';
import { readReport } from '../formats/registry.js';
import { applyBaseline, type BaselineCounts } from '../identity/baseline.js';
import { DEFAULT_DEDUPE, dedupe } from '../identity/dedupe.js';
import { applyScope, readDiffScope, type DiffFilter } from '../identity/scope.js';
import { applyWaivers, describeWaiver, type WaiverReport } from '../policy/waivers.js';
import { enrich } from '../risk/enrich.js';
import { checkTargetUrl } from '../policy/dast-safety.js';
import { cachedFeeds, readFeedsDir, type Feeds, type Fetcher } from '../risk/feeds.js';
import { emit, type EmitOutputs } from './emit.js';
import type { ReportLinks, ScannerSummary } from '../report/summary.js';
import { historyLineOf } from '../history/line.js';
import { fixedOf } from '../report/model.js';
import { appendHistoryLine } from '../history/file.js';
import { completeProvenance, loadHistory, trendOf, type HistoryOptions } from '../history/record.js';
import { version } from '../version.js';
import { combineLogs, normalizeReport } from './normalize.js';

export interface ReportInput {
  file: string;
  format?: string | undefined;
}

export interface ScanOptions {
  /** Where relative paths (dir, outDir, reports) resolve; the platform's working directory. */
  cwd: string;
  /** The directory to scan, as the user wrote it (errors name it so). */
  dir: string;
  config: PipewardenConfig;
  stage: Stage;
  /** Scanner ids the user named; [] runs none (only --report files); undefined takes the stage's. */
  scanners?: readonly string[] | undefined;
  /** Only the files staged in git (pre-commit). */
  staged?: boolean;
  reports?: readonly ReportInput[];
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** SARIF of the last default-branch run: results become new / unchanged / updated, and gone ones absent. */
  baseline?: string | undefined;
  /** Scope the gate to what changed since the merge-base with this ref. */
  diffBase?: string | undefined;
  diffFilter?: DiffFilter | undefined;
  /** Run one shard of the work (parallel CI jobs); `pipewarden merge` joins the shards. */
  shard?: Shard | undefined;
  /** The running application, for DAST (acceptance); must be an allowed host. */
  targetUrl?: string | undefined;
  /** An image reference (registry/name:tag or @digest) for image scanners (acceptance). */
  image?: string | undefined;
  /** The built image as a `docker save` archive or OCI layout, for image scanners without a registry. */
  imageArchive?: string | undefined;
  /** Sanctioned bases saved as archives (drift without a registry). */
  baseArchives?: readonly string[] | undefined;
  /** Vulnerability reports of the image and of its base's current build (what upstream fixed). */
  vulnerabilityReports?: { image: string; base: string } | undefined;
  /** Where the run came from (commit, branch, pipeline), as the platform tells; the commit defaults to git's HEAD. */
  provenance?: Provenance | undefined;
  /** Stop at the first scanner whose findings alone fail the gate (running scanners are stopped). */
  failFast?: boolean | undefined;
  /** KEV and EPSS files kept by the user (offline, reproducible); else the feed cache. */
  feedsDir?: string | undefined;
  feedCache?: FeedCache | undefined;
  /** The day waivers and the feed cache are judged by (YYYY-MM-DD); default today (UTC). */
  today?: string | undefined;
  /** Links for the reports: file:line at the commit, the full report (the platform knows them). */
  links?: ReportLinks | undefined;
  /** The history file: read for the reports' trend, then this run's line is added (not by a shard: the merge's gate adds it). */
  history?: HistoryOptions | undefined;
}

/** Where the platform keeps downloaded feeds, and how it downloads (none: offline). */
export interface FeedCache {
  cacheDir: string;
  fetch?: Fetcher | undefined;
  offline?: boolean | undefined;
}

export interface ScanOutcome {
  log: Log;
  findings: Finding[];
  verdict: Verdict;
  scanners: ScannerRun[];
  reports: { file: string; format: string; findings: number }[];
  outputs: EmitOutputs;
  baseline?: BaselineCounts | undefined;
  scope?: { base: string; filter: DiffFilter; in: number; out: number } | undefined;
  waivers: WaiverReport;
  /** Reports of one thing by several tools joined into one. */
  merged: number;
  /** Scanners that could not run, under a fail-closed policy: the run is an error (exit 2). */
  failures: ScannerFailure[];
  /** 0: the gate passed; 1: it failed; 2: a scanner could not run under a fail-closed policy. */
  exitCode: 0 | 1 | 2;
}

export interface ScannerFailure {
  scanner: string;
  reason: string;
}

/** --fail-fast: would this one report, on its own, fail the gate? (Without feeds: KEV rules wait for the full run.) */
async function failsAlone(report: CollectedReport, normalize: { baseDir: string; srcRoot: string }, options: ScanOptions): Promise<boolean> {
  try {
    const { log } = await normalizeReport(report, normalize);
    await enrich(log, { feeds: { warnings: [] }, context: options.config.context ?? [] });
    prioritize(log, { slaDays: options.config.priorities?.sla_days });
    applyWaivers(log, options.config.waivers ?? [], options.today ?? todayUtc());
    return applyGate({ findings: findingsOf(log), gate: stageGate(options.config, options.stage) }).status === 'fail';
  } catch {
    // An unreadable report is judged with the others at the end.
    return false;
  }
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

/** The gate of a stage: its own rules when its profile names them, else gate.rules. */
export function stageGate(config: PipewardenConfig, stage: Stage): PipewardenConfig['gate'] {
  const rules = config.stages?.[stage]?.rules;
  if (!rules) return config.gate;
  return { on_scanner_error: config.gate?.on_scanner_error ?? 'fail', scope: config.gate?.scope ?? 'new', ...config.gate, rules };
}

export function resolveScanners(ids: readonly string[] | undefined, stage: Stage, config: PipewardenConfig): { scanners: Scanner[]; explicit: boolean } {
  const named = ids ?? config.stages?.[stage]?.scanners;
  if (named === undefined) return { scanners: scannersForStage(stage), explicit: false };
  const unknown = named.filter((id) => !getScanner(id));
  if (unknown.length) {
    throw new ConfigError(`unknown scanner${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${allScanners.map((s) => s.id).join(', ')})`, {
      file: ids ? '--scanners' : `stages.${stage}.scanners`,
    });
  }
  return { scanners: [...new Set(named)].map((id) => getScanner(id)!), explicit: true };
}

async function sourceRoot(dir: string, ports: Ports, env: ScanOptions['env']): Promise<string> {
  const git = await ports.exec({ command: 'git', args: ['rev-parse', '--show-toplevel'], cwd: dir, env, timeoutMs: 30_000 });
  const top = git.exitCode === 0 ? git.stdout.trim() : '';
  return top ? resolve(top) : dir;
}

/** collect → normalize → identify → prioritize → gate → emit, for one directory. */
export async function runScan(options: ScanOptions, ports: Ports): Promise<ScanOutcome> {
  const startedAt = new Date();
  const dir = resolve(options.cwd, options.dir);
  try {
    if (!(await stat(dir)).isDirectory()) throw new InputError('is not a directory', { file: options.dir });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file: options.dir, cause: error });
  }
  const { scanners, explicit } = resolveScanners(options.scanners, options.stage, options.config);
  if (options.stage === 'production' && scanners.length === 0 && !(options.reports ?? []).length) {
    ports.log('info', 'the production stage scans nothing: gate the last release with `pipewarden gate results.sarif` and fresh feeds');
  }
  // Refused before anything runs: DAST never touches a host the policy does not allow.
  const targetUrl = options.targetUrl ? checkTargetUrl(options.targetUrl, options.config.dast?.allowed_hosts).href : undefined;
  const gateConfig = options.config.gate;
  const outDir = resolve(options.cwd, options.outDir);
  const srcRoot = await sourceRoot(dir, ports, options.env);

  let files: string[] = [];
  if (scanners.length) {
    if (options.staged) {
      const staged = await listStagedFiles(dir, ports, options.env);
      if (staged === undefined) throw new InputError('--staged needs a git work tree', { file: options.dir });
      files = staged;
    } else {
      files = await listFiles(dir, ports, options.env);
    }
  }

  // Read the baseline before scanning: a bad file should fail in a second, not after the scanners ran.
  const baselineLog = options.baseline ? await readBaseline(resolve(options.cwd, options.baseline), options.baseline) : undefined;
  const history = options.history ? (await loadHistory(options.history, (message) => ports.log('warn', message))).lines : undefined;
  const diffScope = options.diffBase ? await readDiffScope(srcRoot, options.diffBase, ports, options.env) : undefined;

  const timeouts = Object.fromEntries(Object.entries(options.config.scanners ?? {}).flatMap(([id, o]) => (o?.timeout ? [[id, o.timeout * 1000]] : [])));
  // Incremental: the diff's files, as paths relative to the scanned directory.
  const changed = diffScope ? new Set([...diffScope.files.keys()].map((path) => relative(dir, join(srcRoot, path)).split(sep).join('/')).filter((p) => !p.startsWith('..'))) : undefined;
  const collected = await collect({ root: dir, files, scanners, explicit, rawDir: join(outDir, 'raw'), env: options.env, shard: options.shard, timeouts, changed, url: targetUrl, image: options.image, maxScanSeconds: options.config.dast?.max_scan_time ?? 300, images: options.config.images, imageArchive: options.imageArchive && resolve(options.cwd, options.imageArchive), baseArchives: options.baseArchives?.map((f) => resolve(options.cwd, f)), vulnerabilityReports: options.vulnerabilityReports && { image: resolve(options.cwd, options.vulnerabilityReports.image), base: resolve(options.cwd, options.vulnerabilityReports.base) }, stopAfter: options.failFast ? (report) => failsAlone(report, { baseDir: dir, srcRoot }, options) : undefined }, ports);
  const failClosed = (gateConfig?.on_scanner_error ?? 'fail') === 'fail';
  const warnings: string[] = [];
  const failures: ScannerFailure[] = [];
  for (const run of collected.runs) {
    if (run.status === 'failed') {
      failures.push({ scanner: run.id, reason: run.reason ?? 'failed' });
      if (!failClosed) warnings.push(`${run.id} did not run: ${run.reason}`);
    } else if (run.status === 'skipped' && run.reason !== NOTHING_TO_SCAN && !run.reason?.startsWith('no files for it to scan in shard')) {
      warnings.push(`${run.id} was skipped: ${run.reason}`);
    }
  }

  const logs: Log[] = [];
  const recorded = new Set<string>();
  const reports: ScanOutcome['reports'] = [];
  const normalizeOptions = { baseDir: dir, srcRoot };
  for (const report of collected.reports) {
    try {
      const { log } = await normalizeReport(report, normalizeOptions);
      // A report that says its own run failed (npm audit refused by the registry) is a scanner failure.
      const refused = log.runs.flatMap((r) => r.invocations ?? []).find((i) => i.executionSuccessful === false);
      if (refused) {
        const reason = refused.toolExecutionNotifications?.map((n) => n.message.text).filter(Boolean).join('; ') || 'the tool reported that it failed';
        const run = collected.runs.find((r) => r.id === report.scanner!.id);
        if (run) {
          run.status = 'failed';
          run.reason = reason;
        }
        failures.push({ scanner: report.scanner!.id, reason });
        if (!failClosed) warnings.push(`${report.scanner!.id} did not run: ${reason}`);
      }
      logs.push(log);
      recorded.add(report.scanner!.id);
    } catch (error) {
      const id = report.scanner!.id;
      const reason = `wrote a report that cannot be read: ${(error as Error).message}`;
      const run = collected.runs.find((r) => r.id === id);
      if (run) {
        run.status = 'failed';
        run.reason = reason;
      }
      failures.push({ scanner: id, reason });
      if (!failClosed) warnings.push(`${id} ${reason}`);
    }
  }
  for (const input of options.reports ?? []) {
    if (options.shard && shardOf(`report\u0000${input.file}`, options.shard.total) !== options.shard.index) continue;
    const report: CollectedReport = { file: resolve(options.cwd, input.file), format: input.format };
    const { log, format } = await normalizeReport(report, normalizeOptions).catch((error: unknown) => {
      // Name the file as the user wrote it.
      if (error instanceof InputError) throw new InputError(error.message, { file: input.file, cause: error });
      throw error;
    });
    logs.push(log);
    reports.push({ file: input.file, format, findings: log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0) });
  }

  // A scanner that did not run is a run that says so, never a silent gap (a gap would read as "all fixed").
  for (const run of collected.runs) if (run.status === 'failed' && !recorded.has(run.id)) logs.push(failedRunLog(run, scanners.find((s) => s.id === run.id)));
  const combined = combineLogs(logs);
  // Before identify, so a mapped DAST finding gets the handler line's hash like any code finding.
  const routes = await mapDastRoutes(combined, { srcRoot, files: async () => (files.length ? files : await listFiles(dir, ports, options.env)).map((file) => join(dir, file)) });
  if (routes.mapped + routes.unmapped) ports.log('info', `DAST: ${routes.mapped} finding${routes.mapped === 1 ? '' : 's'} traced to the handler in the code, ${routes.unmapped} kept by URL`);
  const log = await identify(combined, { srcRoot });
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
  const scopeCounts = diffScope ? applyScope(log, diffScope, options.diffFilter ?? 'added') : undefined;
  const assessed = await assess(log, { config: options.config, cwd: options.cwd, feedsDir: options.feedsDir, feedCache: options.feedCache, today: options.today }, ports);
  warnings.push(...assessed.warnings);
  const findings = findingsOf(log);
  for (const run of collected.runs) {
    if (run.status === 'ran') run.findings = findings.filter((f) => f.run.properties?.[PROP.scanner] === run.id).length;
    if (run.status === 'ran') ports.log('info', `${run.id}: ran, ${run.findings} finding${run.findings === 1 ? '' : 's'} in ${(run.durationMs / 1000).toFixed(1)} s`);
    else if (run.status === 'failed') ports.log('info', `${run.id}: failed in ${(run.durationMs / 1000).toFixed(1)} s`);
    else if (run.reason !== NOTHING_TO_SCAN) ports.log('info', `${run.id}: skipped (${run.reason})`);
  }
  const verdict = applyGate({ findings, gate: stageGate(options.config, options.stage), mode: options.config.stages?.[options.stage]?.gate ?? 'default', warnings });
  const scope = diffScope && scopeCounts ? { base: diffScope.base, filter: options.diffFilter ?? 'added', ...scopeCounts } : undefined;
  log.properties = {
    ...log.properties,
    'pipewarden/stage': options.stage,
    ...(options.shard ? { 'pipewarden/shard': `${options.shard.index}/${options.shard.total}` } : {}),
    ...(baseline ? { 'pipewarden/baseline': baseline } : {}),
    ...(scope ? { 'pipewarden/diff': scope } : {}),
    ...(merged ? { 'pipewarden/merged': merged } : {}),
    'pipewarden/verdict': verdictProp(verdict),
    'pipewarden/waivers': { expired: assessed.waivers.expired, expiringSoon: assessed.waivers.expiringSoon },
    'pipewarden/scanners': collected.runs.map(({ id, status, version, durationMs, reason, findings: count, files: fileCount }) => ({
      id,
      status,
      files: fileCount,
      ...(version ? { version } : {}),
      durationMs: Math.round(durationMs),
      ...(reason ? { reason } : {}),
      ...(count !== undefined ? { findings: count } : {}),
    })),
  };
  const provenance = await completeProvenance(options.provenance, srcRoot, ports, options.env);
  const commit = provenance.commit;
  stampFirstDetection(log, startedAt);
  const images = log.runs.flatMap((run) => (run.properties?.['pipewarden/inventory'] ? [run.properties['pipewarden/inventory'] as ImageInventory] : []));
  // The image's SBOM, when the scan made one: Syft's of the whole image, else cyclonedx-npm's of the app layer.
  const sbomOf = (scanner: string) => log.runs.find((run) => run.properties?.[PROP.scanner] === scanner)?.properties?.['pipewarden/sbomComponents'];
  const sbom = [
    { components: sbomOf('syft-image'), generator: 'syft (whole image)' },
    { components: sbomOf('cyclonedx-npm'), generator: 'cyclonedx-npm (application layer)' },
  ].find((s) => typeof s.components === 'number');
  if (sbom) for (const image of images) image.sbom ??= { generator: sbom.generator, components: sbom.components as number };
  log.properties = { ...log.properties, 'pipewarden/provenance': provenance, ...(images.length ? { 'pipewarden/images': images } : {}) };
  const trend = history && trendOf(history, provenance.repository, options.stage);
  const summary = { findings, verdict, scanners: collected.runs, stage: options.stage, reports, baseline, scope, waivers: assessed.waivers, provenance, images, history: trend };
  const outputs = await emit(log, summary, outDir, {
    gitlab: { version, startedAt, endedAt: new Date(), commit, scanners: collected.runs, categories: Object.fromEntries(scanners.map((s) => [s.id, s.category])) },
    links: options.links,
    anchorUri: await anchorOf(dir, srcRoot),
    commit,
  });
  const exitCode = failClosed && failures.length ? 2 : verdict.status === 'fail' ? 1 : 0;
  if (options.history && !options.shard) {
    const line = historyLineOf({ time: startedAt, repo: provenance.repository, provenance, stage: options.stage, findings, fixed: fixedOf(log), verdict, exitCode, baseline: Boolean(baselineLog), scanners: collected.runs, images });
    await appendHistoryLine(options.history.file, line, options.history.shown);
  }
  return { log, findings, verdict, scanners: collected.runs, reports, outputs, baseline, scope, merged, waivers: assessed.waivers, failures: failClosed ? failures : [], exitCode };
}

export interface AssessOptions {
  config: PipewardenConfig;
  cwd: string;
  feedsDir?: string | undefined;
  feedCache?: FeedCache | undefined;
  today?: string | undefined;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function hasCve(log: Log): boolean {
  return log.runs.some((run) =>
    (run.results ?? []).some((r) => /^CVE-/i.test(r.ruleId ?? '') || ((r.properties?.['pipewarden/ids'] as string[] | undefined) ?? []).some((id) => /^CVE-/i.test(id))),
  );
}

/** Feeds for this run: the user's folder, else the cache (downloading when allowed); only when a CVE needs them. */
async function loadFeeds(log: Log, options: AssessOptions, ports: Ports): Promise<Feeds> {
  if (options.feedsDir) return readFeedsDir(resolve(options.cwd, options.feedsDir));
  if (!hasCve(log) || !options.feedCache) return { warnings: [] };
  const feeds = options.config.feeds;
  const result = await cachedFeeds({
    cacheDir: resolve(options.cwd, feeds?.cache_dir ?? options.feedCache.cacheDir),
    today: options.today ?? todayUtc(),
    fetch: options.feedCache.fetch,
    offline: feeds?.offline ?? options.feedCache.offline,
    kevUrl: feeds?.kev_url,
    epssUrl: feeds?.epss_url,
  });
  for (const warning of result.warnings) ports.log('warn', warning);
  return result;
}

/** enrich → prioritize → waive: what both a scan and `pipewarden gate` do before the gate. */
export async function assess(log: Log, options: AssessOptions, ports: Ports): Promise<{ waivers: WaiverReport; warnings: string[] }> {
  const feeds = await loadFeeds(log, options, ports);
  await enrich(log, { feeds, context: options.config.context ?? [] });
  prioritize(log, { slaDays: options.config.priorities?.sla_days });
  const waivers = applyWaivers(log, options.config.waivers ?? [], options.today ?? todayUtc());
  const warnings = [...feeds.warnings];
  for (const expired of waivers.expired) {
    warnings.push(`${describeWaiver(expired.waiver, expired.index)} expired on ${expired.waiver.expires}${expired.matched ? `: ${expired.matched} finding${expired.matched === 1 ? ' is' : 's are'} no longer waived` : ''}`);
  }
  for (const soon of waivers.expiringSoon) {
    warnings.push(`${describeWaiver(soon.waiver, soon.index)} expires on ${soon.waiver.expires}, in ${soon.daysLeft} day${soon.daysLeft === 1 ? '' : 's'}`);
  }
  return { waivers, warnings };
}

/** The verdict as the log keeps it, for `pipewarden report` and `gate` to read back. */
function verdictProp(verdict: Verdict): Record<string, unknown> {
  const { status, failures, scope, gated, total, counts, warnings } = verdict;
  return { status, failures, scope, gated, total, counts, warnings };
}

const ANCHORS = ['pipewarden.yml', 'pipewarden.yaml', 'README.md', 'readme.md', 'package.json', 'Dockerfile'];

/** The repository file GitHub shows findings on that have no file of their own (a DAST URL no route matched). */
async function anchorOf(dir: string, srcRoot: string): Promise<string | undefined> {
  for (const name of ANCHORS) {
    const path = join(dir, name);
    if (await stat(path).then((s) => s.isFile(), () => false)) {
      const rel = relative(srcRoot, path);
      if (!rel.startsWith('..')) return rel.split(sep).map(encodeURIComponent).join('/');
    }
  }
  return undefined;
}

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
}

export interface GateLogOutcome {
  log: Log;
  findings: Finding[];
  verdict: Verdict;
  baseline?: BaselineCounts | undefined;
  waivers: WaiverReport;
  outputs: EmitOutputs;
  exitCode: 0 | 1;
}

/**
 * Re-prioritizes and gates an existing log with today's feeds and config (the production stage: a clean
 * build of yesterday fails today when one of its CVEs entered KEV).
 */
export async function gateLog(options: GateLogOptions, ports: Ports): Promise<GateLogOutcome> {
  const file = resolve(options.cwd, options.file);
  const log = await readReport(file, 'sarif').then(
    (r) => r.log,
    (error: unknown) => {
      if (error instanceof InputError) throw new InputError(error.message, { file: options.file, cause: error });
      throw error;
    },
  );
  // Absent results of an earlier comparison, and earlier waivers, are recomputed, not inherited.
  for (const run of log.runs) {
    if (run.results) run.results = run.results.filter((r) => r.baselineState !== 'absent');
    for (const result of run.results ?? []) {
      delete result.baselineState;
      if (result.suppressions) result.suppressions = result.suppressions.filter((s) => !s.justification?.startsWith('waiver: '));
      if (result.suppressions?.length === 0) delete result.suppressions;
    }
  }
  const baselineLog = options.baseline ? await readBaseline(resolve(options.cwd, options.baseline), options.baseline) : undefined;
  const baseline = baselineLog ? applyBaseline(log, baselineLog) : undefined;
  const assessed = await assess(log, options, ports);
  const findings = findingsOf(log);
  const stage = options.stage ?? 'production';
  const verdict = applyGate({ findings, gate: stageGate(options.config, stage), mode: options.config.stages?.[stage]?.gate ?? 'default', warnings: assessed.warnings });
  log.properties = {
    ...log.properties,
    'pipewarden/stage': stage,
    'pipewarden/verdict': verdictProp(verdict),
    'pipewarden/waivers': { expired: assessed.waivers.expired, expiringSoon: assessed.waivers.expiringSoon },
    ...(baseline ? { 'pipewarden/baseline': baseline } : {}),
  };
  const scanners = (log.properties['pipewarden/scanners'] as ScannerSummary[] | undefined) ?? [];
  const history = options.history ? (await loadHistory(options.history, (message) => ports.log('warn', message))).lines : undefined;
  const scanned = log.properties['pipewarden/provenance'] as Provenance | undefined;
  // The log's repository and commit are the scan's; branch and pipeline are this run's.
  const provenance = history ? await completeProvenance({ ...scanned, ...options.provenance, ...(scanned?.repository ? { repository: scanned.repository } : {}) }, options.cwd, ports, options.env ?? {}) : undefined;
  const images = log.properties['pipewarden/images'] as ImageInventory[] | undefined;
  const trend = history && provenance ? trendOf(history, provenance.repository, stage) : undefined;
  const outputs = await emit(log, { findings, verdict, scanners, stage, baseline, waivers: assessed.waivers, history: trend }, resolve(options.cwd, options.outDir), { links: options.links });
  const exitCode = verdict.status === 'fail' ? 1 : 0;
  if (options.history && provenance) {
    const line = historyLineOf({ time: new Date(), repo: provenance.repository, provenance, stage, findings, fixed: fixedOf(log), verdict, exitCode, baseline: Boolean(baselineLog), scanners, images });
    await appendHistoryLine(options.history.file, line, options.history.shown);
  }
  return { log, findings, verdict, baseline, waivers: assessed.waivers, outputs, exitCode };
}

/** Results seen for the first time are first detected now (matched ones kept the baseline's time). */
function stampFirstDetection(log: Log, time: Date): void {
  const now = time.toISOString();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent' || result.provenance?.firstDetectionTimeUtc) continue;
      result.provenance = { ...result.provenance, firstDetectionTimeUtc: now };
    }
  }
}

/** The last default-branch run's SARIF; refused with one line when it is not a SARIF log. */
export async function readBaseline(file: string, shown: string): Promise<Log> {
  try {
    return (await readReport(file, 'sarif')).log;
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`baseline ${error.message}`, { file: shown, cause: error });
    throw error;
  }
}

export interface ConvertOptions {
  reports: readonly ReportInput[];
  /** Where relative paths resolve and what URIs are made relative to. */
  baseDir: string;
}

/** Native reports → one clean SARIF log (normalized, fingerprinted). */
export async function convertReports(options: ConvertOptions): Promise<Log> {
  const logs: Log[] = [];
  for (const input of options.reports) {
    const { log } = await normalizeReport({ file: input.file, format: input.format }, { baseDir: options.baseDir, srcRoot: options.baseDir });
    logs.push(log);
  }
  return identify(combineLogs(logs), { srcRoot: options.baseDir });
}
