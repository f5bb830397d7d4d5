import type { BuildInfo, PipewardenConfig, Platform } from '@pipewarden/core';
import { provenanceOf, reportLinks } from './report-command.js';

type Env = Readonly<Record<string, string | undefined>>;
/** A platform as loaded; `missing` says what it cannot do for want of a token (and whether a comment was due). */
export type Loaded = Platform & { missing?: { text: string; comment: boolean } | undefined };

interface PlatformEntry {
  /** This CI is where the run happens (its variables say so): it supplies the build, the comment and its tracker. */
  ci?(env: Env): boolean;
  /** The platform, loaded on demand (a client loads only where it is used). */
  load(env: Env, build: BuildInfo, log: (message: string) => void, config: PipewardenConfig): Promise<Loaded>;
}

/**
 * Every platform the CLI can publish to, by the name `--tickets` uses. GitHub's own CI adapter is the
 * Action; from other CIs the CLI keeps GitHub issues. A new tracker is one folder and one line here.
 */
export const PLATFORMS: Readonly<Record<string, PlatformEntry>> = {
  gitlab: { ci: (env) => env.GITLAB_CI === 'true', load: async (env, build) => import('@pipewarden/gitlab').then((m) => m.gitlabPlatform(m.readGitlabContext(env), build)) },
  github: { load: async (env, build, log) => import('@pipewarden/github').then((m) => m.githubIssuesPlatform(env, build, log)) },
  jira: { load: async (env, build, _log, config) => import('@pipewarden/jira').then((m) => m.jiraPlatform(config.tickets?.jira, env, build)) },
};

/** The build as any CI's variables describe it (Jenkins, GitLab, a shell with PIPEWARDEN_* set). */
export function buildFromEnv(env: Env): BuildInfo {
  // The branch is the default one when the CI says so (Jenkins: BRANCH_NAME; GitLab: CI_COMMIT_BRANCH).
  const branch = env.BRANCH_NAME ?? env.GIT_BRANCH?.replace(/^origin\//, '') ?? env.CI_COMMIT_BRANCH;
  const defaultBranch = env.PIPEWARDEN_DEFAULT_BRANCH ?? env.CI_DEFAULT_BRANCH;
  // Other CIs (Jenkins) do not say a PR's labels: the job may pass them in PIPEWARDEN_LABELS (comma-separated).
  const labels = env.PIPEWARDEN_LABELS?.split(',').map((l) => l.trim()).filter(Boolean);
  return { provenance: provenanceOf(env), links: reportLinks(env), onDefaultBranch: Boolean(branch && branch === defaultBranch && !env.CHANGE_ID), ...(labels ? { labels } : {}) };
}

/** The CI the run is in, if the CLI publishes to it. */
export async function ciPlatform(env: Env, log: (message: string) => void, config: PipewardenConfig = {}): Promise<Loaded | undefined> {
  const entry = Object.values(PLATFORMS).find((p) => p.ci?.(env));
  return entry?.load(env, buildFromEnv(env), log, config);
}

/**
 * What the run publishes to: the CI's platform (comment, build) with the tracker `--tickets` names. Loaded
 * before the scan, so a missing token fails in a second, not after the scanners ran.
 */
export async function platformFor(env: Env, tickets: string, config: PipewardenConfig, log: (message: string) => void): Promise<{ platform: Loaded | undefined; trackerMissing?: string }> {
  const ci = await ciPlatform(env, log, config);
  if (tickets === ci?.name) return { platform: ci };
  const own = ci && { ...ci, tracker: undefined };
  const entry = PLATFORMS[tickets];
  if (tickets === 'none' || !entry) return { platform: own };
  // A CI's own issues (GitLab's) need that CI's job variables.
  if (entry.ci) return { platform: own, trackerMissing: `--tickets ${tickets}: this is not a ${tickets} CI job, so no issues were kept` };
  const trackers = await entry.load(env, ci?.build ?? buildFromEnv(env), log, config);
  // The CI's words describe the CI's refusals, not another platform's: the tracker's errors are told plainly.
  return { platform: own ? { ...own, tracker: trackers.tracker, describeError: undefined } : trackers };
}
