import { renderTicketMarkdown, ticketFrom, type Ticket, type TicketDraft, type TicketTracker } from '@pipewarden/core';
import type { Octokit } from './client.js';

interface IssueJson {
  number: number;
  state: string;
  title: string;
  body?: string | null;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
}

/** GitHub issues as Pipewarden's ticket tracker: its issues carry the `pipewarden` label and the marker. */
export function githubTracker(octokit: Octokit, repo: { owner: string; repo: string }): TicketTracker & { where: string } {
  const toTicket = (issue: IssueJson) => ticketFrom({ id: issue.number, closed: issue.state === 'closed', title: issue.title, body: issue.body, labels: issue.labels });
  const number = (ticket: Ticket) => Number(ticket.id);
  return {
    where: `${repo.owner}/${repo.repo}`,
    render: renderTicketMarkdown,
    async list() {
      const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all', labels: 'pipewarden', per_page: 100 })) as IssueJson[];
      return issues.filter((issue) => !issue.pull_request).flatMap((issue) => toTicket(issue) ?? []);
    },
    async create(draft: TicketDraft) {
      const { data } = await octokit.rest.issues.create({ ...repo, title: draft.title, body: renderTicketMarkdown(draft), labels: draft.labels });
      return toTicket(data as IssueJson)!;
    },
    async update(ticket: Ticket, draft: TicketDraft) {
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), title: draft.title, body: renderTicketMarkdown(draft), labels: draft.labels });
    },
    async close(ticket: Ticket, comment: string) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: number(ticket), body: comment });
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), state: 'closed', state_reason: 'completed' });
    },
    async reopen(ticket: Ticket, draft: TicketDraft, comment: string) {
      await octokit.rest.issues.update({ ...repo, issue_number: number(ticket), state: 'open', title: draft.title, body: renderTicketMarkdown(draft), labels: draft.labels });
      await octokit.rest.issues.createComment({ ...repo, issue_number: number(ticket), body: comment });
    },
  };
}
