import { ticketFrom, type Ticket, type TicketDraft, type TicketTracker } from '@pipewarden/core';
import type { Octokit } from './octokit.js';

/** GitHub issues as Pipewarden's ticket tracker: its issues carry the `pipewarden` label and the marker. */
export function githubTracker(octokit: Octokit, repo: { owner: string; repo: string }): TicketTracker {
  const toTicket = (issue: { number: number; state: string; title: string; body?: string | null; labels: (string | { name?: string })[] }) =>
    ticketFrom({ id: issue.number, closed: issue.state === 'closed', title: issue.title, body: issue.body, labels: issue.labels });
  return {
    async list() {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all', labels: 'pipewarden', per_page: 100 });
      return issues.filter((issue) => !issue.pull_request).flatMap((issue) => toTicket(issue) ?? []);
    },
    async create(draft: TicketDraft) {
      const { data } = await octokit.rest.issues.create({ ...repo, title: draft.title, body: draft.body, labels: draft.labels });
      return toTicket(data)!;
    },
    async update(ticket: Ticket, draft: TicketDraft) {
      await octokit.rest.issues.update({ ...repo, issue_number: ticket.id, title: draft.title, body: draft.body, labels: draft.labels });
    },
    async close(ticket: Ticket, comment: string) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: ticket.id, body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: ticket.id, state: 'closed', state_reason: 'completed' });
    },
    async reopen(ticket: Ticket, draft: TicketDraft, comment: string) {
      await octokit.rest.issues.update({ ...repo, issue_number: ticket.id, state: 'open', title: draft.title, body: draft.body, labels: draft.labels });
      await octokit.rest.issues.createComment({ ...repo, issue_number: ticket.id, body: comment });
    },
  };
}
