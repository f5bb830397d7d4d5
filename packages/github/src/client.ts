import { Octokit as Core } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const GithubOctokit = Core.plugin(restEndpointMethods, paginateRest, retry, throttling);

export type Octokit = InstanceType<typeof GithubOctokit>;

/** Octokit on the API URL, retrying server errors and waiting out rate limits (twice at most). */
export function makeOctokit(token: string, options: { baseUrl: string; log: (message: string) => void }): Octokit {
  return new GithubOctokit({
    auth: token,
    baseUrl: options.baseUrl,
    userAgent: 'pipewarden',
    throttle: {
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.log(`rate limited on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.log(`secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
    },
    retry: { retries: 2 },
  });
}

/** HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** True for refusals a read-only token gets (fork pull requests): the run goes on without posting. */
export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403 || (status === 404 && /Resource not accessible|Not Found/i.test((error as Error).message ?? ''));
}
