import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  ConfigError,
  GITLAB_REPORT_FILES,
  InputError,
  createRedactor,
  describeFsError,
  emit,
  githubSarif,
  gitlabReports,
  loadTrendHistory,
  readReport,
  renderHtml,
  renderJson,
  reportJsonFile,
  renderJunit,
  renderMarkdown,
  renderText,
  secretKeyingOf,
  summaryFromLog,
  trendOf,
  version,
  writeFileAtomic,
  type HistoryPoint,
  type Log,
  type Provenance,
  type Stage,
  type ReportLinks,
} from '@pipewarden/core';

export const REPORT_FORMATS = ['markdown', 'html', 'json', 'junit', 'text', 'github', 'gitlab', 'all'] as const;

export const REPORT_USAGE = `Usage: pipewarden report SARIF --format FORMAT [-o PATH] [--history FILE]

Renders a report from an existing Pipewarden SARIF log (results.sarif), e.g. for another place or later.
Formats:
  markdown   summary.md (step summary, PR/MR comment)      html    report.html (self-contained)
  json       report.json (docs/report-json.md)             junit   junit.xml (Jenkins, GitLab tests)
  text       the terminal summary
  github     GitHub-ready SARIF files, one per category (-o DIR, default github)
  gitlab     gl-*-report.json security reports (-o DIR, default .)
  all        every output into -o DIR (default .pipewarden)
Single-file formats go to stdout without -o. --history takes the history.jsonl for the trend (summary and HTML).
Links: PIPEWARDEN_BLOB_URL and PIPEWARDEN_REPORT_URL, else GitHub's and GitLab's CI variables.`;

const httpUrl = (name: string) =>
  z
    .string()
    .url(`${name} must be a URL`)
    .refine((url) => /^https?:\/\//i.test(url), `${name} must be an http(s) URL`)
    .optional();

const linksSchema = z.object({ PIPEWARDEN_BLOB_URL: httpUrl('PIPEWARDEN_BLOB_URL'), PIPEWARDEN_REPORT_URL: httpUrl('PIPEWARDEN_REPORT_URL') });

/** Links for file:line and "the full report", from the CI's own variables (or the user's overrides). */
export function reportLinks(env: Readonly<Record<string, string | undefined>>): ReportLinks {
  const parsed = linksSchema.safeParse({ PIPEWARDEN_BLOB_URL: env.PIPEWARDEN_BLOB_URL || undefined, PIPEWARDEN_REPORT_URL: env.PIPEWARDEN_REPORT_URL || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message);
    throw new ConfigError(problems.join('; '), { problems });
  }
  let blob = parsed.data.PIPEWARDEN_BLOB_URL;
  let report = parsed.data.PIPEWARDEN_REPORT_URL;
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    blob ??= env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : undefined;
    report ??= env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  } else if (env.GITLAB_CI === 'true' && env.CI_PROJECT_URL) {
    blob ??= env.CI_COMMIT_SHA ? `${env.CI_PROJECT_URL}/-/blob/${env.CI_COMMIT_SHA}` : undefined;
    report ??= env.CI_JOB_URL ? `${env.CI_JOB_URL}/artifacts/browse` : undefined;
  } else if (env.JENKINS_URL && env.BUILD_URL) {
    report ??= `${env.BUILD_URL.replace(/\/+$/, '')}/artifact/`;
  }
  return { ...(blob ? { blob } : {}), ...(report ? { report } : {}) };
}

/** Where the run comes from, from the CI's own variables: GitHub Actions, GitLab CI, Jenkins (PIPEWARDEN_REPOSITORY and PIPEWARDEN_DEFAULT_BRANCH anywhere). */
export function provenanceOf(env: Readonly<Record<string, string | undefined>>): Provenance | undefined {
  const pick = (...values: (string | undefined)[]) => values.find((v) => v?.trim());
  const commit = pick(env.GITHUB_SHA, env.CI_COMMIT_SHA, env.GIT_COMMIT);
  const branch = pick(env.GITHUB_HEAD_REF, env.GITHUB_REF_NAME, env.CI_COMMIT_REF_NAME, env.BRANCH_NAME, env.GIT_BRANCH);
  const github = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const pipeline = pick(github, env.CI_PIPELINE_URL, env.BUILD_URL);
  const repository = pick(env.PIPEWARDEN_REPOSITORY, env.GITHUB_REPOSITORY, env.CI_PROJECT_PATH);
  // GitHub Actions has no variable for it: the Action reads it from the event; Jenkins users set PIPEWARDEN_DEFAULT_BRANCH.
  const defaultBranch = pick(env.PIPEWARDEN_DEFAULT_BRANCH, env.CI_DEFAULT_BRANCH);
  if (!commit && !branch && !pipeline && !repository && !defaultBranch) return undefined;
  return { ...(commit ? { commit } : {}), ...(branch ? { branch } : {}), ...(pipeline ? { pipeline } : {}), ...(repository ? { repository } : {}), ...(defaultBranch ? { defaultBranch } : {}) };
}

