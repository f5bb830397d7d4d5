import { Gitlab } from '@gitbeaker/rest';
import type { GitlabJobContext } from './context.js';

export type GitlabClient = InstanceType<typeof Gitlab<false>>;

export function makeClient(context: GitlabJobContext): GitlabClient {
  const token = context.token;
  if (!token) throw new Error('no token');
  return token.kind === 'token' ? new Gitlab({ host: context.host, token: token.value }) : new Gitlab({ host: context.host, jobToken: token.value });
}

/** HTTP status of a gitbeaker error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; cause?: { response?: { status?: unknown } } };
  const status = e.cause?.response?.status ?? e.status;
  return typeof status === 'number' ? status : undefined;
}

/** A refusal a job token (or a token without the role) gets: the job goes on with its files. */
export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403;
}
