import { PRIORITIES } from '@pipewarden/core';
import { bars, lines } from '../charts.js';
import type { Overview, OverviewSnapshot, RepoSummary } from '../data.js';
import { href, html, type Html } from '../html.js';
import type { TableSpec } from '../table.js';
import { day, type PageView } from './page.js';

const pct = (n: number | null) => (n === null ? '–' : `${n} %`);

/** A figure with its name; `data-figure` names the metrics JSON field it shows (the tests compare them). */
function figure(label: string, value: string | number, field: string, note?: Html | string): Html {
  return html`<div class="figure"><span class="value" data-figure="${field}">${value}</span><span class="label">${label}</span>${note ? html`<span class="note">${note}</span>` : ''}</div>`;
}

export const repoLink = (repo: string) => html`<a href="${href('/repository', { repo })}">${repo}</a>`;
export const findingLink = (repo: string, fp: string, text: string) => html`<a href="${href('/finding', { repo, fp })}">${text}</a>`;

/** Riskiest first: late findings, then the most urgent open ones. */
function riskOrder(a: RepoSummary, b: RepoSummary): number {
  if (a.breaches !== b.breaches) return b.breaches - a.breaches;
  for (const p of PRIORITIES) if (a.open[p] !== b.open[p]) return b.open[p] - a.open[p];
  return a.repo.localeCompare(b.repo);
}

export function repositoriesTable(overview: Overview, id: string, caption: string, limit?: number): TableSpec<RepoSummary & { rank: number }> {
  const ranked = [...overview.repos].sort(riskOrder).map((repo, index) => ({ ...repo, rank: index + 1 }));
  return {
    id,
    caption,
    rows: ranked,
    limit,
    defaultSort: { key: 'rank', dir: 'asc' },
    columns: [
      { key: 'rank', label: 'Rank', value: (r) => r.rank, numeric: true },
      { key: 'repo', label: 'Repository', value: (r) => r.repo, cell: (r) => repoLink(r.repo) },
      { key: 'breaches', label: 'SLA breaches', value: (r) => r.breaches, numeric: true },
      ...PRIORITIES.map((p) => ({ key: p, label: `${p} open`, value: (r: RepoSummary) => r.open[p], numeric: true })),
      { key: 'open', label: 'Open', value: (r) => r.openTotal, numeric: true },
      { key: 'runs', label: 'Runs', value: (r) => r.runs, numeric: true },
      { key: 'last', label: 'Last run', value: (r) => r.last?.time, cell: (r) => html`${day(r.last?.time)} ${r.last ? html`<span class="verdict ${r.last.verdict}">${r.last.stage} ${r.last.verdict}</span>` : ''}` },
    ],
  };
}

