import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { ConfigError, DIFF_FILTERS, FAIL_ON, STAGES, getFormat, getScanner, isIsoDay, scanners } from '@pipewarden/core';
import { REPORT_FORMATS } from './report-command.js';

// Command-line values are user input: validated with zod, every problem reported at once.

const nonEmpty = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`);

export const reportSpec = z.string().transform((spec, ctx) => {
  const match = /^(.+):([a-z0-9][a-z0-9-]*)$/.exec(spec);
  if (match && !/^[A-Za-z]$/.test(match[1]!)) {
    if (!getFormat(match[2]!)) {
      ctx.addIssue({ code: 'custom', message: `unknown format "${match[2]}" in "${spec}"` });
      return z.NEVER;
    }
    return { file: match[1]!, format: match[2] };
  }
  if (!spec.trim()) {
    ctx.addIssue({ code: 'custom', message: 'a report path must not be empty' });
    return z.NEVER;
  }
  return { file: spec, format: undefined };
});

export const scanOptionsSchema = z.object({
  dir: nonEmpty('the directory'),
  config: nonEmpty('--config').optional(),
  stage: z.enum(STAGES, { error: (issue) => `"${String(issue.input)}" is not a stage (stages: ${STAGES.join(', ')})` }).default('commit'),
  scanners: z
    .string()
    .transform((list) => (list.trim() === 'none' ? [] : list.split(',').map((id) => id.trim()).filter(Boolean)))
    .pipe(
      z.array(
        z.string().refine((id) => getScanner(id) !== undefined, {
          error: (issue) => `unknown scanner "${String(issue.input)}" (known: ${scanners.map((s) => s.id).join(', ')})`,
        }),
      ),
    )
    .optional(),
  staged: z.boolean().default(false),
  report: z.array(reportSpec).default([]),
  exclude: z.array(nonEmpty('--exclude').refine((p) => !p.startsWith('!'), 'negation is not supported; use include: in pipewarden.yml')).default([]),
  'out-dir': nonEmpty('--out-dir').default('.pipewarden'),
  baseline: nonEmpty('--baseline').optional(),
  'feeds-dir': nonEmpty('--feeds-dir').optional(),
  'advisories-dir': nonEmpty('--advisories-dir').optional(),
  'target-url': nonEmpty('--target-url').optional(),
  image: nonEmpty('--image')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\/:@+-]*$/, 'expected an image reference like registry.example.com/app:1.2 or app@sha256:…')
    .optional(),
  'image-archive': nonEmpty('--image-archive').optional(),
  'base-archive': z.array(nonEmpty('--base-archive')).default([]),
  'image-report': nonEmpty('--image-report').optional(),
  'base-report': nonEmpty('--base-report').optional(),
  'fail-fast': z.boolean().default(false),
  history: nonEmpty('--history').optional(),
  'no-history': z.boolean().default(false),
  'fail-on': z.enum(FAIL_ON, { error: (issue) => `"${String(issue.input)}" is not ${FAIL_ON.join(', ')}` }).default('policy'),
  tickets: z.enum(['none', 'gitlab', 'github', 'jira'], { error: (issue) => `"${String(issue.input)}" is not none, gitlab, github or jira` }).default('none'),
  // Empty is unset: the CI templates pass their inputs through as they are.
  'jira-url': z.string().trim().optional().transform((s) => s || undefined),
  'jira-project': z.string().trim().optional().transform((s) => s || undefined),
  'max-new-tickets': z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .refine((n) => n <= 1000, 'at most 1000')
    .default(10),
  'no-note': z.boolean().default(false),
  'install-tools': z.boolean().default(false),
  quiet: z.boolean().default(false),
  json: z.boolean().default(false),
  'diff-base': nonEmpty('--diff-base')
    .refine((ref) => !ref.startsWith('-'), 'a git ref cannot start with "-"')
    .optional(),
  'diff-filter': z.enum(DIFF_FILTERS, { error: (issue) => `"${String(issue.input)}" is not a filter (filters: ${DIFF_FILTERS.join(', ')})` }).default('added'),
  shard: z
    .string()
    .transform((text, ctx) => {
      const match = /^(\d+)\/(\d+)$/.exec(text.trim());
      const index = Number(match?.[1]);
      const total = Number(match?.[2]);
      if (!match || total < 1 || index < 1 || index > total || total > 1000) {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not I/N with 1 <= I <= N <= 1000` });
        return z.NEVER;
      }
      return { index, total };
    })
    .optional(),
}).refine((o) => (o['image-report'] === undefined) === (o['base-report'] === undefined), { message: 'give --image-report and --base-report together (the image and its current base)', path: ['base-report'] });

export const gateOptionsSchema = z.object({
  reports: z.array(nonEmpty('the SARIF path')).length(1, 'name one SARIF log to gate'),
  config: nonEmpty('--config').optional(),
  baseline: nonEmpty('--baseline').optional(),
  'feeds-dir': nonEmpty('--feeds-dir').optional(),
  stage: z.enum(STAGES, { error: (issue) => `"${String(issue.input)}" is not a stage (stages: ${STAGES.join(', ')})` }).default('production'),
  'out-dir': nonEmpty('--out-dir').default('.pipewarden'),
  history: nonEmpty('--history').optional(),
  'no-history': z.boolean().default(false),
});

