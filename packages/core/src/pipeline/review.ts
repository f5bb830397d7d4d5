import { join, relative, sep } from 'node:path';
import { detectHighRisk } from '../review/detect.js';
import { highRiskObjectSchema } from '../review/config.js';
import { reviewReportOf, type ReviewReport } from '../review/report.js';
import type { Ports } from '../ports/types.js';
import type { Prepared } from './prepare.js';
import type { ParsedScanOptions } from './types.js';

/** With a diff base: why the change needs a security reviewer (review.high_risk, built-in rules by default). */
export async function reviewChange(options: ParsedScanOptions, prepared: Prepared, ports: Ports): Promise<ReviewReport | undefined> {
  if (!prepared.diffScope) return undefined;
  const config = highRiskObjectSchema.parse(options.config.review?.high_risk ?? {});
  if (!config.enabled) return undefined;
  const found = await detectHighRisk({ srcRoot: prepared.srcRoot, scope: prepared.diffScope, config, ports, env: options.env });
  // What the user excludes (fixtures, docs) is not theirs to review either; files outside the scanned folder
  // (the workflows and CODEOWNERS of a monorepo scanned package by package) still are.
  const reasons = found.filter((r) => {
    const path = relative(prepared.dir, join(prepared.srcRoot, r.file)).split(sep).join('/');
    return path.startsWith('..') || !prepared.exclusions.userExcludes(path);
  });
  const review = reviewReportOf(prepared.diffScope.base, reasons, config, options.labels);
  if (reasons.length) ports.log('info', `needs security review: ${reasons.length} reason${reasons.length === 1 ? '' : 's'} in ${new Set(reasons.map((r) => r.file)).size} file${new Set(reasons.map((r) => r.file)).size === 1 ? '' : 's'}${review.approved ? ` (approved: "${review.approvalLabel}" is on it)` : ''}`);
  return review;
}
