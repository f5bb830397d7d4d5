import { PRIORITIES, type Finding, type Priority } from '../finding.js';
import { componentOf, groupFindings } from '../model/groups.js';
import type { ReportLinks } from '../model/provenance.js';
import { PROP, prop, type Log } from '../sarif/types.js';
import { plainTitle, ticketSections } from './content.js';
import { compareTicketIds, type Ticket, type TicketDraft, type TicketMarker } from './types.js';
import { acceptanceOf, type TicketAcceptance } from './acceptance.js';
import { ticketKey } from './key.js';

export { ticketKey };

export interface TicketOptions {
  /** Only groups this urgent or more get a new ticket (default P2); existing tickets are kept up to date whatever the priority. */
  minPriority?: Priority | undefined;
  /** New tickets per run (default 10): a first run on an old codebase must not flood the tracker. */
  maxNew?: number | undefined;
  /** A full run of the default branch: a group gone from it closes its ticket. */
  closeMissing: boolean;
  /** Scanners that ran to the end in this run: a ticket of a scanner that was skipped or failed is never closed. */
  completeScanners: ReadonlySet<string>;
  /** YYYY-MM-DD. */
  today: string;
  links?: ReportLinks | undefined;
  /** Extra labels on every ticket. */
  labels?: readonly string[] | undefined;
  /** Default true: security findings are confidential where the tracker has that (GitLab). */
  confidential?: boolean | undefined;
  /** The tracker's rendering of a draft, to tell an up-to-date ticket from one to update. */
  render: (draft: TicketDraft) => string;
  /** State reasons, resolutions or labels that mean a person accepted the risk (default DEFAULT_ACCEPTED_AS). */
  acceptedAs?: readonly string[] | undefined;
  /** How long such an acceptance holds (default 90 days). */
  acceptedForDays?: number | undefined;
  /** The run, for the comments that tell each state change: its commit and pipeline. */
  run?: { commit?: string | undefined; pipeline?: string | undefined } | undefined;
}

export interface TicketPlan {
  create: TicketDraft[];
  update: { ticket: Ticket; draft: TicketDraft }[];
  reopen: { ticket: Ticket; draft: TicketDraft; comment: string }[];
  close: { ticket: Ticket; comment: string; marker: TicketMarker }[];
  /** Comments on tickets that stay as they are (a person reopened a fixed one), each made once. */
  comment: { ticket: Ticket; comment: string; marker: TicketMarker }[];
  /** Closed tickets whose acceptance still holds: left closed. */
  accepted: TicketAcceptance[];
  /** Open tickets already saying what they should. */
  unchanged: number;
  /** Groups that deserve a ticket but were over the per-run cap: they come in the next runs. */
  deferred: TicketDraft[];
}


/** Scanners and ingested tools whose runs completed: only their tickets may be closed when a group is gone. */
export function completedTools(log: Log): Set<string> {
  const complete = new Set<string>();
  for (const run of log.runs) {
    if ((run.invocations ?? []).some((i) => i.executionSuccessful === false)) continue;
    complete.add(String(run.properties?.[PROP.scanner] ?? run.tool.driver.name));
  }
  return complete;
}


function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Labels people added are theirs; Pipewarden's own are its name, its prefixes and the configured extras. */
function ownLabel(label: string, extra: readonly string[]): boolean {
  return /^pipewarden(\b|-)|^(priority|severity|scanner|category):/i.test(label) || extra.includes(label);
}

function draftOf(members: readonly Finding[], previous: Ticket | undefined, options: TicketOptions): TicketDraft {
  const top = members[0]!;
  const key = ticketKey(top);
  const sla = prop(top.result.properties, PROP.slaDays);
  const since = previous?.marker.since ?? options.today;
  const due = previous?.marker.due ?? (sla ? addDays(since, sla) : undefined);
  // The rule id: short, searchable, and the same words the PR comment and code scanning use.
  const ours = plainTitle(`[${top.priority ?? 'P?'}] ${top.ruleId} in ${componentOf(top)}`);
  // A title a person changed since Pipewarden last wrote it is kept, and so is the record of what Pipewarden wrote.
  const edited = previous?.marker.title !== undefined && previous.title !== previous.marker.title;
  const title = edited ? previous.title : ours;
  const fingerprints = members.map((f) => f.fingerprint).filter((f): f is string => Boolean(f));
  const marker: TicketMarker = { key, scanner: top.scanner, fingerprints: fingerprints.slice(0, 200), ...(due ? { due } : {}), since, title: edited ? previous.marker.title : ours };
  const extra = options.labels ?? [];
  const own = ['pipewarden', `priority:${top.priority ?? 'none'}`, `severity:${top.severity}`, `scanner:${top.scanner}`, `category:${top.category}`, ...extra];
  const labels = [...new Set([...own, ...(previous?.labels ?? []).filter((l) => !ownLabel(l, extra))])];
  const sections = ticketSections(members, { due, since, sla, links: options.links });
  return { key, title, sections, marker, labels, ...(due ? { dueDate: due } : {}), ...(top.priority ? { priority: top.priority } : {}), confidential: options.confidential ?? true };
}

