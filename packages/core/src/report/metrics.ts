import { randomBytes } from 'node:crypto';
import { PRIORITIES } from '../finding.js';
import { escapeHtml, escapeMarkdown, markdownCode } from './escape.js';
import { PRIORITY_COLORS, STYLE, barChart, trendChart } from './html.js';
import { WAIVER_AGE_BUCKETS, type Metrics } from '../history/metrics.js';

const e = escapeHtml;
const days = (n: number | null) => (n === null ? '–' : `${n} d`);
const percent = (n: number | null) => (n === null ? '–' : `${n}%`);

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  if (!rows.length) return '_none_\n';
  return `| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`;
}

/** The figures as Markdown tables (a job summary, an MR note, a wiki page). */
export function renderMetricsMarkdown(m: Metrics): string {
  const b = m.beforeProduction;
  const out = [
    `# Security metrics, ${m.today}`,
    '',
    `${m.repos.length} repositor${m.repos.length === 1 ? 'y' : 'ies'} (${m.repos.map((r) => escapeMarkdown(r)).join(', ')}), ${m.runs} run${m.runs === 1 ? '' : 's'}${m.from ? ` from ${m.from.slice(0, 10)} to ${m.to!.slice(0, 10)}` : ''}.`,
    '',
    `**Caught before production: ${b.caught}** (${percent(b.caughtPercent)}) · reached the default branch: ${b.reachedDefault} · found in production: ${b.foundInProduction} · still on a branch: ${b.pending}`,
    '',
    `**Open on the default branch: ${m.open.total}** (${PRIORITIES.map((p) => `${p} ${m.open.byPriority[p]}`).join(', ')}) · **SLA breaches: ${m.sla.breaches}**`,
    '',
    '## Per week',
    '',
    table(['Week of', 'Introduced', 'Fixed', 'Caught before production', 'Found in production'], m.weeks.map((w) => [w.start, w.introduced, w.fixed, w.caught, w.foundInProduction])),
    '## Time to fix',
    '',
    table(['Priority', 'Fixed', 'Mean', 'Median', 'SLA', 'Open', 'Past SLA'], PRIORITIES.map((p) => [p, m.timeToFix[p].fixed, days(m.timeToFix[p].meanDays), days(m.timeToFix[p].medianDays), `${m.sla.days[p]} d`, m.open.byPriority[p], m.sla.byPriority[p]])),
  ];
  if (m.sla.oldest.length) {
    out.push('## Past their SLA', '', table(['Repository', 'Priority', 'Rule', 'Scanner', 'Age', 'SLA', 'Fingerprint'], m.sla.oldest.map((x) => [escapeMarkdown(x.repo), x.priority, markdownCode(x.rule), escapeMarkdown(x.scanner), `${x.ageDays} d`, `${x.slaDays} d`, markdownCode(x.fingerprint.slice(0, 16))])));
  }
  out.push('## Waivers by age', '', table([...WAIVER_AGE_BUCKETS.map((k) => `${k} d`), 'Expiring in 14 days'], [[...WAIVER_AGE_BUCKETS.map((k) => m.waivers.byAge[k]), m.waivers.expiringSoon]]));
  if (m.scanners.length) out.push('## Scanners', '', table(['Scanner', 'Runs', 'Failed', 'Median time'], m.scanners.map((s) => [escapeMarkdown(s.id), s.runs, s.failed, s.medianMs === null ? '–' : `${(s.medianMs / 1000).toFixed(1)} s`])));
  if (m.images.length) out.push('## Images and their bases', '', table(['Base', 'Base digest', 'Image', 'Digest', 'Repository', 'Built'], m.images.map((i) => [escapeMarkdown(i.base ?? 'unknown'), i.baseDigest ? markdownCode(i.baseDigest.slice(0, 19)) : '–', escapeMarkdown(i.names.join(', ') || '–'), markdownCode(i.digest.slice(0, 19)), escapeMarkdown(i.repo), i.time.slice(0, 10)])));
  return `${out.join('\n')}\n`;
}

/** Introduced and fixed per week as paired columns, inline SVG. */
function weeklyChart(m: Metrics): string {
  const weeks = m.weeks;
  if (!weeks.length) return '';
  const max = Math.max(1, ...weeks.flatMap((w) => [w.introduced, w.fixed]));
  const slot = Math.max(14, Math.min(40, Math.floor(560 / weeks.length)));
  const w = 40 + weeks.length * slot;
  const h = 170;
  const y = (n: number) => h - 24 - (n / max) * (h - 44);
  const bars = weeks
    .map((week, i) => {
      const x = 36 + i * slot;
      const bw = Math.max(4, Math.floor(slot / 2) - 2);
      return `<rect x="${x}" y="${y(week.introduced).toFixed(1)}" width="${bw}" height="${(h - 24 - y(week.introduced)).toFixed(1)}" fill="#d9480f"><title>${e(week.start)}: ${week.introduced} introduced</title></rect><rect x="${x + bw + 1}" y="${y(week.fixed).toFixed(1)}" width="${bw}" height="${(h - 24 - y(week.fixed)).toFixed(1)}" fill="#1f7a3f"><title>${e(week.start)}: ${week.fixed} fixed</title></rect>`;
    })
    .join('');
  const labels = `<text x="36" y="${h - 6}" class="label">${e(weeks[0]!.start)}</text><text x="${w - 4}" y="${h - 6}" class="label" text-anchor="end">${e(weeks.at(-1)!.start)}</text><text x="0" y="${y(max) + 4}" class="label">${max}</text>`;
  return `<figure class="chart wide"><figcaption>Per week: introduced (orange) and fixed (green) on the default branches</figcaption><svg role="img" aria-label="introduced and fixed per week" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${bars}${labels}</svg></figure>`;
}

function htmlTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (!rows.length) return '<p class="muted">none</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** One self-contained page (no script, nothing fetched) with the figures and their trend charts. */
export function renderMetricsHtml(m: Metrics): string {
  const nonce = randomBytes(16).toString('base64');
  const b = m.beforeProduction;
  const cards = [
    [`${b.caught}`, `caught before production (${percent(b.caughtPercent)})`],
    [`${b.reachedDefault}`, 'reached the default branch'],
    [`${b.foundInProduction}`, 'found in production'],
    [`${m.open.total}`, 'open now'],
    [`${m.sla.breaches}`, 'past their SLA'],
    [`${m.waivers.total}`, 'waived'],
  ]
    .map(([n, label]) => `<div class="card"><b>${e(n!)}</b><span>${e(label!)}</span></div>`)
    .join('');
  const charts = [
    weeklyChart(m),
    trendChart(m.trend),
    barChart('Open by priority', PRIORITIES.map((p) => [p, m.open.byPriority[p]] as [string, number]), (label) => PRIORITY_COLORS[label] ?? '#3b5bdb'),
    barChart('Waivers by age (days)', WAIVER_AGE_BUCKETS.map((k) => [k, m.waivers.byAge[k]] as [string, number]), () => '#0b7285'),
  ].join('');
  const weeks = htmlTable(['Week of', 'Introduced', 'Fixed', 'Caught before production', 'Found in production'], m.weeks.map((w) => [e(w.start), `${w.introduced}`, `${w.fixed}`, `${w.caught}`, `${w.foundInProduction}`]));
  const ttf = htmlTable(['Priority', 'Fixed', 'Mean', 'Median', 'SLA', 'Open', 'Past SLA'], PRIORITIES.map((p) => [`<span class="badge ${p}">${p}</span>`, `${m.timeToFix[p].fixed}`, days(m.timeToFix[p].meanDays), days(m.timeToFix[p].medianDays), `${m.sla.days[p]} d`, `${m.open.byPriority[p]}`, `${m.sla.byPriority[p]}`]));
  const breaches = htmlTable(['Repository', 'Priority', 'Rule', 'Scanner', 'Age', 'SLA', 'Fingerprint'], m.sla.oldest.map((x) => [e(x.repo), e(x.priority), `<code>${e(x.rule)}</code>`, e(x.scanner), `${x.ageDays} d`, `${x.slaDays} d`, `<code>${e(x.fingerprint.slice(0, 16))}</code>`]));
  const images = htmlTable(['Base', 'Base digest', 'Image', 'Digest', 'Repository', 'Built'], m.images.map((i) => [e(i.base ?? 'unknown'), `<code>${e(i.baseDigest?.slice(0, 19) ?? '–')}</code>`, e(i.names.join(', ') || '–'), `<code>${e(i.digest.slice(0, 19))}</code>`, e(i.repo), e(i.time.slice(0, 10))]));
  const scanners = htmlTable(['Scanner', 'Runs', 'Failed', 'Median time'], m.scanners.map((s) => [e(s.id), `${s.runs}`, `${s.failed}`, s.medianMs === null ? '–' : `${(s.medianMs / 1000).toFixed(1)} s`]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Pipewarden metrics, ${e(m.today)}</title>
<style nonce="${nonce}">${STYLE}header{background:#243b53}</style></head>
<body>
<header><h1>Security metrics</h1><p>${m.repos.length} repositor${m.repos.length === 1 ? 'y' : 'ies'} · ${m.runs} runs${m.from ? ` · ${e(m.from.slice(0, 10))} to ${e(m.to!.slice(0, 10))}` : ''} · as of ${e(m.today)}</p></header>
<main>
<section><div class="cards">${cards}</div></section>
<section><div class="charts">${charts}</div></section>
<section><h2>Per week</h2>${weeks}</section>
<section><h2>Time to fix and SLA</h2>${ttf}</section>
<section><h2>Past their SLA</h2>${breaches}</section>
<section><h2>Images and their bases</h2>${images}</section>
<section><h2>Scanners</h2>${scanners}</section>
<p class="muted small">Pipewarden metrics (docs/metrics.md); this page loads nothing from the network.</p>
</main>
</body></html>
`;
}
