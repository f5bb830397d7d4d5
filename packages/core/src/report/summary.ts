import { safeLine } from '../text.js';
import { PROP, prop } from '../sarif/props.js';
import { PRIORITIES, SEVERITIES, whereOf, type Finding, type Severity } from '../finding.js';
import type { ImageInventory } from '../images/check.js';
import { findingCount, NOTHING_TO_SCAN, type ScannerSummary } from '../model/scanner-run.js';
import { flowOf, groupFindings, locationUrl, safeHttpUrl, whereToFix, type FindingGroup } from '../model/groups.js';
import { decodeUri } from '../sarif/uri.js';
import type { ReportLinks } from '../model/provenance.js';
import type { RunSummary } from '../model/outputs.js';
import { describeWaiver, type WaiverReport } from '../policy/waivers.js';
import { describeOmissions, type GithubSarif } from './github-sarif.js';
import { describeExclusions } from '../files/exclusions.js';
import type { Verdict } from '../policy/gate.js';
import { sortByRisk } from '../risk/prioritize.js';
import { acceptedSection } from './accepted.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { reviewMarkdown, reviewText } from './review.js';

/** What the renderers take: the run's summary and what the emitter learned while writing. */
export interface SummaryInput extends RunSummary {
  /** Paths of the files written, for the "where is the rest" line. */
  outputs?: readonly string[];
  /** What the GitHub-ready SARIF had to leave out. */
  github?: Pick<GithubSarif, 'kept' | 'total' | 'omitted'> | undefined;
}

/** The trend in one line: open findings then and now, by priority. */
function trendLine(input: SummaryInput, active: readonly Finding[]): string | undefined {
  const first = input.history?.[0];
  if (!first) return undefined;
  const now = Object.fromEntries(PRIORITIES.map((p) => [p, active.filter((f) => f.priority === p).length]));
  const total = (counts: Record<string, number>) => PRIORITIES.reduce((n, p) => n + (counts[p] ?? 0), 0);
  const change = (then: number, later: number) => `${then} → ${later}${later === then ? '' : ` (${later > then ? '+' : '−'}${Math.abs(later - then)})`}`;
  const parts = PRIORITIES.filter((p) => (first.byPriority[p] ?? 0) || now[p]).map((p) => `${p} ${change(first.byPriority[p] ?? 0, now[p]!)}`);
  return `Trend since ${first.date.slice(0, 10)} (${input.history!.length + 1} runs): open ${change(total(first.byPriority), active.length)}${parts.length ? `; ${parts.join(', ')}` : ''}.`;
}

function baselineLine(input: SummaryInput): string | undefined {
  const b = input.baseline;
  if (!b) return undefined;
  return `Against the baseline: ${b.new} new, ${b.unchanged} unchanged, ${b.updated} updated, ${b.absent} fixed.`;
}

