import { z } from 'zod';
import { ConfigError, FAIL_ON, STAGES, getScanner, scanners as allScanners, type FailOn } from '@pipewarden/core';

/** The Action's inputs after validation: kebab-case names as in action.yml, values typed. */
export interface ActionInputs {
  workingDirectory: string;
  config: string | undefined;
  stage: (typeof STAGES)[number];
  scanners: string[] | undefined;
  reports: { file: string; format: string | undefined }[];
  exclude: string[];
  baseline: string | undefined;
  diffBase: string | undefined;
  targetUrl: string | undefined;
  image: string | undefined;
  failOn: FailOn;
  comment: boolean;
  /** The PR to comment on, when the event is not the PR's own (a workflow_run follow-up for forks). */
  pullRequest: number | undefined;
  tickets: 'none' | 'github' | 'jira';
  /** Laid over tickets.jira.url / .project. */
  jiraUrl: string | undefined;
  jiraProject: string | undefined;
  maxNewTickets: number;
  uploadSarif: boolean;
  uploadWaitSeconds: number;
  token: string;
  outDir: string;
  feedsDir: string | undefined;
  /** The history file; undefined: the config's or the out-dir's; null: none. */
  history: string | null | undefined;
  /** Install the pinned external tools the run uses into the runner's tool cache first. */
  installTools: boolean;
  /** Artifacts to attest the scan over (FILE, sha256:DIGEST, IMAGE@sha256:DIGEST); none: no attestation. */
  attest: string[];
  /** A PEM private key (from a secret), env:NAME or a key file; none: keyless with the job's id-token. */
  attestKey: string | undefined;
}

const optional = z.string().transform((s) => (s.trim() === '' ? undefined : s.trim()));
const bool = (name: string) =>
  z.string().transform((s, ctx) => {
    const v = s.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v)) return true;
    if (['false', 'no', '0', 'off', ''].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: `${name}: "${s}" is not true or false` });
    return z.NEVER;
  });
const int = (name: string, min: number, max: number) =>
  z.string().transform((s, ctx) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name}: "${s}" is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

export const inputsSchema = z.object({
  'working-directory': z.string().transform((s) => s.trim() || '.'),
  config: optional,
  stage: z
    .string()
    .transform((s) => s.trim() || 'commit')
    .pipe(z.enum(STAGES, { error: (issue) => `stage: "${String(issue.input)}" is not a stage (stages: ${STAGES.join(', ')})` })),
  scanners: z.string().transform((s, ctx) => {
    const list = s.trim();
    if (!list) return undefined;
    if (list === 'none') return [];
    const ids = list.split(/[,\s]+/).filter(Boolean);
    for (const id of ids) if (!getScanner(id)) ctx.addIssue({ code: 'custom', message: `scanners: unknown scanner "${id}" (known: ${allScanners.map((x) => x.id).join(', ')})` });
    return ids;
  }),
  reports: z.string().transform((s) =>
    s
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((spec) => {
        const match = /^(.+):([a-z0-9][a-z0-9-]*)$/.exec(spec);
        return match && !/^[A-Za-z]$/.test(match[1]!) ? { file: match[1]!, format: match[2] } : { file: spec, format: undefined };
      }),
  ),
  exclude: z.string().transform((s, ctx) => {
    const patterns = s.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const p of patterns) if (p.startsWith('!')) ctx.addIssue({ code: 'custom', message: `exclude: "${p}": negation is not supported; use include: in pipewarden.yml` });
    return patterns;
  }),
  baseline: optional,
  'diff-base': optional.refine((ref) => ref === undefined || !ref.startsWith('-'), 'diff-base: a git ref cannot start with "-"'),
  'target-url': optional,
  image: optional,
  'fail-on': z
    .string()
    .transform((s) => s.trim().toLowerCase() || 'policy')
    .pipe(z.enum(FAIL_ON, { error: (issue) => `fail-on: "${String(issue.input)}" is not policy, never, critical, high, medium or low` })),
  comment: bool('comment'),
  'pull-request': z.string().transform((s, ctx) => {
    if (!s.trim()) return undefined;
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) {
      ctx.addIssue({ code: 'custom', message: `pull-request: "${s}" is not a pull request number` });
      return z.NEVER;
    }
    return n;
  }),
  tickets: z
    .string()
    .transform((s) => s.trim().toLowerCase() || 'none')
    .pipe(z.enum(['none', 'github', 'jira'], { error: (issue) => `tickets: "${String(issue.input)}" is not none, github or jira` })),
  'jira-url': optional,
  'jira-project': optional,
  'max-new-tickets': int('max-new-tickets', 0, 1000),
  'upload-sarif': bool('upload-sarif'),
  'upload-wait': int('upload-wait', 0, 3600),
  token: z.string(),
  'out-dir': z.string().transform((s) => s.trim() || '.pipewarden'),
  'feeds-dir': optional,
  history: optional,
  'install-tools': bool('install-tools'),
  attest: z.string().transform((s) => s.split('\n').map((line) => line.trim()).filter(Boolean)),
  'attest-key': optional,
});

export const INPUT_NAMES = Object.keys(inputsSchema.shape) as (keyof typeof inputsSchema.shape)[];

/** Reads every input through `get` (core.getInput) and reports every problem at once, each with its input's name. */
export function readInputs(get: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, get(name)]));
  const parsed = inputsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.message.includes(':') ? issue.message : `${String(issue.path[0])}: ${issue.message}`));
    throw new ConfigError(problems.join('; '), { problems, file: 'action inputs' });
  }
  const v = parsed.data;
  return {
    workingDirectory: v['working-directory'],
    config: v.config,
    stage: v.stage,
    scanners: v.scanners,
    reports: v.reports,
    exclude: v.exclude,
    baseline: v.baseline,
    diffBase: v['diff-base'],
    targetUrl: v['target-url'],
    image: v.image,
    failOn: v['fail-on'],
    comment: v.comment,
    pullRequest: v['pull-request'],
    tickets: v.tickets,
    jiraUrl: v['jira-url'],
    jiraProject: v['jira-project'],
    maxNewTickets: v['max-new-tickets'],
    uploadSarif: v['upload-sarif'],
    uploadWaitSeconds: v['upload-wait'],
    token: v.token,
    outDir: v['out-dir'],
    feedsDir: v['feeds-dir'],
    history: v.history?.toLowerCase() === 'none' ? null : v.history,
    installTools: v['install-tools'],
    attest: v.attest,
    attestKey: v['attest-key'],
  };
}
