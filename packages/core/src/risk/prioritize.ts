import { toFinding, type Finding, type Priority } from '../finding.js';
import { PROP, type Log } from '../sarif/types.js';

export interface RiskFactor {
  factor: string;
  /** What the factor contributed, in words. */
  detail: string;
}

export function priorityOf(risk: number): Priority {
  if (risk >= 90) return 'P1';
  if (risk >= 70) return 'P2';
  if (risk >= 40) return 'P3';
  return 'P4';
}

/**
 * Scores every result 0–100 and gives it a priority and the factors behind it. Today the score is the
 * finding's severity; enrichment (CVSS, EPSS, KEV, asset context) adds factors without changing this shape.
 */
export function prioritize(log: Log): Log {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const finding = toFinding(run, result);
      const factors: RiskFactor[] = [{ factor: 'severity', detail: `${finding.severity} (${finding.score.toFixed(1)})` }];
      const risk = Math.round(Math.min(10, Math.max(0, finding.score)) * 10);
      result.rank = risk;
      result.properties = {
        ...result.properties,
        [PROP.severity]: finding.severity,
        [PROP.risk]: risk,
        [PROP.priority]: priorityOf(risk),
        [PROP.factors]: factors,
      };
    }
  }
  return log;
}

/** Most urgent first; ties broken by location so output is stable from run to run. */
export function byRisk(a: Finding, b: Finding): number {
  return (
    (b.risk ?? 0) - (a.risk ?? 0) ||
    (a.location?.uri ?? '').localeCompare(b.location?.uri ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
