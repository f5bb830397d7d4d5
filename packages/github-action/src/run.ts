import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import * as core from '@actions/core';
import {
  applyFailOn,
  attestScan,
  findConfigFile,
  historyFileOf,
  isPipewardenError,
  loadConfigFile,
  publish,
  currentLabels,
  readTicketState,
  runScan,
  withJiraOptions,
  todayUtc,
  toolDirsForScan,
  toolPlatformOf,
  type Fetcher,
  type Finding,
  type Platform,
  type Ports,
} from '@pipewarden/core';
import { annotationsFor, githubPlatform, readGithubContext } from '@pipewarden/github';
import { actionsExec } from './exec.js';
import { readInputs, type ActionInputs } from './inputs.js';

/** The config file as the user would name it (relative to the workspace), if there is one. */
async function configFileOf(inputs: ActionInputs, workspace: string, dir: string): Promise<string | undefined> {
  const file = inputs.config ? resolve(workspace, inputs.config) : await findConfigFile(dir);
  return file && (relative(workspace, file) || file);
}

/**
 * The scan's signed attestation over the artifacts: with the key input (a secret's PEM, env:NAME or a file), else
 * keyless with the job's id-token (permissions: id-token: write). A failed gate is attested too: verify decides.
 */
async function attest(inputs: ActionInputs, workspace: string, configFile: string | undefined): Promise<string> {
  const given = inputs.attestKey;
  // A secret's PEM (or its base64) is the usual form; a path that exists is a key file.
  const inline = given !== undefined && !given.startsWith('env:') && (given.includes('-----BEGIN') || !existsSync(resolve(workspace, given)));
  if (inline) core.setSecret(given);
  const result = await attestScan({
    cwd: workspace,
    outDir: inputs.outDir,
    subjects: inputs.attest,
    key: inline ? 'env:PIPEWARDEN_ATTEST_KEY' : given,
    keyless: given === undefined,
    config: configFile,
    dir: resolve(workspace, inputs.workingDirectory),
    // The key travels to the signer in this map only: never written to GITHUB_ENV nor another step's environment.
    env: inline ? { ...process.env, PIPEWARDEN_ATTEST_KEY: given } : process.env,
  });
  const file = relative(workspace, result.output) || result.output;
  core.info(`attestation: ${file} (${result.statement.subject.length} subject${result.statement.subject.length === 1 ? '' : 's'}, verdict ${result.statement.predicate.verdict}, signed with ${result.signedWith})`);
  return file;
}

/** GitHub's workflow annotations: the riskiest new findings, on their lines. */
function annotate(findings: readonly Finding[]): void {
  for (const a of annotationsFor(findings)) {
    const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine, endLine: a.endLine } : {}) };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
}

