import { renderTicketSection, spliceTicketSection, ticketFrom, ticketSectionOf, withTicketMarker, type Ticket, type TicketDraft, type TicketMarker, type TicketTracker } from '@pipewarden/core';
import type { Octokit } from './client.js';

interface IssueJson {
  number: number;
  state: string;
  state_reason?: string | null;
  title: string;
  body?: string | null;
  html_url?: string;
  closed_at?: string | null;
  closed_by?: { login?: string } | null;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
}

/**
 * GitHub issues as Pipewarden's ticket tracker: its issues carry the `pipewarden` label and the marker, and
 * Pipewarden rewrites only its delimited part of the body. Read back: the state reason a person closed one
 * with (not planned), who closed it and when.
 */
export function githubTracker(octokit: Octokit, repo: { owner: string; repo: string }): TicketTracker & { where: string } {
  const toTicket = (issue: IssueJson) =>
    ticketFrom({
      id: issue.number,
      closed: issue.state === 'closed',
      title: issue.title,
      body: issue.body,
      labels: issue.labels,
      url: issue.html_url,
      closure: { reason: issue.state_reason ?? undefined, by: issue.closed_by?.login ?? undefined, at: issue.closed_at ?? undefined },
      section: ticketSectionOf,
    });
  const number = (ticket: Ticket) => Number(ticket.id);
  return {
    where: `${repo.owner}/${repo.repo}`,
    render: renderTicketSection,
    async list() {
      const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all', labels: 'pipewarden', per_page: 100 })) as IssueJson[];
      const tickets: Ticket[] = [];
      for (const issue of issues.filter((i) => !i.pull_request)) {
        let ticket = toTicket(issue);
        // Listing leaves out who closed an issue: asked only for the few a person closed (not Pipewarden as fixed).
        if (ticket?.state === 'closed' && !ticket.marker.fixed && !issue.closed_by) ticket = toTicket((await octokit.rest.issues.get({ ...repo, issue_number: issue.number })).data as IssueJson);
        if (ticket) tickets.push(ticket);
      }
      return tickets;
    },
    async create(draft: TicketDraft) {
      const { data } = await octokit.rest.issues.create({ ...repo, title: draft.title, body: renderTicketSection(draft), labels: draft.labels });
      return toTicket(data as IssueJson)!;
    },
    async update(ticket: Ticket, draft: TicketDraft) {
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), title: draft.title, body: spliceTicketSection(ticket.body, renderTicketSection(draft)), labels: draft.labels });
    },
    async close(ticket: Ticket, comment: string, marker: TicketMarker) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: number(ticket), body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), state: 'closed', state_reason: 'completed', body: withTicketMarker(ticket.body, marker) });
    },
    async reopen(ticket: Ticket, draft: TicketDraft, comment: string) {
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), state: 'open', title: draft.title, body: spliceTicketSection(ticket.body, renderTicketSection(draft)), labels: draft.labels });
      await octokit.rest.issues.createComment({ ...repo, issue_number: number(ticket), body: comment });
    },
    async comment(ticket: Ticket, comment: string, marker: TicketMarker) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: number(ticket), body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), body: withTicketMarker(ticket.body, marker) });
    },
  };
}
