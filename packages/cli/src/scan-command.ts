import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  applyFailOn,
  ConfigError,
  currentLabels,
  loadConfigFile,
  nodeExec,
  publish,
  readTicketState,
  renderText,
  runScan,
  toolDirsForScan,
  toolPlatformOf,
  withJiraOptions,
  type PipewardenConfig,
  type Ports,
  type ScanOutcome,
  type Targets,
  type Ticket,
} from '@pipewarden/core';
import { configFileOf, feedCache, historyOf, makePorts, parse, shownOutputs, type CliIo } from './cli-io.js';
import { SCAN_FLAGS, scanOptionsSchema, validateOptions, type ScanCliOptions } from './options.js';
import { buildFromEnv, platformFor, type Loaded } from './platforms.js';
import { liveProgress } from './progress.js';
import { provenanceOf, reportLinks } from './report-command.js';

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

/** Whether a commit is in the clone (GitLab's default shallow clone may not have the MR's base). */
async function hasCommit(dir: string, sha: string, env: CliIo['env']): Promise<boolean> {
  const result = await nodeExec({ command: 'git', args: ['cat-file', '-e', `${sha}^{commit}`], cwd: dir, env, timeoutMs: 30_000 });
  return result.exitCode === 0;
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

export async function scan(args: string[], io: CliIo): Promise<number> {
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
      tickets: ticketState.tickets,
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
