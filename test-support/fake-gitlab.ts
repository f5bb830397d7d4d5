import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeApi } from './fake-api.js';

/**
 * A small GitLab REST API (v4) on 127.0.0.1 for the GitLab adapter's tests: MR notes and issues with
 * state, offset pagination headers, PRIVATE-TOKEN and JOB-TOKEN auth (a job token may read, not write, as
 * on GitLab), and a record of every request.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  auth: 'token' | 'job' | 'none';
}

export interface FakeNote {
  id: number;
  mr: number;
  body: string;
}

export interface FakeGitlabIssue {
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  labels: string[];
  confidential: boolean;
  due_date: string | null;
  notes: string[];
  closed_at?: string | null;
  closed_by?: string | null;
}

export class FakeGitlab extends FakeApi<RecordedRequest> {
  readonly notes: FakeNote[] = [];
  readonly issues: FakeGitlabIssue[] = [];
  /** Labels of merge requests by iid. */
  readonly mrLabels = new Map<number, string[]>();
  /** MR approval rules by iid; `premium: false` answers 403 as GitLab Free does. */
  readonly approvalRules = new Map<number, { id: number; name: string; approvals_required: number; usernames: string[] }[]>();
  premium = true;
  private nextRule = 70;
  private nextNote = 500;
  private nextIid = 1;

  private page(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20));
    const page = Number(url.searchParams.get('page') ?? 1);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = { 'x-page': String(page), 'x-per-page': String(perPage), 'x-total': String(items.length), 'x-total-pages': String(pages), 'x-next-page': page < pages ? String(page + 1) : '' };
    if (page < pages) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next"`;
    }
    this.send(res, 200, items.slice((page - 1) * perPage, page * perPage), headers);
  }

  private issueJson(i: FakeGitlabIssue) {
    const closed = i.state === 'closed';
    return {
      id: i.iid + 9000,
      iid: i.iid,
      project_id: 7,
      web_url: `https://gitlab.example.com/acme/shop/-/issues/${i.iid}`,
      title: i.title,
      description: i.description,
      state: i.state,
      labels: i.labels,
      confidential: i.confidential,
      due_date: i.due_date,
      closed_at: closed ? (i.closed_at ?? null) : null,
      closed_by: closed && i.closed_by ? { username: i.closed_by } : null,
    };
  }

  /** A person closes an issue, with a label that says why (GitLab has no close reason). */
  closeAsPerson(iid: number, label: string, by: string, at: string): void {
    const issue = this.issues.find((i) => i.iid === iid)!;
    Object.assign(issue, { state: 'closed', closed_by: by, closed_at: at, labels: [...issue.labels, label] });
  }

  reopenAsPerson(iid: number): void {
    Object.assign(this.issues.find((i) => i.iid === iid)!, { state: 'opened', closed_at: null, closed_by: null });
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await this.readBody(req);
    let body: Record<string, unknown> | undefined;
    const type = req.headers['content-type'] ?? '';
    try {
      body = !raw ? undefined : type.includes('json') ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      return this.send(res, 400, { message: '400 Bad request' });
    }
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const auth = req.headers['private-token'] ? 'token' : req.headers['job-token'] ? 'job' : 'none';
    this.requests.push({ method, path: url.pathname, body, auth });
    if (auth === 'none') return this.send(res, 401, { message: '401 Unauthorized' });
    if (auth === 'job' && method !== 'GET') return this.send(res, 403, { message: '403 Forbidden' });
    const b = body ?? {};
    let m: RegExpExecArray | null;

    if ((m = /^\/api\/v4\/projects\/(\d+)\/merge_requests\/(\d+)$/.exec(url.pathname))) {
      const iid = Number(m[2]);
      const labels = this.mrLabels.get(iid) ?? [];
      if (method === 'PUT') {
        const add = String(b.add_labels ?? '').split(',').map((l) => l.trim()).filter(Boolean);
        this.mrLabels.set(iid, [...new Set([...labels, ...add])]);
      }
      if (method === 'GET' || method === 'PUT') return this.send(res, 200, { id: iid + 4000, iid, project_id: Number(m[1]), labels: this.mrLabels.get(iid) ?? [] });
    }
    if ((m = /^\/api\/v4\/projects\/\d+\/merge_requests\/(\d+)\/approval_rules(?:\/(\d+))?$/.exec(url.pathname))) {
      if (!this.premium) return this.send(res, 403, { message: '403 Forbidden' });
      const iid = Number(m[1]);
      const rules = this.approvalRules.get(iid) ?? [];
      this.approvalRules.set(iid, rules);
      if (method === 'GET' && !m[2]) return this.page(res, url, rules);
      const usernames = Array.isArray(b.usernames) ? (b.usernames as unknown[]).map(String) : String(b.usernames ?? '').split(',').filter(Boolean);
      if (method === 'POST' && !m[2]) {
        const rule = { id: this.nextRule++, name: String(b.name), approvals_required: Number(b.approvals_required), usernames };
        rules.push(rule);
        return this.send(res, 201, rule);
      }
      const rule = rules.find((r) => r.id === Number(m![2]));
      if (method === 'PUT' && rule) {
        Object.assign(rule, { name: String(b.name ?? rule.name), approvals_required: Number(b.approvals_required ?? rule.approvals_required), usernames });
        return this.send(res, 200, rule);
      }
    }
    if ((m = /^\/api\/v4\/projects\/(\d+)\/merge_requests\/(\d+)\/notes$/.exec(url.pathname))) {
      const mr = Number(m[2]);
      if (method === 'GET') return this.page(res, url, this.notes.filter((n) => n.mr === mr).map((n) => ({ id: n.id, body: n.body, system: false, noteable_type: 'MergeRequest' })));
      if (method === 'POST') {
        if (typeof b.body !== 'string' || b.body.length > 1_000_000) return this.send(res, 400, { message: { body: ['is too long'] } });
        const note = { id: this.nextNote++, mr, body: b.body };
        this.notes.push(note);
        return this.send(res, 201, { id: note.id, body: note.body, system: false });
      }
    }
    if ((m = /^\/api\/v4\/projects\/(\d+)\/merge_requests\/(\d+)\/notes\/(\d+)$/.exec(url.pathname))) {
      const index = this.notes.findIndex((n) => n.id === Number(m![3]));
      if (index < 0) return this.send(res, 404, { message: '404 Not found' });
      if (method === 'PUT') {
        this.notes[index]!.body = String(b.body);
        return this.send(res, 200, { id: this.notes[index]!.id, body: this.notes[index]!.body });
      }
      if (method === 'DELETE') {
        this.notes.splice(index, 1);
        return this.send(res, 204, undefined);
      }
    }
    if (/^\/api\/v4\/projects\/\d+\/issues$/.test(url.pathname)) {
      if (method === 'GET') {
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const state = url.searchParams.get('state');
        return this.page(res, url, this.issues.filter((i) => labels.every((l) => i.labels.includes(l)) && (!state || state === 'all' || i.state === state)).map((i) => this.issueJson(i)));
      }
      if (method === 'POST') {
        const issue: FakeGitlabIssue = {
          iid: this.nextIid++,
          title: String(b.title),
          description: String(b.description ?? ''),
          state: 'opened',
          labels: String(b.labels ?? '').split(',').filter(Boolean),
          confidential: b.confidential === true || b.confidential === 'true',
          due_date: (b.due_date as string | undefined) ?? null,
          notes: [],
        };
        this.issues.push(issue);
        return this.send(res, 201, this.issueJson(issue));
      }
    }
    if ((m = /^\/api\/v4\/projects\/\d+\/issues\/(\d+)$/.exec(url.pathname)) && method === 'PUT') {
      const issue = this.issues.find((i) => i.iid === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: '404 Not found' });
      if (typeof b.title === 'string') issue.title = b.title;
      if (typeof b.description === 'string') issue.description = b.description;
      if (typeof b.labels === 'string') issue.labels = b.labels.split(',').filter(Boolean);
      if (b.state_event === 'close') Object.assign(issue, { state: 'closed', closed_at: new Date().toISOString(), closed_by: 'project_7_bot' });
      if (b.state_event === 'reopen') Object.assign(issue, { state: 'opened', closed_at: null, closed_by: null });
      return this.send(res, 200, this.issueJson(issue));
    }
    if ((m = /^\/api\/v4\/projects\/\d+\/issues\/(\d+)\/notes$/.exec(url.pathname)) && method === 'POST') {
      const issue = this.issues.find((i) => i.iid === Number(m![1]));
      if (!issue) return this.send(res, 404, { message: '404 Not found' });
      issue.notes.push(String(b.body));
      return this.send(res, 201, { id: this.nextNote++, body: b.body });
    }
    return this.send(res, 404, { message: `404 Not found: ${method} ${url.pathname}` });
  }
}