function scopeLine(input: SummaryInput): string | undefined {
  const s = input.scope;
  if (!s) return undefined;
  return `Diff scope (${s.filter}, since ${s.base.slice(0, 12)}): ${s.in} in the change, ${s.out} outside it (reported, not gated).`;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function countsLine(findings: readonly Finding[]): string {
  const counts = severityCounts(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function sourcesOf(input: SummaryInput): number {
  return new Set(input.findings.map((f) => f.tool)).size;
}

const FIX_FIRST = 5;
const TOP_NEW = 10;
/** GitHub's comment body limit is 65,536 characters; the step summary's is 1 MiB. */
export const MARKDOWN_LIMIT = 65_000;

/** A file:line link at the commit, or the location as code when there is no link base. */
export function locationLink(finding: Finding, links: ReportLinks | undefined): string {
  const where = markdownCode(whereOf(finding), 200);
  const url = locationUrl(finding, links);
  // A link longer than a browser keeps (a 40-KB path) would only push the rest of the summary out.
  return url && url.length <= 2000 ? `[${where}](${url})` : where;
}

function countsByPriority(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(PRIORITIES.map((p) => [p, 0]));
  for (const finding of findings) if (!finding.suppressed && finding.priority) counts[finding.priority]!++;
  return counts;
}

function priorityTable(input: SummaryInput, active: readonly Finding[]): string[] {
  const rows: [string, readonly Finding[]][] = [];
  if (input.baseline) {
    rows.push(['New', active.filter((f) => f.result.baselineState === 'new')]);
    rows.push(['Fixed', input.fixed ?? []]);
  }
  rows.push([input.baseline ? 'Open (all)' : 'Open', active]);
  const out = [`| | ${PRIORITIES.join(' | ')} | Total |`, `| --- |${PRIORITIES.map(() => ' ---: |').join('')} ---: |`];
  for (const [label, list] of rows) {
    const counts = countsByPriority(list);
    out.push(`| ${label} | ${PRIORITIES.map((p) => counts[p]).join(' | ')} | ${list.filter((f) => !f.suppressed).length} |`);
  }
  return out;
}

function factorsOf(finding: Finding): string[] {
  return ((finding.result.properties?.[PROP.factors] as { factor: string; detail: string; points: number }[] | undefined) ?? [])
    .filter((factor) => factor.factor !== 'severity' && factor.points > 0)
    .map((factor) => factor.detail)
    .slice(0, 2);
}

/**
 * The findings table: its four opening lines, then one row per finding made when first asked for. The summary
 * keeps only what fits its limit (a few hundred rows of 100k), so the rest are never escaped nor joined.
 */
interface FindingsTable {
  opening: string[];
  rows: number;
  row(index: number): string;
}

interface MarkdownParts {
  head: string[];
  tail: string[];
  table: FindingsTable;
}

/** The verdict in a few words; an incomplete scan says so in the same line, never a bare "gate passed". */
function headline(verdict: SummaryInput['verdict']): string {
  const cut = verdict.incomplete?.length ? `incomplete scan (${verdict.incomplete[0]!.replace(/\s*\(.*$/, '').slice(0, 120)})` : '';
  if (verdict.status === 'error') return '⚠️ error: a scanner could not run';
  if (verdict.status === 'pass') return cut ? `⚠️ gate passed, but ${cut}` : '✅ gate passed';
  return cut ? `❌ gate failed${verdict.failures.length ? ', and' : ':'} ${cut}` : '❌ gate failed';
}

/** What each DAST scan covered: pages, forms, parameters, requests, modules, the session. */
export function dastCoverageLines(scanners: SummaryInput['scanners']): string[] {
  return scanners.flatMap((run) => {
    const d = run.dast;
    if (!d) return [];
    const refused = Object.entries(d.refused.excluded).map(([why, n]) => `${n} ${why}`);
    if (d.refused.unsafeMethod) refused.push(`${d.refused.unsafeMethod} unsafe method`);
    if (d.refused.afterBudget) refused.push(`${d.refused.afterBudget} after the time budget`);
    const session = d.auth.length ? `logged in (${d.auth.join(', ')}), session at start ${d.session.start}, at end ${d.session.end}` : 'not logged in';
    return [`${run.id}: ${d.urls} pages (${d.loginWall} answered with the login page), ${d.forms} forms, ${d.parameters} parameters, ${d.requests} requests; ${d.modules.length ? `modules ${d.modules.join(', ')}` : 'no attack module ran'}; ${session}${refused.length ? `; refused: ${refused.join(', ')}` : ''}${d.cut ? `; cut by the time budget (${d.budgetSeconds} s)` : ''}`];
  });
}

function markdownParts(input: SummaryInput): MarkdownParts {
  const { verdict } = input;
  const links = input.links;
  const findings = sortByRisk(input.findings);
  const active = findings.filter((f) => !f.suppressed);
  const waived = findings.length - active.length;
  const out: string[] = [];
  out.push(`## Pipewarden: ${headline(verdict)}`, '');
  if (verdict.incomplete?.length) {
    out.push(`**The scan is incomplete** (\`dast.on_incomplete: ${verdict.status === 'pass' ? 'warn' : 'fail'}\`: what was not tested cannot pass unnoticed):`, '');
    for (const reason of verdict.incomplete) out.push(`- ${escapeMarkdown(reason, 400)}`);
    out.push('');
  }
  // The verdict and why, before anything else.
  if (verdict.status === 'error' && verdict.errors?.length) {
    out.push('**Why this run is an error** (`gate.on_scanner_error: fail`: what a scanner did not look at cannot pass):', '');
    for (const error of verdict.errors) out.push(`- ${escapeMarkdown(error, 400)}`);
    out.push('');
  }
  if (verdict.failures.length) {
    out.push('**Why the gate failed:**', '');
    for (const failure of verdict.failures) {
      const unit = failure.about === 'change' ? 'reason' : 'finding';
      out.push(`- **${escapeMarkdown(failure.rule)}**: ${failure.matched} ${unit}${failure.matched === 1 ? '' : 's'}, at most ${failure.max} allowed (${failure.examples.slice(0, 3).map((e) => markdownCode(e)).join(', ')})`);
    }
    out.push('');
  }
  // Right after the verdict: a reviewer scanning the PR sees first that the change itself needs them.
  out.push(...reviewMarkdown(input.review, links));
  out.push(
    `**${active.length} finding${active.length === 1 ? '' : 's'}** (${countsLine(active)}) from ${sourcesOf(input)} tool${sourcesOf(input) === 1 ? '' : 's'}, stage \`${escapeMarkdown(input.stage, 40)}\`; the gate looked at ${verdict.scope === 'new' ? 'new findings' : 'all findings'} (${verdict.gated})${waived ? `; ${waived} waived` : ''}.`,
    '',
  );
  out.push(...priorityTable(input, active), '');
  for (const line of [baselineLine(input), scopeLine(input)]) if (line) out.push(escapeMarkdown(line, 500), '');
  // Dates and numbers of ours only: nothing in it to escape.
  const trend = trendLine(input, active);
  if (trend) out.push(trend, '');

  const fresh = input.baseline ? active.filter((f) => f.result.baselineState === 'new') : active;
  if (fresh.length) {
    out.push(`### ${input.baseline ? 'Top new findings' : 'Top findings'}${fresh.length > TOP_NEW ? ` (${TOP_NEW} of ${fresh.length})` : ''}`, '');
    for (const [i, f] of fresh.slice(0, TOP_NEW).entries()) {
      const why = factorsOf(f);
      const sla = f.result.properties?.[PROP.slaDays];
      // A taint finding names where the data came from: the first step of its code flow.
      const source = flowOf(f)[0];
      const from = source?.text ? `; from ${escapeMarkdown(source.text, 120)}${source.uri ? ` at ${markdownCode(`${decodeUri(source.uri)}${source.line ? `:${source.line}` : ''}`, 200)}` : ''}` : '';
      out.push(
        `${i + 1}. **${f.priority ?? ''}** risk ${f.risk ?? ''}, ${f.severity}${f.kev ? ', **in CISA KEV**' : ''}${sla ? `, fix within ${String(sla)} days` : ''}: ${markdownCode(f.ruleId)} at ${locationLink(f, links)}: ${escapeMarkdown(f.message, 160)}${from}${why.length ? ` (${escapeMarkdown(why.join('; '), 200)})` : ''}`,
      );
    }
    out.push('');
  }
  const groups = groupFindings(findings);
  if (groups.length > 1) {
    out.push('<details><summary>Fix first: the most urgent things to change</summary>', '');
    for (const [i, group] of groups.slice(0, FIX_FIRST).entries()) {
      const f = group.top;
      out.push(`${i + 1}. **${f.priority ?? ''}** (risk ${f.risk ?? ''}) ${markdownCode(group.ruleId)} in ${markdownCode(whereToFix(group))}${group.count > 1 ? `, ${group.count} places` : ''}: ${escapeMarkdown(group.message, 160)}`);
    }
    out.push('', '</details>', '');
  }
  const dastLines = dastCoverageLines(input.scanners);
  if (dastLines.length) {
    out.push('### DAST coverage', '');
    for (const line of dastLines) out.push(`- ${escapeMarkdown(line, 600)}`);
    out.push('');
  }
  const troubled = input.scanners.filter((run) => run.status !== 'ran' && run.reason !== NOTHING_TO_SCAN && !run.reason?.startsWith('no files for it to scan in shard'));
  if (troubled.length) {
    out.push('### Scanners skipped or failed', '');
    for (const run of troubled) out.push(`- **${escapeMarkdown(run.id, 60)}** ${run.status}: ${escapeMarkdown(run.reason ?? '', 300)}`);
    out.push('');
  }
  if (input.coverage?.length) {
    out.push('### Coverage', '', '| What | Files | Checked by | Status |', '| --- | ---: | --- | --- |');
    for (const line of input.coverage) {
      const status = line.status === 'checked' ? '✅ checked' : line.status === 'partly checked' ? `⚠️ partly: ${escapeMarkdown(line.why ?? '', 300)}` : `❌ not checked: ${escapeMarkdown(line.why ?? '', 300)}`;
      out.push(`| ${escapeMarkdown(line.what, 80)} | ${line.files} | ${escapeMarkdown(line.checkedBy.join(', '), 120)} | ${status} |`);
    }
    out.push('');
  }
  const excluded = input.exclusions ? describeExclusions(input.exclusions) : [];
  if (excluded.length) {
    out.push('### Not scanned', '');
    for (const line of excluded) out.push(`- ${escapeMarkdown(line, 600)}`);
    const examples = Object.values(input.exclusions!.examples).flat().slice(0, 6);
    if (examples.length) out.push(`- For example: ${examples.map((e) => markdownCode(e)).join(', ')}`);
    out.push('- Bring third-party code back with `include:` in pipewarden.yml; leave more out with `exclude:` or `--exclude`.', '');
  }
  out.push(...acceptedSection(findings));
  const soon = input.waivers?.expiringSoon ?? [];
  const expired = input.waivers?.expired ?? [];
  if (soon.length || expired.length) {
    out.push('### Waivers', '');
    for (const w of expired) out.push(`- ⚠️ ${escapeMarkdown(describeWaiver(w.waiver, w.index), 300)} expired on ${escapeMarkdown(w.waiver.expires, 20)}${w.matched ? `: ${w.matched} finding${w.matched === 1 ? ' is' : 's are'} no longer waived` : ''}`);
    for (const w of soon) out.push(`- ${escapeMarkdown(describeWaiver(w.waiver, w.index), 300)} expires on ${escapeMarkdown(w.waiver.expires, 20)}, in ${w.daysLeft} day${w.daysLeft === 1 ? '' : 's'}`);
    out.push('');
  }
  // Scanner trouble and waivers have their own sections above.
  const troubledIds = new Set(troubled.map((run) => run.id));
  const warnings = verdict.warnings.filter((w) => !/^waivers\[/.test(w) && !troubledIds.has(w.split(' ')[0]!));
  if (warnings.length) {
    out.push('### Warnings', '');
    for (const warning of warnings) out.push(`- ${escapeMarkdown(warning, 500)}`);
    out.push('');
  }
  if (input.github?.omitted.length) {
    const left = input.github.total - input.github.kept;
    out.push('### GitHub code scanning', '');
    out.push(`${input.github.kept} of ${input.github.total} results fit GitHub's limits; ${left} lowest-risk ${left === 1 ? 'result was' : 'results were'} left out of the upload. The full log is \`results.sarif\`${safeHttpUrl(links?.report) ? ` ([report](${safeHttpUrl(links?.report)}))` : ''}.`, '');
    for (const line of describeOmissions(input.github)) out.push(`- ${escapeMarkdown(line, 400)}`);
    out.push('');
  }

  const state = input.baseline !== undefined;
  const made: string[] = [];
  const table: FindingsTable = {
    opening: active.length
      ? ['<details><summary>All findings, most urgent first</summary>', '', `| Priority | Risk | Severity |${state ? ' State |' : ''} Rule | Location | Message | Tool |`, `| --- | ---: | --- |${state ? ' --- |' : ''} --- | --- | --- | --- |`]
      : [],
    rows: active.length,
    row(index) {
      let line = made[index];
      if (line === undefined) {
        const f = active[index]!;
        const tools = prop(f.result.properties, PROP.tools)?.join(', ') ?? f.tool;
        line = `| ${f.priority ?? ''} | ${f.risk ?? ''} | ${f.severity} |${state ? ` ${f.result.baselineState ?? ''}${f.inScope ? '' : ' (out of diff)'} |` : ''} ${markdownCode(f.ruleId)} | ${locationLink(f, links)} | ${escapeMarkdown(f.message, 200)} | ${escapeMarkdown(tools)} |`;
        made[index] = line;
      }
      return line;
    },
  };

  const tail: string[] = ['### Scanners', '', '| Scanner | Version | Status | Files | Findings | Time |', '| --- | --- | --- | ---: | ---: | ---: |'];
  for (const run of input.scanners) {
    const status = run.status === 'ran' ? 'ran' : `${run.status}: ${escapeMarkdown(run.reason ?? '', 200)}`;
    tail.push(`| ${escapeMarkdown(run.id, 60)} | ${escapeMarkdown(run.version ?? '', 40)} | ${status} | ${run.files ?? ''} | ${escapeMarkdown(findingCount(run), 200)} | ${seconds(run.durationMs)} |`);
  }
  for (const report of input.reports ?? []) {
    tail.push(`| report ${markdownCode(report.file)} | ${escapeMarkdown(report.format, 40)} | read | | ${report.findings} | |`);
  }
  tail.push('');
  return { head: out, table, tail };
}

/**
 * The Markdown summary (summary.md, the CI step summary, the PR/MR comment body): the verdict and why first,
 * counts by priority, the top new findings linked to the commit, scanner trouble, waivers; always under
 * `limit` characters, with a pointer to the full report when the findings table had to be cut.
 */
export function renderMarkdown(input: SummaryInput, limit = MARKDOWN_LIMIT): string {
  const { head, table, tail } = markdownParts(input);
  const report = safeHttpUrl(input.links?.report);
  const fullReport = report ? `[the full report](${report})` : '`report.html` and `results.sarif` in the job\'s artifacts';
  const lines = (rows: number) => {
    const cut = rows < table.rows ? ['', `${table.rows - rows} more findings are not shown here: see ${fullReport}.`] : [];
    const before = [...head, ...table.opening];
    const after = table.opening.length ? [...cut, '', '</details>', '', ...tail] : tail;
    return { before, after };
  };
  // The length of the text with this many rows, counted up to the limit only: rows past it are never made.
  const fits = (rows: number) => {
    const { before, after } = lines(rows);
    const parts = before.length + rows + after.length;
    let length = Math.max(0, parts - 1);
    for (const line of [...before, ...after]) length += line.length;
    for (let i = 0; i < rows && length <= limit; i++) length += table.row(i).length;
    return length <= limit;
  };
  const join = (rows: number) => {
    const { before, after } = lines(rows);
    return [...before, ...Array.from({ length: rows }, (_, i) => table.row(i)), ...after].join('\n');
  };
  let rows = table.opening.length ? table.rows : 0;
  while (!fits(rows) && rows > 0) rows = Math.floor(rows / 2);
  let text = join(rows);
  if (text.length > limit) {
    // Still too long without the table (thousands of warnings or scanners): cut at a line, say where the rest is.
    const note = `\n\n… cut to fit; the rest is in ${fullReport}.\n`;
    text = text.slice(0, limit - note.length);
    text = text.slice(0, Math.max(0, text.lastIndexOf('\n'))) + note;
  }
  return text;
}

const MAX_LINES = 40;

/** A column of the terminal table: cut with an ellipsis inside its width, so columns never touch. */
function cell(text: string, width: number): string {
  return safeLine(text, width).padEnd(width);
}

/** A preset's rule as its own name ("@secretlint/…-preset-recommend > @secretlint/…-rule-aws" → the rule). */
function shortRule(ruleId: string): string {
  return ruleId.includes(' > ') ? ruleId.slice(ruleId.lastIndexOf(' > ') + 3) : ruleId;
}

/** The terminal summary (stdout): verdict, the most urgent findings with file and line, why. */
export function renderText(input: SummaryInput): string {
  const { verdict } = input;
  const findings = sortByRisk(input.findings).filter((f) => !f.suppressed);
  const out: string[] = [];
  const tools = sourcesOf(input);
  out.push(
    `Pipewarden (${input.stage}): ${findings.length} finding${findings.length === 1 ? '' : 's'} from ${tools} tool${tools === 1 ? '' : 's'} (${countsLine(findings)})`,
  );
  // The sorted list the other reports have (groupFindings leaves waived findings out itself): grouped once.
  const groups = groupFindings(sortByRisk(input.findings));
  if (groups.length > 1) {
    out.push('', 'Fix first:');
    for (const [i, group] of groups.slice(0, FIX_FIRST).entries()) {
      const kev = group.top.kev ? ', in CISA KEV' : '';
      out.push(`  ${i + 1}. ${group.top.priority ?? ''} risk ${group.top.risk ?? ''}${kev}: ${shortRule(group.ruleId)} in ${whereToFix(group)}${group.count > 1 ? ` (${group.count} places)` : ''}`);
    }
  }
  if (findings.length) out.push('');
  for (const f of findings.slice(0, MAX_LINES)) {
    const message = f.message.replace(/\s+/g, ' ');
    const columns = [cell(f.priority ?? '', 2), String(f.risk ?? '').padStart(3), cell(f.severity, 8), cell(f.tool.replace(/^Pipewarden /, ''), 12), cell(whereOf(f), 44), cell(shortRule(f.ruleId), 36), cell(message, 90)];
    out.push(`  ${columns.join('  ').trimEnd()}`);
  }
  if (findings.length > MAX_LINES) out.push(`  … and ${findings.length - MAX_LINES} more in the SARIF log`);
  out.push('');
  for (const line of [baselineLine(input), scopeLine(input)]) if (line) out.push(line);
  out.push(...reviewText(input.review));
  for (const line of input.coverage ?? []) {
    if (line.status !== 'checked') out.push(`${line.status === 'not checked' ? 'Not checked' : 'Partly checked'}: ${line.what} (${line.files} file${line.files === 1 ? '' : 's'}): ${line.why}`);
  }
  if (input.exclusions) for (const line of describeExclusions(input.exclusions)) out.push(`Left out: ${line}`);
  for (const line of dastCoverageLines(input.scanners)) out.push(`DAST coverage: ${line}`);
  for (const warning of verdict.warnings) out.push(`warning: ${warning}`);
  if (verdict.incomplete?.length) {
    out.push(`INCOMPLETE: the scan did not cover what it should${verdict.status === 'pass' ? ' (dast.on_incomplete: warn)' : ''}:`);
    for (const reason of verdict.incomplete) out.push(`  - ${reason}`);
  }
  if (verdict.status === 'error') {
    out.push(`ERROR: ${verdict.errors?.length ?? 0} scanner${verdict.errors?.length === 1 ? '' : 's'} could not run (gate.on_scanner_error: fail):`);
    for (const error of verdict.errors ?? []) out.push(`  - ${error}`);
    if (verdict.failures.length) out.push('The gate also failed on what ran:');
    for (const failure of verdict.failures) out.push(`  - ${failure.rule}: ${failure.matched} (at most ${failure.max}), e.g. ${failure.examples.join(', ')}`);
  } else if (verdict.status === 'fail') {
    out.push(verdict.failures.length ? 'Gate FAILED:' : 'Gate FAILED: the scan is incomplete (dast.on_incomplete: fail).');
    for (const failure of verdict.failures) out.push(`  - ${failure.rule}: ${failure.matched} (at most ${failure.max}), e.g. ${failure.examples.join(', ')}`);
  } else {
    out.push(`Gate passed${verdict.incomplete?.length ? ', but the scan is INCOMPLETE' : ''} (${verdict.gated} ${verdict.scope === 'new' ? 'new ' : ''}finding${verdict.gated === 1 ? '' : 's'} checked).`);
  }
  if (input.outputs?.length) out.push('Wrote:', ...input.outputs.map((path) => `  ${path}`));
  // Each entry is one line: text from reports cannot add lines, colours or cursor moves to the terminal.
  return `${out.map((line) => safeLine(line, 2000)).join('\n')}\n`;
}
