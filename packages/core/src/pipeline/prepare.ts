import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError, InputError, describeFsError } from '../errors.js';
import { createExclusions, partitionFiles, reasonByName, type Exclusions } from '../files/exclusions.js';
import { listFiles, listStagedFiles } from '../files/list-files.js';
import type { HistoryTrendLine } from '../history/line.js';
import { loadTrendHistory } from '../history/record.js';
import { readDiffScope, type DiffScope } from '../identity/scope.js';
import { secretKeyingOf } from '../identity/secret-hash.js';
import type { Stage } from '../model/stage.js';
import type { Targets } from '../model/targets.js';
import type { ParsedScanOptions } from './types.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { checkTargetUrl } from '../policy/dast-safety.js';
import type { Ports } from '../ports/types.js';
import { createRedactor, type Redactor } from '../sarif/redact-log.js';
import type { Log } from '../sarif/types.js';
import type { ScannerRegistry } from '../scanners/registry.js';
import type { Scanner } from '../scanners/types.js';
import { readBaseline } from './convert.js';

/** Everything the run checked and read before any scanner starts: a bad input fails in a second. */
export interface Prepared {
  dir: string;
  outDir: string;
  srcRoot: string;
  scanners: Scanner[];
  explicit: boolean;
  /** The team's files: what the exclusion rules leave (vendored, minified, generated and dependency code left out). */
  files: string[];
  /** Every file but the user's own exclusions: dependency scanners look at lockfiles and vendored libraries too. */
  filesWithThirdParty: string[];
  /** Symlinks in the folder left out of the list (they lead outside it, or to a FIFO or device): tools that walk the folder are told to skip them. */
  leftOutLinks: string[];
  exclusions: Exclusions;
  targets: Targets;
  scannerOptions: Record<string, Record<string, unknown>>;
  timeouts: Record<string, number>;
  baselineLog?: Log | undefined;
  history?: HistoryTrendLine[] | undefined;
  diffScope?: DiffScope | undefined;
  /** With --diff-base: the changed files, relative to the scanned directory. */
  changed?: ReadonlySet<string> | undefined;
  /** The run's redaction: every report and the baseline are read through it, raw/ reports scrubbed with what it found. */
  redactor: Redactor;
}

export function resolveScanners(ids: readonly string[] | undefined, stage: Stage, config: PipewardenConfig, registry: ScannerRegistry): { scanners: Scanner[]; explicit: boolean } {
  const named = ids ?? config.stages?.[stage]?.scanners;
  if (named === undefined) return { scanners: registry.forStage(stage), explicit: false };
  const unknown = named.filter((id) => !registry.get(id));
  if (unknown.length) {
    throw new ConfigError(`unknown scanner${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${registry.all.map((s) => s.id).join(', ')})`, {
      file: ids ? '--scanners' : `stages.${stage}.scanners`,
    });
  }
  return { scanners: [...new Set(named)].map((id) => registry.get(id)!), explicit: true };
}

/** `scanners.<id>` of pipewarden.yml, each checked against its scanner's own schema; every problem at once. */
export function scannerOptionsOf(config: PipewardenConfig, registry: ScannerRegistry, configFile = 'pipewarden.yml'): { options: Record<string, Record<string, unknown>>; timeouts: Record<string, number> } {
  const options: Record<string, Record<string, unknown>> = {};
  const timeouts: Record<string, number> = {};
  const problems: string[] = [];
  for (const [id, given] of Object.entries(config.scanners ?? {})) {
    if (!given) continue;
    const { timeout, ...own } = given as { timeout?: number } & Record<string, unknown>;
    if (timeout) timeouts[id] = timeout * 1000;
    const scanner = registry.get(id);
    if (!scanner) {
      // Options of a scanner this build does not have (a plugin not installed here) are kept, not refused.
      options[id] = own;
      continue;
    }
    if (!scanner.options) {
      for (const key of Object.keys(own)) problems.push(`scanners.${id}.${key}: ${id} has no option "${key}" (its options: timeout)`);
      continue;
    }
    const parsed = scanner.options.safeParse(own);
    if (parsed.success) options[id] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`scanners.${id}${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
  }
  if (problems.length) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`, { problems, file: configFile });
  return { options, timeouts };
}

async function sourceRoot(dir: string, ports: Ports, env: ParsedScanOptions['env']): Promise<string> {
  const git = await ports.exec({ command: 'git', args: ['rev-parse', '--show-toplevel'], cwd: dir, env, timeoutMs: 30_000 });
  const top = git.exitCode === 0 ? git.stdout.trim() : '';
  return top ? resolve(top) : dir;
}

