import { renderTicketSection, spliceTicketSection, ticketFrom, ticketSectionOf, withTicketMarker, type Ticket, type TicketDraft, type TicketMarker, type TicketTracker } from '@pipewarden/core';
import type { GitlabClient } from './client.js';

interface IssueJson {
  iid: number;
  state: string;
  title: string;
  description?: string | null;
  web_url?: string;
  closed_at?: string | null;
  closed_by?: { username?: string } | null;
  labels?: (string | { name?: string })[];
}

/**
 * GitLab issues as Pipewarden's ticket tracker: labelled `pipewarden`, confidential by default, due dates
 * set. GitLab has no close reason: a label (won't fix, risk-accepted…) says a person accepted the risk.
 */
export function gitlabTracker(api: GitlabClient, projectId: string): TicketTracker & { where: string } {
  const toTicket = (issue: IssueJson) =>
    ticketFrom({
      id: issue.iid,
      closed: issue.state === 'closed',
      title: issue.title,
      body: issue.description,
      labels: issue.labels,
      url: issue.web_url,
      closure: { by: issue.closed_by?.username ?? undefined, at: issue.closed_at ?? undefined },
      section: ticketSectionOf,
    });
  const iid = (ticket: Ticket) => Number(ticket.id);
  return {
    where: `project ${projectId}`,
    render: renderTicketSection,
    async list() {
      const issues = (await api.Issues.all({ projectId, labels: 'pipewarden', scope: 'all', perPage: 100 })) as unknown as IssueJson[];
      return issues.flatMap((issue) => toTicket(issue) ?? []);
    },
    async create(draft: TicketDraft) {
      const issue = (await api.Issues.create(projectId, draft.title, { description: renderTicketSection(draft), labels: draft.labels.join(','), confidential: draft.confidential, ...(draft.dueDate ? { dueDate: draft.dueDate } : {}) })) as unknown as IssueJson;
      return toTicket(issue)!;
    },
    async update(ticket: Ticket, draft: TicketDraft) {
      await api.Issues.edit(projectId, iid(ticket), { title: draft.title, description: spliceTicketSection(ticket.body, renderTicketSection(draft)), labels: draft.labels.join(',') });
    },
    async close(ticket: Ticket, comment: string, marker: TicketMarker) {
      await api.IssueNotes.create(projectId, iid(ticket), comment);
      await api.Issues.edit(projectId, iid(ticket), { stateEvent: 'close', description: withTicketMarker(ticket.body, marker) });
    },
    async reopen(ticket: Ticket, draft: TicketDraft, comment: string) {
      await api.Issues.edit(projectId, iid(ticket), { stateEvent: 'reopen', title: draft.title, description: spliceTicketSection(ticket.body, renderTicketSection(draft)), labels: draft.labels.join(',') });
      await api.IssueNotes.create(projectId, iid(ticket), comment);
    },
    async comment(ticket: Ticket, comment: string, marker: TicketMarker) {
      await api.IssueNotes.create(projectId, iid(ticket), comment);
      await api.Issues.edit(projectId, iid(ticket), { description: withTicketMarker(ticket.body, marker) });
    },
  };
}
