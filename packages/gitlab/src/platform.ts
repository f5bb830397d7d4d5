import { describeTrackerError, type BuildInfo, type Platform } from '@pipewarden/core';
import { isForbidden, makeClient, statusOf, type GitlabClient } from './client.js';
import type { GitlabJobContext } from './context.js';
import { upsertMergeRequestNote } from './note.js';
import { ApprovalRuleRefused, gitlabReview } from './review.js';
import { gitlabTracker } from './tracker.js';

const RIGHTS = 'the token may not write here: CI_JOB_TOKEN cannot post notes or issues; set PIPEWARDEN_GITLAB_TOKEN (a project access token with the api scope and the Reporter role) as a masked CI/CD variable';

export function describeGitlabError(error: unknown): string {
  if (error instanceof ApprovalRuleRefused) return error.message;
  if (isForbidden(error)) return `HTTP ${statusOf(error)}: ${RIGHTS}`;
  return describeTrackerError(error);
}

function note(api: GitlabClient, context: GitlabJobContext, iid: number): NonNullable<Platform['comment']> {
  const footer = `<sub>Pipewarden · commit ${(context.commitSha ?? '').slice(0, 8)}${context.jobUrl ? ` · [job](${context.jobUrl})` : ''} · the full report is in the job's artifacts</sub>`;
  return {
    what: 'the MR note',
    async upsert(summary, stage) {
      const result = await upsertMergeRequestNote(api, context.projectId, iid, `${summary.trimEnd()}\n\n${footer}`, `${context.jobName ?? 'pipewarden'}/${stage}`);
      return `MR note ${result.action} (!${iid})`;
    },
  };
}

/**
 * GitLab CI as a platform: the build the job's variables describe and, with a token, the MR note and
 * issues. Without a token the platform has neither (and says why through `missing`).
 */
export function gitlabPlatform(context: GitlabJobContext, build: BuildInfo): Platform & { missing?: { text: string; comment: boolean } } {
  const base = { name: 'gitlab', build: { ...build, onDefaultBranch: context.onDefaultBranch, diffBase: context.diffBaseSha, labels: context.mergeRequestLabels }, describeError: describeGitlabError };
  if (!context.token) return { ...base, missing: { text: 'the MR note and issues: no token (set PIPEWARDEN_GITLAB_TOKEN)', comment: context.mergeRequestIid !== undefined } };
  const api = makeClient(context);
  return {
    ...base,
    comment: context.mergeRequestIid !== undefined ? note(api, context, context.mergeRequestIid) : undefined,
    // A job token may read but not label: the review port needs a token of the project.
    review: context.mergeRequestIid !== undefined && context.token.kind === 'token' ? gitlabReview(api, context.projectId, context.mergeRequestIid) : undefined,
    tracker: gitlabTracker(api, context.projectId),
  };
}
