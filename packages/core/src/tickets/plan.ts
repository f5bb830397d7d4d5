import { createHash } from 'node:crypto';
import { PRIORITIES, type Finding, type Priority } from '../finding.js';
import { componentOf, groupFindings } from '../model/groups.js';
import type { ReportLinks } from '../model/provenance.js';
import { PROP, prop, type Log } from '../sarif/types.js';
import { plainTitle, ticketSections } from './content.js';
import { compareTicketIds, type Ticket, type TicketDraft, type TicketMarker } from './types.js';

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
}

export interface TicketPlan {
  create: TicketDraft[];
  update: { ticket: Ticket; draft: TicketDraft }[];
  reopen: { ticket: Ticket; draft: TicketDraft; comment: string }[];
  close: { ticket: Ticket; comment: string }[];
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

/** The group's stable key: its rule and component, so a ticket follows the thing to fix, not a line. */
export function ticketKey(finding: Finding): string {
  return createHash('sha256').update(`${finding.ruleId}\u0000${componentOf(finding)}`).digest('hex').slice(0, 20);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function draftOf(members: readonly Finding[], previous: Ticket | undefined, options: TicketOptions): TicketDraft {
  const top = members[0]!;
  const key = ticketKey(top);
  const sla = prop(top.result.properties, PROP.slaDays);
  const since = previous?.marker.since ?? options.today;
  const due = previous?.marker.due ?? (sla ? addDays(since, sla) : undefined);
  // The rule id: short, searchable, and the same words the PR comment and code scanning use.
  const title = plainTitle(`[${top.priority ?? 'P?'}] ${top.ruleId} in ${componentOf(top)}`);
  const fingerprints = members.map((f) => f.fingerprint).filter((f): f is string => Boolean(f));
  const marker: TicketMarker = { key, scanner: top.scanner, fingerprints: fingerprints.slice(0, 200), ...(due ? { due } : {}), since };
  const labels = [...new Set(['pipewarden', `priority:${top.priority ?? 'none'}`, `severity:${top.severity}`, `scanner:${top.scanner}`, `category:${top.category}`, ...(options.labels ?? [])])];
  const sections = ticketSections(members, { due, since, sla, links: options.links });
  return { key, title, sections, marker, labels, ...(due ? { dueDate: due } : {}), ...(top.priority ? { priority: top.priority } : {}), confidential: options.confidential ?? true };
}

function sameTicket(ticket: Ticket, draft: TicketDraft, render: (draft: TicketDraft) => string): boolean {
  return ticket.title === draft.title && ticket.body.trim() === render(draft).trim() && [...ticket.labels].sort().join('\n') === [...draft.labels].sort().join('\n');
}

/**
 * What to do with the tracker so it holds one ticket per finding group: create (up to the cap, most urgent
 * first), update, reopen a closed one that came back, close one whose group is gone from a default-branch run.
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

  const plan: TicketPlan = { create: [], update: [], reopen: [], close: [], unchanged: 0, deferred: [] };
  for (const [key, list] of members) {
    const ticket = byKey.get(key);
    const draft = draftOf(list, ticket, options);
    if (ticket?.state === 'open') {
      if (sameTicket(ticket, draft, options.render)) plan.unchanged++;
      else plan.update.push({ ticket, draft });
    } else if (ticket) {
      plan.reopen.push({ ticket, draft, comment: `Found again on ${options.today} (${list.length} place${list.length === 1 ? '' : 's'}): reopened by Pipewarden.` });
    } else if (PRIORITIES.indexOf(list[0]!.priority ?? 'P4') <= minRank) {
      (plan.create.length < maxNew ? plan.create : plan.deferred).push(draft);
    }
  }
  if (options.closeMissing) {
    for (const ticket of byKey.values()) {
      if (ticket.state !== 'open' || members.has(ticket.marker.key)) continue;
      if (!options.completeScanners.has(ticket.marker.scanner)) continue;
      plan.close.push({ ticket, comment: `No longer found on the default branch on ${options.today}: closed by Pipewarden. It reopens this issue if the finding comes back.` });
    }
  }
  return plan;
}


