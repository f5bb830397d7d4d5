import { describeTrackerError, type BuildInfo, type Platform } from '@pipewarden/core';
import { isForbidden, makeOctokit, statusOf, type Octokit } from './client.js';
import { upsertStickyComment } from './comment.js';
import { githubBuildInfo, githubTicketsTarget, type GithubContext } from './context.js';
import { githubReview } from './review.js';
import { githubTracker } from './tracker.js';
import { uploadSarif } from './upload.js';

/** The workflow_run follow-up pattern for forks: docs/github-action.md#pull-requests-from-forks. */
const FORK_DOCS = 'https://github.com/pipewarden/pipewarden/blob/main/docs/github-action.md#pull-requests-from-forks';

export function describeGithubError(error: unknown): string {
  if (isForbidden(error)) return `the token may not write here (HTTP ${statusOf(error)}): a pull request from a fork gets a read-only token; see ${FORK_DOCS}`;
  return describeTrackerError(error);
}

export interface GithubPlatformOptions {
  context: GithubContext;
  /** A token that may write (comments, issues, code scanning); without one the platform only knows the build. */
  token?: string | undefined;
  log: (message: string) => void;
  /** The PR to comment on when the event is not the PR's own (a workflow_run follow-up for forks). */
  pullRequest?: number | undefined;
  /** Seconds to wait for code scanning to process an upload. */
  uploadWaitSeconds?: number | undefined;
}

function comment(octokit: Octokit, context: GithubContext, number: number): NonNullable<Platform['comment']> {
  const { server, owner, repo, runId, runAttempt } = context;
  const footer = `<sub>Pipewarden · commit ${context.sha.slice(0, 7)} · [run ${runId}${runAttempt && runAttempt !== '1' ? `, attempt ${runAttempt}` : ''}](${server}/${owner}/${repo}/actions/runs/${runId}) · the full report is in the run's artifacts</sub>`;
  return {
    what: 'the PR comment',
    async upsert(summary, stage) {
      const result = await upsertStickyComment(octokit, { owner, repo, issue_number: number }, `${summary.trimEnd()}\n\n${footer}`, `${context.workflow ?? 'pipewarden'}/${context.job ?? ''}/${stage}`);
      return `PR comment ${result.action} (#${number})`;
    },
  };
}

function upload(octokit: Octokit, context: GithubContext, waitSeconds: number): NonNullable<Platform['upload']> {
  const ref = context.pullRequest ? `refs/pull/${context.pullRequest.number}/merge` : context.ref;
  return {
    async upload(files) {
      const posted: string[] = [];
      const notPosted: string[] = [];
      for (const r of await uploadSarif(octokit, { owner: context.owner, repo: context.repo, commitSha: context.sha, ref, files, waitSeconds })) {
        if (r.status === 'complete') posted.push(`code scanning: ${r.file} processed`);
        else if (r.status === 'failed') notPosted.push(`code scanning rejected ${r.file}: ${r.errors.join('; ') || 'no reason given'}`);
        else notPosted.push(`code scanning had not processed ${r.file} after ${waitSeconds} s (upload ${r.id ?? '?'})`);
      }
      return { posted, notPosted };
    },
  };
}

/** GitHub Actions as a platform: the build from the job's context, and with a token the PR comment, code scanning and issues. */
export function githubPlatform(options: GithubPlatformOptions): Platform {
  const { context } = options;
  const build: BuildInfo = githubBuildInfo(context);
  if (!options.token) return { name: 'github', build, describeError: describeGithubError };
  const octokit = makeOctokit(options.token, { baseUrl: context.api, log: options.log });
  const number = options.pullRequest ?? context.pullRequest?.number;
  return {
    name: 'github',
    build,
    comment: number ? comment(octokit, context, number) : undefined,
    review: number ? githubReview(octokit, { owner: context.owner, repo: context.repo, number }) : undefined,
    upload: upload(octokit, context, options.uploadWaitSeconds ?? 0),
    tracker: githubTracker(octokit, { owner: context.owner, repo: context.repo }),
    describeError: describeGithubError,
  };
}

/** Only GitHub issues, for --tickets github from another CI (Jenkins) or a shell; the build is the other CI's. */
export function githubIssuesPlatform(env: Readonly<Record<string, string | undefined>>, build: BuildInfo, log: (message: string) => void): Platform {
  const target = githubTicketsTarget(env);
  const octokit = makeOctokit(target.token, { baseUrl: target.api, log });
  return { name: 'github', build, tracker: githubTracker(octokit, { owner: target.owner, repo: target.repo }) };
}