/** The Action: inputs → the core's scan → outputs, step summary, annotations, PR comment, upload, issues. Returns the exit code. */
export async function run(): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const dir = resolve(workspace, inputs.workingDirectory);
    const configFile = await configFileOf(inputs, workspace, dir);
    const config = withJiraOptions(applyFailOn(configFile ? await loadConfigFile(resolve(workspace, configFile)) : {}, inputs.stage, inputs.failOn), { url: inputs.jiraUrl, project: inputs.jiraProject });
    const ports: Ports = { exec: actionsExec, log: (level, message) => (level === 'warn' ? core.warning(message) : core.info(message)) };
    const cacheRoot = process.env.RUNNER_TOOL_CACHE ?? process.env.RUNNER_TEMP ?? join(workspace, '.pipewarden-cache');
    const offline = /^(1|true|yes)$/i.test(process.env.PIPEWARDEN_OFFLINE ?? '');
    const context = readGithubContext(process.env);
    const wantsPosting = inputs.comment || inputs.uploadSarif || inputs.tickets !== 'none';
    const github = githubPlatform({ context, token: wantsPosting ? inputs.token : undefined, log: (message) => core.info(message), pullRequest: inputs.pullRequest, uploadWaitSeconds: inputs.uploadWaitSeconds });
    // Jira's secrets come from the step's env (secrets → env), never from an input that could be logged.
    // Loaded only for Jira: jira.js with axios is a fifth of the bundle's start-up.
    const tracker = inputs.tickets === 'jira' ? (await import('@pipewarden/jira')).jiraPlatform(config.tickets?.jira, process.env, github.build).tracker : github.tracker;
    const platform: Platform = { ...github, tracker, annotate, ...(inputs.tickets === 'jira' ? { describeError: undefined } : {}) };
    // Read before the scan: tickets people closed as accepted waive their findings at this run's gate.
    const ticketState = inputs.tickets !== 'none' ? await readTicketState(platform, config, todayUtc()) : { acceptances: [] };
    if (ticketState.warning) core.warning(ticketState.warning);
    // The runner's tool cache (RUNNER_TOOL_CACHE/pipewarden/tools), searched before PATH; filled first with install-tools.
    const host = { env: process.env, cwd: workspace, platform: toolPlatformOf(process.platform, process.arch), exec: actionsExec };
    const toolDirs = await toolDirsForScan({ install: inputs.installTools, scanners: inputs.scanners, stage: inputs.stage, config }, host, (level, line) => ports.log(level, line));
    const labels = inputs.diffBase ? await currentLabels(platform, (message) => ports.log('warn', message)) : undefined;
    const outcome = await runScan(
      {
        cwd: workspace,
        dir: inputs.workingDirectory,
        config,
        configFile,
        stage: inputs.stage,
        scanners: inputs.scanners,
        reports: inputs.reports,
        exclude: inputs.exclude,
        outDir: inputs.outDir,
        env: process.env,
        toolDirs,
        baseline: inputs.baseline,
        diffBase: inputs.diffBase,
        labels,
        targets: { ...(inputs.targetUrl ? { url: { href: inputs.targetUrl } } : {}), ...(inputs.image ? { image: inputs.image } : {}) },
        feedsDir: inputs.feedsDir,
        // Air-gapped runners keep OSV advisories in a folder (docs/sca.md); else the tool cache downloads them daily.
        advisoriesDir: process.env.PIPEWARDEN_ADVISORIES_DIR || undefined,
        feedCache: { cacheDir: join(cacheRoot, 'pipewarden', 'feeds'), offline, fetch: offline ? undefined : (globalThis.fetch as unknown as Fetcher) },
        links: platform.build.links,
        history: historyFileOf({ named: inputs.history ?? undefined, off: inputs.history === null, configured: config.history, outDir: inputs.outDir, cwd: workspace }),
        provenance: platform.build.provenance,
        ticketAcceptances: ticketState.acceptances,
        tickets: ticketState.tickets,
      },
      ports,
    );

    const show = (path: string) => relative(workspace, path) || '.';
    core.setOutput('verdict', outcome.verdict.status);
    core.setOutput('new-count', String(outcome.baseline ? outcome.baseline.new : outcome.findings.filter((f) => !f.suppressed).length));
    core.setOutput('fixed-count', String(outcome.baseline?.absent ?? 0));
    core.setOutput('sarif-file', show(outcome.outputs.githubDir));
    core.setOutput('report-file', show(outcome.outputs.html));
    core.setOutput('summary-file', show(outcome.outputs.summary));
    core.setOutput('json-file', show(outcome.outputs.json));

    platform.annotate?.(outcome.findings);
    const summary = await readFile(outcome.outputs.summary, 'utf8');
    const report = await publish(platform, {
      findings: outcome.findings,
      log: outcome.log,
      outputs: outcome.outputs,
      summary,
      stage: inputs.stage,
      config,
      comment: inputs.comment,
      tickets: inputs.tickets !== 'none' && !ticketState.warning,
      upload: inputs.uploadSarif,
      maxNewTickets: inputs.maxNewTickets,
      diffScoped: Boolean(inputs.diffBase),
      today: todayUtc(),
      review: outcome.review,
      existingTickets: ticketState.tickets,
    });
    if (!inputs.token && wantsPosting) report.notPosted.push('comments, uploads and issues: no token (set the token input)');
    for (const line of report.posted) core.info(line);
    for (const line of report.notPosted) core.warning(`could not post ${line}`);
    for (const line of report.warnings) core.warning(line);
    const trouble = [...report.notPosted, ...report.warnings];
    let step = summary;
    if (trouble.length) step += `\n### What this run could not post\n\n${trouble.map((l) => `- ${l}`).join('\n')}\n\nThe results are in the job's files (\`${inputs.outDir}\`).\n`;
    await core.summary.addRaw(step).write();

    // After the comment and the summary: a key that cannot be read fails the step, but the results are posted.
    if (inputs.attest.length && outcome.exitCode !== 2) core.setOutput('attestation-file', await attest(inputs, workspace, configFile));

    for (const failure of outcome.failures) core.error(`${failure.scanner} did not run: ${failure.reason}`);
    if (outcome.exitCode === 2) {
      core.setFailed(`${outcome.failures.length} scanner${outcome.failures.length === 1 ? '' : 's'} could not run (on_scanner_error: fail)`);
      return 2;
    }
    if (outcome.verdict.status === 'fail') {
      core.setFailed(`Pipewarden gate failed: ${outcome.verdict.failures.map((f) => `${f.rule} (${f.matched}, at most ${f.max})`).join('; ')}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (isPipewardenError(error)) {
      const problems = (error as { problems?: string[] }).problems;
      if (problems && problems.length > 1) for (const p of problems) core.error(p);
      core.setFailed(error.toLine());
      return 2;
    }
    core.setFailed(`internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}
