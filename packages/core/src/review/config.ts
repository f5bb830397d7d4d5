import { z } from 'zod';

// review.high_risk in pipewarden.yml: which changes need a security reviewer (docs/review.md).

/** What a change can be, as the detectors see it; a rule names the kinds it cares about. */
export const CHANGE_KINDS = [
  'security-code',
  'ci-definition',
  'ci-trigger',
  'ci-permissions',
  'ci-secrets',
  'iac',
  'dockerfile',
  'codeowners',
  'new-dependency',
  'major-upgrade',
  'dependency-source',
  'new-registry',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const label = z
  .string()
  .trim()
  .min(1, 'a label must not be empty')
  .max(50, 'GitHub labels are at most 50 characters')
  .refine((l) => !l.includes(','), 'a label must not hold a comma (GitLab separates labels with commas)');

const glob = z.string().trim().min(1, 'a pattern must not be empty').refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a pattern is relative to the repository, without ".."');

export const highRiskRuleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional().describe('What the reviewer sees, e.g. "payments code" (default: the paths or kinds).'),
    paths: z.array(glob).min(1).optional().describe('Globs of repository paths, e.g. "src/payments/**".'),
    change: z
      .union([z.enum(CHANGE_KINDS), z.array(z.enum(CHANGE_KINDS)).min(1)])
      .optional()
      .describe(`Kinds of change: ${CHANGE_KINDS.join(', ')} (default: any change to the paths).`),
    explanation: z.string().trim().min(1).max(500).optional().describe('Why it needs a security reviewer, shown with each reason.'),
  })
  .refine((rule) => rule.paths || rule.change, { message: 'a high_risk rule needs paths, change or both' });

const slug = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/, 'a user name or an org/team slug');

export const highRiskObjectSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Look for high-risk changes when the run has a diff base (a PR/MR or --diff-base).'),
  defaults: z.boolean().default(true).describe('Keep the built-in rules (security-sensitive code, CI/CD, IaC, Dockerfiles, CODEOWNERS, dependencies) besides yours.'),
  rules: z.array(highRiskRuleSchema).optional().describe('Your rules, added to the built-in ones.'),
  label: label.default('security-review').describe('The label set on a high-risk PR/MR.'),
  approval_label: label.default('security-approved').describe('The label a reviewer adds to approve; gate rule high_risk: require_label passes only with it.'),
  reviewers: z
    .strictObject({
      users: z.array(slug).max(15).optional().describe('GitHub or GitLab user names to ask for a review.'),
      teams: z.array(slug).max(15).optional().describe('GitHub team slugs (org/team or team) to ask for a review.'),
      approvals: z.number().int().min(1).max(10).default(1).describe('GitLab: approvals the MR approval rule requires.'),
    })
    .optional()
    .describe('Who to ask for a review of a high-risk change (GitHub: review requests; GitLab: an MR approval rule).'),
});

// The outline's short form, a bare list of rules, means those rules with every default.
export const reviewSchema = z.strictObject({
  high_risk: z.preprocess((value) => (Array.isArray(value) ? { rules: value } : value), highRiskObjectSchema).optional().describe('Changes that need a security reviewer: rules, the label, reviewers.'),
});

export type HighRiskRule = z.output<typeof highRiskRuleSchema>;
export type HighRiskConfig = z.output<typeof highRiskObjectSchema>;
