import type { GateRule } from '../policy/config-schema.js';
import type { GateFailure, Verdict } from '../policy/gate.js';
import type { HighRiskConfig } from './config.js';
import { describeRanges } from './lines.js';
import type { HighRiskReason } from './rules.js';

/** The run's answer to "does this change need a security reviewer?", as every output shows it. */
export interface ReviewReport {
  /** The merge-base the change is measured from. */
  base: string;
  reasons: HighRiskReason[];
  /** The label set on a high-risk PR/MR, and the one a reviewer adds to approve. */
  label: string;
  approvalLabel: string;
  /** The PR/MR's labels when the platform told the run; undefined outside a PR/MR. */
  labels?: string[] | undefined;
  /** The approval label is on the PR/MR. */
  approved: boolean;
  reviewers?: { users: string[]; teams: string[]; approvals: number } | undefined;
}

export function reviewReportOf(base: string, reasons: HighRiskReason[], config: HighRiskConfig, labels: readonly string[] | undefined): ReviewReport {
  const approved = Boolean(labels?.some((l) => l.toLowerCase() === config.approval_label.toLowerCase()));
  const reviewers = config.reviewers && { users: config.reviewers.users ?? [], teams: config.reviewers.teams ?? [], approvals: config.reviewers.approvals };
  return { base, reasons, label: config.label, approvalLabel: config.approval_label, labels: labels ? [...labels] : undefined, approved, ...(reviewers ? { reviewers } : {}) };
}

export const whereOfReason = (r: HighRiskReason) => `${r.file}${r.lines.length ? `:${describeRanges(r.lines)}` : ''}`;

/**
 * gate.rules `high_risk: require_label`: a high-risk change fails the gate until the approval label is on the
 * PR/MR. Same verdict object as the finding rules, so exit code, summary, report.json, SARIF and history agree.
 */
export function applyReviewGate(verdict: Verdict, rules: readonly GateRule[] | undefined, review: ReviewReport | undefined, mode: 'default' | 'none'): void {
  if (mode === 'none') return;
  for (const [index, rule] of (rules ?? []).entries()) {
    if (rule.high_risk !== 'require_label') continue;
    if (!review) {
      verdict.warnings.push(`gate rule ${index + 1} (high_risk: require_label) needs a diff base (a PR/MR, or --diff-base): not applied`);
      continue;
    }
    if (!review.reasons.length || review.approved) continue;
    const failure: GateFailure = {
      rule: `high-risk change without the "${review.approvalLabel}" label${review.labels === undefined ? ' (the PR/MR\'s labels are unknown here)' : ''}`,
      index,
      matched: review.reasons.length,
      max: 0,
      examples: review.reasons.slice(0, 3).map((r) => `${whereOfReason(r)} (${r.rule})`),
      findings: [],
      about: 'change',
    };
    verdict.failures.push(failure);
    if (verdict.status === 'pass') verdict.status = 'fail';
  }
}

/** What the log keeps of it (SARIF run properties), for `pipewarden report` to read back. */
export function reviewProp(review: ReviewReport): Record<string, unknown> {
  return { ...review };
}
