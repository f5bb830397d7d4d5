import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const EVAL = "'use strict';\nmodule.exports = function calc(expression) {\n  return eval(expression);\n};\n";
const EXEC = "'use strict';\nconst { exec } = require('child_process');\nmodule.exports = function ping(host) {\n  exec('ping -c 1 ' + host);\n};\n";

/** A tracker's stand-in, as the two-way scenario drives it: what people do on it, and what it holds. */
export interface TrackerStandIn {
  tickets: string;
  /** The CI's variables for a pull/merge request run and for a default-branch run at a commit. */
  prVars: Record<string, string>;
  mainVars(sha: string): Record<string, string>;
  issues(): { id: number; title: string; state: 'open' | 'closed'; labels: string[]; comments: string[]; body: string }[];
  writes(): number;
  closeAsAccepted(id: number, by: string, at: string): void;
  reopenAsPerson(id: number): void;
  setClosedAt(id: number, at: string): void;
  /** What people change: a label of theirs, the title, a line of their own in the body. */
  edit(id: number, change: { label: string; title: string; note: string }): void;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/**
 * The scenario every tracker passes, through the built CLI: PR run (no tickets), default-branch run (created
 * once), retry (nothing duplicated), fixed (closed with a comment), closed by a person as accepted (not
 * reopened, accepted in the summary, gate passes), a fixed one reopened by a person (left open, one comment),
 * the acceptance expired (reopened with a comment).
 */
export async function twoWayScenario(standIn: TrackerStandIn): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-2way-'));
  await writeFile(join(dir, 'calc.js'), EVAL);
  await writeFile(join(dir, 'ping.js'), EXEC);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  const scan = (vars: Record<string, string>): Promise<{ code: number | null; stderr: string }> => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PIPEWARDEN_OFFLINE: '1', CI: 'true', ...vars };
    const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'eslint-security', '--tickets', standIn.tickets, '--out-dir', join(dir, '.pipewarden')], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  };
  const main = () => scan(standIn.mainVars(git('rev-parse', 'HEAD')));
  const find = (file: string) => standIn.issues().find((i) => i.title.includes(file) || i.body.includes(`${file}`))!;

  const pr = await scan(standIn.prVars);
  expect(pr.code, pr.stderr).toBe(1);
  expect(standIn.issues()).toHaveLength(0);

  expect((await main()).code).toBe(1);
  expect(standIn.issues().map((i) => i.title).sort()).toEqual(['[P1] security/detect-child-process in ping.js', '[P1] security/detect-eval-with-expression in calc.js']);
  const writes = standIn.writes();
  const retry = await main();
  expect(retry.code, retry.stderr).toBe(1);
  expect(standIn.writes()).toBe(writes);

  const calc = find('calc.js').id;
  const ping = find('ping.js').id;
  standIn.edit(calc, { label: 'team-payments', title: 'eval in the calculator', note: 'Triage: see the design doc.' });
  await rm(join(dir, 'ping.js'));
  git('commit', '-qam', 'fix ping');
  expect((await main()).code).toBe(1);
  const fixed = standIn.issues().find((i) => i.id === ping)!;
  expect(fixed.state).toBe('closed');
  expect(fixed.comments.at(-1)).toMatch(new RegExp(`^Fixed: no longer found on the default branch in commit ${git('rev-parse', 'HEAD').slice(0, 12)}`));
  // People's label, title and text are kept when Pipewarden rewrites its part.
  const edited = standIn.issues().find((i) => i.id === calc)!;
  expect(edited).toMatchObject({ title: 'eval in the calculator', labels: expect.arrayContaining(['team-payments', 'pipewarden']) });
  expect(edited.body).toContain('Triage: see the design doc.');

  standIn.closeAsAccepted(calc, 'ana', daysAgo(1));
  const accepted = await main();
  expect(accepted.code, accepted.stderr).toBe(0);
  expect(standIn.issues().find((i) => i.id === calc)!.state).toBe('closed');
  expect(await readFile(join(dir, '.pipewarden', 'summary.md'), 'utf8')).toMatch(/### Accepted on tickets\n\n- ✅ `security\/detect-eval-with-expression` in `calc\.js` \(1 finding\): accepted on \[\S+\]\(https:\/\/\S+\), closed as \S+ by ana/);

  standIn.reopenAsPerson(ping);
  const before = standIn.issues().find((i) => i.id === ping)!.comments.length;
  expect((await main()).code).toBe(0);
  expect((await main()).code).toBe(0);
  const reopened = standIn.issues().find((i) => i.id === ping)!;
  expect(reopened.state).toBe('open');
  expect(reopened.comments).toHaveLength(before + 1);
  expect(reopened.comments.at(-1)).toMatch(/^Reopened by a person while Pipewarden still finds nothing here/);

  standIn.setClosedAt(calc, daysAgo(91));
  expect((await main()).code).toBe(1);
  const expired = standIn.issues().find((i) => i.id === calc)!;
  expect(expired.state).toBe('open');
  expect(expired.comments.at(-1)).toMatch(/^The risk acceptance \(closed as "\S+" by ana on [\d-]+\) ended on [\d-]+, and the finding is still there/);
  expect(standIn.issues()).toHaveLength(2);
}
