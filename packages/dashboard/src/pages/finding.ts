import type { Sighting, StoredDetail, StoredTicket } from '@pipewarden/store';
import type { RepositoryData, WaiverRow } from '../data.js';
import { externalLink, html, type Html } from '../html.js';
import type { TableSpec } from '../table.js';
import { repoLink } from './overview.js';
import { day, daysSince, type PageView } from './page.js';

function sightingsTable(sightings: readonly Sighting[], lines: RepositoryData['lines']): TableSpec<Sighting> {
  const pipelineOf = new Map(lines.map((line) => [line.time, line.pipeline]));
  return {
    id: 'runs',
    caption: 'Every run that named it',
    rows: sightings,
    defaultSort: { key: 'time', dir: 'desc' },
    limit: 200,
    columns: [
      { key: 'time', label: 'When', value: (s) => s.time, cell: (s) => html`${s.time.slice(0, 16).replace('T', ' ')}` },
      { key: 'kind', label: 'As', value: (s) => s.kind },
      { key: 'priority', label: 'Priority', value: (s) => s.priority },
      { key: 'stage', label: 'Stage', value: (s) => s.stage },
      { key: 'branch', label: 'Branch', value: (s) => s.branch },
      { key: 'commit', label: 'Commit', value: (s) => s.commit, cell: (s) => html`<code>${s.commit?.slice(0, 12) ?? ''}</code>` },
      { key: 'verdict', label: 'Verdict', value: (s) => s.verdict, cell: (s) => html`<span class="verdict ${s.verdict}">${s.verdict}</span>` },
      { key: 'pipeline', label: 'Pipeline', value: (s) => s.pipeline ?? pipelineOf.get(s.time), cell: (s) => externalLink(s.pipeline ?? pipelineOf.get(s.time), 'pipeline') },
    ],
  };
}

function factorsTable(detail: StoredDetail | undefined): TableSpec<StoredDetail['factors'][number]> {
  return {
    id: 'factors',
    caption: 'Risk factors',
    rows: detail?.factors ?? [],
    empty: 'The runs recorded no risk factors for it.',
    columns: [
      { key: 'factor', label: 'Factor', value: (f) => f.factor },
      { key: 'detail', label: 'Detail', value: (f) => f.detail },
      { key: 'points', label: 'Points', value: (f) => f.points, numeric: true },
    ],
  };
}

const TICKET_STATES = { open: 'open', closed: 'closed', accepted: 'closed as accepted (waives it)' } as const;

/** The ticket the runs recorded; the acceptance in force wins, since it is what the gate honours now. */
function ticketFact(fp: string, waiver: WaiverRow | undefined, ticket: StoredTicket | undefined): Html {
  if (waiver?.ref.ticket) return html`<span data-ticket>${externalLink(waiver.ref.ticket)}: accepted by ${waiver.ref.owner ?? 'unknown'} until ${waiver.ref.expires ?? '(no date)'}</span>`;
  if (ticket) return html`<span data-ticket>${ticket.url ? externalLink(ticket.url, ticket.id) : ticket.id}: ${TICKET_STATES[ticket.state]} as of ${day(ticket.time)}</span>`;
  return html`No run recorded a ticket for it. Tickets carry the fingerprint in a hidden marker: search the tracker for <code>${fp}</code>.`;
}

function waiverFact(waiver: WaiverRow | undefined): Html | string {
  if (!waiver) return 'none';
  const how = waiver.ref.ticket ? html`accepted on ${externalLink(waiver.ref.ticket, 'its ticket')}, ` : '';
  return html`${how}until ${waiver.ref.expires ?? '(no date)'}${waiver.ref.owner ? html`, ${waiver.ref.ticket ? 'closed by' : 'owner'} ${waiver.ref.owner}` : ''}`;
}

export function findingPage(data: RepositoryData, fp: string, sightings: readonly Sighting[], detail: StoredDetail | undefined, today: string, ticket?: StoredTicket): PageView {
  const open = data.open.find((f) => f.ref.fp === fp);
  const waiver = data.waivers.find((w) => w.ref.fp === fp);
  const latest = sightings.at(-1)!;
  const ref = open?.ref ?? waiver?.ref ?? data.lines.flatMap((l) => [...l.findings.new, ...l.findings.fixed, ...l.findings.waived]).findLast((r) => r.fp === fp);
  const rule = ref?.r ?? fp;
  const first = open?.since ?? sightings.map((s) => s.first ?? s.time).sort()[0];
  const fixed = !open && !waiver ? sightings.filter((s) => s.kind === 'fixed').at(-1) : undefined;
  const state = open
    ? html`<span class="prio ${open.ref.p}">${open.ref.p}</span> open for ${open.ageDays ?? '?'} days, ${open.breached ? html`<span class="bad">past its SLA of ${open.slaDays} days</span>` : html`within its SLA of ${open.slaDays} days`}`
    : waiver
      ? html`${waiver.ref.ticket ? 'accepted' : 'waived'}${waiver.ref.owner ? html` by ${waiver.ref.owner}` : ''}${waiver.ref.expires ? html` until ${waiver.ref.expires} (${-daysSince(`${waiver.ref.expires}T23:59:59.999Z`, today)} days left)` : ''}`
      : fixed
        ? html`fixed on ${day(fixed.time)}`
        : html`not open on the default branch (last named ${day(latest.time)} on ${latest.branch ?? latest.stage})`;
  const runs = sightingsTable(sightings, data.lines);
  const factors = factorsTable(detail);
  return {
    title: rule,
    current: '/repositories',
    tables: [runs, factors],
    body: (table) => html`
<dl class="facts">
<dt>Repository</dt><dd>${repoLink(data.repo)}</dd>
<dt>State</dt><dd data-state>${state}</dd>
<dt>Message</dt><dd class="message" data-message>${detail?.message ?? '(no run recorded a message for it)'}</dd>
<dt>Where</dt><dd><code>${detail?.location ?? '(unknown)'}</code></dd>
<dt>Risk score</dt><dd>${detail?.risk ?? '–'}</dd>
<dt>Category · scanner</dt><dd>${ref?.c ?? ''} · ${ref?.s ?? ''}</dd>
<dt>First seen</dt><dd>${day(first)}</dd>
<dt>Waiver</dt><dd>${waiverFact(waiver)}</dd>
<dt>Ticket</dt><dd>${ticketFact(fp, waiver, ticket)}</dd>
<dt>Fingerprint</dt><dd><code>${fp}</code></dd>
</dl>
${table(factors)}
${table(runs)}
`,
  };
}
