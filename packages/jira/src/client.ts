import { Version2Client, Version3Client } from 'jira.js';

export type JiraFlavor = 'cloud' | 'data-center';

/** The few calls the tracker makes, the same for both REST versions. */
export interface JiraApi {
  readonly flavor: JiraFlavor;
  search(jql: string): Promise<JiraIssue[]>;
  create(fields: Record<string, unknown>, property: { key: string; value: unknown }): Promise<{ key: string }>;
  edit(key: string, fields: Record<string, unknown>): Promise<void>;
  transitions(key: string): Promise<{ id: string; name: string }[]>;
  transition(key: string, id: string): Promise<void>;
  comment(key: string, body: unknown): Promise<void>;
  setProperty(key: string, property: string, value: unknown): Promise<void>;
}

export interface JiraIssue {
  key: string;
  fields: {
    summary?: string;
    description?: unknown;
    labels?: string[];
    status?: { name?: string; statusCategory?: { key?: string } };
    resolution?: { name?: string } | null;
    resolutiondate?: string | null;
  };
  properties?: Record<string, unknown>;
  changelog?: { histories?: { author?: { displayName?: string; name?: string; accountId?: string }; created?: string; items?: { field?: string }[] }[] };
}

export interface RetryOptions {
  attempts?: number;
  /** Waits between attempts; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; cause?: { response?: { status?: unknown } } };
  const status = e?.status ?? e?.cause?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { cause?: { response?: { headers?: Record<string, unknown> } } })?.cause?.response?.headers;
  const value = headers?.['retry-after'];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds) * 1000;
  const at = Date.parse(String(value));
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** A network error or an answer worth asking again: rate limited (429) or the server's trouble (5xx). */
function transient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE'].includes(String((error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code));
  return status === 429 || status >= 500;
}

/**
 * Calls again after 429 (as long as Retry-After asks, at most a minute) and after 5xx or a dropped connection
 * (1, 2, 4, 8 s: capped exponential backoff), up to `attempts` tries in all.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !transient(error)) throw error;
      await sleep(Math.min(60_000, retryAfterMs(error) ?? Math.min(8_000, 1000 * 2 ** (attempt - 1))));
    }
  }
}

const FIELDS = ['summary', 'description', 'labels', 'status', 'resolution', 'resolutiondate'];

export interface JiraAuth {
  /** Cloud: the account's e-mail, with the API token. */
  email?: string | undefined;
  token: string;
}

/** jira.js for the flavour: Cloud on REST v3 with basic auth (e-mail + API token), Data Center on v2 with a PAT. */
export function jiraApi(host: string, flavor: JiraFlavor, auth: JiraAuth, retry: RetryOptions = {}): JiraApi {
  const r = <T>(call: () => Promise<T>) => withRetry(call, retry);
  if (flavor === 'cloud') {
    const client = new Version3Client({ host, authentication: { basic: { email: auth.email ?? '', apiToken: auth.token } } });
    return {
      flavor,
      async search(jql) {
        const issues: JiraIssue[] = [];
        let nextPageToken: string | undefined;
        do {
          const page = await r(() => client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, nextPageToken, maxResults: 100, fields: FIELDS, properties: ['pipewarden'], expand: 'changelog' }));
          issues.push(...((page.issues ?? []) as unknown as JiraIssue[]));
          nextPageToken = page.nextPageToken ?? undefined;
        } while (nextPageToken);
        return issues;
      },
      create: async (fields, property) => r(() => client.issues.createIssue({ fields, properties: [property] } as never)) as Promise<{ key: string }>,
      edit: async (key, fields) => void (await r(() => client.issues.editIssue({ issueIdOrKey: key, fields }))),
      transitions: async (key) => ((await r(() => client.issues.getTransitions({ issueIdOrKey: key }))).transitions ?? []).map((t) => ({ id: String(t.id), name: String(t.name) })),
      transition: async (key, id) => void (await r(() => client.issues.doTransition({ issueIdOrKey: key, transition: { id } }))),
      comment: async (key, body) => void (await r(() => client.issueComments.addComment({ issueIdOrKey: key, comment: body as never }))),
      setProperty: async (key, property, value) => void (await r(() => client.issueProperties.setIssueProperty({ issueIdOrKey: key, propertyKey: property, propertyValue: value }))),
    };
  }
  // jira.js has no PAT method: Data Center takes it as a bearer token on every request.
  const client = new Version2Client({ host, baseRequestConfig: { headers: { Authorization: `Bearer ${auth.token}` } } });
  return {
    flavor,
    async search(jql) {
      const issues: JiraIssue[] = [];
      for (let startAt = 0; ; ) {
        const page = await r(() => client.issueSearch.searchForIssuesUsingJql({ jql, startAt, maxResults: 100, fields: FIELDS, properties: ['pipewarden'], expand: 'changelog' }));
        const batch = (page.issues ?? []) as unknown as JiraIssue[];
        issues.push(...batch);
        startAt += batch.length;
        if (!batch.length || startAt >= (page.total ?? 0)) return issues;
      }
    },
    create: async (fields, property) => r(() => client.issues.createIssue({ fields, properties: [property] } as never)) as Promise<{ key: string }>,
    edit: async (key, fields) => void (await r(() => client.issues.editIssue({ issueIdOrKey: key, fields }))),
    transitions: async (key) => ((await r(() => client.issues.getTransitions({ issueIdOrKey: key }))).transitions ?? []).map((t) => ({ id: String(t.id), name: String(t.name) })),
    transition: async (key, id) => void (await r(() => client.issues.doTransition({ issueIdOrKey: key, transition: { id } }))),
    comment: async (key, body) => void (await r(() => client.issueComments.addComment({ issueIdOrKey: key, comment: String(body) }))),
    setProperty: async (key, property, value) => void (await r(() => client.issueProperties.setIssueProperty({ issueIdOrKey: key, propertyKey: property, propertyValue: value }))),
  };
}
