import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyLineSchema, type HistoryLine } from '@pipewarden/core';
import { FakeGitHub } from '../../../test-support/fake-github.js';
import { CLI, cli, serve, type Served } from './test-helpers.js';

const EVAL = "'use strict';\nmodule.exports = function calc(expression) {\n  return eval(expression);\n};\n";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('accepted tickets on the dashboard: a scan with GitHub issues, a person closes one as not planned, the store and the pages show it', () => {
  let dir: string;
  let store: string;
  let github: FakeGitHub;
  let served: Served;
  let lines: HistoryLine[];
  let issueUrl: string;
  let fp: string;

  beforeAll(async () => {
    github = new FakeGitHub();
    await github.start();
    dir = await mkdtemp(join(tmpdir(), 'pw-dash-tickets-'));
    store = join(dir, 'store.db');
    await writeFile(join(dir, 'calc.js'), EVAL);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'init');
    const vars = { PIPEWARDEN_GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url, PIPEWARDEN_DEFAULT_BRANCH: 'main', BRANCH_NAME: 'main', GIT_COMMIT: git('rev-parse', 'HEAD') };
    const scan = (): Promise<{ code: number | null; stderr: string }> => {
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PIPEWARDEN_OFFLINE: '1', CI: 'true', ...vars };
      const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'eslint-security', '--tickets', 'github', '--out-dir', join(dir, '.pipewarden')], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
    };
    const first = await scan();
    expect(first.code, first.stderr).toBe(1);
    expect(github.issues).toHaveLength(1);
    // The next run reads the issue before it scans and records it, open, beside its finding.
    const again = await scan();
    expect(again.code, again.stderr).toBe(1);
    expect(github.issues).toHaveLength(1);
    // Closed 70 days ago: the 90-day acceptance ends in 20 days, within the waivers page's 30.
    github.closeAsPerson(github.issues[0]!.number, 'not_planned', 'ana', new Date(Date.now() - 70 * 86_400_000).toISOString());
    const accepted = await scan();
    expect(accepted.code, accepted.stderr).toBe(0);
    const history = join(dir, '.pipewarden', 'history.jsonl');
    lines = (await readFile(history, 'utf8')).trim().split('\n').map((line) => historyLineSchema.parse(JSON.parse(line)));
    const imported = cli(['metrics', '--store', store, '--history', history], dir);
    expect(imported.status, imported.stderr).toBe(0);
    const waived = lines.at(-1)!.findings.waived[0]!;
    fp = waived.fp;
    issueUrl = waived.ticket!;
    served = await serve(['--store', store], dir);
  }, 240_000);
  afterAll(async () => {
    await served?.stop();
    await github?.stop();
  });

  it('the run after the close records the acceptance: the ticket, who closed it and until when', () => {
    expect(lines).toHaveLength(3);
    expect(lines[0]!.findings.waived).toEqual([]);
    expect(lines[0]!.tickets).toBeUndefined();
    expect(lines[1]!.tickets).toEqual({ [fp]: { id: String(github.issues[0]!.number), u: issueUrl, st: 'open' } });
    const last = lines[2]!;
    expect(last.findings.waived).toEqual([expect.objectContaining({ fp, r: 'security/detect-eval-with-expression', owner: 'ana', expires: day(20), ticket: expect.stringMatching(/^https:\/\/\S+\/acme\/shop\/issues\/\d+$/) })]);
    expect(last.tickets).toEqual({ [fp]: { id: String(github.issues[0]!.number), u: issueUrl, st: 'accepted' } });
  });

  it('the finding page links its ticket and says the acceptance holds', async () => {
    const page = await (await fetch(`${served.url}/finding?repo=acme%2Fshop&fp=${encodeURIComponent(fp)}`)).text();
    expect(page).toMatch(new RegExp(`<dt>Ticket</dt><dd><span data-ticket><a href="${issueUrl.replace(/[.?]/g, '\\$&')}" rel="noopener noreferrer">`));
    expect(page).toContain(`accepted by ana until ${day(20)}`);
    expect(page).toMatch(/<dt>Waiver<\/dt><dd>accepted on <a href="[^"]+" rel="noopener noreferrer">its ticket<\/a>, until [\d-]+, closed by ana<\/dd>/);
  });

  it('the repository and waivers pages list the acceptance beside waivers, with its ticket, who closed it and its expiry', async () => {
    const repository = await (await fetch(`${served.url}/repository?repo=acme%2Fshop`)).text();
    expect(repository).toContain(`accepted ticket <a href="${issueUrl}" rel="noopener noreferrer">`);
    const waivers = await (await fetch(`${served.url}/waivers`)).text();
    expect(waivers).toContain('1 of 1 waivers in force expire within 30 days');
    expect(waivers).toContain(`>ana</a> 1`);
    const csv = await (await fetch(`${served.url}/waivers?csv=expiring`)).text();
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('Repository,Owner,Waived by,Rule,Priority,Scanner,Expires,Days left');
    expect(row).toBe(`acme/shop,ana,${issueUrl},security/detect-eval-with-expression,P1,eslint-security,${day(20)},20`);
  });

  it('a ticket id and address from the store are text: only an http(s) address becomes a link', async () => {
    const { openStore } = await import('@pipewarden/store');
    const db = await openStore(store, dir);
    const hostile = { ...lines.at(-1)!, repo: 'evil/repo', time: new Date(Date.now() - 3_600_000).toISOString(), tickets: { 'fp-x': { id: '<img src=x onerror=alert(1)>', u: 'javascript:alert(1)', st: 'open' as const } } };
    hostile.findings = { new: [{ fp: 'fp-x', p: 'P2', c: 'sast', s: 'semgrep', r: 'r' }], fixed: [], waived: [{ fp: 'fp-y', p: 'P3', c: 'sast', s: 'semgrep', r: 'r2', expires: day(5), owner: '<b>mallory</b>', ticket: 'javascript:alert(2)' }] };
    await db.add([hostile]);
    await db.close();
    const page = await (await fetch(`${served.url}/finding?repo=evil%2Frepo&fp=fp-x`)).text();
    expect(page).toContain('<span data-ticket>&lt;img src=x onerror=alert(1)&gt;: open as of');
    expect(page).not.toContain('javascript:');
    const repository = await (await fetch(`${served.url}/repository?repo=evil%2Frepo`)).text();
    expect(repository).toContain('accepted ticket javascript:alert(2)');
    expect(repository).not.toMatch(/href="javascript/);
    expect(repository).toContain('&lt;b&gt;mallory&lt;/b&gt;');
  });
});