/** The trend of the log's repository and stage, from a history file; corrupt lines are warned about and skipped. */
async function trendFor(file: string | undefined, log: Log, cwd: string, stderr: { write(text: string): unknown }): Promise<HistoryPoint[] | undefined> {
  if (!file) return undefined;
  const read = await loadTrendHistory({ file: resolve(cwd, file), shown: file }, (message) => stderr.write(`pipewarden: warning: ${message}\n`));
  const stage = String(log.properties?.['pipewarden/stage'] ?? 'commit') as Stage;
  const repo = (log.properties?.['pipewarden/provenance'] as Provenance | undefined)?.repository ?? read.lines.at(-1)?.repo;
  return repo ? trendOf(read.lines, repo, stage) : [];
}

export interface ReportCommandOptions {
  sarif: string;
  format: (typeof REPORT_FORMATS)[number];
  output?: string | undefined;
  history?: string | undefined;
}

/** `pipewarden report`: every output rendered again from results.sarif alone. */
export async function renderReport(options: ReportCommandOptions, io: { cwd: string; env: Readonly<Record<string, string | undefined>>; stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } }): Promise<number> {
  // Redacted as it is read, like every log: a results.sarif of an older version may hold what this one masks.
  const redactor = createRedactor(secretKeyingOf(io.env, provenanceOf(io.env)?.repository));
  const { log, warnings } = await readReport(resolve(io.cwd, options.sarif), 'sarif', { redactor }).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(error.message, { file: options.sarif, cause: error });
    throw error;
  });
  for (const warning of warnings) io.stderr.write(`pipewarden: warning: ${options.sarif}: ${warning}\n`);
  const links = reportLinks(io.env);
  const history = await trendFor(options.history, log, io.cwd, io.stderr);
  const summary = { ...summaryFromLog(log), links, history };
  const single = async (text: string) => {
    if (options.output) {
      await writeFileAtomic(resolve(io.cwd, options.output), text);
      io.stderr.write(`pipewarden › wrote ${options.output}\n`);
    } else io.stdout.write(text);
    return 0;
  };
  switch (options.format) {
    case 'markdown':
      return single(renderMarkdown(summary));
    case 'html':
      return single(renderHtml(summary));
    case 'json':
      return single([...reportJsonFile(renderJson(summary))].join(''));
    case 'junit':
      return single(renderJunit(summary.findings, summary.verdict, summary.stage));
    case 'text':
      return single(renderText(summary));
    case 'github': {
      const dir = resolve(io.cwd, options.output ?? 'github');
      const github = githubSarif(log);
      for (const file of github.files) await writeFileAtomic(join(dir, file.name), file.text);
      io.stderr.write(`pipewarden › wrote ${github.files.length} GitHub SARIF file${github.files.length === 1 ? '' : 's'} to ${options.output ?? 'github'}: ${github.kept} of ${github.total} results\n`);
      for (const omission of github.omitted) io.stderr.write(`pipewarden: warning: ${omission.tool}: ${omission.count} left out (${omission.reason})\n`);
      return 0;
    }
    case 'gitlab': {
      const dir = resolve(io.cwd, options.output ?? '.');
      const now = new Date();
      const reports = gitlabReports(summary.findings.filter((f) => !f.suppressed), { version, startedAt: now, endedAt: now, commit: log.runs[0]?.versionControlProvenance?.[0]?.revisionId, scanners: [], categories: {} });
      for (const [type, report] of Object.entries(reports)) await writeFileAtomic(join(dir, GITLAB_REPORT_FILES[type as keyof typeof GITLAB_REPORT_FILES]), reportJsonFile(report));
      io.stderr.write(`pipewarden › wrote ${Object.keys(reports).length} GitLab report${Object.keys(reports).length === 1 ? '' : 's'} to ${options.output ?? '.'}\n`);
      return 0;
    }
    case 'all': {
      const outputs = await emit(log, summary, resolve(io.cwd, options.output ?? '.pipewarden'), { links });
      io.stderr.write(`pipewarden › wrote ${[outputs.sarif, outputs.summary, outputs.json, outputs.html, outputs.junit, ...outputs.github].length} files to ${options.output ?? '.pipewarden'}\n`);
      return 0;
    }
  }
}
