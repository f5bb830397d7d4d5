import { readFileSync } from 'node:fs';
import { ConfigError, type BuildInfo, type Provenance, type ReportLinks } from '@pipewarden/core';

type Env = Readonly<Record<string, string | undefined>>;

interface PullRequest {
  number: number;
  head?: { sha?: string };
  labels?: { name?: string }[];
}

/** What a GitHub Actions job knows about itself: its variables and the event that started it. */
export interface GithubContext {
  api: string;
  server: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  runId: number;
  runAttempt: string | undefined;
  workflow: string | undefined;
  job: string | undefined;
  /** The pull request of a pull_request event, if this is one. */
  pullRequest: PullRequest | undefined;
  defaultBranch: string | undefined;
  branch: string | undefined;
}

function event(env: Env): { pull_request?: PullRequest; repository?: { default_branch?: string } } {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as ReturnType<typeof event>;
  } catch {
    // Outside a workflow run (or with a broken event file) only the variables tell.
    return {};
  }
}

/** The job's context from GITHUB_* variables and the event file, as @actions/github reads them. */
export function readGithubContext(env: Env): GithubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const payload = event(env);
  return {
    api: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    server: env.GITHUB_SERVER_URL ?? 'https://github.com',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    pullRequest: payload.pull_request,
    defaultBranch: payload.repository?.default_branch,
    branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
  };
}

/** Links, provenance and whether the run is a full run of the default branch, from the job's context. */
export function githubBuildInfo(context: GithubContext): BuildInfo {
  const { server, owner, repo, runId } = context;
  const sha = context.pullRequest?.head?.sha ?? context.sha;
  const run = runId ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined;
  const links: ReportLinks = { ...(sha ? { blob: `${server}/${owner}/${repo}/blob/${sha}` } : {}), ...(run ? { report: run } : {}) };
  const provenance: Provenance = {
    ...(sha ? { commit: sha } : {}),
    ...(context.branch ? { branch: context.branch } : {}),
    ...(owner && repo ? { repository: `${owner}/${repo}` } : {}),
    ...(context.defaultBranch ? { defaultBranch: context.defaultBranch } : {}),
    ...(run ? { pipeline: run } : {}),
  };
  const onDefaultBranch = Boolean(context.defaultBranch) && context.ref === `refs/heads/${context.defaultBranch}` && !context.pullRequest;
  const labels = context.pullRequest?.labels?.flatMap((l) => (typeof l.name === 'string' ? [l.name] : []));
  return { provenance, links, onDefaultBranch, ...(labels ? { labels } : {}) };
}

/** What --tickets github needs outside the Action (Jenkins, a shell): a token, owner/repo and the API; every problem at once. */
export function githubTicketsTarget(env: Env): { api: string; owner: string; repo: string; token: string } {
  const problems: string[] = [];
  const token = env.PIPEWARDEN_GITHUB_TOKEN || env.GITHUB_TOKEN;
  if (!token) problems.push('--tickets github needs PIPEWARDEN_GITHUB_TOKEN (a token that may write issues)');
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!match) problems.push(`GITHUB_REPOSITORY must be owner/repo${env.GITHUB_REPOSITORY ? ` (got "${env.GITHUB_REPOSITORY}")` : ''}`);
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/i.test(api)) problems.push('GITHUB_API_URL must be an http(s) URL');
  if (problems.length) throw new ConfigError(problems.join('; '), { problems });
  return { api, owner: match![1]!, repo: match![2]!, token: token! };
}
