import { completedTools, planTickets, syncTickets, type Finding, type Log, type PipewardenConfig, type ReportLinks } from '@pipewarden/core';
import { isForbidden, makeClient, statusOf } from './client.js';
import type { GitlabJobContext } from './context.js';
import { upsertMergeRequestNote } from './note.js';
import { gitlabTracker } from './tracker.js';

export interface GitlabPostInput {
  /** summary.md. */
  summary: string;
  findings: readonly Finding[];
  log: Log;
  stage: string;
  /** Post the MR note (merge request pipelines only). */
  note: boolean;
  /** Keep GitLab issues per finding group. */
  tickets: boolean;
  maxNewTickets?: number | undefined;
  config?: PipewardenConfig['tickets'];
  /** The gate was scoped to a diff: missing findings were not looked for, so nothing is closed. */
  diffScoped: boolean;
  today: string;
  links?: ReportLinks | undefined;
}

export interface GitlabPostResult {
  posted: string[];
  /** What could not be done, one line each; the job still succeeds or fails by the gate alone. */
  notPosted: string[];
}

const RIGHTS = 'the token may not write here: CI_JOB_TOKEN cannot post notes or issues; set PIPEWARDEN_GITLAB_TOKEN (a project access token with the api scope and the Reporter role) as a masked CI/CD variable';

function describe(error: unknown): string {
  if (isForbidden(error)) return `HTTP ${statusOf(error)}: ${RIGHTS}`;
  const status = statusOf(error);
  return `${status ? `HTTP ${status}: ` : ''}${((error as Error).message ?? String(error)).split('\n')[0]}`;
}

/** The MR note and the issues, through gitbeaker; never throws for GitLab's refusals. */
export async function postToGitlab(context: GitlabJobContext, input: GitlabPostInput): Promise<GitlabPostResult> {
  const result: GitlabPostResult = { posted: [], notPosted: [] };
  const wantsNote = input.note && context.mergeRequestIid !== undefined;
  if (!wantsNote && !input.tickets) return result;
  if (!context.token) {
    result.notPosted.push('the MR note and issues: no token (set PIPEWARDEN_GITLAB_TOKEN)');
    return result;
  }
  const api = makeClient(context);
  if (wantsNote) {
    const footer = `<sub>Pipewarden · commit ${(context.commitSha ?? '').slice(0, 8)}${context.jobUrl ? ` · [job](${context.jobUrl})` : ''} · the full report is in the job's artifacts</sub>`;
    try {
      const note = await upsertMergeRequestNote(api, context.projectId, context.mergeRequestIid!, `${input.summary.trimEnd()}\n\n${footer}`, `${context.jobName ?? 'pipewarden'}/${input.stage}`);
      result.posted.push(`MR note ${note.action} (!${context.mergeRequestIid})`);
    } catch (error) {
      result.notPosted.push(`the MR note: ${describe(error)}`);
    }
  }
  if (input.tickets) {
    const tracker = gitlabTracker(api, context.projectId);
    try {
      const existing = await tracker.list();
      const plan = planTickets(input.findings, existing, {
        minPriority: input.config?.min_priority,
        maxNew: input.config?.max_new ?? input.maxNewTickets,
        labels: input.config?.labels,
        confidential: input.config?.confidential ?? true,
        closeMissing: context.onDefaultBranch && !input.diffScoped && input.stage !== 'precommit',
        completeScanners: completedTools(input.log),
        today: input.today,
        links: input.links,
      });
      const sync = await syncTickets(plan, tracker);
      const parts = [`${sync.created} opened`, `${sync.updated} updated`, `${sync.reopened} reopened`, `${sync.closed} closed`, `${sync.unchanged} unchanged`];
      if (sync.deferred) parts.push(`${sync.deferred} waiting (over the cap of new issues per run)`);
      result.posted.push(`issues: ${parts.join(', ')}`);
      for (const error of sync.errors) result.notPosted.push(`issues: ${sync.forbidden ? `${error.replace(/: HTTP (40[13]):.*$/, ': HTTP $1')}: ${RIGHTS}` : error}`);
    } catch (error) {
      result.notPosted.push(`issues: ${describe(error)}`);
    }
  }
  return result;
}
