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

const MAX_ROWS = 100;

/** The Markdown summary (summary.md, the CI step summary, the PR comment body). */
export function renderMarkdown(input: SummaryInput): string {
  const { verdict } = input;
  const findings = [...input.findings].sort(byRisk);
  const active = findings.filter((f) => !f.suppressed);
  const out: string[] = [];
  const head = verdict.status === 'pass' ? '✅ gate passed' : '❌ gate failed';
  out.push(`## Pipewarden: ${head}`, '');
  out.push(
    `**${active.length} finding${active.length === 1 ? '' : 's'}** (${countsLine(active)}) from ${sourcesOf(input)} tool${sourcesOf(input) === 1 ? '' : 's'}, stage \`${input.stage}\`; the gate looked at ${verdict.scope === 'new' ? 'new findings' : 'all findings'} (${verdict.gated}).`,
    '',
  );
  for (const line of [baselineLine(input), scopeLine(input)]) if (line) out.push(escapeMarkdown(line, 500), '');
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
    out.push('| Priority | Risk | Severity | Rule | Location | Message | Tool |', '| --- | ---: | --- | --- | --- | --- | --- |');
    for (const f of active.slice(0, MAX_ROWS)) {
      out.push(
        `| ${f.priority ?? ''} | ${f.risk ?? ''} | ${f.severity} | ${markdownCode(f.ruleId)} | ${markdownCode(whereOf(f))} | ${escapeMarkdown(f.message, 200)} | ${escapeMarkdown(f.tool)} |`,
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