/** The targets with their paths resolved, and the URL refused unless the policy allows its host. */
function resolveTargets(options: ParsedScanOptions): Targets {
  const given = options.targets ?? {};
  const at = (file: string) => resolve(options.cwd, file);
  return {
    ...given,
    // Refused before anything runs: DAST never touches a host the policy does not allow.
    ...(given.url ? { url: { ...given.url, href: checkTargetUrl(given.url.href, options.config.dast?.allowed_hosts).href } } : {}),
    ...(given.imageArchive ? { imageArchive: at(given.imageArchive) } : {}),
    ...(given.baseArchives ? { baseArchives: given.baseArchives.map(at) } : {}),
    ...(given.vulnerabilityReports ? { vulnerabilityReports: { image: at(given.vulnerabilityReports.image), base: at(given.vulnerabilityReports.base) } } : {}),
  };
}

export async function prepare(options: ParsedScanOptions, ports: Ports, registry: ScannerRegistry): Promise<Prepared> {
  const dir = resolve(options.cwd, options.dir);
  try {
    if (!(await stat(dir)).isDirectory()) throw new InputError('is not a directory', { file: options.dir });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file: options.dir, cause: error });
  }
  const { scanners, explicit } = resolveScanners(options.scanners, options.stage, options.config, registry);
  const { options: scannerOptions, timeouts } = scannerOptionsOf(options.config, registry, options.configFile);
  if (options.stage === 'production' && scanners.length === 0 && !(options.reports ?? []).length) {
    ports.log('info', 'the production stage scans nothing: gate the last release with `pipewarden gate results.sarif` and fresh feeds');
  }
  const targets = resolveTargets(options);
  // PIPEWARDEN_SECRET_KEY from the env the platform passed (or secretKey); a key too short is refused here, before any scanner runs.
  const keying = secretKeyingOf(options.secretKey ? { PIPEWARDEN_SECRET_KEY: options.secretKey } : options.env, options.provenance?.repository);
  const redactor = createRedactor(keying);
  const srcRoot = await sourceRoot(dir, ports, options.env);
  const exclusions = await createExclusions(dir, { exclude: [...(options.config.exclude ?? []), ...(options.exclude ?? [])], include: options.config.include }, ports, options.env);
  let listed: string[] = [];
  const leftOutLinks: string[] = [];
  const leftOut = (path: string, why: 'outside' | 'special') => {
    leftOutLinks.push(path);
    exclusions.count('files', why, path);
  };
  if (scanners.length) {
    if (options.staged) {
      const staged = await listStagedFiles(dir, ports, options.env, (path, why) => why && leftOut(path, why));
      if (staged === undefined) throw new InputError('--staged needs a git work tree', { file: options.dir });
      listed = staged;
    } else {
      // Dependency folders are never listed (outside git, never entered): counted, so the summary can say so.
      // Symlinks out of the folder (or to a FIFO or device) are never listed either: counted with their reason.
      listed = await listFiles(dir, ports, options.env, (path, why) => {
        if (why) return leftOut(path, why);
        const reason = reasonByName(path.endsWith('/') ? `${path}x` : path);
        if (reason) exclusions.count('files', reason, path);
      });
    }
  }
  const filesWithThirdParty = listed.filter((file) => !exclusions.userExcludes(file));
  const files = await partitionFiles(listed, exclusions);
  // Read the baseline before scanning: a bad file should fail in a second, not after the scanners ran.
  const baselineLog = options.baseline ? await readBaseline(resolve(options.cwd, options.baseline), options.baseline, redactor) : undefined;
  const history = options.history ? (await loadTrendHistory(options.history, (message) => ports.log('warn', message))).lines : undefined;
  const diffScope = options.diffBase ? await readDiffScope(srcRoot, options.diffBase, ports, options.env) : undefined;
  // Incremental: the diff's files, as paths relative to the scanned directory.
  const changed = diffScope ? new Set([...diffScope.files.keys()].map((path) => relative(dir, join(srcRoot, path)).split(sep).join('/')).filter((p) => !p.startsWith('..'))) : undefined;
  return { dir, outDir: resolve(options.cwd, options.outDir), srcRoot, scanners, explicit, files, filesWithThirdParty, leftOutLinks, exclusions, targets, scannerOptions, timeouts, baselineLog, history, diffScope, changed, redactor };
}
