import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitlab } from '../../../test-support/fake-gitlab.js';
import { repoRoot } from '../../../test-support/shared.js';
import { changedRepo, LOGIN_AFTER, LOGIN_BEFORE, WORKFLOW_BEFORE } from '../../../test-support/review-repo.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const EVAL = "'use strict';\nmodule.exports = function calc(expression) {\n  return eval(expression);\n};\n";
const EXEC = "'use strict';\nconst { exec } = require('child_process');\nmodule.exports = function ping(host) {\n  exec('ping -c 1 ' + host);\n};\n";

async function project(files: Record<string, string>): Promise<{ dir: string; sha: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-gl-ws-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  return { dir, sha: git('rev-parse', 'HEAD') };
}

/** `pipewarden scan` as a GitLab job runs it: the predefined variables, the API on 127.0.0.1. */
function job(server: FakeGitlab, dir: string, sha: string, vars: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    PIPEWARDEN_OFFLINE: '1',
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: server.url,
    CI_API_V4_URL: `${server.url}/api/v4`,
    CI_PROJECT_ID: '7',
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
    CI_COMMIT_SHA: sha,
    CI_DEFAULT_BRANCH: 'main',
    CI_JOB_NAME: 'pipewarden-scan',
    CI_JOB_URL: 'https://gitlab.example.com/acme/shop/-/jobs/99',
    CI_JOB_TOKEN: 'job-token',
    ...vars,
  };
  const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'eslint-security', '--tickets', 'gitlab', '--out-dir', join(dir, '.pipewarden'), ...args], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

const MR = { CI_MERGE_REQUEST_IID: '12', CI_PIPELINE_SOURCE: 'merge_request_event', PIPEWARDEN_GITLAB_TOKEN: 'glpat-fake' };

