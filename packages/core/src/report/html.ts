import { PROP, prop } from '../sarif/props.js';
import { findingCount } from '../model/scanner-run.js';
import { randomBytes } from 'node:crypto';
import { CATEGORIES, PRIORITIES, whereOf, type Finding } from '../finding.js';
import { describeWaiver } from '../policy/waivers.js';
import { sortByRisk } from '../risk/prioritize.js';
import { escapeHtml } from './escape.js';
import { describeOmissions } from './github-sarif.js';
import { REPORT_SCHEMA_VERSION } from './json.js';
import type { HistoryPoint } from '../model/provenance.js';
import type { SummaryInput } from './summary.js';
import { linesUrl } from './review.js';
import { describeRanges } from '../review/lines.js';

export type { HistoryPoint } from '../model/provenance.js';

export interface HtmlReportInput extends SummaryInput {
  generatedAt?: Date | undefined;
  commit?: string | undefined;
}

/** Beyond this many rows a browser gets slow; the rest is in report.json and results.sarif. */
export const HTML_MAX_ROWS = 10_000;

export const PRIORITY_COLORS: Record<string, string> = { P0: '#b00020', P1: '#d9480f', P2: '#e8a200', P3: '#3b7dd8', P4: '#6c757d' };
const BAR_COLOR = '#3b5bdb';

const e = escapeHtml;

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>"']+$/i.test(url) ? url.replace(/\/+$/, '') : undefined;
}

/** A horizontal bar chart as inline SVG: no script, no library, prints and works offline. */
export function barChart(title: string, data: readonly [string, number][], color: (label: string) => string): string {
  const rows = data.filter(([, n]) => n > 0);
  if (!rows.length) return `<figure class="chart"><figcaption>${e(title)}</figcaption><p class="muted">none</p></figure>`;
  const max = Math.max(...rows.map(([, n]) => n));
  const height = rows.length * 26 + 4;
  const bars = rows
    .map(([label, n], i) => {
      const width = Math.max(2, Math.round((n / max) * 200));
      const y = i * 26 + 4;
      return `<text x="0" y="${y + 15}" class="label">${e(label.length > 22 ? `${label.slice(0, 21)}…` : label)}</text><rect x="150" y="${y}" width="${width}" height="20" rx="3" fill="${color(label)}"><title>${e(label)}: ${n}</title></rect><text x="${156 + width}" y="${y + 15}" class="value">${n}</text>`;
    })
    .join('');
  return `<figure class="chart"><figcaption>${e(title)}</figcaption><svg role="img" aria-label="${e(title)}" viewBox="0 0 420 ${height}" width="420" height="${height}">${bars}</svg></figure>`;
}

