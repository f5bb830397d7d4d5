import { z } from 'zod';
import { CATEGORIES, PRIORITIES, SEVERITIES } from '../finding.js';
import { STAGES } from '../model/stage.js';
import { dastSchema } from '../dast/config.js';
import { reviewSchema } from '../review/config.js';
import { ticketsSchema } from './tickets-schema.js';

export { ticketsSchema, jiraSchema, withJiraOptions, type JiraConfig } from './tickets-schema.js';

export { dastSchema } from '../dast/config.js';

// pipewarden.yml: this schema is the single source of truth for every package and doc.

const scannerId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scanner id is lower-case letters, digits and dashes');



/** A gate rule matches findings; the gate fails when more than `max` findings match it. */
export const gateRuleSchema = z
  .strictObject({
    kev: z.literal(true, { error: 'kev takes true (findings in the CISA KEV catalog)' }).optional().describe('Findings whose CVE is in the CISA KEV catalog.'),
    severity: z.enum(SEVERITIES).optional().describe('Findings of this severity or worse.'),
    category: z.enum(CATEGORIES).optional().describe('Findings of this category (secrets, sast, sca, …).'),
    risk: z.number().min(0).max(100).optional().describe('Findings with a risk score at or above this.'),
    priority: z.enum(PRIORITIES).optional().describe('Findings of this priority or more urgent.'),
    scanner: z.string().min(1).optional().describe('Findings of this scanner (id, or tool name for ingested reports).'),
    scope: z.enum(['new', 'all']).optional().describe('Overrides gate.scope for this rule.'),
    high_risk: z
      .literal('require_label', { error: 'high_risk takes require_label (the approval label must be on the PR/MR)' })
      .optional()
      .describe('With a diff base: fail while the change is high-risk (review.high_risk) and the approval label is not on the PR/MR.'),
    max: z.number().int().min(0).default(0).describe('How many matching findings are tolerated.'),
  })
  .refine((rule) => [rule.kev, rule.severity, rule.category, rule.risk, rule.priority, rule.scanner, rule.high_risk].some((v) => v !== undefined), {
    message: 'a gate rule needs at least one of kev, severity, category, risk, priority, scanner, high_risk',
  })
  .refine((rule) => rule.high_risk === undefined || [rule.kev, rule.severity, rule.category, rule.risk, rule.priority, rule.scanner, rule.scope].every((v) => v === undefined), {
    message: 'high_risk is a rule of its own: put the finding conditions in another rule',
  });

export const stageConfigSchema = z.strictObject({
  scanners: z.array(scannerId).optional().describe('Scanners this stage runs (default: every installed scanner of the stage).'),
  gate: z.enum(['default', 'none']).default('default').describe('"default" applies the gate; "none" reports without failing.'),
  rules: z.array(gateRuleSchema).optional().describe("This stage's gate rules, instead of gate.rules."),
});

export const gateSchema = z.strictObject({
  on_scanner_error: z.enum(['fail', 'warn']).default('fail').describe('A scanner that could not run: fail (exit 2) or warn and go on.'),
  scope: z.enum(['new', 'all']).default('new').describe('Gate on new findings only, or on all of them (without a baseline every finding is new).'),
  rules: z.array(gateRuleSchema).optional().describe('Fail when any rule matches more than its max; default: any KEV finding, critical or high, or any secret.'),
});

export const dedupeSchema = z.strictObject({
  sca: z.boolean().default(true).describe('One finding for one vulnerability in one package, whichever tools report it.'),
  sast: z.boolean().default(true).describe('One finding for one CWE on one line, whichever SAST tools report it.'),
  secrets: z.boolean().default(true).describe('One finding for one secret on one line, whichever secret scanners report it.'),
});

export const ENVIRONMENTS = ['production', 'staging', 'development', 'test'] as const;
export const EXPOSURES = ['internet-facing', 'internal'] as const;
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;

const globs = z.array(z.string().min(1, 'a pattern must not be empty')).min(1, 'name at least one pattern');

