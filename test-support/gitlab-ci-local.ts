// gitlab-ci-local (the version packages/gitlab installs) running a pipeline of the GitLab component on a git
// repository of the demo in a temp dir, with the shell executor: the component as a project includes it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from './demo-app.js';
import { validateGitlab } from './gitlab-schema.js';
import { hasShared, repoRoot, sharedNotice } from './shared.js';
import { hasTool } from './tools.js';

export const GITLAB_CI_LOCAL = join(repoRoot, 'packages', 'gitlab', 'node_modules', '.bin', 'gitlab-ci-local');
const TEMPLATES = join(repoRoot, 'packages', 'gitlab', 'templates');

/** Whether a pipeline can run here (it needs rsync and ../shared); says once, visibly, what is skipped when not. */
export function canRunPipelines(what: string): boolean {
  if (!hasShared) sharedNotice(what);
  return hasShared && hasTool('rsync', ['--version'], 'apt-get install rsync (gitlab-ci-local needs it)');
}

/** A committed git repository of the demo (no node_modules) with the component's template at templates/<name>. */
export async function componentProject(ciYaml: string, template = 'scan.yml'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-gcl-'));
  await cp(DEMO, dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  await mkdir(join(dir, 'templates'));
  await cp(join(TEMPLATES, template), join(dir, 'templates', template));
  await writeFile(join(dir, '.gitlab-ci.yml'), ciYaml);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  return dir;
}

export interface PipelineRun {
  status: number | null;
  /** Everything gitlab-ci-local printed (the job log included), colours stripped. */
  out: string;
  /** The pipeline as gitlab-ci-local expanded it (includes and inputs resolved), as YAML. */
  expanded: string;
}

/**
 * Runs the project's pipeline on the default branch. `variables` are the project's CI/CD variables
 * (--variable, as a user sets them in the settings); `env` is the runner's whole environment.
 */
export async function runPipeline(dir: string, variables: Record<string, string>, env: NodeJS.ProcessEnv, timeout = 240_000): Promise<PipelineRun> {
  const args = ['--force-shell-executor', '--ignore-predefined-vars', 'CI_DEFAULT_BRANCH,CI_PROJECT_DIR', '--home', join(dir, '.gcl-home')];
  // The shell executor runs the job in the project folder, yet for a job with an image gitlab-ci-local says
  // CI_PROJECT_DIR=/builds/…: paths the job puts under it (npm's cache) would land outside the temp dir.
  for (const [name, value] of Object.entries({ CI_DEFAULT_BRANCH: 'main', CI_PROJECT_DIR: dir, ...variables })) args.push('--variable', `${name}=${value}`);
  const run = spawnSync(GITLAB_CI_LOCAL, args, { cwd: dir, encoding: 'utf8', env, timeout });
  // gitlab-ci-local colours its output: strip the escapes before reading it.
  const out = `${run.stdout}${run.stderr}${run.error ? `\n${run.error.message}` : ''}`.replace(/\u001b\[[0-9;]*m/g, '');
  const expanded = await readFile(join(dir, '.gitlab-ci-local', 'expanded-gitlab-ci.yml'), 'utf8').catch(() => '{}');
  return { status: run.status, out, expanded };
}

export interface DeclaredReport {
  type: string;
  file: string;
  exists: boolean;
  /** GitLab's schema's complaints (security reports only; junit is left to the caller). */
  invalid: string[];
  vulnerabilities: number;
}

/** Each report a job declares under artifacts:reports, read from the project folder (gitlab-ci-local copies artifacts back). */
export async function declaredReports(dir: string, reports: Record<string, string>): Promise<DeclaredReport[]> {
  const out: DeclaredReport[] = [];
  for (const [type, path] of Object.entries(reports)) {
    const file = join(dir, path);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined || type === 'junit') {
      out.push({ type, file, exists: text !== undefined, invalid: [], vulnerabilities: 0 });
      continue;
    }
    const data = JSON.parse(text) as { vulnerabilities: unknown[] };
    out.push({ type, file, exists: true, invalid: validateGitlab(type, data), vulnerabilities: data.vulnerabilities.length });
  }
  return out;
}
