import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeGitlab } from '../../../test-support/fake-gitlab.js';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';
import { demoExpected } from '../../../test-support/demo-app.js';

const JAVA_HOME = '/usr/lib/jvm/java-17-openjdk-amd64';
const HARNESS = join(repoRoot, 'test-support', 'jenkins-harness.groovy');
const VARS = join(repoRoot, 'packages', 'jenkins', 'vars');
const COMMAND = `node ${join(repoRoot, 'packages', 'cli', 'dist', 'cli.js')}`;
// Debian's groovy 2.4 needs Java 17 (the machine's default java may be newer).
if (existsSync(JAVA_HOME)) process.env.JAVA_HOME = JAVA_HOME;
const hasGroovy = hasTool('groovy', ['--version'], 'apt-get install groovy (the Jenkins step tests run the library under it)');

interface Call {
  step: string;
  args: unknown;
  exitCode?: number;
}
interface Build {
  result: 'SUCCESS' | 'UNSTABLE' | 'FAILURE';
  calls: Call[];
  returned: Record<string, unknown> | null;
  error: string | null;
  log: string;
}

async function workspace(files?: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-jenkins-'));
  if (files) for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  else await cp(join(repoRoot, 'examples', 'vulnerable-app'), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  return dir;
}

/** Runs a step of the library in the harness; `sh` really runs the built CLI. */
async function jenkins(step: string, cwd: string, config: Record<string, unknown>, options: { plugins?: Record<string, boolean>; env?: Record<string, string>; credentials?: Record<string, string> } = {}): Promise<Build> {
  const specFile = join(await mkdtemp(join(tmpdir(), 'pw-jenkins-spec-')), 'spec.json');
  await writeFile(
    specFile,
    JSON.stringify({ vars: VARS, step, cwd, config, plugins: options.plugins ?? { warningsNg: true, htmlPublisher: true }, credentials: options.credentials ?? {}, env: { PATH: process.env.PATH, HOME: process.env.HOME ?? cwd, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_ADVISORIES_DIR: process.env.PIPEWARDEN_ADVISORIES_DIR ?? '', ...options.env } }),
  );
  const child = spawn('groovy', [HARNESS, specFile], { env: { ...process.env, JAVA_HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let log = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the harness failed (${code}): ${log}`);
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<Build, 'log'>), log };
}

const steps = (build: Build) => build.calls.map((c) => c.step);

describe.skipIf(!hasGroovy)('the Jenkins shared library, run under Groovy in a recording harness', () => {
  let demo: string;
  beforeAll(async () => {
    demo = await workspace();
  });

  it('a failing gate: the CLI runs, everything is published, the build is FAILURE', async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND });
    expect(build.result).toBe('FAILURE');
    expect(steps(build)).toEqual(['sh', 'recordIssues', 'junit', 'archiveArtifacts', 'publishHTML', 'error']);
    expect(build.calls[0]!.exitCode).toBe(1);
    expect((build.calls[0]!.args as { script: string }).script).toContain(`${COMMAND} 'scan' '.' '--stage' 'commit' '--out-dir' '.pipewarden' '--fail-on' 'policy'`);
    expect(build.calls[1]!.args).toEqual({ tools: [{ tool: 'sarif', pattern: '.pipewarden/results.sarif', id: 'pipewarden', name: 'Pipewarden' }], qualityGates: [], enabledForFailure: true });
    expect(build.error).toBe('Pipewarden: the gate failed (see the Pipewarden report)');
    expect(build.log).toMatch(/Gate FAILED/);
  }, 120_000);

  it('unstableOnFailure: the failed gate makes the build UNSTABLE, and the step returns the verdict', async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND, unstableOnFailure: true, outDir: 'out-unstable' });
    expect(build.result).toBe('UNSTABLE');
    expect(steps(build).at(-1)).toBe('unstable');
    expect(build.returned).toEqual({ exitCode: 1, verdict: 'fail', outDir: 'out-unstable' });
  }, 120_000);

  it('a passing gate: SUCCESS', async () => {
    const clean = await workspace({ 'add.js': "'use strict';\nmodule.exports = (a, b) => a + b;\n" });
    const build = await jenkins('pipewardenScan', clean, { command: COMMAND, scanners: 'eslint-security' });
    expect(build.result).toBe('SUCCESS');
    expect(build.returned).toMatchObject({ exitCode: 0, verdict: 'pass' });
    expect(steps(build)).toEqual(['sh', 'recordIssues', 'junit', 'archiveArtifacts', 'publishHTML']);
  }, 120_000);

  it("the history: restored from the default branch's last build of a multibranch job, added to, archived", async () => {
    const clean = await workspace({ 'add.js': "'use strict';\nmodule.exports = (a, b) => a + b;\n" });
    const build = await jenkins('pipewardenScan', clean, { command: COMMAND, scanners: 'eslint-security', outDir: 'out-history' }, { env: { JOB_NAME: 'acme/shop/PR-7', BRANCH_NAME: 'PR-7', PIPEWARDEN_DEFAULT_BRANCH: 'release/2.x' } });
    expect(steps(build)).toEqual(['copyArtifacts', 'sh', 'recordIssues', 'junit', 'archiveArtifacts', 'publishHTML']);
    expect(build.calls[0]!.args).toEqual({ projectName: 'acme/shop/release%2F2.x', selector: { selector: 'lastSuccessful' }, filter: 'out-history/history.jsonl', optional: true, fingerprintArtifacts: false });
    expect((build.calls[4]!.args as { artifacts: string }).artifacts).toContain('out-history/history.jsonl');
    const line = JSON.parse((await readFile(join(clean, 'out-history', 'history.jsonl'), 'utf8')).trim()) as { branch: string; verdict: string };
    expect(line).toMatchObject({ branch: 'PR-7', verdict: 'pass' });
  }, 120_000);

  it('Copy Artifact installed but this job not permitted to copy: a warning saying how to allow it, and the build goes on', async () => {
    const clean = await workspace({ 'add.js': "'use strict';\nmodule.exports = (a, b) => a + b;\n" });
    const build = await jenkins('pipewardenScan', clean, { command: COMMAND, scanners: 'eslint-security', outDir: 'out-denied' }, { env: { JOB_NAME: 'acme/shop/PR-8', BRANCH_NAME: 'PR-8' }, plugins: { warningsNg: true, htmlPublisher: true, copyArtifact: 'denied' as unknown as boolean } });
    expect(build.result).toBe('SUCCESS');
    expect(steps(build)).toEqual(['copyArtifacts', 'echo', 'sh', 'recordIssues', 'junit', 'archiveArtifacts', 'publishHTML']);
    expect(build.calls[1]!.args).toBe(
      'pipewarden: warning: could not restore the history from acme/shop/main: Unable to find project for artifact copy: acme/shop/main (allow it in acme/shop/main\'s configuration: "Permission to Copy Artifact" for acme/shop/PR-8); the trend starts from this build',
    );
    expect(existsSync(join(clean, 'out-denied', 'history.jsonl'))).toBe(true);
  }, 120_000);

  it('installTools: the scan is asked to install the pinned tools first; a non-boolean is refused', async () => {
    const bad = await jenkins('pipewardenScan', demo, { command: COMMAND, installTools: 'yes' });
    expect(bad.error).toBe('pipewardenScan: installTools: expected true or false');
    const clean = await workspace({ 'add.js': '1;\n' });
    const build = await jenkins('pipewardenScan', clean, { command: COMMAND, scanners: 'eslint-security', installTools: true, outDir: 'out-tools' }, { env: { PIPEWARDEN_TOOLS_DIR: join(clean, '.tools') } });
    expect((build.calls[0]!.args as { script: string }).script).toContain("'--install-tools'");
    expect(build.result).toBe('SUCCESS');
  }, 120_000);

  it("a CLI error: FAILURE with the CLI's one-line message, nothing published", async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND, config: 'missing.yml', outDir: 'out-error' });
    expect(build.result).toBe('FAILURE');
    expect(steps(build)).toEqual(['sh', 'error']);
    expect(build.error).toMatch(/^pipewarden: .*missing\.yml: /);
  }, 120_000);

  it('Warnings NG and the HTML Publisher absent: a warning each in the log, the rest published, the result from the gate', async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND, outDir: 'out-noplugins' }, { plugins: { warningsNg: false, htmlPublisher: false } });
    expect(build.result).toBe('FAILURE');
    expect(steps(build)).toEqual(['sh', 'echo', 'junit', 'archiveArtifacts', 'echo', 'error']);
    expect(build.calls[1]!.args).toMatch(/^pipewarden: warning: the Warnings Next Generation plugin is not installed: No such DSL method 'sarif'/);
    expect(build.calls[4]!.args).toMatch(/^pipewarden: warning: the HTML Publisher plugin is not installed/);
  }, 120_000);

  it('unknown and bad parameters: one error naming them all, before anything runs', async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND, stgae: 'commit', failOn: 'sometimes', reports: 'a.json' });
    expect(build.result).toBe('FAILURE');
    expect(steps(build)).toEqual(['error']);
    expect(build.error).toMatch(/^pipewardenScan: unknown parameter stgae \(known: .*\); failOn: 'sometimes' is not one of policy, never, critical, high, medium, low; reports: expected a list of paths$/);
  });

  it('parallel shards: each scans its part and stashes it, one merge gates and publishes once', async () => {
    const build = await jenkins('pipewardenMerge', demo, { shards: 2, scan: { command: COMMAND } });
    expect(build.result).toBe('FAILURE');
    expect(steps(build)).toEqual(['parallel', 'sh', 'stash', 'sh', 'stash', 'unstash', 'unstash', 'sh', 'sh', 'recordIssues', 'junit', 'archiveArtifacts', 'publishHTML', 'error']);
    expect(build.calls[0]!.args).toEqual(['pipewarden shard 1/2', 'pipewarden shard 2/2']);
    const scripts = build.calls.filter((c) => c.step === 'sh').map((c) => (c.args as { script: string }).script);
    expect(scripts[0]).toContain("'--shard' '1/2'");
    expect(scripts[1]).toContain("'--shard' '2/2'");
    expect(scripts[2]).toContain("merge 'pipewarden-shard-1/results.sarif' 'pipewarden-shard-2/results.sarif' -o pipewarden-merged.sarif");
    expect(scripts[3]).toContain("'--scanners' 'none'");
    expect(scripts[3]).toContain("'--report' 'pipewarden-merged.sarif'");
    // The merged log holds every shard's findings: the demo's 16.
    const merged = JSON.parse(await readFile(join(demo, '.pipewarden', 'report.json'), 'utf8')) as { findings: unknown[] };
    expect(merged.findings).toHaveLength(demoExpected().total);
  }, 180_000);

  describe('tickets from Jenkins: GitLab issues with a token from Jenkins credentials', () => {
    let server: FakeGitlab;
    beforeAll(async () => {
      server = new FakeGitlab();
      await server.start();
    });
    afterAll(async () => server.stop());

    it('the MR note from a change request, an issue per finding group from the default branch; the token is never echoed', async () => {
      const token = 'glpat-jenkins-secret-0123456789';
      const run = (env: Record<string, string>) =>
        jenkins(
          'pipewardenScan',
          demo,
          { command: COMMAND, tickets: 'gitlab', credentialsId: 'gitlab-token', gitlabUrl: server.url, gitlabProject: '7', outDir: 'out-tickets', unstableOnFailure: true },
          { credentials: { 'gitlab-token': token }, env: { GIT_COMMIT: 'a'.repeat(40), BUILD_URL: 'https://jenkins.example.com/job/shop/5/', ...env } },
        );
      const build = await run({ CHANGE_ID: '5', BRANCH_NAME: 'PR-5' });
      expect(build.result).toBe('UNSTABLE');
      expect(steps(build).slice(0, 3)).toEqual(['withCredentials', 'withEnv', 'sh']);
      expect(build.calls[0]!.args).toEqual([{ type: 'string', credentialsId: 'gitlab-token', variable: 'PIPEWARDEN_GITLAB_TOKEN' }]);
      expect(server.notes).toHaveLength(1);
      expect(server.issues).toHaveLength(0);
      expect((await run({ BRANCH_NAME: 'main' })).result).toBe('UNSTABLE');
      expect(server.issues.length).toBeGreaterThanOrEqual(4);
      expect(server.issues.every((i) => i.confidential)).toBe(true);
      expect(JSON.stringify(build.calls)).not.toContain(token);
      expect(build.log).not.toContain(token);
    }, 120_000);
  });

  it('GitHub issues too: token from the credential, the repository as owner/repo, a re-run updates instead of opening again', async () => {
    const { FakeGitHub } = await import('../../../test-support/fake-github.js');
    const github = new FakeGitHub();
    await github.start();
    try {
      const token = 'ghp_jenkinsSecret0123456789abcdefghijklmn';
      const run = () =>
        jenkins('pipewardenScan', demo, { command: COMMAND, tickets: 'github', credentialsId: 'github-token', githubRepository: 'acme/shop', githubApiUrl: github.url, outDir: 'out-gh', unstableOnFailure: true, maxNewTickets: 100 }, { credentials: { 'github-token': token }, env: { BRANCH_NAME: 'main' } });
      const first = await run();
      expect(first.result).toBe('UNSTABLE');
      expect(first.calls[0]!.args).toEqual([{ type: 'string', credentialsId: 'github-token', variable: 'PIPEWARDEN_GITHUB_TOKEN' }]);
      const opened = github.issues.length;
      expect(opened).toBeGreaterThanOrEqual(4);
      expect(github.issues.map((i) => i.labels)).toEqual(github.issues.map(() => expect.arrayContaining(['pipewarden'])));
      await run();
      expect(github.issues).toHaveLength(opened);
      expect(first.log).not.toContain(token);
      expect(JSON.stringify(first.calls)).not.toContain(token);
    } finally {
      await github.stop();
    }
  }, 120_000);

  it('Jira tickets too: the personal access token from the credential, the URL and project as parameters', async () => {
    const { FakeJira } = await import('../../../test-support/fake-jira.js');
    const jira = new FakeJira('data-center');
    await jira.start();
    try {
      const build = await jenkins('pipewardenScan', demo, { command: COMMAND, tickets: 'jira', credentialsId: 'jira-token', jiraUrl: jira.url, jiraProject: 'SEC', outDir: 'out-jira', unstableOnFailure: true, maxNewTickets: 100 }, { credentials: { 'jira-token': 'pat-token' }, env: { BRANCH_NAME: 'main' } });
      expect(build.result).toBe('UNSTABLE');
      expect(build.calls[0]!.args).toEqual([{ type: 'string', credentialsId: 'jira-token', variable: 'JIRA_API_TOKEN' }]);
      expect(jira.issues.length).toBeGreaterThanOrEqual(4);
      expect(jira.issues.every((i) => typeof i.description === 'string' && i.labels.includes('pipewarden'))).toBe(true);
      expect(build.log).not.toContain('pat-token');
    } finally {
      await jira.stop();
    }
  }, 120_000);

  it('tickets without a credential or a project: one error before anything runs', async () => {
    const build = await jenkins('pipewardenScan', demo, { command: COMMAND, tickets: 'github', githubRepository: 'not a repo' });
    expect(steps(build)).toEqual(['error']);
    expect(build.error).toBe('pipewardenScan: tickets: github needs credentialsId (a secret-text credential holding the token); tickets: github needs githubRepository (owner/repo)');
  });

  it('parameter names and defaults agree with the Action and the GitLab component', async () => {
    const printed = execFileSync('groovy', [HARNESS, await specOf()], { env: { ...process.env, JAVA_HOME }, encoding: 'utf8' });
    const { defaults: shared } = JSON.parse(printed.trim().split('\n').at(-1)!) as { defaults: Record<string, unknown> };
    const action = (parse(await readFile(join(repoRoot, 'packages', 'github-action', 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> }).inputs;
    const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const [name, value] of Object.entries(shared)) {
      const input = action[kebab(name)];
      expect(input, `${name} has no Action input ${kebab(name)}`).toBeDefined();
      expect(Array.isArray(value) ? (value as unknown[]).join('\n') : String(value), `default of ${name}`).toBe(input!.default);
    }
  });
});

describe.skipIf(!hasGroovy)('pipewardenAttest and pipewardenVerify, with the key from Secret file credentials', () => {
  it('the commit stage attests the scan, the production stage verifies it; another artifact or a failed scan is not promoted', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const credentials = { 'signing-key': pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'verify-key': pair.publicKey.export({ type: 'spki', format: 'pem' }) as string };
    const ws = await workspace({ 'README.md': '# app\n', 'app.jar': 'the jar the build produced\n', 'other.jar': 'not built here\n' });
    const scan = await jenkins('pipewardenScan', ws, { command: COMMAND, scanners: 'none', history: 'none', publish: false });
    expect(scan.result).toBe('SUCCESS');

    const attest = await jenkins('pipewardenAttest', ws, { command: COMMAND, subjects: ['app.jar'], keyCredentialsId: 'signing-key' }, { credentials });
    expect(attest.result, attest.log).toBe('SUCCESS');
    expect(attest.returned).toEqual({ attestation: '.pipewarden/attestation.intoto.jsonl' });
    expect(steps(attest)).toEqual(['withCredentials', 'sh', 'archiveArtifacts']);
    expect(attest.calls[0]!.args).toEqual([{ type: 'file', credentialsId: 'signing-key', variable: 'PIPEWARDEN_ATTEST_KEY' }]);
    expect((attest.calls[1]!.args as { script: string }).script).toContain(`${COMMAND} 'attest' '--out-dir' '.pipewarden' '--subject' 'app.jar' '--key' 'env:PIPEWARDEN_ATTEST_KEY'`);
    expect(attest.calls[2]!.args).toMatchObject({ artifacts: '.pipewarden/attestation.intoto.jsonl,.pipewarden/attestation.sigstore.json', fingerprint: true });
    expect(attest.log).not.toContain('PRIVATE KEY');

    const verify = await jenkins('pipewardenVerify', ws, { command: COMMAND, subjects: ['app.jar'], publicKeyCredentialsId: 'verify-key' }, { credentials });
    expect(verify.result, verify.log).toBe('SUCCESS');
    expect(verify.returned).toEqual({ verified: true });
    expect((verify.calls[1]!.args as { script: string }).script).toContain("'--require-verdict' 'pass' '--max-age' '7d'");

    const other = await jenkins('pipewardenVerify', ws, { command: COMMAND, subjects: ['other.jar'], publicKeyCredentialsId: 'verify-key' }, { credentials });
    expect(other.result).toBe('FAILURE');
    expect(other.error).toMatch(/^Pipewarden: not promoted: pipewarden: \.pipewarden\/attestation\.intoto\.jsonl: other\.jar \(sha256:[0-9a-f]{12}\): not attested/);

    // A failed scan, attested: its attestation verifies, but does not promote with requireVerdict pass.
    await writeFile(join(ws, 'crit.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'trivy', rules: [{ id: 'CVE-2021-44228', properties: { 'security-severity': '10.0' } }] } }, results: [{ ruleId: 'CVE-2021-44228', level: 'error', message: { text: 'log4j' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'pom.xml' } } }] }] }] }));
    const failed = await jenkins('pipewardenScan', ws, { command: COMMAND, scanners: 'none', reports: ['crit.sarif'], history: 'none', publish: false, unstableOnFailure: true });
    expect(failed.result).toBe('UNSTABLE');
    expect((await jenkins('pipewardenAttest', ws, { command: COMMAND, subjects: ['app.jar'], keyCredentialsId: 'signing-key' }, { credentials })).result).toBe('SUCCESS');
    const refused = await jenkins('pipewardenVerify', ws, { command: COMMAND, subjects: ['app.jar'], publicKeyCredentialsId: 'verify-key' }, { credentials });
    expect(refused.error).toMatch(/not promoted: .*app\.jar \(sha256:[0-9a-f]{12}\): the scan's verdict is fail, --require-verdict pass/);
    expect((await jenkins('pipewardenVerify', ws, { command: COMMAND, subjects: ['app.jar'], publicKeyCredentialsId: 'verify-key', requireVerdict: 'any' }, { credentials })).result).toBe('SUCCESS');
  }, 180_000);

  it('bad parameters: every problem at once, before anything runs', async () => {
    const ws = await workspace({ 'README.md': '# app\n' });
    const attest = await jenkins('pipewardenAttest', ws, { subjects: 'app.jar', keyFile: 'x' });
    expect(attest.error).toBe('pipewardenAttest: unknown parameter keyFile (known: command, fulcioUrl, keyCredentialsId, oidcCredentialsId, outDir, passphraseCredentialsId, rekorUrl, subjects); subjects: expected a list of what the build produced (files, sha256:DIGEST or IMAGE@sha256:DIGEST); keyCredentialsId: the Secret file credential holding the PEM private key is required (or oidcCredentialsId for keyless signing)');
    expect(steps(attest)).toEqual(['error']);
    const verify = await jenkins('pipewardenVerify', ws, { subjects: ['a'], requireVerdict: 'maybe' });
    expect(verify.error).toMatch(/^pipewardenVerify: publicKey: .* is required; requireVerdict: 'maybe' is not one of pass, fail, any$/);
  }, 60_000);
});

describe.skipIf(!hasGroovy)('the snippet generator\'s help files', () => {
  it('every step has its vars/<step>.txt, and it names every parameter the step takes', async () => {
    const printed = execFileSync('groovy', [HARNESS, await specOf()], { env: { ...process.env, JAVA_HOME }, encoding: 'utf8' });
    const { defaults, jenkins: own } = JSON.parse(printed.trim().split('\n').at(-1)!) as { defaults: Record<string, unknown>; jenkins: Record<string, unknown> };
    const merge = await readFile(join(VARS, 'pipewardenMerge.groovy'), 'utf8');
    const mergeParams = JSON.parse(/List known = (\[.*?\])/.exec(merge)![1]!.replace(/'/g, '"')) as string[];
    const named = (help: string) => new Set([...help.matchAll(/<dt>(.*?)<\/dt>/g)].flatMap((m) => m[1]!.split(/,\s*/)));
    const problems: string[] = [];
    // The attestation steps' parameters are their DEFAULTS map's keys.
    const keysOf = async (step: string) => {
      const map = /DEFAULTS = \[\n([\s\S]*?)\n\]/.exec(await readFile(join(VARS, `${step}.groovy`), 'utf8'))![1]!;
      return [...map.matchAll(/^\s*(\w+)\s*:/gm)].map((m) => m[1]!);
    };
    const attestSteps = [['pipewardenAttest', await keysOf('pipewardenAttest')], ['pipewardenVerify', await keysOf('pipewardenVerify')]] as const;
    expect(attestSteps.map(([, params]) => params.length)).toEqual([8, 9]);
    for (const [step, params] of [['pipewardenScan', [...Object.keys(defaults), ...Object.keys(own)]], ['pipewardenMerge', mergeParams], ...attestSteps] as const) {
      const help = await readFile(join(VARS, `${step}.txt`), 'utf8');
      const shown = named(help);
      for (const param of params) if (!shown.has(param)) problems.push(`${step}.txt: ${param} is not described`);
    }
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasGroovy)('examples/jenkins/Jenkinsfile', () => {
  it('loads the library by its tag and passes the steps only parameters they know', async () => {
    const jenkinsfile = await readFile(join(repoRoot, 'examples', 'jenkins', 'Jenkinsfile'), 'utf8');
    expect(jenkinsfile).toMatch(/^@Library\('pipewarden@v[\d.]+'\) _$/m);
    const printed = execFileSync('groovy', [HARNESS, await specOf()], { env: { ...process.env, JAVA_HOME }, encoding: 'utf8' });
    const { defaults, jenkins: own } = JSON.parse(printed.trim().split('\n').at(-1)!) as { defaults: Record<string, unknown>; jenkins: Record<string, unknown> };
    const known = new Set([...Object.keys(defaults), ...Object.keys(own)]);
    const calls = [...jenkinsfile.matchAll(/pipewardenScan\(([\s\S]*?)\n?\s*\)\n/g)].map((m) => m[1]!);
    expect(calls.length).toBe(2);
    // Top-level keys only: nested maps (qualityGates) have their own.
    for (const call of calls) for (const [, key] of call.replace(/\[\[.*?\]\]/g, '[]').matchAll(/(?:^|[,(\n])\s*(\w+):/g)) expect(known, key).toContain(key);
    expect(jenkinsfile).toMatch(/pipewardenMerge\(shards: 4/);
  });
});

async function specOf(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'pw-jenkins-spec-')), 'spec.json');
  await writeFile(file, JSON.stringify({ vars: VARS, step: 'defaults', cwd: tmpdir() }));
  return file;
}
