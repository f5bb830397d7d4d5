import { PRIORITIES, severityRank, whereOf, type Finding } from '../finding.js';
import { DEFAULT_GATE_RULES, type GateConfig, type GateRule } from './config-schema.js';

export interface TrippingFinding {
  fingerprint?: string | undefined;
  ruleId: string;
  where: string;
  risk?: number | undefined;
  priority?: string | undefined;
}

export interface GateFailure {
  /** The rule in words, e.g. "severity high or worse". */
  rule: string;
  /** Its index in gate.rules (or in the default rules). */
  index: number;
  matched: number;
  max: number;
  /** Where the first matching findings are, most urgent first. */
  examples: string[];
  /** Every finding that tripped it. */
  findings: TrippingFinding[];
  /** 'change': a rule about the change itself (high_risk: require_label); `matched` counts its reasons. */
  about?: 'change' | undefined;
}

/** The gate's decision: a returned value, never an exception. */
export interface Verdict {
  /** error: a scanner could not run under on_scanner_error: fail (exit 2), whatever the findings say. */
  status: 'pass' | 'fail' | 'error';
  /** Why the run is an error: each scanner that could not run, with its reason. */
  errors?: string[] | undefined;
  /** Why the run did not cover what it should (a DAST login wall, a lost session, a scan cut by its time budget). */
  incomplete?: string[] | undefined;
  failures: GateFailure[];
  /** Findings the gate looked at (its scope), and all findings. */
  gated: number;
  total: number;
  scope: 'new' | 'all';
  /** Scanners that did not run (under on_scanner_error: warn), expired waivers, missing feeds… */
  warnings: string[];
  counts: {
    byPriority: Record<string, number>;
    bySeverity: Record<string, number>;
    waived: number;
    outOfScope: number;
    new: number;
  };
}

export function describeRule(rule: GateRule): string {
  const parts: string[] = [];
  if (rule.kev) parts.push('in CISA KEV');
  if (rule.scanner) parts.push(`scanner ${rule.scanner}`);
  if (rule.category) parts.push(`category ${rule.category}`);
  if (rule.severity) parts.push(rule.severity === 'info' ? 'any severity' : `severity ${rule.severity} or worse`);
  if (rule.priority) parts.push(rule.priority === 'P4' ? 'any priority' : rule.priority === 'P0' ? 'priority P0' : `priority ${rule.priority} or more urgent`);
  if (rule.risk !== undefined) parts.push(`risk ${rule.risk} or more`);
  if (rule.scope) parts.push(rule.scope === 'new' ? 'new only' : 'new or not');
  if (rule.high_risk) parts.push('a high-risk change needs the approval label');
  return parts.join(', ');
}

export function ruleMatches(rule: GateRule, finding: Finding): boolean {
  // A rule about the change itself (review.high_risk) matches no finding: src/review/report.ts applies it.
  if (rule.high_risk) return false;
  if (rule.kev && !finding.kev) return false;
  if (rule.scanner && finding.scanner !== rule.scanner && finding.tool !== rule.scanner) return false;
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

const isNew = (finding: Finding) => finding.result.baselineState === undefined || finding.result.baselineState === 'new';

export function applyGate({ findings, gate, mode = 'default', warnings = [] }: GateInput): Verdict {
  const scope = gate?.scope ?? 'new';
  const rules = gate?.rules ?? DEFAULT_GATE_RULES;
  // "Hold the line": with scope new, only new findings count (without a baseline all are new); a diff
  // scope narrows that to the change; waived findings never count. Everything stays in the report.
  const eligible = findings.filter((finding) => !finding.suppressed && finding.inScope);
  const inScope = eligible.filter((finding) => scope === 'all' || isNew(finding));
  const failures: GateFailure[] = [];
  if (mode !== 'none') {
    for (const [index, rule] of rules.entries()) {
      const pool = rule.scope === undefined ? inScope : rule.scope === 'all' ? eligible : eligible.filter(isNew);
      const matched = pool.filter((finding) => ruleMatches(rule, finding)).sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0));
      if (matched.length > rule.max) {
        failures.push({
          rule: describeRule(rule),
          index,
          matched: matched.length,
          max: rule.max,
          examples: matched.slice(0, 3).map(whereOf),
          findings: matched.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, where: whereOf(f), risk: f.risk, priority: f.priority })),
        });
      }
    }
  }
  const tally = (key: (f: Finding) => string | undefined) => {
    const out: Record<string, number> = {};
    for (const f of findings) {
      if (f.suppressed) continue;
      const k = key(f);
      if (k) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  return {
    status: failures.length > 0 ? 'fail' : 'pass',
    failures,
    gated: inScope.length,
    total: findings.length,
    scope,
    warnings,
    counts: {
      byPriority: tally((f) => f.priority),
      bySeverity: tally((f) => f.severity),
      waived: findings.filter((f) => f.suppressed).length,
      outOfScope: findings.filter((f) => !f.inScope).length,
      new: findings.filter((f) => !f.suppressed && isNew(f)).length,
    },
  };
}