/** Asset context: what a path, image or URL is, so findings there weigh what they should. */
export const contextEntrySchema = z
  .strictObject({
    paths: globs.optional().describe('Globs of repository paths, e.g. "services/api/**".'),
    images: globs.optional().describe('Globs of image references, e.g. "registry.example.com/shop/*".'),
    urls: globs.optional().describe('Globs of URLs for DAST findings, e.g. "https://shop.example.com/**".'),
    environment: z.enum(ENVIRONMENTS).optional(),
    exposure: z.enum(EXPOSURES).optional(),
    data_sensitivity: z.enum(SENSITIVITIES).optional(),
    owner: z.string().min(1).optional(),
  })
  .refine((entry) => entry.paths || entry.images || entry.urls, { message: 'a context entry needs paths, images or urls' });

/** YYYY-MM-DD of a day that exists (2026-02-30 and 2026-13-01 do not). */
export function isIsoDay(d: string): boolean {
  const time = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
}

const isoDate = z.string().refine(isIsoDay, 'expected a date as YYYY-MM-DD');

/** An exception that expires: a finding it matches is suppressed (kept in SARIF, not gated) until then. */
export const waiverSchema = z
  .strictObject({
    fingerprint: z.string().min(1).optional().describe('A pipewarden/v1 fingerprint (with or without its ":N").'),
    rule: z.string().min(1).optional().describe('A rule id or any id of the finding (CVE, GHSA, CWE).'),
    path: z.string().min(1).optional().describe('A glob of repository paths.'),
    package: z.string().min(1).optional().describe('A package name, or name@version.'),
    reason: z.string().trim().min(1, 'say why'),
    owner: z.string().trim().min(1, 'say who owns it'),
    expires: isoDate.describe('The last day the waiver applies (YYYY-MM-DD).'),
  })
  .refine((w) => w.fingerprint || w.rule || w.path || w.package, { message: 'a waiver needs fingerprint, rule, path or package' });

export const prioritiesSchema = z.strictObject({
  sla_days: z.partialRecord(z.enum(PRIORITIES), z.number().int().min(1)).optional().describe('Days to fix, per priority.'),
});

export const feedsSchema = z.strictObject({
  kev_url: z.url().optional(),
  epss_url: z.url().optional(),
  cache_dir: z.string().min(1).optional(),
  offline: z.boolean().optional().describe('Never download; use the cache or --feeds-dir.'),
});

// Loose: each scanner declares its own options (Scanner.options), checked against its schema when the run prepares.
export const scannerOptionsSchema = z.looseObject({
  timeout: z.number().int().min(1).max(24 * 3600).optional().describe('Seconds before the scanner is stopped, with the processes it started.'),
});

const SHA256 = /^sha256:[a-f0-9]{64}$/;

/** Base images a pipeline may build on, and how fresh they must be (docs/images.md). */
export const imagesSchema = z.strictObject({
  sanctioned: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'a name pattern must not be empty').describe('A name pattern: "node:20-*-slim", "registry.example.com/base/**" (no tag: any tag).'),
        digests: z.array(z.string().regex(SHA256, 'a digest is sha256: and 64 hex digits')).min(1).optional().describe('Only these builds of it (manifest digests): anything else is drift.'),
      }),
    )
    .optional()
    .describe('Base images that are allowed; without this list no image is judged unsanctioned.'),
  max_base_age_days: z.number().int().min(1).max(3650).optional().describe('A base image older than this (from its creation) is outdated even when its tag has not moved.'),
  insecure_registries: z
    .array(z.string().regex(/^[a-z0-9.-]+(?::\d+)?$/i, 'a registry is a host with an optional port'))
    .optional()
    .describe('Registries reached over plain HTTP (a registry on the build machine); loopback ones always are.'),
});


const pathPatterns = z.array(z.string().trim().min(1, 'a pattern must not be empty').refine((p) => !p.startsWith('!'), 'negation is not supported: list what to bring back under include'));

