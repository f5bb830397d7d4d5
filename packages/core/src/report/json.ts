import type { Finding } from '../finding.js';
import type { ScannerRun } from '../pipeline/collect.js';
import type { Verdict } from '../policy/gate.js';
import { byRisk } from '../risk/prioritize.js';

export interface JsonReportInput {
  findings: readonly Finding[];
  verdict: Verdict;
  scanners: readonly ScannerRun[];
  stage: string;
  baseline?: unknown;
  scope?: unknown;
  exitCode?: number;
  outputs?: readonly string[];
}

/** report.json and `--json`: the verdict, counts, scanners and every finding, most urgent first. */
export function renderJson(input: JsonReportInput): Record<string, unknown> {
  return {
    stage: input.stage,
    verdict: input.verdict.status,
    ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
    failures: input.verdict.failures.map(({ rule, matched, max, findings }) => ({ rule, matched, max, findings })),
    counts: { total: input.findings.length, ...input.verdict.counts },
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...(input.scope ? { diff: input.scope } : {}),
    warnings: input.verdict.warnings,
    scanners: input.scanners.map(({ id, status, version, durationMs, reason, findings }) => ({ id, status, version, durationMs: Math.round(durationMs), reason, findings })),
    findings: [...input.findings].sort(byRisk).map((f) => ({
      priority: f.priority,
      risk: f.risk,
      severity: f.severity,
      category: f.category,
      tool: f.tool,
      tools: f.result.properties?.['pipewarden/tools'],
      rule: f.ruleId,
      location: f.location ? `${f.location.uri}${f.location.startLine ? `:${f.location.startLine}` : ''}` : undefined,
      message: f.message,
      fingerprint: f.fingerprint,
      state: f.result.baselineState,
      inScope: f.inScope,
      kev: f.kev,
      waived: f.suppressed,
      slaDays: f.result.properties?.['pipewarden/slaDays'],
      factors: f.result.properties?.['pipewarden/factors'],
    })),
    ...(input.outputs ? { outputs: input.outputs } : {}),
  };
}
