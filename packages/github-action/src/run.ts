import { access, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import {
  type Provenance,
  historyFileOf,
  applyFailOn,
  isPipewardenError,
  loadConfigFile,
  completedTools,
  planTickets,
  runScan,
  syncTickets,
  todayUtc,
  type Fetcher,
  type PipewardenConfig,
  type Ports,
  type ReportLinks,
  type ScanOutcome,
} from '@pipewarden/core';
import { annotationsFor } from './annotations.js';
import { upsertStickyComment } from './comment.js';
import { actionsExec } from './exec.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { isForbidden, makeOctokit, statusOf, type Octokit } from './octokit.js';
import { githubTracker } from './tracker.js';
import { uploadSarif } from './upload.js';

/** The workflow_run follow-up pattern for forks: docs/github-action.md#pull-requests-from-forks. */
const FORK_DOCS = 'https://github.com/pipewarden/pipewarden/blob/main/docs/github-action.md#pull-requests-from-forks';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function loadConfig(inputs: ActionInputs, workspace: string, dir: string): Promise<PipewardenConfig> {
  if (inputs.config) return loadConfigFile(resolve(workspace, inputs.config));
  for (const name of ['pipewarden.yml', 'pipewarden.yaml']) if (await exists(join(dir, name))) return loadConfigFile(join(dir, name));
  return {};
}

interface PullRequest {
  number: number;
  head?: { sha?: string; repo?: { full_name?: string } };
  base?: { repo?: { full_name?: string } };
}

function links(): ReportLinks {
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const { owner, repo } = context.repo;
  const pr = context.payload.pull_request as PullRequest | undefined;
  const sha = pr?.head?.sha ?? context.sha;
  return {
    ...(sha ? { blob: `${server}/${owner}/${repo}/blob/${sha}` } : {}),
    ...(context.runId ? { report: `${server}/${owner}/${repo}/actions/runs/${context.runId}` } : {}),
  };
}

/** Where the run comes from, for the history: the PR's head commit and branch, the repository and its default branch. */
function provenance(): Provenance {
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const { owner, repo } = context.repo;
  const pr = context.payload.pull_request as PullRequest | undefined;
  const commit = pr?.head?.sha ?? context.sha;
  const branch = process.env.GITHUB_HEAD_REF || process.env.GITHUB_REF_NAME;
  const defaultBranch = (context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  return {
    ...(commit ? { commit } : {}),
    ...(branch ? { branch } : {}),
    ...(owner && repo ? { repository: `${owner}/${repo}` } : {}),
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(context.runId ? { pipeline: `${server}/${owner}/${repo}/actions/runs/${context.runId}` } : {}),
  };
}

/** A full run of the default branch: the only kind whose missing findings mean "fixed". */
function isDefaultBranchRun(inputs: ActionInputs): boolean {
  const defaultBranch = (context.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  return Boolean(defaultBranch) && context.ref === `refs/heads/${defaultBranch}` && !context.payload.pull_request && !inputs.diffBase && inputs.stage !== 'precommit';
}

export interface PostingReport {
  /** What could not be done, one line each (shown in the step summary). */
  notPosted: string[];
  /** What was done, one line each. */
  posted: string[];
}

async function postComment(octokit: Octokit, summary: string, inputs: ActionInputs, report: PostingReport): Promise<void> {
  const number = inputs.pullRequest ?? (context.payload.pull_request as PullRequest | undefined)?.number;
  if (!inputs.comment || !number) return;
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const attempt = process.env.GITHUB_RUN_ATTEMPT;
  const footer = `<sub>Pipewarden · commit ${context.sha.slice(0, 7)} · [run ${context.runId}${attempt && attempt !== '1' ? `, attempt ${attempt}` : ''}](${server}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}) · the full report is in the run's artifacts</sub>`;
  try {
    const result = await upsertStickyComment(octokit, { ...context.repo, issue_number: number }, `${summary.trimEnd()}\n\n${footer}`, `${context.workflow ?? 'pipewarden'}/${context.job ?? ''}/${inputs.stage}`);
    report.posted.push(`PR comment ${result.action} (#${number})`);
  } catch (error) {
    report.notPosted.push(`the PR comment: ${describe(error)}`);
  }
}

async function upload(octokit: Octokit, outcome: ScanOutcome, inputs: ActionInputs, report: PostingReport): Promise<void> {
  if (!inputs.uploadSarif) return;
  const pr = context.payload.pull_request as PullRequest | undefined;
  const ref = pr ? `refs/pull/${pr.number}/merge` : context.ref;
  try {
    const results = await uploadSarif(octokit, { ...context.repo, commitSha: context.sha, ref, files: outcome.outputs.github, waitSeconds: inputs.uploadWaitSeconds });
    for (const r of results) {
      if (r.status === 'complete') report.posted.push(`code scanning: ${r.file} processed`);
      else if (r.status === 'failed') {
        core.error(`code scanning rejected ${r.file}: ${r.errors.join('; ') || 'no reason given'}`);
        report.notPosted.push(`code scanning rejected ${r.file}: ${r.errors.join('; ') || 'no reason given'}`);
      } else report.notPosted.push(`code scanning had not processed ${r.file} after ${inputs.uploadWaitSeconds} s (upload ${r.id ?? '?'})`);
    }
  } catch (error) {
    report.notPosted.push(`the SARIF upload to code scanning: ${describe(error)}`);
  }
}

async function tickets(octokit: Octokit, outcome: ScanOutcome, config: PipewardenConfig, inputs: ActionInputs, report: PostingReport): Promise<void> {
  if (inputs.tickets !== 'github') return;
  const tracker = githubTracker(octokit, context.repo);
  let existing;
  try {
    existing = await tracker.list();
  } catch (error) {
    report.notPosted.push(`issues: ${describe(error)}`);
    return;
  }
  const plan = planTickets(outcome.findings, existing, {
    minPriority: config.tickets?.min_priority,
    maxNew: config.tickets?.max_new ?? inputs.maxNewTickets,
    labels: config.tickets?.labels,
    closeMissing: isDefaultBranchRun(inputs),
    completeScanners: completedTools(outcome.log),
    today: todayUtc(),
    links: links(),
  });
  const result = await syncTickets(plan, tracker);
  const parts = [`${result.created} opened`, `${result.updated} updated`, `${result.reopened} reopened`, `${result.closed} closed`, `${result.unchanged} unchanged`];
  if (result.deferred) parts.push(`${result.deferred} waiting (over the cap of ${config.tickets?.max_new ?? inputs.maxNewTickets} new per run)`);
  report.posted.push(`issues: ${parts.join(', ')}`);
  for (const error of result.errors) report.notPosted.push(`issues: ${error}`);
}

function describe(error: unknown): string {
  if (isForbidden(error)) return `the token may not write here (HTTP ${statusOf(error)}): a pull request from a fork gets a read-only token; see ${FORK_DOCS}`;
  const status = statusOf(error);
  return `${status ? `HTTP ${status}: ` : ''}${((error as Error).message ?? String(error)).split('\n')[0]}`;
}

/** The Action: inputs → the core's scan → outputs, step summary, annotations, PR comment, upload, issues. Returns the exit code. */
export async function run(): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const dir = resolve(workspace, inputs.workingDirectory);
    const config = applyFailOn(await loadConfig(inputs, workspace, dir), inputs.stage, inputs.failOn);
    const ports: Ports = { exec: actionsExec, log: (level, message) => (level === 'warn' ? core.warning(message) : core.info(message)) };
    const cacheRoot = process.env.RUNNER_TOOL_CACHE ?? process.env.RUNNER_TEMP ?? join(workspace, '.pipewarden-cache');
    const offline = /^(1|true|yes)$/i.test(process.env.PIPEWARDEN_OFFLINE ?? '');
    const outcome = await runScan(
      {
        cwd: workspace,
        dir: inputs.workingDirectory,
        config,
        stage: inputs.stage,
        scanners: inputs.scanners,
        reports: inputs.reports,
        outDir: inputs.outDir,
        env: process.env,
        baseline: inputs.baseline,
        diffBase: inputs.diffBase,
        targetUrl: inputs.targetUrl,
        image: inputs.image,
        feedsDir: inputs.feedsDir,
        feedCache: { cacheDir: join(cacheRoot, 'pipewarden', 'feeds'), offline, fetch: offline ? undefined : (globalThis.fetch as unknown as Fetcher) },
        links: links(),
        history: historyFileOf({ named: inputs.history ?? undefined, off: inputs.history === null, configured: config.history, outDir: inputs.outDir, cwd: workspace }),
        provenance: provenance(),
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

    for (const a of annotationsFor(outcome.findings)) {
      const properties = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine, endLine: a.endLine } : {}) };
      if (a.level === 'error') core.error(a.message, properties);
      else if (a.level === 'warning') core.warning(a.message, properties);
      else core.notice(a.message, properties);
    }

    const summary = await readFile(outcome.outputs.summary, 'utf8');
    const report: PostingReport = { posted: [], notPosted: [] };
    const token = inputs.token;
    if (token && (inputs.comment || inputs.uploadSarif || inputs.tickets !== 'none')) {
      const octokit = makeOctokit(token, (message) => core.info(message));
      await postComment(octokit, summary, inputs, report);
      await upload(octokit, outcome, inputs, report);
      await tickets(octokit, outcome, config, inputs, report);
    } else if (!token && (inputs.comment || inputs.uploadSarif || inputs.tickets !== 'none')) {
      report.notPosted.push('comments, uploads and issues: no token (set the token input)');
    }
    for (const line of report.posted) core.info(line);
    for (const line of report.notPosted) core.warning(`could not post ${line}`);

    let step = summary;
    if (report.notPosted.length) step += `\n### What this run could not post\n\n${report.notPosted.map((l) => `- ${l}`).join('\n')}\n\nThe results are in the job's files (\`${inputs.outDir}\`).\n`;
    await core.summary.addRaw(step).write();

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
