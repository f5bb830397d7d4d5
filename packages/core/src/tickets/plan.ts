import { createHash } from 'node:crypto';
import { PRIORITIES, type Finding, type Priority } from '../finding.js';
import { escapeMarkdown, markdownCode } from '../report/escape.js';
import { componentOf, groupFindings, locationLink, type ReportLinks } from '../report/summary.js';
import { PROP, type Log } from '../sarif/types.js';
import { writeMarker } from './marker.js';
import type { Ticket, TicketDraft } from './types.js';

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

const MAX_PLACES = 50;

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

/** A fenced block that report text cannot close: the fence is longer than any backtick run inside. */
function codeBlock(text: string): string {
  const flat = text.replace(/[\r\u2028\u2029]/g, '').slice(0, 2000);
  const fence = '`'.repeat(Math.max(3, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}http\n${flat}\n${fence}`;
}

/** Titles are plain text: no control characters, one line, not too long. */
function plainTitle(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>()]+$/i.test(url) ? url : undefined;
}

function draftOf(members: readonly Finding[], previous: Ticket | undefined, options: TicketOptions): TicketDraft {
  const top = members[0]!;
  const key = ticketKey(top);
  const props = top.result.properties ?? {};
  const sla = props['pipewarden/slaDays'] as number | undefined;
  const since = previous?.marker.since ?? options.today;
  const due = previous?.marker.due ?? (sla ? addDays(since, sla) : undefined);
  const component = componentOf(top);
  const secret = top.category === 'secrets';
  const name = top.rule?.shortDescription?.text && top.rule.shortDescription.text !== top.ruleId ? top.rule.shortDescription.text : top.ruleId;
  // The rule id: short, searchable, and the same words the PR comment and code scanning use.
  const title = plainTitle(`[${top.priority ?? 'P?'}] ${top.ruleId} in ${component}`);

  const lines: string[] = [];
  lines.push(
    `**${top.priority ?? ''}** · risk ${top.risk ?? '?'} · ${top.severity}${top.kev ? ' · **in CISA KEV**' : ''} · ${escapeMarkdown(top.tool, 60)} · ${markdownCode(top.ruleId)}${top.cwes.length ? ` · ${top.cwes.map((c) => escapeMarkdown(c, 20)).join(', ')}` : ''}`,
    '',
  );
  if (due) lines.push(`Fix by **${due}**${sla ? ` (${sla} days for ${top.priority})` : ''}; first seen ${since}.`, '');
  lines.push('### What', '');
  // A secret's message may still carry a masked fragment: tickets say only what kind of secret and where.
  lines.push(secret ? `A secret (${escapeMarkdown(name, 200)}) is committed in ${markdownCode(component)}. Its value is withheld; rotate it, then remove it from the code and history.` : escapeMarkdown(top.message, 1500), '');
  const factors = ((props['pipewarden/factors'] as { detail: string; points: number }[] | undefined) ?? []).filter((f) => f.detail);
  if (factors.length) {
    lines.push('### Why this risk', '');
    for (const factor of factors) lines.push(`- ${escapeMarkdown(factor.detail, 300)}${factor.points ? ` (${factor.points > 0 ? '+' : ''}${factor.points})` : ''}`);
    lines.push('');
  }
  const dast = props['pipewarden/dast'] as { url?: string; method?: string; parameter?: string; evidence?: string; request?: string } | undefined;
  if (dast?.url) {
    // What a developer replays to see it: the request that proved it, and what the scanner saw.
    lines.push('### The request that shows it', '');
    lines.push(codeBlock(dast.request ?? `${(dast.method ?? 'GET').toUpperCase()} ${dast.url}`));
    if (dast.parameter) lines.push(`Parameter: ${markdownCode(dast.parameter)}`);
    if (dast.evidence) lines.push(`Evidence: ${escapeMarkdown(dast.evidence, 500)}`);
    const others = (props['pipewarden/requests'] as string[] | undefined) ?? [];
    if (others.length) lines.push(`Also shown by ${others.length} other request${others.length === 1 ? '' : 's'} to the same route.`);
    lines.push('');
  }
  lines.push(`### Where (${members.length} place${members.length === 1 ? '' : 's'})`, '');
  for (const f of members.slice(0, MAX_PLACES)) lines.push(`- ${locationLink(f, options.links)}`);
  if (members.length > MAX_PLACES) lines.push(`- … and ${members.length - MAX_PLACES} more (see the run's report)`);
  lines.push('');
  const pkg = props['pipewarden/package'] as { name?: string; version?: string; fixedVersions?: string[] } | undefined;
  const help = top.rule?.help?.text ?? top.rule?.fullDescription?.text;
  const helpUri = httpUrl(top.rule?.helpUri);
  if (pkg?.fixedVersions?.length || help || helpUri) {
    lines.push('### How to fix', '');
    if (pkg?.name && pkg.fixedVersions?.length) lines.push(`Upgrade ${markdownCode(pkg.name)}${pkg.version ? ` from ${markdownCode(pkg.version)}` : ''} to ${pkg.fixedVersions.slice(0, 5).map((v) => markdownCode(v)).join(' or ')}.`, '');
    if (help && !secret) lines.push(escapeMarkdown(help, 2000), '');
    if (helpUri) lines.push(`More: <${helpUri}>`, '');
  }
  const fingerprints = members.map((f) => f.fingerprint).filter((f): f is string => Boolean(f));
  lines.push('<sub>Opened by Pipewarden. Every run updates this issue; it is closed when the finding is gone from the default branch and reopened if it comes back.</sub>');
  lines.push(writeMarker({ key, scanner: top.scanner, fingerprints: fingerprints.slice(0, 200), ...(due ? { due } : {}), since }));
  const labels = [...new Set(['pipewarden', `priority:${top.priority ?? 'none'}`, `severity:${top.severity}`, `scanner:${top.scanner}`, `category:${top.category}`, ...(options.labels ?? [])])];
  return { key, title, body: lines.join('\n'), labels, ...(due ? { dueDate: due } : {}), ...(top.priority ? { priority: top.priority } : {}), confidential: options.confidential ?? true };
}

function sameTicket(ticket: Ticket, draft: TicketDraft): boolean {
  return ticket.title === draft.title && ticket.body.trim() === draft.body.trim() && [...ticket.labels].sort().join('\n') === [...draft.labels].sort().join('\n');
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
  for (const ticket of [...existing].sort((a, b) => a.id - b.id)) if (!byKey.has(ticket.marker.key)) byKey.set(ticket.marker.key, ticket);

  const members = new Map<string, Finding[]>();
  for (const group of groupFindings(findings)) members.set(ticketKey(group.top), []);
  for (const finding of findings) if (!finding.suppressed) members.get(ticketKey(finding))?.push(finding);

  const plan: TicketPlan = { create: [], update: [], reopen: [], close: [], unchanged: 0, deferred: [] };
  for (const [key, list] of members) {
    const ticket = byKey.get(key);
    const draft = draftOf(list, ticket, options);
    if (ticket?.state === 'open') {
      if (sameTicket(ticket, draft)) plan.unchanged++;
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


