import { createHash } from 'node:crypto';
import { ConfigError, type JiraConfig, type Priority, type Ticket, type TicketDraft, type TicketMarker, type TicketPlan, type TicketTracker } from '@pipewarden/core';
import type { JiraApi, JiraIssue } from './client.js';
import { adfSection, spliceAdf, spliceWiki, wikiSection } from './render.js';

const PROPERTY = 'pipewarden';
const PRIORITY_NAMES: Record<Priority, string> = { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low', P4: 'Lowest' };
const CLOSE = ['Done', 'Close Issue', 'Close', 'Resolve Issue', 'Resolve', 'Closed', 'Resolved'];
const REOPEN = ['Reopen Issue', 'Reopen', 'To Do', 'Open', 'Backlog', 'Reopened'];

/** What Pipewarden keeps on each issue as an entity property: people cannot edit it away in the description. */
interface StoredMarker {
  marker: TicketMarker;
  /** The digest of the section and marker it last wrote: Jira reformats descriptions, a digest does not drift. */
  digest: string;
}

function stored(value: unknown): StoredMarker | undefined {
  const v = value as Partial<StoredMarker> | undefined;
  return v && typeof v.digest === 'string' && v.marker && typeof v.marker.key === 'string' && Array.isArray(v.marker.fingerprints) ? (v as StoredMarker) : undefined;
}

/** Fills {severity}, {priority}… in the configured custom field values. */
function fill(value: unknown, draft: TicketDraft): unknown {
  const words: Record<string, string> = {
    priority: draft.priority ?? '',
    severity: draft.labels.find((l) => l.startsWith('severity:'))?.slice(9) ?? '',
    scanner: draft.marker.scanner,
    category: draft.labels.find((l) => l.startsWith('category:'))?.slice(9) ?? '',
    rule: draft.title.replace(/^\[P.\] /, '').replace(/ in .*$/, ''),
  };
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (whole, word: string) => words[word] ?? whole);
  if (Array.isArray(value)) return value.map((v) => fill(v, draft));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, draft)]));
  return value;
}

/** Labels in Jira cannot hold spaces. */
const jiraLabel = (label: string) => label.replace(/\s+/g, '_');

