import { existsSync, readdirSync } from 'node:fs';
import { access, chmod, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  applyFailOn,
  findConfigFile,
  publish,
  currentLabels,
  type Targets,
  ConfigError,
  InputError,
  safeLine,
  SARIF_SCHEMA_URI,
  STARTER_CONFIG,
  configJsonSchema,
  convertReports,
  gateLog,
  type EmitOutputs,
  type FeedCache,
  dedupe,
  mergeLogs,
  applyBaseline,
  readBaseline,
  prioritize,
  readReport,
  readRegularText,
  createRedactor,
  secretKeyingOf,
  formats,
  isPipewardenError,
  loadConfigFile,
  nodeExec,
  renderText,
  runScan,
  scanners,
  version,
  writeFileAtomic,
  installedToolDirs,
  installHintOf,
  toolCacheDir,
  toolDirsForScan,
  toolPlatformOf,
  withToolDirs,
  sarifText,
  historyFileOf,
  type HistoryOptions,
  type PipewardenConfig,
  type Ports,
  type ScanOutcome,
  readTicketState,
  withJiraOptions,
  type Ticket,
} from '@pipewarden/core';
import { feedFetcher } from './fetcher.js';
import { buildFromEnv, platformFor, type Loaded } from './platforms.js';
import { liveProgress } from './progress.js';
import { SCAN_FLAGS, convertOptionsSchema, gateOptionsSchema, mergeOptionsSchema, metricsOptionsSchema, reportOptionsSchema, scanOptionsSchema, serveOptionsSchema, validateOptions, type ScanCliOptions } from './options.js';
import { REPORT_USAGE, provenanceOf, renderReport, reportLinks } from './report-command.js';
import { METRICS_USAGE, runMetrics } from './metrics-command.js';
import { TOOLS_USAGE, runTools } from './tools/command.js';
import { ATTEST_USAGE, VERIFY_USAGE, runAttest, runVerify } from './attest-command.js';
import { ATTEST_FLAGS, VERIFY_FLAGS, attestOptionsSchema, verifyOptionsSchema } from './attest-options.js';

export { stopAllCommands } from '@pipewarden/core';

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** stderr without the line cleaning, for the live progress line's own cursor codes. */
  rawStderr?: { write(text: string): unknown };
}

/** Each line made safe; the line breaks between them kept. */
function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line, index, all) => (index === all.length - 1 && line === '' ? '' : safeLine(line, 4000)))
    .join('\n');
}

const USAGE = `Usage: pipewarden <command> [options]

Commands:
  scan [DIR]               run the stage's scanners on DIR (default .), then the whole pipeline
  convert REPORT...        native report(s) → one SARIF 2.1.0 log
  formats                  list the report formats convert and --report read
  merge SARIF... -o FILE   join shards' or tools' SARIF into one log, deduplicated
  gate SARIF               re-prioritize and gate an existing log with today's feeds (production stage)
  init                     write a commented starter pipewarden.yml
  hook install             install a git pre-commit hook that scans the staged files
  report SARIF --format F  render summary.md, report.html, report.json, JUnit, GitHub or GitLab files from a log
  metrics                  the numbers a security team reports, from the history file(s) or a shared store
  serve --store URL        the read-only dashboard over a shared store (127.0.0.1:8080 by default)
  schema                   print pipewarden.yml's JSON Schema
  scanners                 list the scanners, whether each is installed, and how to install it
  tools install [ID...]    install the pinned external scanners into the tool cache, checksums verified
  attest --subject S...    sign an in-toto attestation of the scan over the artifacts built (key or keyless)
  verify --attestation F   the promotion gate: signature, subjects, verdict and age of an attestation

Options:
  -h, --help               help (also: pipewarden <command> --help)
  -v, --version            print the version

Exit codes: 0 the gate passed, 1 the gate failed, 2 an error (one line on stderr).`;