export const sastSchema = z.strictObject({
  rules: z.string().trim().min(1).optional().describe('A folder of your own rule files (YAML, docs/sast.md#rules), relative to the scanned directory.'),
  disable: z.array(z.string().trim().min(1)).optional().describe('Built-in rule ids to turn off, e.g. "js-open-redirect".'),
});

export const scaSchema = z.strictObject({
  advisories_dir: z.string().trim().min(1).optional().describe('A folder of OSV advisories (JSON or YAML records, or OSV\'s all.zip exports), relative to the scanned directory: nothing is downloaded.'),
  mirror_url: z.url({ protocol: /^https?$/ }).optional().describe('A mirror of OSV\'s per-ecosystem exports (<url>/<Ecosystem>/all.zip), e.g. an internal artifact store; default https://osv-vulnerabilities.storage.googleapis.com.'),
});

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'expected an http(s) URL such as https://mirror.example.com/github')
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'must not hold credentials (use a proxy, or a mirror the runner may read)');

export const toolsSchema = z.strictObject({
  mirror: httpUrl
    .optional()
    .describe('Base URL of a mirror of the tools\' GitHub releases, for air-gapped runners: <mirror>/<owner>/<repo>/releases/download/<tag>/<asset> (env PIPEWARDEN_TOOLS_MIRROR wins).'),
  checksums: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('A checksums file ("<sha256>  <asset>" lines, as the projects publish them) whose entries replace the pinned checksums: for builds you verified and mirror yourself.'),
});

export const configSchema = z.strictObject({
  sast: sastSchema.optional().describe('The built-in taint analysis (pipewarden-sast): your rules, and rules turned off.'),
  sca: scaSchema.optional().describe('The built-in dependency check (pipewarden-sca): where its OSV advisories come from.'),
  exclude: pathPatterns.optional().describe('Paths never scanned nor reported, as in .gitignore: "legacy/**", "*.snap", "docs" (a name matches at any depth).'),
  include: pathPatterns
    .optional()
    .describe('Paths the built-in exclusions (dependency folders, vendored, minified, generated and git-ignored code) do not apply to: third-party code your team maintains.'),
  dast: dastSchema.optional(),
  scanners: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a scanner id is lower-case letters, digits and dashes'), scannerOptionsSchema).optional(),
  stages: z.partialRecord(z.enum(STAGES), stageConfigSchema).optional(),
  gate: gateSchema.optional(),
  dedupe: dedupeSchema.optional(),
  context: z.array(contextEntrySchema).optional(),
  waivers: z.array(waiverSchema).optional(),
  priorities: prioritiesSchema.optional(),
  tickets: ticketsSchema.optional().describe('Tickets (issues) for finding groups, when a platform opens them.'),
  feeds: feedsSchema.optional(),
  images: imagesSchema.optional(),
  tools: toolsSchema.optional().describe('Where `pipewarden tools install` and --install-tools download the pinned scanners from (docs/tools.md).'),
  review: reviewSchema.optional().describe('Changes that need a security reviewer (docs/review.md).'),
  history: z.string().trim().min(1).optional().describe('The history file every run adds a line to (JSON Lines; default: history.jsonl in the out-dir). Keep it between runs as an artifact or cache.'),
});

export type ContextEntry = z.output<typeof contextEntrySchema>;
export type ImagesPolicy = z.output<typeof imagesSchema>;
export type Waiver = z.output<typeof waiverSchema>;

export type PipewardenConfigInput = z.input<typeof configSchema>;
export type PipewardenConfig = z.output<typeof configSchema>;
export type GateRule = z.output<typeof gateRuleSchema>;
export type GateConfig = z.output<typeof gateSchema>;
export type StageConfig = z.output<typeof stageConfigSchema>;

/** Built in: fail on any finding in CISA KEV, any critical or high finding, or any secret. */
export const DEFAULT_GATE_RULES: readonly GateRule[] = [
  { kev: true, max: 0 },
  { severity: 'high', max: 0 },
  { category: 'secrets', max: 0 },
];
