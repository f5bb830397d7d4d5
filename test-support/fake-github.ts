import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeApi } from './fake-api.js';
import { gunzipSync } from 'node:zlib';

/**
 * A small GitHub REST API on 127.0.0.1 for the Action's tests: the endpoints the Action calls, with state
 * (comments, issues, SARIF uploads), pagination by Link headers, and a record of every request. With
 * `readOnly`, every write is refused with 403 as a fork pull request's token is.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  created_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: string[];
  comments: string[];
  closed_at?: string | null;
  closed_by?: string | null;
}

export interface FakeUpload {
  id: string;
  ref: string;
  commit_sha: string;
  log: { runs: { tool: { driver: { name: string } }; automationDetails?: { id?: string }; results?: unknown[] }[] };
  polls: number;
}

export class FakeGitHub extends FakeApi<RecordedRequest> {
  readonly comments: FakeComment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly uploads: FakeUpload[] = [];
  /** Labels of pull requests by number (issues keep theirs on the issue). */
  readonly prLabels = new Map<number, string[]>();
  /** Review requests as the API received them. */
  readonly reviewRequests: { pull: number; reviewers: string[]; team_reviewers: string[] }[] = [];
  readOnly = false;
  /** Polls that answer "pending" before an upload is processed. */
  pendingPolls = 1;
  private nextId = 1000;
  private nextIssue = 100;

  private page<T>(req: IncomingMessage, res: ServerResponse, url: URL, items: T[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next"`;
    }
    this.send(res, 200, slice, headers);
  }

  /** As GitHub: who closed an issue is told by the issue itself, not by the list. */
  private issueJson(issue: FakeIssue, single = false) {
    return {
      id: issue.number + 50_000,
      number: issue.number,
      html_url: `https://github.example.com/acme/shop/issues/${issue.number}`,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason ?? null,
      labels: issue.labels.map((name) => ({ name })),
      closed_at: issue.state === 'closed' ? (issue.closed_at ?? null) : null,
      ...(single ? { closed_by: issue.state === 'closed' && issue.closed_by ? { login: issue.closed_by } : null } : {}),
    };
  }

  /** A person closes an issue (not_planned, completed…) on a given day. */
  closeAsPerson(number: number, reason: string, by: string, at: string): void {
    Object.assign(this.issues.find((i) => i.number === number)!, { state: 'closed', state_reason: reason, closed_by: by, closed_at: at });
  }

  reopenAsPerson(number: number): void {
    Object.assign(this.issues.find((i) => i.number === number)!, { state: 'open', state_reason: 'reopened', closed_by: null, closed_at: null });
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await this.readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.send(res, 400, { message: 'Problems parsing JSON' });
    }
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, body });
    if (!/^(token|bearer) .+/i.test(req.headers.authorization ?? '')) return this.send(res, 401, { message: 'Requires authentication' });
    if (this.readOnly && method !== 'GET') return this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const issue = Number(m[1]);
      if (method === 'GET') return this.page(req, res, url, this.comments.filter((c) => c.issue === issue));
      if (method === 'POST') {
        if (typeof b.body !== 'string' || b.body.length > 65_536) return this.send(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'too_long' }] });
        const comment = { id: this.nextId++, issue, body: b.body, created_at: new Date().toISOString() };
        const target = this.issues.find((i) => i.number === issue);
        if (target) target.comments.push(b.body);
        else this.comments.push(comment);
        return this.send(res, 201, comment);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/.exec(url.pathname))) {
      const number = Number(m[1]);
      const issue = this.issues.find((i) => i.number === number);
      const labels = issue?.labels ?? this.prLabels.get(number) ?? [];
      if (method === 'GET') return this.page(req, res, url, labels.map((name) => ({ name })));
      if (method === 'POST') {
        const given = Array.isArray(b.labels) ? (b.labels as unknown[]).map(String) : [];
        if (!given.length) return this.send(res, 422, { message: 'Validation Failed', errors: [{ field: 'labels', code: 'missing' }] });
        const next = [...new Set([...labels, ...given])];
        if (issue) issue.labels = next;
        else this.prLabels.set(number, next);
        return this.send(res, 200, next.map((name) => ({ name })));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/requested_reviewers$/.exec(url.pathname)) && method === 'POST') {
      const reviewers = Array.isArray(b.reviewers) ? (b.reviewers as unknown[]).map(String) : [];
      const teams = Array.isArray(b.team_reviewers) ? (b.team_reviewers as unknown[]).map(String) : [];
      if (teams.some((t) => t.includes('/'))) return this.send(res, 422, { message: 'Reviews may only be requested from collaborators: a team is named by its slug' });
      this.reviewRequests.push({ pull: Number(m[1]), reviewers, team_reviewers: teams });
      return this.send(res, 201, { number: Number(m[1]), requested_reviewers: reviewers.map((login) => ({ login })), requested_teams: teams.map((slug) => ({ slug })) });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
      const index = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (index < 0) return this.send(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        this.comments[index]!.body = String(b.body);
        return this.send(res, 200, this.comments[index]);
      }
      if (method === 'DELETE') {
        this.comments.splice(index, 1);
        res.writeHead(204);
        return void res.end();
      }
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(url.pathname)) {
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const list = this.issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)));
        return this.page(req, res, url, [...list].sort((x, y) => y.number - x.number).map((i) => this.issueJson(i)));
      }
      if (method === 'POST') {
        const issue: FakeIssue = { number: this.nextIssue++, title: String(b.title), body: String(b.body ?? ''), state: 'open', labels: (b.labels as string[] | undefined) ?? [], comments: [] };
        this.issues.push(issue);
        return this.send(res, 201, this.issueJson(issue));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(url.pathname)) && method === 'GET') {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      return issue ? this.send(res, 200, this.issueJson(issue, true)) : this.send(res, 404, { message: 'Not Found' });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: 'Not Found' });
      if (b.state === 'closed' && issue.state !== 'closed') Object.assign(issue, { closed_at: new Date().toISOString(), closed_by: 'pipewarden[bot]' });
      if (b.state === 'open' && issue.state !== 'open') Object.assign(issue, { closed_at: null, closed_by: null, state_reason: 'reopened' });
      if (typeof b.title === 'string') issue.title = b.title;
      if (typeof b.body === 'string') issue.body = b.body;
      if (Array.isArray(b.labels)) issue.labels = b.labels as string[];
      if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
      if (b.state_reason !== undefined) issue.state_reason = b.state_reason as string;
      return this.send(res, 200, this.issueJson(issue));
    }
    if (/^\/repos\/[^/]+\/[^/]+\/code-scanning\/sarifs$/.test(url.pathname) && method === 'POST') {
      let log: FakeUpload['log'];
      try {
        log = JSON.parse(gunzipSync(Buffer.from(String(b.sarif), 'base64')).toString('utf8')) as FakeUpload['log'];
      } catch {
        return this.send(res, 400, { message: 'Invalid request: sarif is not gzipped and base64 encoded' });
      }
      if (!/^[0-9a-f]{40}$/.test(String(b.commit_sha)) || !/^refs\//.test(String(b.ref))) return this.send(res, 422, { message: 'Invalid commit_sha or ref' });
      const upload: FakeUpload = { id: `upload-${this.uploads.length + 1}`, ref: String(b.ref), commit_sha: String(b.commit_sha), log, polls: 0 };
      this.uploads.push(upload);
      return this.send(res, 202, { id: upload.id, url: `${this.url}${url.pathname}/${upload.id}` });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/code-scanning\/sarifs\/([^/]+)$/.exec(url.pathname)) && method === 'GET') {
      const upload = this.uploads.find((u) => u.id === m![1]);
      if (!upload) return this.send(res, 404, { message: 'Not Found' });
      upload.polls++;
      if (upload.polls <= this.pendingPolls) return this.send(res, 200, { processing_status: 'pending', analyses_url: null });
      // GitHub's own checks that matter here: the run limit, one tool per category, a file for every result.
      const errors: string[] = [];
      if (upload.log.runs.length > 20) errors.push(`Analysis SARIF file rejected: ${upload.log.runs.length} runs, more than 20`);
      const seen = new Set<string>();
      for (const run of upload.log.runs) {
        const key = `${run.tool.driver.name}/${run.automationDetails?.id ?? ''}`;
        if (seen.has(key)) errors.push(`multiple runs of ${run.tool.driver.name} with category ${run.automationDetails?.id}`);
        seen.add(key);
        for (const result of (run.results ?? []) as { locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[]) {
          if (!result.locations?.some((l) => l.physicalLocation?.artifactLocation?.uri)) errors.push('locationFromSarifResult: expected at least one location');
        }
      }
      return this.send(res, 200, errors.length ? { processing_status: 'failed', errors: [...new Set(errors)] } : { processing_status: 'complete', analyses_url: `${this.url}/analyses` });
    }
    return this.send(res, 404, { message: `Not Found: ${method} ${url.pathname}` });
  }
}