function sameTicket(ticket: Ticket, draft: TicketDraft, render: (draft: TicketDraft) => string): boolean {
  return ticket.title === draft.title && (ticket.section ?? ticket.body).trim() === render(draft).trim() && [...ticket.labels].sort().join('\n') === [...draft.labels].sort().join('\n');
}

/** "in commit abc1234 (pipeline …)": where a state change was seen, so the ticket's history tells the story. */
function seenIn(options: TicketOptions): string {
  const commit = options.run?.commit ? ` in commit ${options.run.commit.slice(0, 12)}` : '';
  const pipeline = options.run?.pipeline ? ` (pipeline ${options.run.pipeline})` : '';
  return `${commit}${pipeline} on ${options.today}`;
}

function places(list: readonly Finding[]): string {
  return `${list.length} place${list.length === 1 ? '' : 's'}`;
}

function planGroup(plan: TicketPlan, list: Finding[], ticket: Ticket | undefined, options: TicketOptions, minRank: number, maxNew: number): void {
  const draft = draftOf(list, ticket, options);
  if (ticket?.state === 'open') {
    if (sameTicket(ticket, draft, options.render)) plan.unchanged++;
    else plan.update.push({ ticket, draft });
  } else if (ticket) {
    const acceptance = acceptanceOf(ticket, { acceptedAs: options.acceptedAs, acceptedForDays: options.acceptedForDays, today: options.today });
    if (acceptance && !acceptance.expired) plan.accepted.push(acceptance);
    else if (acceptance) {
      const why = `The risk acceptance (closed as "${acceptance.as}" by ${acceptance.owner} on ${acceptance.since}) ended on ${acceptance.until}, and the finding is still there${seenIn(options)} (${places(list)}): reopened by Pipewarden. Close it again as accepted to renew the acceptance.`;
      plan.reopen.push({ ticket, draft, comment: why });
    } else plan.reopen.push({ ticket, draft, comment: `Found again${seenIn(options)} (${places(list)}): reopened by Pipewarden.` });
  } else if (PRIORITIES.indexOf(list[0]!.priority ?? 'P4') <= minRank) {
    (plan.create.length < maxNew ? plan.create : plan.deferred).push(draft);
  }
}

/** An open ticket whose group is gone: closed as fixed, unless a person reopened it after Pipewarden closed it. */
function planGone(plan: TicketPlan, ticket: Ticket, options: TicketOptions): void {
  if (ticket.marker.fixed) {
    if (ticket.marker.reopenNoted) return;
    const comment = `Reopened by a person while Pipewarden still finds nothing here (not found${seenIn(options)}; fixed since ${ticket.marker.fixed}): Pipewarden leaves it open and will not close it again. Close it when you are done.`;
    plan.comment.push({ ticket, comment, marker: { ...ticket.marker, reopenNoted: options.today } });
    return;
  }
  const comment = `Fixed: no longer found on the default branch${seenIn(options)}. Closed by Pipewarden; it reopens this ticket if the finding comes back.`;
  const { reopenNoted: _noted, ...marker } = ticket.marker;
  plan.close.push({ ticket, comment, marker: { ...marker, fixed: options.today } });
}

/**
 * What to do with the tracker so it holds one ticket per finding group: create (up to the cap, most urgent
 * first), update, reopen a closed one that came back (unless a person accepted its risk and the acceptance
 * holds), close one whose group is gone from a default-branch run (unless a person reopened it after that).
 */
export function planTickets(findings: readonly Finding[], existing: readonly Ticket[], options: TicketOptions): TicketPlan {
  const minRank = PRIORITIES.indexOf(options.minPriority ?? 'P2');
  const maxNew = options.maxNew ?? 10;
  const byKey = new Map<string, Ticket>();
  // Two tickets with one key (a race of two runs): the oldest is the ticket, the other is left alone.
  for (const ticket of [...existing].sort((a, b) => compareTicketIds(a.id, b.id))) if (!byKey.has(ticket.marker.key)) byKey.set(ticket.marker.key, ticket);

  const members = new Map<string, Finding[]>();
  for (const group of groupFindings(findings)) members.set(ticketKey(group.top), []);
  for (const finding of findings) if (!finding.suppressed) members.get(ticketKey(finding))?.push(finding);

  const plan: TicketPlan = { create: [], update: [], reopen: [], close: [], comment: [], accepted: [], unchanged: 0, deferred: [] };
  for (const [key, list] of members) planGroup(plan, list, byKey.get(key), options, minRank, maxNew);
  if (options.closeMissing) {
    for (const ticket of byKey.values()) {
      if (ticket.state !== 'open' || members.has(ticket.marker.key)) continue;
      if (!options.completeScanners.has(ticket.marker.scanner)) continue;
      planGone(plan, ticket, options);
    }
  }
  return plan;
}
