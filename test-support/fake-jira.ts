import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeApi } from './fake-api.js';

/**
 * A small Jira on 127.0.0.1, Cloud (REST v3: basic auth, ADF, /search/jql with page tokens) or Data Center
 * (REST v2: bearer PAT, wiki markup, /search with startAt): issues, JQL search by project and label, a workflow
 * with transitions and resolutions, comments, entity properties, changelog, and 429s with Retry-After.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

export interface FakeJiraIssue {
  key: string;
  summary: string;
  description: unknown;
  labels: string[];
  status: 'To Do' | 'In Progress' | 'Done';
  resolution: string | null;
  resolutiondate: string | null;
  priority?: string | undefined;
  duedate?: string | undefined;
  assignee?: unknown;
  components?: unknown;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
  comments: unknown[];
  history: { author: string; created: string; field: string }[];
}

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

export class FakeJira extends FakeApi<RecordedRequest> {
  readonly issues: FakeJiraIssue[] = [];
  /** The next this many requests are refused with 429 and Retry-After: 1. */
  rateLimited = 0;
  /** How many requests were refused with 429. */
  refused = 0;
  /** The next this many requests fail with 503 and no Retry-After (the server's trouble). */
  unavailable = 0;
  /** The transitions the workflow offers from an open and from a done issue. */
  workflow = { open: [{ id: '21', name: 'Start Progress' }, { id: '31', name: 'Done' }, { id: '41', name: "Won't Do" }], done: [{ id: '51', name: 'Reopen' }] };
  private nextId = 1;

  constructor(readonly flavor: 'cloud' | 'data-center') {
    super();
  }

  private get v(): string {
    return this.flavor === 'cloud' ? '3' : '2';
  }

  /** A person resolves the issue (won't do, duplicate…) on a given day. */
  resolveAsPerson(key: string, resolution: string, by: string, at: string): void {
    const issue = this.issue(key)!;
    Object.assign(issue, { status: 'Done', resolution, resolutiondate: at });
    issue.history.push({ author: by, created: at, field: 'resolution' });
  }

  reopenAsPerson(key: string, by: string): void {
    const issue = this.issue(key)!;
    Object.assign(issue, { status: 'To Do', resolution: null, resolutiondate: null });
    issue.history.push({ author: by, created: new Date().toISOString(), field: 'status' });
  }

  issue(key: string): FakeJiraIssue | undefined {
    return this.issues.find((i) => i.key === key);
  }

  private json(i: FakeJiraIssue, properties: string[], changelog: boolean) {
    return {
      id: String(10_000 + Number(i.key.split('-')[1])),
      key: i.key,
      fields: {
        summary: i.summary,
        description: i.description,
        labels: i.labels,
        status: { name: i.status, statusCategory: { key: i.status === 'Done' ? 'done' : i.status === 'To Do' ? 'new' : 'indeterminate' } },
        resolution: i.resolution ? { name: i.resolution } : null,
        resolutiondate: i.resolutiondate,
      },
      properties: Object.fromEntries(properties.filter((p) => p in i.properties).map((p) => [p, i.properties[p]])),
      ...(changelog ? { changelog: { histories: i.history.map((h) => ({ author: this.flavor === 'cloud' ? { displayName: h.author, accountId: `id-${h.author}` } : { name: h.author, displayName: h.author }, created: h.created, items: [{ field: h.field }] })) } } : {}),
    };
  }

  private badFields(f: Record<string, unknown>): string | undefined {
    if (f.priority && !PRIORITIES.includes(String((f.priority as { name?: string }).name))) return `priority: ${JSON.stringify(f.priority)} is not a priority`;
    if (Array.isArray(f.labels) && f.labels.some((l) => /\s/.test(String(l)))) return 'labels: a label cannot contain spaces';
    if (f.description !== undefined && (this.flavor === 'cloud' ? (f.description as { type?: string }).type !== 'doc' : typeof f.description !== 'string')) return `description: expected ${this.flavor === 'cloud' ? 'an ADF document' : 'wiki markup'}`;
    return undefined;
  }

  private edit(issue: FakeJiraIssue, f: Record<string, unknown>): void {
    if (typeof f.summary === 'string') issue.summary = f.summary;
    if (f.description !== undefined) issue.description = f.description;
    if (Array.isArray(f.labels)) issue.labels = f.labels as string[];
    if (f.priority) issue.priority = (f.priority as { name: string }).name;
    if (typeof f.duedate === 'string') issue.duedate = f.duedate;
    for (const [k, value] of Object.entries(f)) if (k.startsWith('customfield_')) issue.fields[k] = value;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await this.readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      return this.send(res, 400, { errorMessages: ['Unexpected character in the JSON'] });
    }
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, body });
    const auth = req.headers.authorization ?? '';
    const ok = this.flavor === 'cloud' ? auth === `Basic ${Buffer.from('dev@example.com:api-token').toString('base64')}` : auth === 'Bearer pat-token';
    if (!ok) return this.send(res, 401, { errorMessages: ['You are not authenticated.'] });
    if (this.rateLimited > 0) {
      this.rateLimited--;
      this.refused++;
      return this.send(res, 429, { errorMessages: ['Rate limit exceeded.'] }, { 'retry-after': '1' });
    }
    if (this.unavailable > 0) {
      this.unavailable--;
      return this.send(res, 503, { errorMessages: ['Service unavailable'] });
    }
    const api = `/rest/api/${this.v}`;
    const b = body ?? {};
    let m: RegExpExecArray | null;
    const searchPath = this.flavor === 'cloud' ? `${api}/search/jql` : `${api}/search`;
    if (url.pathname === searchPath && method === 'GET') {
      const jql = url.searchParams.get('jql') ?? '';
      const project = /project\s*=\s*"?([A-Z0-9_]+)"?/.exec(jql)?.[1];
      const label = /labels\s*=\s*"?([\w:-]+)"?/.exec(jql)?.[1];
      const properties = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const changelog = (url.searchParams.get('expand') ?? '').includes('changelog');
      const all = this.issues.filter((i) => (!project || i.key.startsWith(`${project}-`)) && (!label || i.labels.includes(label)));
      const max = Math.min(Number(url.searchParams.get('maxResults') ?? 50), 2);
      // Small pages, so paging is exercised: Cloud by token, Data Center by startAt.
      const start = this.flavor === 'cloud' ? Number(url.searchParams.get('nextPageToken') ?? 0) : Number(url.searchParams.get('startAt') ?? 0);
      const issues = all.slice(start, start + max).map((i) => this.json(i, properties, changelog));
      if (this.flavor === 'cloud') return this.send(res, 200, { issues, ...(start + max < all.length ? { nextPageToken: String(start + max) } : {}), isLast: start + max >= all.length });
      return this.send(res, 200, { startAt: start, maxResults: max, total: all.length, issues });
    }
    if (url.pathname === `${api}/issue` && method === 'POST') {
      const f = (b.fields ?? {}) as Record<string, unknown>;
      const problem = this.badFields(f) ?? ((f.project as { key?: string })?.key !== 'SEC' ? 'project: no such project' : undefined) ?? (!['Bug', 'Vulnerability'].includes(String((f.issuetype as { name?: string })?.name)) ? 'issuetype: no such issue type' : undefined);
      if (problem) return this.send(res, 400, { errorMessages: [], errors: { [problem.split(':')[0]!]: problem } });
      const issue: FakeJiraIssue = { key: `SEC-${this.nextId++}`, summary: String(f.summary), description: f.description, labels: [], status: 'To Do', resolution: null, resolutiondate: null, fields: {}, properties: {}, comments: [], history: [], assignee: f.assignee, components: f.components };
      this.edit(issue, f);
      for (const p of (b.properties ?? []) as { key: string; value: unknown }[]) issue.properties[p.key] = p.value;
      this.issues.push(issue);
      return this.send(res, 201, { id: String(10_000 + this.nextId), key: issue.key, self: `${this.url}${api}/issue/${issue.key}` });
    }
    if ((m = new RegExp(`^${api}/issue/([A-Z]+-\\d+)(/.*)?$`).exec(url.pathname))) {
      const issue = this.issue(m[1]!);
      if (!issue) return this.send(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
      const rest = m[2] ?? '';
      if (rest === '' && method === 'PUT') {
        const f = (b.fields ?? {}) as Record<string, unknown>;
        const problem = this.badFields(f);
        if (problem) return this.send(res, 400, { errorMessages: [], errors: { field: problem } });
        this.edit(issue, f);
        return this.send(res, 204, undefined);
      }
      if (rest === '/transitions' && method === 'GET') return this.send(res, 200, { transitions: issue.status === 'Done' ? this.workflow.done : this.workflow.open });
      if (rest === '/transitions' && method === 'POST') {
        const id = String((b.transition as { id?: string })?.id);
        const t = (issue.status === 'Done' ? this.workflow.done : this.workflow.open).find((x) => x.id === id);
        if (!t) return this.send(res, 400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`] });
        if (issue.status === 'Done') Object.assign(issue, { status: 'To Do', resolution: null, resolutiondate: null });
        else if (t.name === 'Start Progress') issue.status = 'In Progress';
        else Object.assign(issue, { status: 'Done', resolution: t.name === 'Done' ? 'Done' : t.name, resolutiondate: new Date().toISOString() });
        issue.history.push({ author: 'pipewarden-bot', created: new Date().toISOString(), field: 'status' });
        return this.send(res, 204, undefined);
      }
      if (rest === '/comment' && method === 'POST') {
        const comment = b.body;
        if (this.flavor === 'cloud' ? (comment as { type?: string })?.type !== 'doc' : typeof comment !== 'string') return this.send(res, 400, { errorMessages: ['Comment body is not valid.'] });
        issue.comments.push(comment);
        return this.send(res, 201, { id: String(issue.comments.length) });
      }
      if ((m = /^\/properties\/([\w.-]+)$/.exec(rest)) && method === 'PUT') {
        issue.properties[m[1]!] = body;
        return this.send(res, 200, undefined);
      }
    }
    return this.send(res, 404, { errorMessages: [`Not found: ${method} ${url.pathname}`] });
  }
}

/** A comment's text, from ADF or wiki markup. */
export function commentText(comment: unknown): string {
  if (typeof comment === 'string') return comment;
  const walk = (node: { text?: string; content?: unknown[] }): string => (node.text ?? '') + (node.content ?? []).map((c) => walk(c as never)).join('');
  return walk(comment as never);
}
