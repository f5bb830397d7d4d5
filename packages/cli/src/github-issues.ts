import { ConfigError, ticketFrom, type Ticket, type TicketDraft, type TicketTracker } from '@pipewarden/core';

/** GitHub's REST API for issues, on fetch: what `pipewarden scan --tickets github` needs outside the Action (Jenkins, a shell). */
export interface GithubIssuesTarget {
  api: string;
  owner: string;
  repo: string;
  token: string;
}

export class GithubHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GithubHttpError';
  }
}

/** From PIPEWARDEN_GITHUB_TOKEN (or GITHUB_TOKEN), GITHUB_REPOSITORY and GITHUB_API_URL; every problem at once. */
export function githubTarget(env: Readonly<Record<string, string | undefined>>): GithubIssuesTarget {
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

export function githubIssuesTracker(target: GithubIssuesTarget): TicketTracker {
  const base = `${target.api}/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  const call = async (method: string, url: string, body?: unknown): Promise<{ data: unknown; next?: string | undefined }> => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'pipewarden', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new GithubHttpError(`${method} ${url.replace(target.api, '')}: ${(() => { try { return (JSON.parse(text) as { message?: string }).message ?? text; } catch { return text; } })().slice(0, 200)}`, response.status);
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    return { data: text ? JSON.parse(text) : undefined, next };
  };
  type Issue = { number: number; state: string; title: string; body?: string | null; labels: (string | { name?: string })[]; pull_request?: unknown };
  const toTicket = (issue: Issue) => ticketFrom({ id: issue.number, closed: issue.state === 'closed', title: issue.title, body: issue.body, labels: issue.labels });
  const edit = (ticket: Ticket, fields: Record<string, unknown>) => call('PATCH', `${base}/issues/${ticket.id}`, fields);
  const comment = (ticket: Ticket, body: string) => call('POST', `${base}/issues/${ticket.id}/comments`, { body });
  return {
    async list() {
      const tickets: Ticket[] = [];
      let url: string | undefined = `${base}/issues?state=all&labels=pipewarden&per_page=100`;
      while (url) {
        const page: { data: unknown; next?: string | undefined } = await call('GET', url);
        for (const issue of page.data as Issue[]) if (!issue.pull_request) tickets.push(...(toTicket(issue) ? [toTicket(issue)!] : []));
        url = page.next;
      }
      return tickets;
    },
    async create(draft: TicketDraft) {
      const { data } = await call('POST', `${base}/issues`, { title: draft.title, body: draft.body, labels: draft.labels });
      return toTicket(data as Issue)!;
    },
    async update(ticket, draft) {
      await edit(ticket, { title: draft.title, body: draft.body, labels: draft.labels });
    },
    async close(ticket, text) {
      await comment(ticket, text);
      await edit(ticket, { state: 'closed', state_reason: 'completed' });
    },
    async reopen(ticket, draft, text) {
      await edit(ticket, { state: 'open', title: draft.title, body: draft.body, labels: draft.labels });
      await comment(ticket, text);
    },
  };
}