/** Open findings by priority over the given runs and this one, as stacked lines. */
export function trendChart(history: readonly HistoryPoint[], now?: HistoryPoint): string {
  const points = [...history, ...(now ? [now] : [])].slice(-30);
  if (points.length < 2) return '';
  const totals = points.map((p) => PRIORITIES.reduce((n, k) => n + (p.byPriority[k] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const w = 420;
  const h = 160;
  const x = (i: number) => 30 + (i * (w - 40)) / (points.length - 1);
  const y = (n: number) => h - 20 - (n / max) * (h - 40);
  const lines = PRIORITIES.map((priority) => {
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.byPriority[priority] ?? 0).toFixed(1)}`).join(' ');
    return `<path d="${path}" fill="none" stroke="${PRIORITY_COLORS[priority]}" stroke-width="2"><title>${priority}</title></path>`;
  }).join('');
  const total = `<path d="${totals.map((n, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(n).toFixed(1)}`).join(' ')}" fill="none" stroke="#222" stroke-dasharray="4 3" stroke-width="1.5"><title>total</title></path>`;
  const labels = `<text x="30" y="${h - 4}" class="label">${e(points[0]!.date.slice(0, 10))}</text><text x="${w - 10}" y="${h - 4}" class="label" text-anchor="end">${e(points.at(-1)!.date.slice(0, 10))}</text><text x="0" y="${y(max) + 4}" class="label">${max}</text>`;
  return `<figure class="chart wide"><figcaption>Trend: open findings by priority (dashed: total)</figcaption><svg role="img" aria-label="trend" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${lines}${total}${labels}</svg></figure>`;
}

function countBy<K extends string>(findings: readonly Finding[], key: (f: Finding) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function locationCell(f: Finding, blob: string | undefined): string {
  const where = whereOf(f);
  const uri = f.location?.uri;
  if (!blob || !uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return `<code>${e(where)}</code>`;
  const href = `${blob}/${uri}${f.location?.startLine ? `#L${f.location.startLine}` : ''}`;
  return `<a href="${e(href)}" rel="noopener noreferrer"><code>${e(where)}</code></a>`;
}

function factorsCell(f: Finding): string {
  const factors = (f.result.properties?.[PROP.factors] as { factor: string; detail: string; points: number }[] | undefined) ?? [];
  if (!factors.length) return '';
  return `<details><summary>${factors.length} factor${factors.length === 1 ? '' : 's'}</summary><ul>${factors.map((x) => `<li>${e(x.detail)}${x.points ? ` <span class="muted">(${x.points > 0 ? '+' : ''}${x.points})</span>` : ''}</li>`).join('')}</ul></details>`;
}

function findingRow(f: Finding, blob: string | undefined): string {
  const state = f.suppressed ? 'waived' : (f.result.baselineState ?? 'open');
  const tools = prop(f.result.properties, PROP.tools) ?? [f.tool];
  const waiver = f.suppressed ? (f.result.suppressions ?? []).map((s) => s.justification ?? '').filter(Boolean).join('; ') : '';
  return (
    `<tr data-priority="${e(f.priority ?? '')}" data-category="${e(f.category)}" data-tool="${e(f.tool)}" data-state="${e(state)}" data-kev="${f.kev ? 'yes' : 'no'}">` +
    `<td data-value="${PRIORITIES.indexOf(f.priority ?? 'P4')}"><span class="badge ${e(f.priority ?? '')}">${e(f.priority ?? '')}</span></td>` +
    `<td data-value="${f.risk ?? 0}" class="num">${f.risk ?? ''}</td>` +
    `<td data-value="${f.score}">${e(f.severity)}${f.kev ? ' <span class="kev" title="in CISA KEV">KEV</span>' : ''}</td>` +
    `<td>${e(state)}${f.inScope ? '' : ' <span class="muted">(out of diff)</span>'}${waiver ? `<div class="muted small">${e(waiver)}</div>` : ''}</td>` +
    `<td>${e(f.category)}</td>` +
    `<td><code>${e(f.ruleId)}</code>${f.cwes.length ? `<div class="muted small">${e(f.cwes.join(', '))}</div>` : ''}</td>` +
    `<td>${locationCell(f, blob)}</td>` +
    `<td class="message">${e(f.message.length > 600 ? `${f.message.slice(0, 599)}…` : f.message)}</td>` +
    `<td>${e(tools.join(', '))}</td>` +
    `<td>${factorsCell(f)}</td>` +
    '</tr>'
  );
}

function options(values: readonly string[]): string {
  return values.map((v) => `<option value="${e(v)}">${e(v)}</option>`).join('');
}

export const STYLE = `
:root{--fg:#1d2129;--muted:#667085;--line:#e4e7ec;--bg:#fff;--soft:#f6f7f9}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header{padding:20px 28px;color:#fff}header.pass{background:#1f7a3f}header.fail{background:#b42318}header.error{background:#8a4b00}
header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.92}
main{padding:20px 28px;max-width:1500px}section{margin:0 0 26px}h2{font-size:17px;margin:0 0 10px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:92px;background:var(--soft)}
.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.charts{display:flex;gap:24px;flex-wrap:wrap}.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.chart figcaption{font-weight:600;margin-bottom:6px}.chart .label{font-size:12px;fill:#344054}.chart .value{font-size:12px;fill:#344054}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);position:sticky;top:0;white-space:nowrap}th[data-sort]{cursor:pointer;user-select:none}th[data-sort]:after{content:" ⇅";color:var(--muted)}
th.asc:after{content:" ▲"}th.desc:after{content:" ▼"}td.num{text-align:right}td.message{max-width:520px;overflow-wrap:anywhere}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}.muted{color:var(--muted)}.small{font-size:12px}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;font-weight:600;font-size:12px;background:#6c757d}
.badge.P0{background:#b00020}.badge.P1{background:#d9480f}.badge.P2{background:#e8a200}.badge.P3{background:#3b7dd8}
.c-P0{color:#b00020}.c-P1{color:#d9480f}.c-P2{color:#e8a200}.c-P3{color:#3b7dd8}.c-P4{color:#6c757d}
.kev{background:#000;color:#fff;border-radius:4px;padding:0 4px;font-size:11px}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-bottom:8px}.filters input{min-width:260px}
.filters input,.filters select{padding:5px 8px;border:1px solid #cfd4dc;border-radius:6px;font:inherit}
ul.plain{margin:0;padding-left:18px}details summary{cursor:pointer}
`;

/** Sorting and filtering over the rows already in the page: the script never turns report text into markup. */
const SCRIPT = `
(function(){
  var table=document.getElementById('findings'); if(!table) return;
  var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var q=document.getElementById('q'), count=document.getElementById('shown');
  var selects=Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  function apply(){
    var text=q.value.trim().toLowerCase(), shown=0;
    rows.forEach(function(row){
      var ok=!text||row.textContent.toLowerCase().indexOf(text)!==-1;
      selects.forEach(function(s){ if(s.value&&row.getAttribute('data-'+s.getAttribute('data-filter'))!==s.value) ok=false; });
      row.hidden=!ok; if(ok) shown++;
    });
    count.textContent=shown+' of '+rows.length+' shown';
  }
  q.addEventListener('input',apply); selects.forEach(function(s){ s.addEventListener('change',apply); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,index){
    if(!th.hasAttribute('data-sort')) return;
    th.addEventListener('click',function(){
      var numeric=th.getAttribute('data-sort')==='num', asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){ c.classList.remove('asc','desc'); });
      th.classList.add(asc?'asc':'desc');
      rows.sort(function(a,b){
        var x=a.cells[index], y=b.cells[index];
        var u=x.hasAttribute('data-value')?x.getAttribute('data-value'):x.textContent, v=y.hasAttribute('data-value')?y.getAttribute('data-value'):y.textContent;
        var d=numeric?Number(u)-Number(v):u.localeCompare(v);
        return asc?d:-d;
      });
      rows.forEach(function(row){ body.appendChild(row); });
    });
  });
  apply();
})();
`;

/**
 * report.html: one self-contained page (inline style, inline script, SVG charts; nothing fetched) with the
 * verdict, charts by priority, scanner and category, the trend when history is given, a sortable and
 * filterable findings table with risk factors, and waivers. A Content-Security-Policy with a per-page nonce
 * keeps any script that slipped into report text from running, on top of escaping every piece of it.
 */
/** The "Needs security review" section: each reason with a link to its lines. */
function reviewHtml(review: HtmlReportInput['review'], links: HtmlReportInput['links']): string {
  if (!review?.reasons.length) return '';
  const status = review.approved ? `Approved: the <code>${e(review.approvalLabel)}</code> label is on it.` : `A security reviewer should look at it, then add the <code>${e(review.approvalLabel)}</code> label.`;
  const items = review.reasons.map((r) => {
    const where = `${r.file}${r.lines.length ? `:${describeRanges(r.lines.slice(0, 4))}` : ''}`;
    const url = r.lines.length ? linesUrl(r.file, r.lines, links) : undefined;
    return `<li>${url ? `<a href="${e(url)}" rel="noreferrer">${e(where)}</a>` : `<code>${e(where)}</code>`} · <b>${e(r.rule)}</b>: ${e(r.detail)}<br><span class="muted">${e(r.explanation)}</span></li>`;
  });
  return `<section><h2>Needs security review</h2><p>This change is high-risk: ${review.reasons.length} reason${review.reasons.length === 1 ? '' : 's'}. ${status}</p><ul class="plain">${items.join('')}</ul></section>`;
}

export function renderHtml(input: HtmlReportInput): string {
  const nonce = randomBytes(16).toString('base64');
  const blob = httpUrl(input.links?.blob);
  const all = sortByRisk(input.findings);
  const active = all.filter((f) => !f.suppressed);
  const { verdict } = input;
  const pass = verdict.status === 'pass';
  const cut = verdict.incomplete?.length ? ', incomplete scan' : '';
  const title = verdict.status === 'error' ? 'error: a scanner could not run' : pass ? `gate passed${cut ? ', but the scan is incomplete' : ''}` : `gate failed${cut}`;
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, active.filter((f) => f.priority === p).length]));
  const fresh = active.filter((f) => f.result.baselineState === 'new').length;
  const generated = (input.generatedAt ?? new Date()).toISOString();

  const cards = [
    ...PRIORITIES.map((p) => `<div class="card"><b class="c-${p}">${byPriority[p]}</b><span>${p}</span></div>`),
    `<div class="card"><b>${active.length}</b><span>open</span></div>`,
    ...(input.baseline ? [`<div class="card"><b>${fresh}</b><span>new</span></div>`, `<div class="card"><b>${input.fixed?.length ?? input.baseline.absent}</b><span>fixed</span></div>`] : []),
    `<div class="card"><b>${all.length - active.length}</b><span>waived</span></div>`,
    `<div class="card"><b>${active.filter((f) => f.kev).length}</b><span>in CISA KEV</span></div>`,
  ].join('');

  const charts = [
    barChart('By priority', PRIORITIES.map((p) => [p, byPriority[p]!] as [string, number]), (label) => PRIORITY_COLORS[label] ?? BAR_COLOR),
    barChart('By scanner', countBy(active, (f) => f.tool), () => BAR_COLOR),
    barChart('By category', countBy(active, (f) => f.category), () => '#0b7285'),
    input.history?.length ? trendChart(input.history, { date: generated, byPriority }) : '',
  ].join('');

  const why = verdict.failures.length
    ? `<section><h2>Why the gate failed</h2><ul class="plain">${verdict.failures.map((f) => `<li><b>${e(f.rule)}</b>: ${f.matched} ${f.about === 'change' ? 'reason' : 'finding'}${f.matched === 1 ? '' : 's'}, at most ${f.max} allowed <span class="muted">(${e(f.examples.slice(0, 3).join(', '))})</span></li>`).join('')}</ul></section>`
    : '';
  const warnings = verdict.warnings.length ? `<section><h2>Warnings</h2><ul class="plain">${verdict.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>` : '';
  const waivers = [
    ...(input.waivers?.expired ?? []).map((w) => `<li><b>expired</b> on ${e(w.waiver.expires)}: ${e(describeWaiver(w.waiver, w.index))}${w.waiver.reason ? `: ${e(w.waiver.reason)}` : ''}</li>`),
    ...(input.waivers?.expiringSoon ?? []).map((w) => `<li>expires on ${e(w.waiver.expires)} (in ${w.daysLeft} day${w.daysLeft === 1 ? '' : 's'}): ${e(describeWaiver(w.waiver, w.index))}</li>`),
  ];
  const waived = all.filter((f) => f.suppressed);
  const waiverSection =
    waivers.length || waived.length
      ? `<section><h2>Waivers</h2>${waivers.length ? `<ul class="plain">${waivers.join('')}</ul>` : ''}<p class="muted">${waived.length} finding${waived.length === 1 ? ' is' : 's are'} waived (state "waived" in the table).</p></section>`
      : '';
  const github = input.github?.omitted.length
    ? `<section><h2>GitHub code scanning</h2><p>${input.github.kept} of ${input.github.total} results fit GitHub's limits; the lowest-risk ones were left out of the upload (all are in results.sarif and below).</p><ul class="plain">${describeOmissions(input.github).map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>`
    : '';
  const scanners = input.scanners.length
    ? `<section><h2>Scanners</h2><table><thead><tr><th>Scanner</th><th>Version</th><th>Status</th><th>Findings</th><th>Time</th></tr></thead><tbody>${input.scanners.map((s) => `<tr><td>${e(s.id)}</td><td>${e(s.version ?? '')}</td><td>${e(s.status)}${s.reason ? `: <span class="muted">${e(s.reason)}</span>` : ''}</td><td class="num">${e(findingCount(s))}</td><td class="num">${(s.durationMs / 1000).toFixed(1)} s</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const shown = all.slice(0, HTML_MAX_ROWS);
  const states = [...new Set(shown.map((f) => (f.suppressed ? 'waived' : (f.result.baselineState ?? 'open'))))].sort();
  const tools = [...new Set(shown.map((f) => f.tool))].sort();
  const categories = CATEGORIES.filter((c) => shown.some((f) => f.category === c));
  const table = `<section><h2>Findings</h2>
<div class="filters"><input id="q" type="search" placeholder="Filter: rule, file, message, CWE…" aria-label="filter">
<select data-filter="priority" aria-label="priority"><option value="">any priority</option>${options(PRIORITIES)}</select>
<select data-filter="category" aria-label="category"><option value="">any category</option>${options(categories)}</select>
<select data-filter="tool" aria-label="tool"><option value="">any tool</option>${options(tools)}</select>
<select data-filter="state" aria-label="state"><option value="">any state</option>${options(states)}</select>
<select data-filter="kev" aria-label="KEV"><option value="">KEV or not</option><option value="yes">in CISA KEV</option></select>
<span id="shown" class="muted">${shown.length} of ${shown.length} shown</span></div>
${all.length > shown.length ? `<p class="muted">The ${all.length - shown.length} least urgent findings are not in this page; all are in report.json and results.sarif.</p>` : ''}
<table id="findings"><thead><tr><th data-sort="num">Priority</th><th data-sort="num">Risk</th><th data-sort="num">Severity</th><th data-sort="text">State</th><th data-sort="text">Category</th><th data-sort="text">Rule</th><th data-sort="text">Location</th><th>Message</th><th data-sort="text">Tool</th><th>Why this risk</th></tr></thead>
<tbody>${shown.map((f) => findingRow(f, blob)).join('\n')}</tbody></table></section>`;

  const subtitle = [
    `stage ${e(input.stage)}`,
    `${active.length} open finding${active.length === 1 ? '' : 's'}`,
    input.commit ? `commit <code>${e(input.commit.slice(0, 12))}</code>` : '',
    `generated ${e(generated.slice(0, 19).replace('T', ' '))} UTC`,
  ]
    .filter(Boolean)
    .join(' · ');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Pipewarden: ${title} (${e(input.stage)})</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
<header class="${verdict.status}"><h1 id="verdict">${title.charAt(0).toUpperCase()}${title.slice(1)}</h1><p>${subtitle}</p>${(verdict.errors ?? []).map((error) => `<p>${e(error)}</p>`).join('')}${(verdict.incomplete ?? []).map((reason) => `<p>Incomplete: ${e(reason)}</p>`).join('')}</header>
<main>
${why}
${reviewHtml(input.review, input.links)}
<section><h2>Open findings</h2><div class="cards">${cards}</div></section>
<section><div class="charts">${charts}</div></section>
${warnings}${waiverSection}${github}
${table}
${scanners}
<p class="muted small">Pipewarden report, report.json schema ${REPORT_SCHEMA_VERSION}; this page loads nothing from the network.</p>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>
`;
}
