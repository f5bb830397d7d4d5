import { safeHttpUrl } from '../model/groups.js';
import type { ReportLinks } from '../model/provenance.js';
import { describeRanges, type LineRange } from '../review/lines.js';
import type { ReviewReport } from '../review/report.js';
import type { HighRiskReason } from '../review/rules.js';
import { escapeMarkdown, markdownCode } from './escape.js';

/** At most this many reasons in the comment; the rest are in report.json. */
const MAX_REASONS = 30;

/** A link to the lines at the commit: GitHub writes #L3-L7, GitLab #L3-7. */
export function linesUrl(file: string, lines: readonly LineRange[], links: ReportLinks | undefined): string | undefined {
  const base = safeHttpUrl(links?.blob);
  if (!base) return undefined;
  const path = file.split('/').map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  const first = lines[0];
  if (!first) return `${base}/${path}`;
  const gitlab = base.includes('/-/blob/');
  return `${base}/${path}#L${first[0]}${first[1] !== first[0] ? (gitlab ? `-${first[1]}` : `-L${first[1]}`) : ''}`;
}

function where(reason: HighRiskReason, links: ReportLinks | undefined): string {
  const text = markdownCode(`${reason.file}${reason.lines.length ? `:${describeRanges(reason.lines.slice(0, 4))}` : ''}`, 200);
  // A removed file has no lines left, nor a page at the commit.
  const url = reason.lines.length ? linesUrl(reason.file, reason.lines, links) : undefined;
  return url && url.length <= 2000 ? `[${text}](${url})` : text;
}

function status(review: ReviewReport): string {
  if (review.approved) return `Approved: the \`${escapeMarkdown(review.approvalLabel, 50)}\` label is on it.`;
  return `A security reviewer should look at it, then add the \`${escapeMarkdown(review.approvalLabel, 50)}\` label.`;
}

/** The "Needs security review" section of summary.md (the PR comment / MR note); none when nothing is high-risk. */
export function reviewMarkdown(review: ReviewReport | undefined, links: ReportLinks | undefined): string[] {
  if (!review?.reasons.length) return [];
  const files = new Set(review.reasons.map((r) => r.file)).size;
  const out = [`### Needs security review`, '', `This change is high-risk: ${review.reasons.length} reason${review.reasons.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. ${status(review)}`, ''];
  for (const reason of review.reasons.slice(0, MAX_REASONS)) {
    out.push(`- ${where(reason, links)} · **${escapeMarkdown(reason.rule, 80)}**: ${escapeMarkdown(reason.detail, 400)}`);
    out.push(`  <br><sub>${escapeMarkdown(reason.explanation, 500)}</sub>`);
  }
  if (review.reasons.length > MAX_REASONS) out.push(`- … and ${review.reasons.length - MAX_REASONS} more in \`report.json\``);
  out.push('');
  return out;
}

/** The console's lines. */
export function reviewText(review: ReviewReport | undefined): string[] {
  if (!review?.reasons.length) return [];
  const out = [`Needs security review (${review.reasons.length} reason${review.reasons.length === 1 ? '' : 's'}; ${review.approved ? `approved: "${review.approvalLabel}" is on it` : `add the "${review.approvalLabel}" label once reviewed`}):`];
  for (const reason of review.reasons.slice(0, MAX_REASONS)) out.push(`  ${reason.file}:${describeRanges(reason.lines.slice(0, 4))}  ${reason.rule}: ${reason.detail}`);
  if (review.reasons.length > MAX_REASONS) out.push(`  … and ${review.reasons.length - MAX_REASONS} more in report.json`);
  return out;
}

/** report.json's review object. */
export function reviewJson(review: ReviewReport | undefined): Record<string, unknown> | undefined {
  if (!review) return undefined;
  return {
    needed: review.reasons.length > 0,
    base: review.base,
    label: review.label,
    approvalLabel: review.approvalLabel,
    approved: review.approved,
    ...(review.labels ? { labels: review.labels } : {}),
    ...(review.reviewers ? { reviewers: review.reviewers } : {}),
    reasons: review.reasons.map(({ rule, kind, file, lines, detail, explanation, builtIn }) => ({ rule, kind, file, lines: lines.map(([start, end]) => ({ start, end })), detail, explanation, builtIn })),
  };
}