/** Jira issues as Pipewarden's ticket tracker, two-way: resolutions people set are read back. */
export function jiraTracker(api: JiraApi, config: JiraConfig): TicketTracker & { where: string } {
  const base = config.url.replace(/\/+$/, '');
  const section = (draft: TicketDraft) => (api.flavor === 'cloud' ? adfSection(draft) : wikiSection(draft));
  const digest = (draft: TicketDraft) => createHash('sha256').update(JSON.stringify([section(draft), draft.marker])).digest('hex').slice(0, 32);
  const labelsOf = (draft: TicketDraft) => [...new Set([...draft.labels, `pipewarden-${draft.key.slice(0, 12)}`].map(jiraLabel))];
  const description = (current: unknown, draft: TicketDraft) => (api.flavor === 'cloud' ? spliceAdf(current, adfSection(draft)) : spliceWiki(current, wikiSection(draft)));
  const text = (comment: string) => (api.flavor === 'cloud' ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment }] }] } : comment.replace(/[{}[\]|]/g, (c) => `\\${c}`));
  const common = (draft: TicketDraft) => ({
    labels: labelsOf(draft),
    ...(draft.priority ? { priority: { name: config.priorities?.[draft.priority] ?? PRIORITY_NAMES[draft.priority] } } : {}),
    ...(draft.dueDate ? { duedate: draft.dueDate } : {}),
    ...Object.fromEntries(Object.entries(config.fields ?? {}).map(([id, value]) => [id, fill(value, draft)])),
  });
  const toTicket = (issue: JiraIssue): Ticket | undefined => {
    const property = stored(issue.properties?.[PROPERTY]);
    if (!property) return undefined;
    const closed = issue.fields.status?.statusCategory?.key === 'done';
    const resolvedBy = [...(issue.changelog?.histories ?? [])].reverse().find((h) => h.items?.some((i) => i.field === 'resolution' || i.field === 'status'))?.author;
    return {
      id: issue.key,
      state: closed ? 'closed' : 'open',
      title: issue.fields.summary ?? '',
      body: JSON.stringify(issue.fields.description ?? ''),
      section: property.digest,
      // The key label is the tracker's own (for JQL): the planner sees the labels it and people chose.
      labels: (issue.fields.labels ?? []).filter((l) => l !== `pipewarden-${property.marker.key.slice(0, 12)}`),
      marker: property.marker,
      url: `${base}/browse/${issue.key}`,
      ...(closed ? { closure: { reason: issue.fields.resolution?.name, by: resolvedBy?.displayName ?? resolvedBy?.name, at: issue.fields.resolutiondate ?? undefined } } : {}),
    };
  };
  const current = (ticket: Ticket) => JSON.parse(ticket.body) as unknown;
  // Transitions depend on each issue's status: checked for every issue before any change, then reused.
  const checked = new Map<string, { id: string; name: string }>();
  const transitionFor = async (ticket: Ticket, wanted: string | undefined, defaults: readonly string[], what: string) => {
    const known = checked.get(`${what} ${ticket.id}`);
    if (known) return known;
    const offered = await api.transitions(ticket.id);
    const names = wanted ? [wanted] : defaults;
    const found = names.map((n) => offered.find((t) => t.name.toLowerCase() === n.toLowerCase())).find(Boolean);
    if (found) {
      checked.set(`${what} ${ticket.id}`, found);
      return found;
    }
    const setting = what === 'close' ? 'close_transition' : 'reopen_transition';
    throw new ConfigError(
      `tickets.jira.${setting}: ${wanted ? `"${wanted}" is not` : `none of ${defaults.join(', ')} is`} a transition Jira offers on ${ticket.id} to ${what} it; it offers: ${offered.map((t) => t.name).join(', ') || 'none'}`,
    );
  };
  return {
    where: `Jira project ${config.project}`,
    render: digest,
    async list() {
      const issues = await api.search(`project = "${config.project}" AND labels = pipewarden ORDER BY created ASC`);
      return issues.flatMap((issue) => toTicket(issue) ?? []);
    },
    /** Before any change: every close and reopen has its transition, or nothing is done at all. */
    async check(plan: TicketPlan) {
      for (const { ticket } of plan.close) await transitionFor(ticket, config.close_transition, CLOSE, 'close');
      for (const { ticket } of plan.reopen) await transitionFor(ticket, config.reopen_transition, REOPEN, 'reopen');
    },
    async create(draft: TicketDraft) {
      const fields = {
        project: { key: config.project },
        summary: draft.title,
        issuetype: { name: config.issue_type ?? 'Bug' },
        description: description(undefined, draft),
        ...common(draft),
        ...(config.components?.length ? { components: config.components.map((name) => ({ name })) } : {}),
        ...(config.assignee ? { assignee: api.flavor === 'cloud' ? { accountId: config.assignee } : { name: config.assignee } } : {}),
      };
      // The marker goes in with the issue: a run stopped in between cannot leave an issue no later run finds.
      const { key } = await api.create(fields, { key: PROPERTY, value: { marker: draft.marker, digest: digest(draft) } });
      return { id: key, state: 'open', title: draft.title, body: '', section: digest(draft), labels: draft.labels, marker: draft.marker, url: `${base}/browse/${key}` };
    },
    async update(ticket: Ticket, draft: TicketDraft) {
      await api.edit(ticket.id, { summary: draft.title, description: description(current(ticket), draft), ...common(draft) });
      await api.setProperty(ticket.id, PROPERTY, { marker: draft.marker, digest: digest(draft) });
    },
    async close(ticket: Ticket, comment: string, marker: TicketMarker) {
      const transition = await transitionFor(ticket, config.close_transition, CLOSE, 'close');
      await api.comment(ticket.id, text(comment));
      await api.transition(ticket.id, transition.id);
      await api.setProperty(ticket.id, PROPERTY, { marker, digest: ticket.section ?? '' });
    },
    async reopen(ticket: Ticket, draft: TicketDraft, comment: string) {
      const transition = await transitionFor(ticket, config.reopen_transition, REOPEN, 'reopen');
      await api.transition(ticket.id, transition.id);
      await api.edit(ticket.id, { summary: draft.title, description: description(current(ticket), draft), ...common(draft) });
      await api.setProperty(ticket.id, PROPERTY, { marker: draft.marker, digest: digest(draft) });
      await api.comment(ticket.id, text(comment));
    },
    async comment(ticket: Ticket, comment: string, marker: TicketMarker) {
      await api.comment(ticket.id, text(comment));
      await api.setProperty(ticket.id, PROPERTY, { marker, digest: ticket.section ?? '' });
    },
  };
}
