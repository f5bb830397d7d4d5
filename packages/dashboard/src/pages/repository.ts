import { PRIORITIES, type HistoryLine, type OpenFinding } from '@pipewarden/core';
import type { StoredDetail } from '@pipewarden/store';
import { bars } from '../charts.js';
import type { RepositoryData, WaiverRow } from '../data.js';
import { externalLink, html } from '../html.js';
import type { TableSpec } from '../table.js';
import { filterForm, type FindingFilter } from './filters.js';
import { findingLink } from './overview.js';
import { day, daysSince, type PageView } from './page.js';

type Row = OpenFinding & { detail?: StoredDetail | undefined };

function matches(row: Row, filter: FindingFilter): boolean {
  if (filter.priority && row.ref.p !== filter.priority) return false;
  if (filter.category && row.ref.c !== filter.category) return false;
  if (filter.scanner && row.ref.s !== filter.scanner) return false;
  // "New since": first detected on or after that day; a finding of unknown age is not new.
  if (filter.since && !(row.since && row.since.slice(0, 10) >= filter.since)) return false;
  if (filter.q) {
    const needle = filter.q.toLowerCase();
    if (![row.ref.r, row.detail?.location, row.detail?.message].some((text) => text?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

export function findingsTable(data: RepositoryData, filter: FindingFilter): TableSpec<Row> {
  const rows = data.open.map((f) => ({ ...f, detail: data.details.get(f.ref.fp) })).filter((row) => matches(row, filter));
  return {
    id: 'findings',
    caption: `Open findings (${rows.length}${rows.length !== data.open.length ? ` of ${data.open.length}` : ''})`,
    rows,
    limit: 500,
    defaultSort: { key: 'priority', dir: 'asc' },
    empty: data.open.length ? 'No open finding matches these filters.' : 'Nothing is open on the default branch.',
    columns: [
      { key: 'priority', label: 'Priority', value: (r) => r.ref.p, cell: (r) => html`<span class="prio ${r.ref.p}">${r.ref.p}</span>` },
      { key: 'rule', label: 'Rule', value: (r) => r.ref.r, cell: (r) => findingLink(data.repo, r.ref.fp, r.ref.r) },
      { key: 'message', label: 'Message', value: (r) => r.detail?.message, cell: (r) => html`<span class="message">${r.detail?.message ?? ''}</span>` },
      { key: 'location', label: 'Where', value: (r) => r.detail?.location, cell: (r) => html`<code>${r.detail?.location ?? ''}</code>` },
      { key: 'category', label: 'Category', value: (r) => r.ref.c },
      { key: 'scanner', label: 'Scanner', value: (r) => r.ref.s },
      { key: 'risk', label: 'Risk', value: (r) => r.detail?.risk, numeric: true },
      { key: 'first', label: 'First seen', value: (r) => r.since, cell: (r) => html`${day(r.since)}` },
      { key: 'age', label: 'Age (days)', value: (r) => r.ageDays, numeric: true },
      { key: 'sla', label: 'SLA', value: (r) => (r.breached ? 'breached' : r.ageDays === undefined ? '' : `${r.slaDays - r.ageDays} days left`), cell: (r) => (r.breached ? html`<span class="bad">past (${r.slaDays} days)</span>` : html`${r.ageDays === undefined ? '' : `${r.slaDays - r.ageDays} days left`}`) },
    ],
  };
}

export function waiversTable(id: string, caption: string, rows: readonly WaiverRow[], today: string, showRepo: boolean, details?: Map<string, StoredDetail>): TableSpec<WaiverRow> {
  const left = (w: WaiverRow) => (w.ref.expires ? -daysSince(`${w.ref.expires}T23:59:59.999Z`, today) : undefined);
  return {
    id,
    caption,
    rows,
    defaultSort: { key: 'expires', dir: 'asc' },
    empty: 'No waiver is in force.',
    columns: [
      ...(showRepo ? [{ key: 'repo', label: 'Repository', value: (w: WaiverRow) => w.repo }] : []),
      { key: 'owner', label: 'Owner', value: (w) => w.ref.owner },
      // A ticket closed as won't fix / not planned waives like a config waiver; its owner is who closed it.
      { key: 'by', label: 'Waived by', value: (w) => w.ref.ticket ?? 'config waiver', cell: (w) => (w.ref.ticket ? html`accepted ticket ${externalLink(w.ref.ticket)}` : html`config waiver`) },
      { key: 'rule', label: 'Rule', value: (w) => w.ref.r, cell: (w) => findingLink(w.repo, w.ref.fp, w.ref.r) },
      ...(details ? [{ key: 'where', label: 'Where', value: (w: WaiverRow) => details.get(w.ref.fp)?.location }] : []),
      { key: 'priority', label: 'Priority', value: (w) => w.ref.p },
      { key: 'scanner', label: 'Scanner', value: (w) => w.ref.s },
      { key: 'expires', label: 'Expires', value: (w) => w.ref.expires },
      { key: 'left', label: 'Days left', value: left, numeric: true },
    ],
  };
}

function runsTable(data: RepositoryData): TableSpec<HistoryLine> {
  // The last five runs of each stage: what each pipeline stage said lately.
  const byStage = new Map<string, HistoryLine[]>();
  for (const line of data.lines) byStage.set(line.stage, [...(byStage.get(line.stage) ?? []), line].slice(-5));
  const rows = [...byStage.values()].flat();
  return {
    id: 'runs',
    caption: 'Last runs per stage',
    rows,
    defaultSort: { key: 'time', dir: 'desc' },
    columns: [
      { key: 'time', label: 'When', value: (l) => l.time, cell: (l) => html`${l.time.slice(0, 16).replace('T', ' ')}` },
      { key: 'stage', label: 'Stage', value: (l) => l.stage },
      { key: 'branch', label: 'Branch', value: (l) => l.branch },
      { key: 'commit', label: 'Commit', value: (l) => l.commit, cell: (l) => html`<code>${l.commit?.slice(0, 12) ?? ''}</code>` },
      { key: 'verdict', label: 'Verdict', value: (l) => l.verdict, cell: (l) => html`<span class="verdict ${l.verdict}">${l.verdict}</span>` },
      { key: 'new', label: 'New', value: (l) => l.new, numeric: true },
      { key: 'fixed', label: 'Fixed', value: (l) => l.fixed, numeric: true },
      { key: 'waived', label: 'Waived', value: (l) => l.waived, numeric: true },
      { key: 'pipeline', label: 'Pipeline', value: (l) => l.pipeline, cell: (l) => externalLink(l.pipeline, 'pipeline') },
    ],
  };
}

function scannersTable(data: RepositoryData): TableSpec<RepositoryData['metrics']['scanners'][number]> {
  const rate = (s: { runs: number; failed: number }) => Math.round((s.failed / (s.runs + s.failed)) * 1000) / 10;
  return {
    id: 'scanners',
    caption: 'Scanners',
    rows: data.metrics.scanners,
    columns: [
      { key: 'id', label: 'Scanner', value: (s) => s.id },
      { key: 'runs', label: 'Ran', value: (s) => s.runs, numeric: true },
      { key: 'failed', label: 'Failed', value: (s) => s.failed, numeric: true },
      { key: 'rate', label: 'Failure rate (%)', value: rate, numeric: true },
      { key: 'median', label: 'Median time (ms)', value: (s) => s.medianMs ?? undefined, numeric: true },
    ],
  };
}

export function repositoryPage(data: RepositoryData, filter: FindingFilter, today: string): PageView {
  const m = data.metrics;
  const findings = findingsTable(data, filter);
  const waivers = waiversTable('waivers', 'Waivers in force', data.waivers, today, false, data.details);
  const runs = runsTable(data);
  const scanners = scannersTable(data);
  const scannerIds = [...new Set(data.open.map((f) => f.ref.s))].sort();
  return {
    title: data.repo,
    current: '/repositories',
    tables: [findings, waivers, scanners, runs],
    body: (table) => html`
<section class="figures">
<div class="figure"><span class="value" data-figure="open.total">${m.open.total}</span><span class="label">open findings</span><span class="note">${PRIORITIES.map((p) => html`<span class="prio ${p}">${p} <b>${m.open.byPriority[p]}</b></span> `)}</span></div>
<div class="figure"><span class="value" data-figure="sla.breaches">${m.sla.breaches}</span><span class="label">past their SLA</span></div>
<div class="figure"><span class="value">${m.beforeProduction.caughtPercent === null ? '–' : `${m.beforeProduction.caughtPercent} %`}</span><span class="label">caught before production</span></div>
<div class="figure"><span class="value">${m.waivers.total}</span><span class="label">waivers</span><span class="note">${m.waivers.expiringSoon} expire within 14 days</span></div>
</section>
<div class="charts">
${bars(
  'Open on the default branch, end of week',
  m.trend.map((t) => t.date),
  PRIORITIES.map((p) => ({ label: p, kind: `s-${p}`, values: m.trend.map((t) => t.byPriority[p] ?? 0) })),
)}
${bars('Introduced and fixed per week', m.weeks.map((w) => w.start), [
  { label: 'introduced', kind: 's-bad', values: m.weeks.map((w) => w.introduced) },
  { label: 'fixed', kind: 's-good', values: m.weeks.map((w) => w.fixed) },
])}
</div>
${filterForm('/repository', { repo: data.repo }, filter, scannerIds)}
${table(findings)}
${table(waivers)}
${table(scanners)}
${table(runs)}
`,
  };
}
