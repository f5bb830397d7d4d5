import { SEVERITIES, whereOf, type Finding, type Severity } from '../finding.js';
import type { ScannerRun } from '../pipeline/collect.js';
import type { Verdict } from '../policy/gate.js';
import { byRisk } from '../risk/prioritize.js';
import { escapeMarkdown, markdownCode } from './escape.js';

export interface SummaryInput {
  findings: readonly Finding[];
  verdict: Verdict;
  scanners: readonly ScannerRun[];
  stage: string;
  /** Reports given with --report, by path. */
  reports?: readonly { file: string; format: string; findings: number }[];
  /** Paths of the files written, for the "where is the rest" line. */
  outputs?: readonly string[];
  baseline?: { new: number; unchanged: number; updated: number; absent: number } | undefined;
  waivers?: { applied: { matched: number }[]; expired: unknown[] } | undefined;
  scope?: { base: string; filter: string; in: number; out: number } | undefined;
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

export interface FindingGroup {
  ruleId: string;
  component: string;
  tool: string;
  count: number;
  top: Finding;
  message: string;
}

/** The thing to change: the package for a dependency, the route for DAST, the image, else the file. */
export function componentOf(finding: Finding): string {
  const props = finding.result.properties ?? {};
  const pkg = props['pipewarden/package'] as { name?: string; version?: string } | undefined;
  if (pkg?.name) return `${pkg.name}${pkg.version ? `@${pkg.version}` : ''}`;
  const dast = props['pipewarden/dast'] as { url?: string } | undefined;
  if (dast?.url) return dast.url.replace(/[?#].*$/, '');
  const image = props['pipewarden/image'] as { reference?: string } | undefined;
  if (image?.reference) return image.reference;
  return finding.location?.uri ?? '(no location)';
}

/** Findings grouped by rule and component, most urgent group first: one line per thing to fix. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of [...findings].sort(byRisk)) {
    if (finding.suppressed) continue;
    const component = componentOf(finding);
    const key = `${finding.ruleId}\u0000${component}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ruleId: finding.ruleId, component, tool: finding.tool, count: 1, top: finding, message: finding.message });
  }
  return [...groups.values()];
}

const MAX_ROWS = 100;
const FIX_FIRST = 5;

/** The Markdown summary (summary.md, the CI step summary, the PR comment body). */
export function renderMarkdown(input: SummaryInput): string {
  const { verdict } = input;
  const findings = [...input.findings].sort(byRisk);
  const active = findings.filter((f) => !f.suppressed);
  const waived = findings.length - active.length;
  const out: string[] = [];
  const head = verdict.status === 'pass' ? '✅ gate passed' : '❌ gate failed';
  out.push(`## Pipewarden: ${head}`, '');
  out.push(
    `**${active.length} finding${active.length === 1 ? '' : 's'}** (${countsLine(active)}) from ${sourcesOf(input)} tool${sourcesOf(input) === 1 ? '' : 's'}, stage \`${input.stage}\`; the gate looked at ${verdict.scope === 'new' ? 'new findings' : 'all findings'} (${verdict.gated})${waived ? `; ${waived} waived` : ''}.`,
    '',
  );
  for (const line of [baselineLine(input), scopeLine(input)]) if (line) out.push(escapeMarkdown(line, 500), '');
  const groups = groupFindings(findings);
  if (groups.length) {
    out.push('### Fix first', '');
    for (const [i, group] of groups.slice(0, FIX_FIRST).entries()) {
      const f = group.top;
      const why = ((f.result.properties?.['pipewarden/factors'] as { factor: string; detail: string; points: number }[] | undefined) ?? [])
        .filter((factor) => factor.factor !== 'severity' && factor.points > 0)
        .map((factor) => factor.detail)
        .slice(0, 2);
      const sla = f.result.properties?.['pipewarden/slaDays'];
      out.push(
        `${i + 1}. **${f.priority ?? ''}** (risk ${f.risk ?? ''}${sla ? `, fix within ${String(sla)} days` : ''}) ${markdownCode(group.ruleId)} in ${markdownCode(group.component)}${group.count > 1 ? `, ${group.count} places` : ''}: ${escapeMarkdown(group.message, 160)}${why.length ? ` (${escapeMarkdown(why.join('; '), 200)})` : ''}`,
      );
    }
    if (groups.length > FIX_FIRST) out.push('', `${groups.length - FIX_FIRST} more groups below.`);
    out.push('');
  }
  if (verdict.failures.length) {
    out.push('### Why the gate failed', '');
    for (const failure of verdict.failures) {
      out.push(`- **${escapeMarkdown(failure.rule)}**: ${failure.matched} finding${failure.matched === 1 ? '' : 's'}, at most ${failure.max} allowed (${failure.examples.map((e) => markdownCode(e)).join(', ')})`);
    }
    out.push('');
  }
  if (verdict.warnings.length) {
    out.push('### Warnings', '');
    for (const warning of verdict.warnings) out.push(`- ${escapeMarkdown(warning, 500)}`);
    out.push('');
  }
  if (active.length) {
    out.push('### Findings, most urgent first', '');
    const state = input.baseline !== undefined;
    out.push(`| Priority | Risk | Severity |${state ? ' State |' : ''} Rule | Location | Message | Tool |`, `| --- | ---: | --- |${state ? ' --- |' : ''} --- | --- | --- | --- |`);
    for (const f of active.slice(0, MAX_ROWS)) {
      const tools = (f.result.properties?.['pipewarden/tools'] as string[] | undefined)?.join(', ') ?? f.tool;
      out.push(
        `| ${f.priority ?? ''} | ${f.risk ?? ''} | ${f.severity} |${state ? ` ${f.result.baselineState ?? ''}${f.inScope ? '' : ' (out of diff)'} |` : ''} ${markdownCode(f.ruleId)} | ${markdownCode(whereOf(f))} | ${escapeMarkdown(f.message, 200)} | ${escapeMarkdown(tools)} |`,
      );
    }
    if (active.length > MAX_ROWS) out.push('', `${active.length - MAX_ROWS} more findings are in \`results.sarif\`.`);
    out.push('');
  }
  out.push('### Scanners', '', '| Scanner | Version | Status | Files | Findings | Time |', '| --- | --- | --- | ---: | ---: | ---: |');
  for (const run of input.scanners) {
    const status = run.status === 'ran' ? 'ran' : `${run.status}: ${escapeMarkdown(run.reason ?? '', 200)}`;
    out.push(`| ${run.id} | ${run.version ?? ''} | ${status} | ${run.files} | ${run.findings ?? ''} | ${seconds(run.durationMs)} |`);
  }
  for (const report of input.reports ?? []) {
    out.push(`| report ${markdownCode(report.file)} | ${report.format} | read | | ${report.findings} | |`);
  }
  out.push('');
  return out.join('\n');
}

const MAX_LINES = 40;

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The terminal summary (stdout): verdict, the most urgent findings with file and line, why. */
export function renderText(input: SummaryInput): string {
  const { verdict } = input;
  const findings = input.findings.filter((f) => !f.suppressed).sort(byRisk);
  const out: string[] = [];
  const tools = sourcesOf(input);
  out.push(
    `Pipewarden (${input.stage}): ${findings.length} finding${findings.length === 1 ? '' : 's'} from ${tools} tool${tools === 1 ? '' : 's'} (${countsLine(findings)})`,
  );
  const groups = groupFindings(findings);
  if (groups.length > 1) {
    out.push('', 'Fix first:');
    for (const [i, group] of groups.slice(0, FIX_FIRST).entries()) {
      const kev = group.top.kev ? ', in CISA KEV' : '';
      out.push(`  ${i + 1}. ${group.top.priority ?? ''} risk ${group.top.risk ?? ''}${kev}: ${group.ruleId} in ${group.component}${group.count > 1 ? ` (${group.count} places)` : ''}`);
    }
  }
  if (findings.length) out.push('');
  for (const f of findings.slice(0, MAX_LINES)) {
    const message = f.message.replace(/\s+/g, ' ');
    out.push(
      `  ${cell(f.priority ?? '', 3)}${String(f.risk ?? '').padStart(3)}  ${cell(f.severity, 9)}${cell(f.tool, 11)}${cell(whereOf(f), 44)} ${cell(f.ruleId, 36)} ${cell(message, 90).trimEnd()}`,
    );
  }
  if (findings.length > MAX_LINES) out.push(`  … and ${findings.length - MAX_LINES} more in the SARIF log`);
  out.push('');
  for (const line of [baselineLine(input), scopeLine(input)]) if (line) out.push(line);
  for (const warning of verdict.warnings) out.push(`warning: ${warning}`);
  if (verdict.status === 'fail') {
    out.push('Gate FAILED:');
    for (const failure of verdict.failures) out.push(`  - ${failure.rule}: ${failure.matched} (at most ${failure.max}), e.g. ${failure.examples.join(', ')}`);
  } else {
    out.push(`Gate passed (${verdict.gated} ${verdict.scope === 'new' ? 'new ' : ''}finding${verdict.gated === 1 ? '' : 's'} checked).`);
  }
  if (input.outputs?.length) out.push(`Wrote ${input.outputs.join(', ')}`);
  return `${out.join('\n')}\n`;
}