const SCAN_USAGE = `Usage: pipewarden scan [DIR] [options]

Runs the stage's scanners on DIR (default .), normalizes every report to SARIF, fingerprints and
prioritizes the findings, applies the gate and writes the results to the out-dir.

Options:
  --config FILE            pipewarden.yml (default: DIR/pipewarden.yml if present, else built-in defaults)
  --stage NAME             precommit | commit | acceptance | production (default commit)
  --scanners a,b|none      only these scanners (none: only ingest --report files)
  --staged                 only the files staged in git (pre-commit)
  --report FILE[:FORMAT]   also ingest an existing report (repeatable; format detected by content)
  --exclude PATTERN        never scan nor report these paths, as in .gitignore (repeatable; adds to
                           pipewarden.yml's exclude:; dependency, vendored, minified and generated
                           code is left out by default, see include:)
  --baseline FILE          SARIF of the last default-branch run: marks new / unchanged / updated / absent
  --feeds-dir DIR          CISA KEV and EPSS files (offline); else a dated cache, downloaded once a day
  --advisories-dir DIR     OSV advisories (records or all.zip exports) for pipewarden-sca, offline; default
                           $PIPEWARDEN_ADVISORIES_DIR, else the dated cache (HTTPS_PROXY/NO_PROXY honoured)
  --target-url URL         the running app, for DAST (acceptance); only allowed hosts (dast.allowed_hosts)
  --diff-base REF          gate only what changed since the merge-base with REF ("hold the line")
  --diff-filter MODE       added (default) | diff_context | file | nofilter
  --shard I/N              run only shard I of N of the work (parallel CI jobs; join with merge)
  --out-dir DIR            where results go (default .pipewarden)
  --image REF              the image the pipeline built, for image scanners (acceptance)
  --image-archive PATH     the same as a docker save archive or an OCI layout (no daemon, no registry)
  --base-archive PATH      a sanctioned base image saved as an archive, for drift (repeatable)
  --image-report FILE, --base-report FILE
                           vulnerability reports of the image and of its base's current build: an
                           outdated base weighs more for each vulnerability fixed upstream
  --fail-fast              stop at the first scanner whose findings fail the gate
  --history FILE           the history file this run adds its line to and takes the trend from
                           (default: pipewarden.yml's history, else OUT-DIR/history.jsonl)
  --no-history             add no line
  --fail-on LEVEL          policy (default) | never (report only) | critical | high | medium | low:
                           fail on new findings at or above that severity instead of the policy's rules
  --tickets none|gitlab|github|jira
                           keep one issue per finding group: gitlab (in GitLab CI, or with its CI_* variables),
                           github (PIPEWARDEN_GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL), jira
                           (tickets.jira in pipewarden.yml; JIRA_API_TOKEN, and JIRA_EMAIL on Cloud); default
                           pipewarden.yml's tickets.tracker, else none. Tickets people close as won't fix or
                           not planned waive their findings for tickets.accepted_for_days (default 90)
  --jira-url URL, --jira-project KEY
                           with --tickets jira: Jira's base URL and project key (else tickets.jira in pipewarden.yml)
  --max-new-tickets N      at most N new issues per run (default 10)
  --no-note                in GitLab CI: do not post the merge request note
  --install-tools          first install the pinned builds of the external tools this run uses (Trivy, Grype,
                           Syft, Gitleaks, OSV-Scanner, Hadolint; Semgrep, Checkov, Bandit with pipx) into
                           the tool cache, SHA-256 verified (see pipewarden tools --help); tools already in
                           the cache are always run before any on PATH

In a GitLab CI job (GITLAB_CI=true) scan also posts one MR note (merge request pipelines) and, with
--tickets gitlab, keeps issues; it uses PIPEWARDEN_GITLAB_TOKEN (a project access token), and a token
that may not write leaves the files and says so. In MR pipelines CI_MERGE_REQUEST_DIFF_BASE_SHA is the
default --diff-base when that commit is in the clone.
  --quiet                  no progress lines on stderr (errors and warnings still)
  --json                   the verdict, counts and findings as JSON on stdout instead of text

Writes to the out-dir: results.sarif (the full log), github/*.sarif (within GitHub's upload limits),
summary.md, report.html, report.json, junit.xml, gl-*-report.json, each scanner's native report in raw/,
and one line per run to history.jsonl (\`pipewarden metrics\` reads it).
Exit codes: 0 the gate passed, 1 the gate failed, 2 an error.`;

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

