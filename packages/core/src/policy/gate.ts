import { PRIORITIES, severityRank, whereOf, type Finding } from '../finding.js';
import { DEFAULT_GATE_RULES, type GateConfig, type GateRule } from './config-schema.js';

export interface GateFailure {
  /** The rule in words, e.g. "severity high or worse". */
  rule: string;
  matched: number;
  max: number;
  /** Where the first matching findings are, most urgent first. */
  examples: string[];
}

export interface ScannerProblem {
  scanner: string;
  problem: string;
}

/** The gate's decision: a returned value, never an exception. */
export interface Verdict {
  status: 'pass' | 'fail';
  failures: GateFailure[];
  /** Findings the gate looked at (its scope), and all findings. */
  gated: number;
  total: number;
  scope: 'new' | 'all';
  /** Scanners that did not run, tolerated under on_scanner_error: warn. */
  warnings: string[];
}

export function describeRule(rule: GateRule): string {
  const parts: string[] = [];
  if (rule.category) parts.push(`category ${rule.category}`);
  if (rule.severity) parts.push(rule.severity === 'info' ? 'any severity' : `severity ${rule.severity} or worse`);
  if (rule.priority) parts.push(rule.priority === 'P4' ? 'any priority' : `priority ${rule.priority} or more urgent`);
  if (rule.risk !== undefined) parts.push(`risk ${rule.risk} or more`);
  return parts.join(', ');
}

export function ruleMatches(rule: GateRule, finding: Finding): boolean {
  if (rule.category && finding.category !== rule.category) return false;
  if (rule.severity && severityRank(finding.severity) > severityRank(rule.severity)) return false;
  if (rule.priority && (!finding.priority || PRIORITIES.indexOf(finding.priority) > PRIORITIES.indexOf(rule.priority))) return false;
  if (rule.risk !== undefined && (finding.risk ?? 0) < rule.risk) return false;
  return true;
}

export interface GateInput {
  findings: readonly Finding[];
  gate?: GateConfig | undefined;
  /** "none": report only, never fail (a stage configured with gate: none). */
  mode?: 'default' | 'none';
  warnings?: string[];
}

export function applyGate({ findings, gate, mode = 'default', warnings = [] }: GateInput): Verdict {
  const scope = gate?.scope ?? 'new';
  const rules = gate?.rules ?? DEFAULT_GATE_RULES;
  // Without a baseline every result is new (SARIF: no baselineState means it was not compared).
  // "Hold the line": with scope new, only new findings count (without a baseline all are new); a diff
  // scope narrows that to the change. Everything else stays in the report.
  const inScope = findings.filter(
    (finding) => !finding.suppressed && finding.inScope && (scope === 'all' || finding.result.baselineState === undefined || finding.result.baselineState === 'new'),
  );
  const failures: GateFailure[] = [];
  if (mode !== 'none') {
    for (const rule of rules) {
      const matched = inScope.filter((finding) => ruleMatches(rule, finding)).sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0));
      if (matched.length > rule.max) {
        failures.push({ rule: describeRule(rule), matched: matched.length, max: rule.max, examples: matched.slice(0, 3).map(whereOf) });
      }
    }
  }
  return { status: failures.length > 0 ? 'fail' : 'pass', failures, gated: inScope.length, total: findings.length, scope, warnings };
}
