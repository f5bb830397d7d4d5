import type { TicketPlan } from './plan.js';
import type { TicketTracker } from './types.js';

export interface TicketSyncResult {
  created: number;
  updated: number;
  reopened: number;
  closed: number;
  commented: number;
  /** Closed tickets left closed because a person accepted the risk and the acceptance holds. */
  accepted: number;
  unchanged: number;
  deferred: number;
  /** Calls that failed, with the tracker's error (a platform says it in its own words); a permission error stops the rest (they would fail the same way). */
  failures: { what: string; error: unknown }[];
  /** The tracker refused writes (a read-only token): nothing more was tried. */
  forbidden: boolean;
}

/** A tracker's error in one line: its HTTP status, then the first line of its message. */
export function describeTrackerError(error: unknown): string {
  const status = statusOf(error);
  return `${status ? `HTTP ${status}: ` : ''}${((error as Error).message ?? String(error)).split('\n')[0]}`;
}

/** The HTTP status of a client's error: octokit sets `status`, others `response.status`, gitbeaker `cause.response.status`. */
function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown }; cause?: { response?: { status?: unknown } } } | undefined;
  const status = e?.status ?? e?.response?.status ?? e?.cause?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Carries a plan out against a tracker, most urgent first; never throws for the tracker's refusals. */
export async function syncTickets(plan: TicketPlan, tracker: TicketTracker): Promise<TicketSyncResult> {
  const result: TicketSyncResult = { created: 0, updated: 0, reopened: 0, closed: 0, commented: 0, accepted: plan.accepted.length, unchanged: plan.unchanged, deferred: plan.deferred.length, failures: [], forbidden: false };
  const steps: [keyof Pick<TicketSyncResult, 'created' | 'updated' | 'reopened' | 'closed' | 'commented'>, string, () => Promise<unknown>][] = [
    ...plan.reopen.map(({ ticket, draft, comment }) => ['reopened', `reopen #${ticket.id}`, () => tracker.reopen(ticket, draft, comment)] as const),
    ...plan.update.map(({ ticket, draft }) => ['updated', `update #${ticket.id}`, () => tracker.update(ticket, draft)] as const),
    ...plan.create.map((draft) => ['created', `create "${draft.title}"`, () => tracker.create(draft)] as const),
    ...plan.close.map(({ ticket, comment, marker }) => ['closed', `close #${ticket.id}`, () => tracker.close(ticket, comment, marker)] as const),
    ...plan.comment.map(({ ticket, comment, marker }) => ['commented', `comment on #${ticket.id}`, () => tracker.comment(ticket, comment, marker)] as const),
  ].map(([counter, what, run]) => [counter, what, run]);
  for (const [counter, what, run] of steps) {
    try {
      await run();
      result[counter]++;
    } catch (error) {
      const status = statusOf(error);
      result.failures.push({ what, error });
      if (status === 401 || status === 403) {
        result.forbidden = true;
        break;
      }
    }
  }
  return result;
}