export function overviewPage(snapshot: OverviewSnapshot): PageView {
  const { overview } = snapshot;
  const m = overview.metrics;
  const asOf = `${snapshot.computedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const weeks = m.weeks.map((w) => w.start);
  const rate = m.weeks.map((w) => {
    const all = w.caught + w.introduced + w.foundInProduction;
    return all ? Math.round((w.caught / all) * 1000) / 10 : 0;
  });
  const riskiest = repositoriesTable(overview, 'riskiest', 'Riskiest repositories', 20);
  const ttf: TableSpec<(typeof PRIORITIES)[number]> = {
    id: 'time-to-fix',
    caption: 'Time to fix, by priority',
    rows: PRIORITIES,
    columns: [
      { key: 'priority', label: 'Priority', value: (p) => p },
      { key: 'fixed', label: 'Fixed', value: (p) => m.timeToFix[p].fixed, numeric: true },
      { key: 'mean', label: 'Mean days', value: (p) => m.timeToFix[p].meanDays ?? undefined, numeric: true },
      { key: 'median', label: 'Median days', value: (p) => m.timeToFix[p].medianDays ?? undefined, numeric: true },
      { key: 'sla', label: 'SLA days', value: (p) => m.sla.days[p], numeric: true },
      { key: 'breaches', label: 'Open past SLA', value: (p) => m.sla.byPriority[p], numeric: true },
    ],
  };
  const breaches: TableSpec<(typeof m.sla.oldest)[number]> = {
    id: 'breaches',
    caption: 'Furthest past their SLA',
    rows: m.sla.oldest,
    empty: 'No open finding is past its SLA.',
    columns: [
      { key: 'priority', label: 'Priority', value: (b) => b.priority },
      { key: 'repo', label: 'Repository', value: (b) => b.repo, cell: (b) => repoLink(b.repo) },
      { key: 'rule', label: 'Rule', value: (b) => b.rule, cell: (b) => findingLink(b.repo, b.fingerprint, b.rule) },
      { key: 'scanner', label: 'Scanner', value: (b) => b.scanner },
      { key: 'age', label: 'Age (days)', value: (b) => b.ageDays, numeric: true },
      { key: 'sla', label: 'SLA (days)', value: (b) => b.slaDays, numeric: true },
    ],
  };
  const weekly: TableSpec<(typeof m.weeks)[number]> = {
    id: 'weeks',
    caption: 'Week by week',
    rows: m.weeks,
    defaultSort: { key: 'start', dir: 'desc' },
    columns: [
      { key: 'start', label: 'Week of', value: (w) => w.start },
      { key: 'introduced', label: 'Introduced', value: (w) => w.introduced, numeric: true },
      { key: 'fixed', label: 'Fixed', value: (w) => w.fixed, numeric: true },
      { key: 'caught', label: 'Caught before production', value: (w) => w.caught, numeric: true },
      { key: 'production', label: 'Found in production', value: (w) => w.foundInProduction, numeric: true },
    ],
  };
  const bp = m.beforeProduction;
  return {
    title: 'Security overview',
    current: '/',
    tables: [riskiest, ttf, breaches, weekly],
    body: (table) => html`
<p class="lede">${m.repos.length} repositories, ${m.runs} runs${m.from ? html` from ${day(m.from)} to ${day(m.to)}` : ''}. The figures are those of <code>pipewarden metrics</code> (definitions: docs/metrics.md), computed at <span data-computed>${asOf}</span>${snapshot.updating ? html` <span class="note">(runs were added since: newer figures are being computed; reload in a moment)</span>` : ''}.</p>
<section class="figures">
${figure('open findings', m.open.total, 'open.total', html`${PRIORITIES.map((p) => html`<span class="prio ${p}">${p} <b data-figure="open.byPriority.${p}">${m.open.byPriority[p]}</b></span> `)}`)}
${figure('past their SLA', m.sla.breaches, 'sla.breaches', html`${PRIORITIES.map((p) => html`<span class="prio ${p}">${p} <b data-figure="sla.byPriority.${p}">${m.sla.byPriority[p]}</b></span> `)}`)}
${figure('caught before production', pct(bp.caughtPercent), 'beforeProduction.caughtPercent', html`<span data-figure="beforeProduction.caught">${bp.caught}</span> caught, <span data-figure="beforeProduction.reachedDefault">${bp.reachedDefault}</span> reached the default branch, <span data-figure="beforeProduction.foundInProduction">${bp.foundInProduction}</span> found in production, <span data-figure="beforeProduction.pending">${bp.pending}</span> pending`)}
${figure('waivers', m.waivers.total, 'waivers.total', html`<a href="/waivers"><span data-figure="waivers.expiringSoon">${m.waivers.expiringSoon}</span> expire within 14 days</a>`)}
</section>
<div class="charts">
${bars('Introduced and fixed per week', weeks, [
  { label: 'introduced', kind: 's-bad', values: m.weeks.map((w) => w.introduced) },
  { label: 'fixed', kind: 's-good', values: m.weeks.map((w) => w.fixed) },
])}
${lines('Caught before production, per week', weeks, [{ label: 'caught / (caught + introduced + found in production)', kind: 's-good', values: rate }], '%')}
${bars(
  'Open on default branches, end of week',
  m.trend.map((t) => t.date),
  PRIORITIES.map((p) => ({ label: p, kind: `s-${p}`, values: m.trend.map((t) => t.byPriority[p] ?? 0) })),
)}
</div>
${table(riskiest)}
<p class="more"><a href="/repositories">All ${overview.repos.length} repositories</a></p>
${table(ttf)}
${table(breaches)}
${table(weekly)}
`,
  };
}
