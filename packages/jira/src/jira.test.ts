import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentText, FakeJira } from '../../../test-support/fake-jira.js';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const EVAL = "'use strict';\nmodule.exports = function calc(expression) {\n  return eval(expression);\n};\n";
const EXEC = "'use strict';\nconst { exec } = require('child_process');\nmodule.exports = function ping(host) {\n  exec('ping -c 1 ' + host);\n};\n";

async function project(config: string): Promise<{ dir: string; git: (...args: string[]) => string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-jira-'));
  await writeFile(join(dir, 'calc.js'), EVAL);
  await writeFile(join(dir, 'ping.js'), EXEC);
  await writeFile(join(dir, 'pipewarden.yml'), config);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  return { dir, git };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe.each(['cloud', 'data-center'] as const)('Jira %s through `pipewarden scan --tickets jira`, against a Jira on 127.0.0.1 (jira.js)', (flavor) => {
  let jira: FakeJira;
  beforeEach(async () => {
    jira = new FakeJira(flavor);
    await jira.start();
  });
  afterEach(async () => jira.stop());

  const config = (extra = '') => `tickets:\n  jira:\n    url: ${jira.url}\n    project: SEC\n    flavor: ${flavor}\n    components: [web]\n    fields:\n      customfield_10042: { value: "{severity}" }\n${extra}`;
  const credentials = flavor === 'cloud' ? { JIRA_EMAIL: 'dev@example.com', JIRA_API_TOKEN: 'api-token' } : { JIRA_API_TOKEN: 'pat-token' };

  function scan(dir: string, vars: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PIPEWARDEN_OFFLINE: '1', CI: 'true', PIPEWARDEN_DEFAULT_BRANCH: 'main', BUILD_URL: 'https://ci.example.com/job/shop/42/', ...credentials, ...vars };
    const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'eslint-security', '--tickets', 'jira', '--out-dir', join(dir, '.pipewarden'), ...args], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  }

  it('PR run, default-branch run, retry, fixed, accepted, reopened by a person, acceptance expired: the ticket history tells it', async () => {
    const { dir, git } = await project(config());
    const main = () => scan(dir, { BRANCH_NAME: 'main', GIT_COMMIT: git('rev-parse', 'HEAD') });

    // A pull request's run keeps no ticket.
    const pr = await scan(dir, { BRANCH_NAME: 'PR-5', CHANGE_ID: '5' });
    expect(pr.code, pr.stderr).toBe(1);
    expect(jira.issues).toHaveLength(0);
    expect(jira.writes()).toHaveLength(0);

    // The default branch: one ticket per finding group, created once, with the marker in a property and a label.
    jira.rateLimited = 1;
    const first = await main();
    expect(first.code, first.stderr).toBe(1);
    // The first call was refused with 429 and Retry-After: 1, and asked again.
    expect(jira.refused).toBe(1);
    expect(jira.requests.slice(0, 2).map((r) => r.path)).toEqual([jira.requests[0]!.path, jira.requests[0]!.path]);
    expect(jira.issues.map((i) => i.summary).sort()).toEqual(['[P1] security/detect-child-process in ping.js', '[P1] security/detect-eval-with-expression in calc.js']);
    for (const issue of jira.issues) {
      expect(issue.labels).toEqual(expect.arrayContaining(['pipewarden', 'priority:P1', 'severity:high', expect.stringMatching(/^pipewarden-[0-9a-f]{12}$/)]));
      expect(issue).toMatchObject({ priority: 'High', components: [{ name: 'web' }], fields: { customfield_10042: { value: 'high' } } });
      expect(issue.properties.pipewarden).toMatchObject({ marker: { scanner: 'eslint-security' } });
      expect(JSON.stringify(issue.description)).not.toContain('pipewarden:ticket');
      if (flavor === 'cloud') expect(issue.description).toMatchObject({ type: 'doc', content: [{ type: 'panel' }] });
      else expect(issue.description).toMatch(/^\{panel:title=Pipewarden\|borderStyle=solid\}\nh3\\. |h3\. What/);
    }

    // A retry of the same run changes nothing.
    const writes = jira.writes().length;
    const retry = await main();
    expect(retry.code, retry.stderr).toBe(1);
    expect(jira.writes()).toHaveLength(writes);
    expect(jira.issues).toHaveLength(2);

    // People's edits: a label and text around Pipewarden's panel are kept when Pipewarden rewrites its part.
    const calc = jira.issues.find((i) => i.summary.includes('calc.js'))!;
    const ping = jira.issues.find((i) => i.summary.includes('ping.js'))!;
    calc.labels.push('team-payments');
    calc.summary = 'eval in the calculator';

    // ping.js fixed: closed through the workflow, with a comment naming the commit and the pipeline.
    await rm(join(dir, 'ping.js'));
    git('commit', '-qam', 'fix ping');
    const fixed = await main();
    expect(fixed.code, fixed.stderr).toBe(1);
    expect(ping).toMatchObject({ status: 'Done', resolution: 'Done' });
    expect(commentText(ping.comments.at(-1))).toMatch(new RegExp(`Fixed: no longer found on the default branch in commit ${git('rev-parse', 'HEAD').slice(0, 12)} \\(pipeline https://ci.example.com/job/shop/42/\\)`));
    expect(calc.labels).toContain('team-payments');
    expect(calc.summary).toBe('eval in the calculator');

    // A person closes calc as Won't Do: not reopened, shown accepted, the gate passes.
    jira.resolveAsPerson(calc.key, "Won't Do", 'Ana Lima', daysAgo(1));
    const accepted = await main();
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(calc).toMatchObject({ status: 'Done', resolution: "Won't Do" });
    const summary = await readFile(join(dir, '.pipewarden', 'summary.md'), 'utf8');
    expect(summary).toMatch(new RegExp(`### Accepted on tickets[\\s\\S]*accepted on \\[${calc.key}\\]\\(${jira.url.replace(/[.]/g, '\\.')}/browse/${calc.key}\\), closed as Won't Do by Ana Lima`));
    const sarif = JSON.parse(await readFile(join(dir, '.pipewarden', 'results.sarif'), 'utf8')) as { runs: { results: { suppressions?: { kind: string; justification: string }[] }[] }[] };
    expect(sarif.runs.flatMap((r) => r.results).flatMap((r) => r.suppressions ?? [])).toContainEqual(expect.objectContaining({ kind: 'external', justification: expect.stringContaining(`${jira.url}/browse/${calc.key}`) }));

    // A person reopens the fixed ping ticket: left open, one comment, and never closed again.
    jira.reopenAsPerson(ping.key, 'Bo');
    const comments = ping.comments.length;
    expect((await main()).code).toBe(0);
    expect(ping.status).toBe('To Do');
    expect(ping.comments).toHaveLength(comments + 1);
    expect(commentText(ping.comments.at(-1))).toMatch(/Reopened by a person while Pipewarden still finds nothing here/);
    expect((await main()).code).toBe(0);
    expect(ping.status).toBe('To Do');
    expect(ping.comments).toHaveLength(comments + 1);

    // The acceptance runs out: reopened with a comment saying why, and the gate fails again.
    calc.resolutiondate = daysAgo(91);
    const expired = await main();
    expect(expired.code, expired.stderr).toBe(1);
    expect(calc.status).toBe('To Do');
    expect(commentText(calc.comments.at(-1))).toMatch(/The risk acceptance \(closed as "Won't Do" by Ana Lima on \d{4}-\d{2}-\d{2}\) ended on \d{4}-\d{2}-\d{2}, and the finding is still there/);
    expect(calc.summary).toBe('eval in the calculator');
    expect(jira.issues).toHaveLength(2);
  }, 240_000);

  it('a close transition the workflow lacks: one line naming what Jira offers, exit 2, nothing changed', async () => {
    const { dir, git } = await project(config('    close_transition: Close Issue\n'));
    expect((await scan(dir, { BRANCH_NAME: 'main' })).code).toBe(1);
    await rm(join(dir, 'ping.js'));
    git('commit', '-qam', 'fix ping');
    const writes = jira.writes().length;
    const run = await scan(dir, { BRANCH_NAME: 'main' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pipewarden: .*tickets\.jira\.close_transition: "Close Issue" is not a transition Jira offers on SEC-\d to close it; it offers: Start Progress, Done, Won't Do$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(jira.writes()).toHaveLength(writes);
    expect(jira.issues.every((i) => i.status === 'To Do')).toBe(true);
  }, 120_000);

  it('missing credentials fail before the scan, naming the variables', async () => {
    const { dir } = await project(config());
    const env: Record<string, string> = flavor === 'cloud' ? { JIRA_EMAIL: '', JIRA_API_TOKEN: '' } : { JIRA_API_TOKEN: '' };
    const run = await scan(dir, { BRANCH_NAME: 'main', ...env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/JIRA_API_TOKEN/);
    expect(jira.requests).toHaveLength(0);
  }, 60_000);
});