describe('the GitLab adapter, through `pipewarden scan` in a GitLab job, against a GitLab API on 127.0.0.1 (gitbeaker)', () => {
  let server: FakeGitlab;
  beforeEach(async () => {
    server = new FakeGitlab();
    await server.start();
  });
  afterEach(async () => server.stop());

  it('MR runs post one note and keep no issue; default-branch runs keep one confidential issue per finding group, updated, the fixed one closed', async () => {
    const { dir, sha } = await project({ 'calc.js': EVAL, 'ping.js': EXEC });
    const first = await job(server, dir, sha, MR);
    expect(first.code, first.stderr).toBe(1);
    expect(server.notes).toHaveLength(1);
    expect(server.notes[0]!.body).toMatch(/^## Pipewarden: ❌ gate failed[\s\S]*\[job\]\(https:\/\/gitlab\.example\.com\/acme\/shop\/-\/jobs\/99\)[\s\S]*<!-- pipewarden:note pipewarden-scan\/commit -->\n$/);
    // An MR's findings are not on the default branch yet: no issue.
    expect(server.issues).toHaveLength(0);
    const push = { CI_COMMIT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'push', PIPEWARDEN_GITLAB_TOKEN: 'glpat-fake' };
    expect((await job(server, dir, sha, push)).code).toBe(1);
    expect(server.issues.map((i) => i.title).sort()).toEqual(['[P1] security/detect-child-process in ping.js', '[P1] security/detect-eval-with-expression in calc.js']);
    for (const issue of server.issues) {
      expect(issue).toMatchObject({ confidential: true, state: 'opened', due_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(issue.labels).toEqual(expect.arrayContaining(['pipewarden', 'priority:P1', 'severity:high', 'scanner:eslint-security']));
      // Links go to the commit in the project.
      expect(issue.description).toContain(`https://gitlab.example.com/acme/shop/-/blob/${sha}/`);
    }
    expect(first.stderr).toMatch(/MR note created \(!12\)/);

    await writeFile(join(dir, 'calc.js'), `${EVAL}module.exports.again = (e) => eval(e);\n`);
    const second = await job(server, dir, sha, push);
    expect(second.code).toBe(1);
    await job(server, dir, sha, MR);
    expect(server.notes).toHaveLength(1);
    expect(server.issues).toHaveLength(2);
    expect(server.issues.find((i) => i.title.includes('calc.js'))!.description).toMatch(/### Where \(2 places\)/);
    expect(server.requests.filter((r) => r.method === 'PUT' && /\/notes\/\d+$/.test(r.path))).toHaveLength(1);

    await rm(join(dir, 'ping.js'));
    const main = await job(server, dir, sha, push);
    expect(main.code).toBe(1);
    const ping = server.issues.find((i) => i.title.includes('ping.js'))!;
    expect(ping.state).toBe('closed');
    expect(ping.notes.at(-1)).toMatch(/Fixed: no longer found on the default branch/);
    expect(server.issues.find((i) => i.title.includes('calc.js'))!.state).toBe('opened');
    expect(server.issues).toHaveLength(2);
    expect(server.notes).toHaveLength(1);
    expect(server.requests.every((r) => r.auth === 'token')).toBe(true);
  }, 120_000);

  it('a high-risk MR: the note says "Needs security review" with links to the lines, the label and an approval rule are set; the approval label passes the gate', async () => {
    const config = 'gate:\n  rules:\n    - high_risk: require_label\nreview:\n  high_risk:\n    label: needs-appsec\n    reviewers: { users: [alice], approvals: 1 }\n';
    const base = { 'README.md': '# shop\n', 'auth/login.js': LOGIN_BEFORE, '.gitlab-ci.yml': 'test:\n  script: npm test\n', 'pipewarden.yml': config };
    const { dir, sha, baseSha } = await changedRepo(base, { 'auth/login.js': LOGIN_AFTER, '.gitlab-ci.yml': 'test:\n  script: npm test\ndeploy:\n  script: ./deploy.sh\n' });
    const mr = { ...MR, CI_MERGE_REQUEST_DIFF_BASE_SHA: baseSha, CI_MERGE_REQUEST_LABELS: 'backend' };
    server.mrLabels.set(12, ['backend']);
    const first = await job(server, dir, sha, mr);
    expect(first.code, first.stderr).toBe(1);
    const note = server.notes[0]!.body;
    expect(note).toMatch(/### Needs security review\n\nThis change is high-risk: 2 reasons in 2 files\./);
    expect(note).toContain(`[\`.gitlab-ci.yml:3–4\`](https://gitlab.example.com/acme/shop/-/blob/${sha}/.gitlab-ci.yml#L3-4) · **CI/CD definition**: changes a pipeline definition`);
    expect(note).toContain(`[\`auth/login.js:7–8\`](https://gitlab.example.com/acme/shop/-/blob/${sha}/auth/login.js#L7-8) · **security-sensitive code**`);
    expect(server.mrLabels.get(12)).toEqual(['backend', 'needs-appsec']);
    expect([...server.approvalRules.get(12)!]).toEqual([{ id: expect.any(Number), name: 'Pipewarden security review', approvals_required: 1, usernames: ['alice'] }]);

    // GitLab Free: the approval rule is refused; the run says why, and the label and the gate still stand.
    server.premium = false;
    const free = await job(server, dir, sha, mr);
    expect(free.code).toBe(1);
    expect(free.stderr).toContain('pipewarden: warning: could not ask for security reviewers: GitLab refused an MR approval rule (HTTP 403): approval rules need GitLab Premium or Ultimate');

    server.mrLabels.set(12, ['backend', 'needs-appsec', 'security-approved']);
    const approved = await job(server, dir, sha, mr);
    expect(approved.code, approved.stderr).toBe(0);
    expect(server.notes).toHaveLength(1);
    expect(server.notes[0]!.body).toContain('Approved: the `security-approved` label is on it.');
  }, 120_000);

  it('an MR that only changes the README: no review section, no label', async () => {
    const { dir, sha, baseSha } = await changedRepo({ 'README.md': '# shop\n', 'auth/login.js': LOGIN_BEFORE, '.github/workflows/ci.yml': WORKFLOW_BEFORE }, { 'README.md': '# shop\n\nRun it with npm start.\n' });
    const run = await job(server, dir, sha, { ...MR, CI_MERGE_REQUEST_DIFF_BASE_SHA: baseSha });
    expect(run.code, run.stderr).toBe(0);
    expect(server.notes[0]!.body).not.toContain('Needs security review');
    expect(server.requests.filter((r) => r.method === 'PUT' && /\/merge_requests\/12$/.test(r.path))).toEqual([]);
  }, 60_000);

  it('with only the job token: the files are written, the job ends by the gate, and the log says what could not be posted', async () => {
    const { dir, sha } = await project({ 'add.js': "'use strict';\nmodule.exports = (a, b) => a + b;\n" });
    const run = await job(server, dir, sha, { CI_MERGE_REQUEST_IID: '12' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/pipewarden: warning: could not post the MR note: HTTP 403: the token may not write here: CI_JOB_TOKEN cannot post notes or issues; set PIPEWARDEN_GITLAB_TOKEN/);
    expect(server.notes).toHaveLength(0);
    expect(server.writes().every((r) => r.auth === 'job')).toBe(true);
  }, 60_000);

  it('a bad predefined variable is one line naming it, exit 2', async () => {
    const { dir, sha } = await project({ 'a.js': '1;\n' });
    const run = await job(server, dir, sha, { CI_PROJECT_ID: 'acme/shop', CI_MERGE_REQUEST_IID: 'twelve' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('pipewarden: '))).toEqual(['pipewarden: CI_PROJECT_ID must be a number; CI_MERGE_REQUEST_IID must be a number']);
    expect(server.requests).toHaveLength(0);
  });
});
