import { availableParallelism } from 'node:os';
import type { Log } from 'sarif';
import { adapterFor } from '../lang/registry.js';
import { buildLog } from '../sarif/log.js';
import type { Summary, TaintFinding } from '../taint/types.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_BYTES, LocalBackend, type Backend, type BackendInit, type SecondJob } from './backend.js';
import type { FirstPass } from './file-analyzer.js';
import { startPool } from './pool.js';
import { renderFindings } from './templates.js';
import { routeFindings } from '../routes/decide.js';
import { ruleSetOf, type RuleOptions } from './ruleset.js';

/** From this many files on, parsing and analysis run in worker threads. */
export const PARALLEL_FROM = 200;

export interface AnalyzeOptions extends RuleOptions {
  /** The scanned directory (absolute). */
  root: string;
  /** Files to analyse, relative to root (POSIX): exclusions already applied by the caller. Others are ignored. */
  files: readonly string[];
  /** Where the .wasm files are (default: dist/grammars of this package; see grammarsDir()). */
  grammarsDir?: string | undefined;
  /** Worker threads: 0 for none; default: up to 4 from PARALLEL_FROM files on. */
  threads?: number | undefined;
  maxFileBytes?: number | undefined;
  /** The uriBaseId of locations: default '%SRCROOT%' (the root); false for plain relative URIs (core rebases them itself). */
  uriBaseId?: string | false | undefined;
}

export interface AnalyzeStats {
  /** Files an adapter reads (of those given). */
  files: number;
  lines: number;
  findings: number;
  threads: number;
  /** Wall-clock time of the whole run. */
  ms: number;
  /** CPU time of the process over the run, worker threads included: lines / cpuMs is throughput per core. */
  cpuMs: number;
}

export interface AnalyzeOutcome {
  log: Log;
  stats: AnalyzeStats;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

function threadsFor(options: AnalyzeOptions, files: number): number {
  if (options.threads !== undefined) return Math.max(0, Math.floor(options.threads));
  if (files < PARALLEL_FROM) return 0;
  // The main thread only waits while workers run; a single worker would only add its start-up.
  const threads = Math.min(4, availableParallelism(), Math.ceil(files / 100));
  return threads >= 2 ? threads : 0;
}

/** Which files need a second look: those importing a file whose exports carry data in or out. */
function secondJobs(firsts: readonly FirstPass[]): SecondJob[] {
  const byFile = new Map<string, [string, Summary][]>();
  for (const first of firsts) {
    const carries = ([, s]: [string, Summary]) => s.returns.length > 0 || s.sinks.length > 0 || s.checks.length > 0;
    // A class's instance marker (`Class()`, calls.ts instanceOf) goes along when its methods carry data.
    if (first.exports.some(carries)) byFile.set(first.path, first.exports.filter((e) => carries(e) || e[0].endsWith('()')));
  }
  return firsts
    .filter((f) => f.deps.some((dep) => byFile.has(dep)))
    .map((f) => ({ path: f.path, imported: f.deps.flatMap((dep) => byFile.get(dep) ?? []) }));
}

/** Both passes on a backend: each file alone, then again with the summaries of what it imports. */
async function run(backend: Backend, paths: readonly string[], init: BackendInit): Promise<{ firsts: FirstPass[]; findings: TaintFinding[] }> {
  const firsts = await backend.first(paths);
  const seconds = new Map((await backend.second(secondJobs(firsts))).map((s) => [s.path, s]));
  const findings = firsts.flatMap((f) => seconds.get(f.path)?.findings ?? f.findings);
  const renders = firsts.flatMap((f) => seconds.get(f.path)?.renders ?? f.renders);
  const routes = routeFindings(init.ruleSet.rules, firsts.map((f) => f.routes ?? []), init.files);
  return { firsts, findings: [...findings, ...renderFindings(renders, firsts), ...routes] };
}

async function analyzeWith(init: BackendInit, paths: readonly string[], threads: number, texts?: ReadonlyMap<string, string>, uriBaseId?: string | false): Promise<AnalyzeOutcome> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pool = threads > 0 && !texts ? await startPool(init, threads, paths) : undefined;
  const backend = pool ?? new LocalBackend(init, texts);
  try {
    const { firsts, findings } = await run(backend, paths, init);
    const log = buildLog({
      version: VERSION,
      rules: init.ruleSet.rules,
      findings,
      uriBaseId,
      notifications: firsts.filter((f) => f.error).map((f) => ({ file: f.path, message: `${f.path}: ${f.error!.split('\n')[0]}` })),
    });
    const stats = { files: paths.length, lines: firsts.reduce((n, f) => n + f.lines, 0), findings: log.runs[0]!.results!.length, threads: pool ? threads : 0, ms: Math.round(performance.now() - started), cpuMs: cpuMsSince(cpu) };
    return { log, stats };
  } finally {
    await backend.close();
  }
}

/** Files in, SARIF out: every file an adapter reads, with the built-in rules and the user's. */
export async function analyzeFiles(options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  const ruleSet = ruleSetOf(options);
  const languages = new Set(ruleSet.rules.map((r) => r.language));
  const renders = ruleSet.rules.some((r) => r.sinks.some((s) => s.render));
  const paths = options.files.filter((file) => {
    const found = adapterFor(file);
    return found !== undefined && (languages.has(found.adapter.id) || (renders && found.adapter.kind === 'template'));
  });
  const init: BackendInit = { ruleSet, files: options.files, root: options.root, grammarsDir: options.grammarsDir, maxBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES };
  return analyzeWith(init, paths, threadsFor(options, paths.length), undefined, options.uriBaseId);
}

/** The same on text in memory (tests, rule snippets, editors): no files are read. */
export async function analyzeSources(sources: readonly { path: string; text: string }[], options: RuleOptions & { grammarsDir?: string | undefined } = {}): Promise<AnalyzeOutcome> {
  const ruleSet = ruleSetOf(options);
  const files = sources.map((s) => s.path);
  const init: BackendInit = { ruleSet, files, root: '.', grammarsDir: options.grammarsDir, maxBytes: DEFAULT_MAX_BYTES };
  return analyzeWith(init, files.filter((f) => adapterFor(f) !== undefined), 0, new Map(sources.map((s) => [s.path, s.text])));
}
