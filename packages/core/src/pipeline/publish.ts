import type { Finding } from '../finding.js';
import type { EmitOutputs } from '../model/outputs.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { Platform } from '../ports/platform.js';
import type { Log } from '../sarif/types.js';
import type { ReviewReport } from '../review/report.js';
import { completedTools, planTickets } from '../tickets/plan.js';
import { describeTrackerError, syncTickets, type TicketSyncResult } from '../tickets/sync.js';
import { ticketAcceptances, type TicketAcceptance } from '../tickets/acceptance.js';
import type { Ticket } from '../tickets/types.js';

export interface PublishInput {
  findings: readonly Finding[];
  log: Log;
  outputs: EmitOutputs;
  /** summary.md, for the comment. */
  summary: string;
  stage: string;
  config: PipewardenConfig;
  /** What the user asked for; a capability the platform lacks is skipped. */
  comment: boolean;
  tickets: boolean;
  upload: boolean;
  /** New tickets per run when the config does not say (the platform's input). */
  maxNewTickets?: number | undefined;
  /** The gate was scoped to a diff: missing findings were not looked for, so nothing is closed. */
  diffScoped: boolean;
  today: string;
  /** A high-risk change gets the label and, when configured, reviewers (review.high_risk). */
  review?: ReviewReport | undefined;
  /** The tracker's tickets as read before the scan (for the acceptances the gate honoured): not read twice. */
  existingTickets?: readonly Ticket[] | undefined;
}

export interface PublishReport {
  /** What was done, one line each. */
  posted: string[];
  /** What could not be posted, one line each ("the PR comment: HTTP 403 …"); the verdict stands either way. */
  notPosted: string[];
  /** Other trouble, whole sentences. */
  warnings: string[];
}

function describe(platform: Platform, error: unknown): string {
  return (platform.describeError ?? describeTrackerError)(error);
}

function syncLine(sync: TicketSyncResult, cap: number | undefined): string {
  const parts = [`${sync.created} opened`, `${sync.updated} updated`, `${sync.reopened} reopened`, `${sync.closed} closed`, `${sync.unchanged} unchanged`];
  if (sync.accepted) parts.push(`${sync.accepted} left closed as accepted`);
  if (sync.commented) parts.push(`${sync.commented} commented`);
  if (sync.deferred) parts.push(`${sync.deferred} waiting (over the cap of ${cap ?? 10} new per run)`);
  return `issues: ${parts.join(', ')}`;
}

/** Keeps one ticket per finding group on the platform's tracker: list → plan → sync → report. */
async function publishTickets(platform: Platform, input: PublishInput, report: PublishReport): Promise<void> {
  const tracker = platform.tracker!;
  // A pull or merge request's findings are not on the default branch yet: its comment tells them, tickets do not.
  if (!platform.build.onDefaultBranch) {
    report.posted.push('issues: none kept from a pull or merge request run (tickets follow the default branch)');
    return;
  }
  let existing = input.existingTickets;
  try {
    existing ??= await tracker.list();
  } catch (error) {
    // Planning against an unread list would open every ticket a second time.
    report.warnings.push(`could not read the issues of ${tracker.where}, so none were posted: ${describe(platform, error)}`);
    return;
  }
  const tickets = input.config.tickets;
  const cap = tickets?.max_new ?? input.maxNewTickets;
  const plan = planTickets(input.findings, existing, {
    minPriority: tickets?.min_priority,
    maxNew: cap,
    labels: tickets?.labels,
    confidential: tickets?.confidential ?? true,
    closeMissing: !input.diffScoped && input.stage !== 'precommit',
    completeScanners: completedTools(input.log),
    today: input.today,
    links: platform.build.links,
    render: (draft) => tracker.render(draft),
    acceptedAs: tickets?.accepted_as,
    acceptedForDays: tickets?.accepted_for_days,
    run: { commit: platform.build.provenance?.commit, pipeline: platform.build.provenance?.pipeline },
  });
  // A tracker that cannot carry the plan out (a transition the workflow lacks) stops here, before any change.
  await tracker.check?.(plan);
  const sync = await syncTickets(plan, tracker);
  report.posted.push(syncLine(sync, cap));
  for (const { what, error } of sync.failures) report.notPosted.push(`issues: ${what}: ${describe(platform, error)}`);
}

/**
 * The PR/MR's labels for the review gate: read live when the platform can (a label added since the event),
 * else as the CI's event or variables gave them; undefined outside a PR/MR.
 */
export async function currentLabels(platform: Platform | undefined, warn: (message: string) => void): Promise<string[] | undefined> {
  if (platform?.review) {
    try {
      return await platform.review.labels();
    } catch (error) {
      warn(`could not read the labels of the PR/MR, using the event's: ${describe(platform, error)}`);
    }
  }
  return platform?.build.labels ? [...platform.build.labels] : undefined;
}

/** A high-risk change: the label on the PR/MR, and the reviewers asked, unless a reviewer approved it already. */
async function publishReview(platform: Platform, review: ReviewReport, report: PublishReport): Promise<void> {
  const port = platform.review!;
  try {
    if (!review.labels?.includes(review.label)) report.posted.push(await port.addLabel(review.label));
  } catch (error) {
    report.notPosted.push(`the "${review.label}" label: ${describe(platform, error)}`);
  }
  const reviewers = review.reviewers;
  if (review.approved || !reviewers || (!reviewers.users.length && !reviewers.teams.length)) return;
  try {
    report.posted.push(await port.requestReviewers(reviewers, 'Pipewarden security review'));
  } catch (error) {
    // Reviewers are a courtesy: the label and the gate still say what is needed.
    report.warnings.push(`could not ask for security reviewers: ${describe(platform, error)}`);
  }
}

/**
 * The tracker's tickets before the scan, and the acceptances among them (tickets people closed as won't fix):
 * the gate honours them as waivers. A tracker that cannot be read waives nothing and says why.
 */
export async function readTicketState(platform: Platform, config: PipewardenConfig, today: string): Promise<{ tickets?: Ticket[]; acceptances: TicketAcceptance[]; warning?: string }> {
  const tracker = platform.tracker;
  if (!tracker) return { acceptances: [] };
  try {
    const tickets = await tracker.list();
    return { tickets, acceptances: ticketAcceptances(tickets, { acceptedAs: config.tickets?.accepted_as, acceptedForDays: config.tickets?.accepted_for_days, today }) };
  } catch (error) {
    return { acceptances: [], warning: `could not read the issues of ${tracker.where}, so none were posted and no ticket closed as accepted (won't fix, not planned) was honoured at the gate: ${describe(platform, error)}` };
  }
}

/** The comment, the upload and the tickets, once for every platform; never throws for a platform's refusals. */
export async function publish(platform: Platform, input: PublishInput): Promise<PublishReport> {
  const report: PublishReport = { posted: [], notPosted: [], warnings: [] };
  if (input.comment && platform.comment) {
    try {
      report.posted.push(await platform.comment.upsert(input.summary, input.stage));
    } catch (error) {
      report.notPosted.push(`${platform.comment.what}: ${describe(platform, error)}`);
    }
  }
  if (input.review?.reasons.length && platform.review) await publishReview(platform, input.review, report);
  if (input.upload && platform.upload) {
    try {
      const uploaded = await platform.upload.upload(input.outputs.github);
      report.posted.push(...uploaded.posted);
      report.notPosted.push(...uploaded.notPosted);
    } catch (error) {
      report.notPosted.push(`the SARIF upload to code scanning: ${describe(platform, error)}`);
    }
  }
  if (input.tickets && platform.tracker) await publishTickets(platform, input, report);
  return report;
}