const COMMON = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util names the option in its message; keep only the first sentence.
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    throw new ConfigError(message.replace(/^Unknown option '(.+?)'$/, 'unknown option $1'));
  }
}

/** The feed cache: $PIPEWARDEN_CACHE_DIR, else $XDG_CACHE_HOME/pipewarden, else ~/.cache/pipewarden; offline with PIPEWARDEN_OFFLINE=1. */
function feedCache(io: CliIo): FeedCache {
  const base = io.env.PIPEWARDEN_CACHE_DIR ?? join(io.env.XDG_CACHE_HOME ?? join(io.env.HOME ?? io.cwd, '.cache'), 'pipewarden');
  const offline = /^(1|true|yes)$/i.test(io.env.PIPEWARDEN_OFFLINE ?? '');
  return { cacheDir: join(base, 'feeds'), offline, fetch: offline ? undefined : feedFetcher(io.env) };
}

async function gate(args: string[], io: CliIo): Promise<number> {
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

async function report(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, history: { type: 'string' } });
  if (values.help) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(reportOptionsSchema, { ...values, reports: positionals });
  return renderReport({ sarif: options.reports[0]!, format: options.format, output: options.output, history: options.history }, io);
}

async function metrics(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    history: { type: 'string', multiple: true },
    store: { type: 'string' },
    baseline: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    today: { type: 'string' },
    weeks: { type: 'string' },
    repo: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout.write(`${METRICS_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(metricsOptionsSchema, values);
  const config = await loadConfig(options.config, io.cwd, io.cwd);
  return runMetrics(options, config, io);
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    store: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'token-env': { type: 'string' },
    config: { type: 'string' },
    today: { type: 'string' },
    weeks: { type: 'string' },
    refresh: { type: 'string' },
  });
  // Loaded only for this command: a scan never reads the dashboard's code.
  const { SERVE_USAGE, runServe } = await import('./serve-command.js');
  if (values.help) {
    io.stdout.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(serveOptionsSchema, values);
  const config = await loadConfig(options.config, io.cwd, io.cwd);
  return runServe(options, config, io);
}

async function tools(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { 'cache-dir': { type: 'string' }, mirror: { type: 'string' }, checksums: { type: 'string' }, config: { type: 'string' } });
  if (values.help || !positionals.length) {
    io.stdout.write(`${TOOLS_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = await loadConfig(values.config, io.cwd, io.cwd);
  const [sub, ...ids] = positionals;
  return runTools(sub, ids, values, config, io);
}

async function attest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, ATTEST_FLAGS);
  if (values.help) {
    io.stdout.write(`${ATTEST_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new ConfigError(`attest takes no positional arguments (got ${positionals.join(' ')}); name artifacts with --subject`);
  return runAttest(validateOptions(attestOptionsSchema, values), io);
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, VERIFY_FLAGS);
  if (values.help) {
    io.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new ConfigError(`verify takes no positional arguments (got ${positionals.join(' ')}); use --attestation and --subject`);
  return runVerify(validateOptions(verifyOptionsSchema, values), io);
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write('Usage: pipewarden init [DIR] [--force]\n\nWrites a commented starter pipewarden.yml into DIR (default .).\n');
    return 0;
  }
  const target = join(resolve(io.cwd, positionals[0] ?? '.'), 'pipewarden.yml');
  if (!values.force && (await exists(target))) throw new ConfigError('already exists; use --force to overwrite it', { file: target });
  await writeFileAtomic(target, STARTER_CONFIG);
  io.stderr.write(`pipewarden › wrote ${target}\n`);
  return 0;
}

function makePorts(io: CliIo, quiet = false): Ports {
  return {
    exec: nodeExec,
    log: (level, message) => {
      if (quiet && level === 'info') return;
      io.stderr.write(`${level === 'warn' ? 'pipewarden: warning: ' : 'pipewarden › '}${message}\n`);
    },
  };
}

const HOOK_MARKER = '# installed by pipewarden hook install';

async function hook(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (values.help || positionals[0] !== 'install') {
    if (!values.help) throw new ConfigError('usage: pipewarden hook install [--force]');
    io.stdout.write('Usage: pipewarden hook install [--force]\n\nWrites .git/hooks/pre-commit: scans the staged files (stage precommit) before every commit.\n');
    return 0;
  }
  const git = await nodeExec({ command: 'git', args: ['rev-parse', '--git-path', 'hooks'], cwd: io.cwd, env: io.env, timeoutMs: 30_000 });
  if (git.exitCode !== 0) throw new ConfigError('not inside a git repository', { file: io.cwd });
  const dir = resolve(io.cwd, git.stdout.trim());
  const target = join(dir, 'pre-commit');
  if (!values.force && (await exists(target))) {
    const current = await readRegularText(target, { maxBytes: 1024 * 1024 });
    if (!current.includes(HOOK_MARKER)) throw new ConfigError('a pre-commit hook is already there; use --force to replace it', { file: target });
  }
  const script = `#!/bin/sh
${HOOK_MARKER}
# Scans what is staged; a failing gate stops the commit (bypass once with git commit --no-verify).
if command -v pipewarden >/dev/null 2>&1; then set -- pipewarden; else set -- npx --no-install pipewarden; fi
exec "$@" scan --stage precommit --staged --quiet --out-dir "$(git rev-parse --git-dir)/pipewarden"
`;
  await writeFileAtomic(target, script);
  await chmod(target, 0o755);
  io.stderr.write(`pipewarden › wrote ${target}\n`);
  return 0;
}

/** Every file the run wrote, the ones a person opens next first; folders of many files as one entry. */
function shownOutputs(cwd: string, outputs: EmitOutputs): string[] {
  const files = [outputs.sarif, outputs.summary, outputs.html, outputs.json, outputs.junit, ...outputs.gitlab].filter(Boolean).map((path) => relativeTo(cwd, path));
  const folder = (path: string, count: number, what: string) => `${relativeTo(cwd, path)}/ (${count} ${what}${count === 1 ? '' : 's'})`;
  if (outputs.github.length) files.push(folder(outputs.githubDir, outputs.github.length, 'GitHub SARIF file'));
  const raw = join(dirname(outputs.sarif), 'raw');
  const native = existsSync(raw) ? readdirSync(raw).length : 0;
  if (native) files.push(folder(raw, native, 'native report'));
  return files;
}

/** Whether a commit is in the clone (GitLab's default shallow clone may not have the MR's base). */
async function hasCommit(dir: string, sha: string, env: CliIo['env']): Promise<boolean> {
  const result = await nodeExec({ command: 'git', args: ['cat-file', '-e', `${sha}^{commit}`], cwd: dir, env, timeoutMs: 30_000 });
  return result.exitCode === 0;
}

/** Paths under the working directory are shown relative to it. */
function relativeTo(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The history file a run adds its line to: --history, else the config's, else the out-dir's; none with --no-history. */
function historyOf(options: { history?: string | undefined; 'no-history': boolean; 'out-dir': string }, config: PipewardenConfig, cwd: string): HistoryOptions | undefined {
  return historyFileOf({ named: options.history, off: options['no-history'], configured: config.history, outDir: options['out-dir'], cwd });
}

/** --config, else DIR's own pipewarden.yml, as the user would name it (relative to the working directory). */
async function configFileOf(explicit: string | undefined, dir: string, cwd: string): Promise<string | undefined> {
  if (explicit) return explicit;
  const found = await findConfigFile(dir);
  return found && relativeTo(cwd, found);
}

async function loadConfig(explicit: string | undefined, dir: string, cwd: string): Promise<PipewardenConfig> {
  const file = await configFileOf(explicit, dir, cwd);
  return file ? loadConfigFile(resolve(cwd, file)) : {};
}

/** What the run targets besides files, as the scanners get it. */
function targetsOf(options: ScanCliOptions): Targets {
  return {
    ...(options['target-url'] ? { url: { href: options['target-url'] } } : {}),
    ...(options.image ? { image: options.image } : {}),
    ...(options['image-archive'] ? { imageArchive: options['image-archive'] } : {}),
    ...(options['base-archive'].length ? { baseArchives: options['base-archive'] } : {}),
    ...(options['image-report'] && options['base-report'] ? { vulnerabilityReports: { image: options['image-report'], base: options['base-report'] } } : {}),
  };
}

/** The CI's comment and the tracker's tickets; what could not be posted is a warning, the verdict stands. */
async function publishTo(platform: Loaded, outcome: ScanOutcome, config: PipewardenConfig, options: ScanCliOptions & { tickets: string }, diffBase: string | undefined, io: CliIo, ports: Ports, existingTickets: readonly Ticket[] | undefined): Promise<void> {
  const wants = { comment: !options['no-note'] && Boolean(platform.comment), tickets: options.tickets !== 'none' };
  if (platform.missing && (wants.tickets || (!options['no-note'] && platform.missing.comment))) {
    io.stderr.write(`pipewarden: warning: could not post ${platform.missing.text}\n`);
    return;
  }
  const report = await publish(platform, {
    findings: outcome.findings,
    log: outcome.log,
    outputs: outcome.outputs,
    summary: await readFile(outcome.outputs.summary, 'utf8'),
    stage: options.stage,
    config,
    comment: wants.comment,
    tickets: wants.tickets,
    upload: false,
    maxNewTickets: options['max-new-tickets'],
    diffScoped: diffBase !== undefined || options.shard !== undefined,
    today: new Date().toISOString().slice(0, 10),
    review: outcome.review,
    existingTickets,
  });
  for (const line of report.posted) ports.log('info', line);
  for (const line of report.notPosted) io.stderr.write(`pipewarden: warning: could not post ${line}\n`);
  for (const line of report.warnings) io.stderr.write(`pipewarden: warning: ${line}\n`);
}

async function scan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, SCAN_FLAGS);
  if (values.help) {
    io.stdout.write(`${SCAN_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new ConfigError(`scan takes one directory, got ${positionals.length}: ${positionals.join(' ')}`);
  const options = validateOptions(scanOptionsSchema, { ...values, dir: positionals[0] ?? '.' });
  const configFile = await configFileOf(options.config, resolve(io.cwd, options.dir), io.cwd);
  const config = withJiraOptions(applyFailOn(configFile ? await loadConfigFile(resolve(io.cwd, configFile)) : {}, options.stage, options['fail-on']), { url: options['jira-url'], project: options['jira-project'] });
  // Checked before anything runs: a missing token or a bad CI variable should fail in a second, not after the scanners.
  // --tickets wins; without it, pipewarden.yml's tickets.tracker.
  const tickets = values.tickets === undefined ? (config.tickets?.tracker ?? 'none') : options.tickets;
  const { platform, trackerMissing } = await platformFor(io.env, tickets, config, (message) => io.stderr.write(`pipewarden › ${message}\n`));
  // Read before the scan: tickets people closed as accepted waive their findings at this run's gate.
  const ticketState = tickets !== 'none' && platform?.tracker && !platform.missing ? await readTicketState(platform, config, new Date().toISOString().slice(0, 10)) : { acceptances: [] };
  if (ticketState.warning) io.stderr.write(`pipewarden: warning: ${ticketState.warning}\n`);
  const mrBase = platform?.build.diffBase;
  const diffBase = options['diff-base'] ?? (mrBase && (await hasCommit(resolve(io.cwd, options.dir), mrBase, io.env)) ? mrBase : undefined);
  if (mrBase && !diffBase) io.stderr.write(`pipewarden: warning: the MR's diff base ${mrBase.slice(0, 12)} is not in the clone (set GIT_DEPTH: 0): the gate looks at every finding\n`);
  const live = io.stderr.isTTY && !options.quiet && !options.json && io.env.CI === undefined ? liveProgress((text) => (io.rawStderr ?? io.stderr).write(text)) : undefined;
  const ports: Ports = live ? { exec: nodeExec, ...live } : makePorts(io, options.quiet);
  const host = { env: io.env, cwd: io.cwd, platform: toolPlatformOf(process.platform, process.arch), exec: nodeExec };
  const toolDirs = await toolDirsForScan({ install: options['install-tools'], scanners: options.scanners, stage: options.stage, config }, host, (level, line) => ports.log(level, line));
  const labels = diffBase ? await currentLabels(platform ?? { name: 'none', build: buildFromEnv(io.env) }, (message) => ports.log('warn', message)) : undefined;
  const started = performance.now();
  const outcome = await runScan(
    {
      cwd: io.cwd,
      dir: options.dir,
      config,
      configFile,
      stage: options.stage,
      scanners: options.scanners,
      staged: options.staged,
      reports: options.report,
      exclude: options.exclude,
      outDir: options['out-dir'],
      env: io.env,
      toolDirs,
      baseline: options.baseline,
      feedsDir: options['feeds-dir'],
      advisoriesDir: options['advisories-dir'] ?? (io.env.PIPEWARDEN_ADVISORIES_DIR || undefined),
      feedCache: feedCache(io),
      targets: targetsOf(options),
      failFast: options['fail-fast'],
      diffBase,
      labels,
      diffFilter: options['diff-filter'],
      shard: options.shard,
      links: reportLinks(io.env),
      provenance: provenanceOf(io.env),
      history: historyOf(options, config, io.cwd),
      ticketAcceptances: ticketState.acceptances,
    },
    ports,
  ).finally(() => live?.stop());
  ports.log('info', `done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (options.json) {
    // The same document as report.json, with the exit code and the files written.
    const report = JSON.parse(await readFile(outcome.outputs.json, 'utf8')) as Record<string, unknown>;
    io.stdout.write(`${JSON.stringify({ ...report, exitCode: outcome.exitCode, outputs: shownOutputs(io.cwd, outcome.outputs) }, null, 2)}\n`);
  } else io.stdout.write(
    renderText({
      findings: outcome.findings,
      verdict: outcome.verdict,
      scanners: outcome.scanners,
      stage: options.stage,
      reports: outcome.reports,
      baseline: outcome.baseline,
      scope: outcome.scope,
      review: outcome.review,
      exclusions: outcome.exclusions,
      coverage: outcome.coverage,
      outputs: shownOutputs(io.cwd, outcome.outputs),
    }),
  );
  // Issues that could not be read are not posted to: planning against an unread list would open them all again.
  if (platform) await publishTo(platform, outcome, config, { ...options, tickets: ticketState.warning ? 'none' : tickets }, diffBase, io, ports, ticketState.tickets);
  if (trackerMissing) io.stderr.write(`pipewarden: warning: ${trackerMissing}\n`);
  // Fail closed: a scanner that could not run makes the run an error, one line each, after the results are written.
  for (const failure of outcome.failures) io.stderr.write(`pipewarden: ${failure.scanner}: did not run: ${failure.reason.replace(/\s*\n\s*/g, ' ')}\n`);
  return outcome.exitCode;
}

async function convert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (values.help) {
    io.stdout.write(`${CONVERT_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(convertOptionsSchema, { ...values, reports: positionals });
  const log = await convertReports({
    reports: options.reports.map((file) => ({ file, format: options.format })),
    baseDir: io.cwd,
    warn: (message) => io.stderr.write(`pipewarden: warning: ${message}\n`),
    secrets: secretKeyingOf(io.env, provenanceOf(io.env)?.repository),
  });
  if (options.output) {
    await writeFileAtomic(resolve(io.cwd, options.output), sarifText(log));
    const results = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
    io.stderr.write(`pipewarden › wrote ${options.output}: ${log.runs.length} run${log.runs.length === 1 ? '' : 's'}, ${results} result${results === 1 ? '' : 's'}\n`);
  } else {
    // Each chunk holds whole results, so it decodes on its own.
    const decoder = new TextDecoder();
    for (const chunk of sarifText(log)) io.stdout.write(decoder.decode(chunk));
  }
  return 0;
}

async function merge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, baseline: { type: 'string' } });
  if (values.help) {
    io.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(mergeOptionsSchema, { ...values, reports: positionals });
  const logs = [];
  // Every log (and the baseline) redacted as it is read: shards written by an older version may hold secrets.
  const redactor = createRedactor(secretKeyingOf(io.env, provenanceOf(io.env)?.repository));
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

function listFormats(io: CliIo): number {
  const width = Math.max(...formats.map((f) => f.id.length)) + 2;
  for (const format of formats) io.stdout.write(`${format.id.padEnd(width)}${format.title}  (${format.producedBy})\n`);
  return 0;
}

async function listScanners(io: CliIo): Promise<number> {
  const ports = makePorts(io);
  // As scan sees them: the tool cache's verified builds first.
  const env = withToolDirs(io.env, installedToolDirs(toolCacheDir(io.env, io.cwd), toolPlatformOf(process.platform, process.arch)));
  // Each column as wide as its widest value plus two spaces: columns never run into each other.
  const column = (values: readonly string[]) => Math.max(...values.map((v) => v.length)) + 2;
  const widths = [column(scanners.map((s) => s.id)), column(scanners.map((s) => s.category)), column(scanners.map((s) => s.stages.join(',')))];
  for (const scanner of scanners) {
    const availability = await scanner.detect({ ports, env, root: io.cwd });
    const state = availability.available ? `installed ${availability.version}${availability.caveat ? ` (${availability.caveat})` : ''}` : `not installed: ${installHintOf(scanner)}`;
    io.stdout.write(`${scanner.id.padEnd(widths[0]!)}${scanner.category.padEnd(widths[1]!)}${scanner.stages.join(',').padEnd(widths[2]!)}${state}\n`);
  }
  return 0;
}

/** Runs one command line; returns the exit code. Known errors become one line on stderr and exit 2. */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Every message line carries text from reports, tools or paths: none may forge the terminal or the log
  // (escape sequences, control characters, a newline that starts a line of its own). The live progress line,
  // ours alone, keeps its own escape codes.
  const io: CliIo = { ...given, stderr: { write: (text: string) => given.stderr.write(safeLines(text)), isTTY: given.stderr.isTTY }, rawStderr: given.stderr };
  try {
    switch (command) {
      case 'scan':
        return await scan(rest, io);
      case 'convert':
        return await convert(rest, io);
      case 'merge':
        return await merge(rest, io);
      case 'gate':
        return await gate(rest, io);
      case 'init':
        return await init(rest, io);
      case 'report':
        return await report(rest, io);
      case 'metrics':
        return await metrics(rest, io);
      case 'hook':
        return await hook(rest, io);
      case 'attest':
        return await attest(rest, io);
      case 'verify':
        return await verify(rest, io);
      case 'serve':
        return await serve(rest, io);
      case 'schema':
        io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
        return 0;
      case 'formats':
        return listFormats(io);
      case 'scanners':
        return await listScanners(io);
      case 'tools':
        return await tools(rest, io);
      case '-v':
      case '--version':
      case 'version':
        io.stdout.write(`${version}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new ConfigError(`unknown command "${command}" (commands: scan, convert, merge, gate, report, metrics, serve, attest, verify, formats, scanners, tools, init, hook, schema; see --help)`);
    }
  } catch (error) {
    if (error instanceof ConfigError && error.file && error.problems.length > 1 && /^invalid configuration/.test(error.message)) {
      // A config with several mistakes: one line each, with its path, so all are fixed in one go.
      for (const problem of error.problems) io.stderr.write(`pipewarden: ${error.file}: ${problem}\n`);
      return 2;
    }
    if (isPipewardenError(error)) {
      io.stderr.write(`pipewarden: ${error.toLine()}\n`);
      return 2;
    }
    throw error;
  }
}
