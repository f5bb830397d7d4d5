import { z } from 'zod';
import { ConfigError } from '@pipewarden/core';

/** What a GitLab job knows about itself, from its predefined CI/CD variables. */
export interface GitlabJobContext {
  /** https://gitlab.example.com (the API is at <host>/api/v4). */
  host: string;
  projectId: string;
  projectUrl: string | undefined;
  commitSha: string | undefined;
  /** Set in merge request pipelines. */
  mergeRequestIid: number | undefined;
  /** The MR's merge-base with its target: the diff base for "new in this MR". */
  diffBaseSha: string | undefined;
  /** The MR's labels when the pipeline started (CI_MERGE_REQUEST_LABELS). */
  mergeRequestLabels: string[] | undefined;
  /** A pipeline for the default branch (not an MR, not a tag). */
  onDefaultBranch: boolean;
  jobName: string | undefined;
  jobUrl: string | undefined;
  /** A project or personal access token (PIPEWARDEN_GITLAB_TOKEN or GITLAB_TOKEN), else the job token. */
  token: { kind: 'token'; value: string } | { kind: 'job'; value: string } | undefined;
}

const url = (name: string) => z.string().url(`${name} must be a URL`).refine((u) => /^https?:\/\//i.test(u), `${name} must be an http(s) URL`);

const envSchema = z.object({
  CI_API_V4_URL: url('CI_API_V4_URL').optional(),
  CI_SERVER_URL: url('CI_SERVER_URL').optional(),
  CI_PROJECT_ID: z.string({ error: 'CI_PROJECT_ID is not set (is this a GitLab CI job?)' }).regex(/^\d+$/, 'CI_PROJECT_ID must be a number'),
  CI_PROJECT_URL: z.string().optional(),
  CI_COMMIT_SHA: z.string().optional(),
  CI_COMMIT_BRANCH: z.string().optional(),
  CI_DEFAULT_BRANCH: z.string().optional(),
  CI_MERGE_REQUEST_IID: z.string().regex(/^\d+$/, 'CI_MERGE_REQUEST_IID must be a number').optional(),
  CI_MERGE_REQUEST_DIFF_BASE_SHA: z.string().regex(/^[0-9a-f]{7,64}$/i, 'CI_MERGE_REQUEST_DIFF_BASE_SHA must be a commit SHA').optional(),
  CI_MERGE_REQUEST_LABELS: z.string().optional(),
  CI_JOB_NAME: z.string().optional(),
  CI_JOB_URL: z.string().optional(),
  CI_JOB_TOKEN: z.string().optional(),
  PIPEWARDEN_GITLAB_TOKEN: z.string().optional(),
  GITLAB_TOKEN: z.string().optional(),
});

/** Reads the job's variables; every problem at once, each naming its variable. */
export function readGitlabContext(env: Readonly<Record<string, string | undefined>>): GitlabJobContext {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`));
    throw new ConfigError(problems.join('; '), { problems });
  }
  const v = parsed.data;
  const host = v.CI_API_V4_URL ? v.CI_API_V4_URL.replace(/\/api\/v4\/?$/, '') : v.CI_SERVER_URL;
  if (!host) throw new ConfigError('CI_SERVER_URL (or CI_API_V4_URL) is not set');
  const secret = v.PIPEWARDEN_GITLAB_TOKEN ?? v.GITLAB_TOKEN;
  return {
    host: host.replace(/\/+$/, ''),
    projectId: v.CI_PROJECT_ID,
    projectUrl: v.CI_PROJECT_URL,
    commitSha: v.CI_COMMIT_SHA,
    mergeRequestIid: v.CI_MERGE_REQUEST_IID ? Number(v.CI_MERGE_REQUEST_IID) : undefined,
    diffBaseSha: v.CI_MERGE_REQUEST_DIFF_BASE_SHA,
    mergeRequestLabels: v.CI_MERGE_REQUEST_IID ? (v.CI_MERGE_REQUEST_LABELS ?? '').split(',').map((l) => l.trim()).filter(Boolean) : undefined,
    onDefaultBranch: !v.CI_MERGE_REQUEST_IID && Boolean(v.CI_COMMIT_BRANCH) && v.CI_COMMIT_BRANCH === v.CI_DEFAULT_BRANCH,
    jobName: v.CI_JOB_NAME,
    jobUrl: v.CI_JOB_URL,
    token: secret ? { kind: 'token', value: secret } : v.CI_JOB_TOKEN ? { kind: 'job', value: v.CI_JOB_TOKEN } : undefined,
  };
}