export const reportOptionsSchema = z.object({
  reports: z.array(nonEmpty('the SARIF path')).length(1, 'name one SARIF log to render'),
  format: z.enum(REPORT_FORMATS, { error: (issue) => (issue.input === undefined ? 'is required (formats: ' + REPORT_FORMATS.join(', ') + ')' : `"${String(issue.input)}" is not a format (formats: ${REPORT_FORMATS.join(', ')})`) }),
  output: nonEmpty('--output').optional(),
  history: nonEmpty('--history').optional(),
});

const isoDay = z.string().refine(isIsoDay, 'expected a date as YYYY-MM-DD');

/** SQLite (a file path, or sqlite:PATH) or PostgreSQL (postgres:// or postgresql://). */
export const storeUrl = nonEmpty('--store').refine((url) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^(postgres|postgresql|sqlite):\/\//i.test(url), {
  error: (issue) => `"${String(issue.input).replace(/\/\/[^@/]*@/, '//…@')}" is not a store: use a SQLite file path (or sqlite:PATH) or a postgres:// URL`,
});

/** The last N weeks of the weekly figures (metrics and the dashboard alike). */
const weeksOption = z
  .string()
  .regex(/^\d+$/, 'expected a whole number')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 520, 'between 1 and 520')
  .optional();

export const metricsOptionsSchema = z.object({
  history: z.array(nonEmpty('--history')).default([]),
  store: storeUrl.optional(),
  baseline: nonEmpty('--baseline').optional(),
  config: nonEmpty('--config').optional(),
  format: z.enum(['markdown', 'json', 'html'], { error: (issue) => `"${String(issue.input)}" is not a format (formats: markdown, json, html)` }).default('markdown'),
  output: nonEmpty('--output').optional(),
  today: isoDay.optional(),
  weeks: weeksOption,
  repo: z.array(nonEmpty('--repo')).default([]),
});

export const serveOptionsSchema = z.object({
  store: z.string({ error: 'is required: a SQLite file (path or sqlite:PATH) or a postgres:// URL' }).pipe(storeUrl),
  host: nonEmpty('--host')
    .regex(/^[\w.:\-\[\]]+$/, 'expected a host name or an IP address')
    .transform((host) => host.replace(/^\[(.*)\]$/, '$1'))
    .default('127.0.0.1'),
  port: z
    .string()
    .regex(/^\d{1,5}$/, 'expected a port number')
    .transform(Number)
    .refine((n) => n <= 65535, 'at most 65535')
    .default(8080),
  'token-env': z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the name of an environment variable (the token itself never goes on the command line)')
    .optional(),
  config: nonEmpty('--config').optional(),
  today: isoDay.optional(),
  weeks: weeksOption,
  refresh: z
    .string()
    .regex(/^\d+$/, 'expected a whole number of seconds')
    .transform(Number)
    .refine((n) => n <= 86_400, 'at most 86400 (a day)')
    .default(60),
});

export const mergeOptionsSchema = z.object({
  reports: z.array(nonEmpty('a SARIF path')).min(1, 'name the SARIF logs to merge'),
  output: nonEmpty('--output'),
  baseline: nonEmpty('--baseline').optional(),
});

export const convertOptionsSchema = z.object({
  reports: z.array(nonEmpty('a report path')).min(1, 'name at least one report to convert'),
  format: z
    .string()
    .refine((id) => getFormat(id) !== undefined, { error: (issue) => `unknown format "${String(issue.input)}"` })
    .optional(),
  output: nonEmpty('--output').optional(),
});

/** Parses with a schema; on failure throws one ConfigError listing every problem with its option. */
export function validateOptions<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const [head, ...rest] = issue.path;
    const name = head === undefined ? '' : head === 'dir' || head === 'reports' ? '' : `--${String(head)}`;
    const index = rest.length ? `[${rest.join('][')}]` : '';
    return name ? `${name}${index}: ${issue.message}` : issue.message;
  });
  throw new ConfigError(problems.join('; '), { problems });
}
export type ScanCliOptions = z.output<typeof scanOptionsSchema>;

/** `pipewarden scan`'s flags as node:util parses them (the platform-options test holds them to SCAN_INPUTS). */
export const SCAN_FLAGS = {
  config: { type: 'string' },
  stage: { type: 'string' },
  scanners: { type: 'string' },
  staged: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'out-dir': { type: 'string' },
  baseline: { type: 'string' },
  'feeds-dir': { type: 'string' },
  'advisories-dir': { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  'target-url': { type: 'string' },
  image: { type: 'string' },
  'image-archive': { type: 'string' },
  'base-archive': { type: 'string', multiple: true },
  'image-report': { type: 'string' },
  'base-report': { type: 'string' },
  'fail-fast': { type: 'boolean' },
  history: { type: 'string' },
  'no-history': { type: 'boolean' },
  'fail-on': { type: 'string' },
  tickets: { type: 'string' },
  'jira-url': { type: 'string' },
  'jira-project': { type: 'string' },
  'max-new-tickets': { type: 'string' },
  'no-note': { type: 'boolean' },
  'install-tools': { type: 'boolean' },
  'diff-base': { type: 'string' },
  'diff-filter': { type: 'string' },
  shard: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];
