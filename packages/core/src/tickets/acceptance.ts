import { PROP } from '../sarif/props.js';
import { toFinding } from '../finding.js';
import type { Log } from '../sarif/types.js';
import type { Ticket } from './types.js';
import { ticketKey } from './key.js';

/** What people close a ticket with when they accept the risk: GitHub's state reason, Jira's resolutions, labels anywhere. */
export const DEFAULT_ACCEPTED_AS: readonly string[] = ['not_planned', "won't fix", "won't do", 'wontfix', 'duplicate', 'risk accepted', 'risk-accepted', 'accepted risk', 'false positive', 'false-positive', 'declined'];
export const DEFAULT_ACCEPTED_FOR_DAYS = 90;

export interface AcceptanceOptions {
  /** State reasons, resolutions or labels (any case) that mean "accepted". */
  acceptedAs?: readonly string[] | undefined;
  acceptedForDays?: number | undefined;
  /** YYYY-MM-DD. */
  today: string;
}

/** A ticket a person closed as accepted: its finding group is waived until `until`. */
export interface TicketAcceptance {
  key: string;
  ticket: string;
  /** The justification: where the decision is written down. */
  url: string;
  /** The state reason, resolution or label it was closed with. */
  as: string;
  owner: string;
  /** YYYY-MM-DD it was closed. */
  since: string;
  /** YYYY-MM-DD the acceptance ends (it holds through the day before). */
  until: string;
  expired: boolean;
}

const norm = (text: string) => text.trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ');

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The acceptance a closed ticket stands for, if a person closed it as one (Pipewarden closes only as fixed). */
export function acceptanceOf(ticket: Ticket, options: AcceptanceOptions): TicketAcceptance | undefined {
  if (ticket.state !== 'closed' || ticket.marker.fixed) return undefined;
  const accepted = new Set((options.acceptedAs ?? DEFAULT_ACCEPTED_AS).map(norm));
  const as = [ticket.closure?.reason, ...ticket.labels].find((value): value is string => Boolean(value) && accepted.has(norm(value!)));
  if (!as) return undefined;
  const since = /^\d{4}-\d{2}-\d{2}/.test(ticket.closure?.at ?? '') ? ticket.closure!.at!.slice(0, 10) : options.today;
  const until = addDays(since, options.acceptedForDays ?? DEFAULT_ACCEPTED_FOR_DAYS);
  return { key: ticket.marker.key, ticket: ticket.id, url: ticket.url ?? `#${ticket.id}`, as, owner: ticket.closure?.by ?? 'unknown', since, until, expired: until <= options.today };
}

/** Every acceptance among the tickets, newest decision first per finding group. */
export function ticketAcceptances(tickets: readonly Ticket[], options: AcceptanceOptions): TicketAcceptance[] {
  const byKey = new Map<string, TicketAcceptance>();
  for (const ticket of tickets) {
    const acceptance = acceptanceOf(ticket, options);
    if (acceptance && (byKey.get(acceptance.key)?.since ?? '') <= acceptance.since) byKey.set(acceptance.key, acceptance);
  }
  return [...byKey.values()];
}

/**
 * Waives the findings of the groups whose ticket holds an acceptance, as a config waiver does: an external,
 * accepted suppression whose justification is the ticket, so the gate skips them and every report shows why.
 */
export function applyTicketAcceptances(log: Log, acceptances: readonly TicketAcceptance[]): number {
  const live = new Map(acceptances.filter((a) => !a.expired).map((a) => [a.key, a]));
  if (!live.size) return 0;
  let waived = 0;
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent' || result.suppressions?.length) continue;
      const acceptance = live.get(ticketKey(toFinding(run, result)));
      if (!acceptance) continue;
      result.suppressions = [{ kind: 'external', status: 'accepted', justification: `accepted on ${acceptance.url}: closed as ${acceptance.as} by ${acceptance.owner} on ${acceptance.since}, until ${acceptance.until}` }];
      result.properties = { ...result.properties, [PROP.ticketAcceptance]: { url: acceptance.url, ticket: acceptance.ticket, as: acceptance.as, owner: acceptance.owner, since: acceptance.since, until: acceptance.until } };
      waived++;
    }
  }
  return waived;
}
