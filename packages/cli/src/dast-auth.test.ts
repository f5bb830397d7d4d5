import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_APP, startLoginApp } from '../../../test-support/login-app.js';
import { zapBaselineStandIn, type StandInCall } from '../../../test-support/stand-ins.js';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous: the app under test is served by this very process.
function pipewarden(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under a folder, with its path: what a secret must appear in neither. */
async function everyFile(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push({ path, text: entry.isFile() ? await readFile(path, 'utf8') : '' });
  }
  return out;
}

interface ReportJson {
  verdict: string;
  exitCode: number;
  incomplete?: string[];
  scanners: { id: string; status: string; reason?: string; dast?: { urls: number; loginWall: number; forms: number; parameters: number; requests: number; modules: string[]; auth: string[]; session: { start: string; end: string }; refused: { excluded: Record<string, number>; unsafeMethod: number; afterBudget: number }; cut: boolean } }[];
  findings: { rule: string; location?: { path: string; line?: number }; request?: { url: string; parameter?: string } }[];
}

// A budget the scan of the demo never needs (about a minute here): a loaded machine must not cut it short.
const LOGIN = (extra = '') => `dast:
  profile: full
  max_scan_time: 300
  auth:
    login: { url: /login, username: admin, password_env: SHOP_PASSWORD, csrf_field: csrf }
    logged_in: { text: "Log out" }
${extra}`;

describe.skipIf(!hasTool('wapiti', ['--version'], 'apt-get install wapiti'))('authenticated DAST through the CLI: the login demo', () => {
  const password = `pw-${randomBytes(12).toString('hex')}`;
  let app: Awaited<ReturnType<typeof startLoginApp>>;
  beforeAll(async () => {
    app = await startLoginApp({ password });
  });
  afterAll(async () => app.stop());

  it('without a session: a login wall, the scan incomplete, the gate failed closed and said so in the first line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-wall-'));
    await writeFile(join(dir, 'pipewarden.yml'), 'dast:\n  profile: quick\n  max_scan_time: 30\n');
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out']);
    expect(run.code, run.stderr).toBe(1);
    const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary.split('\n')[0]).toMatch(/^## Pipewarden: ❌ gate failed: incomplete scan \(wapiti: login wall: \d+ of \d+ pages crawled answered with the login page/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    expect(report.verdict).toBe('fail');
    expect(report.incomplete).toEqual([expect.stringMatching(/^wapiti: login wall: .*give the scan a session under dast\.auth$/)]);
    const coverage = report.scanners.find((s) => s.id === 'wapiti')!.dast!;
    expect(coverage.auth).toEqual([]);
    expect(coverage.loginWall / coverage.urls).toBeGreaterThan(0.5);
    expect(report.findings.map((f) => f.rule)).not.toContain('wapiti/cross-site-scripting');
    // JUnit and HTML say it too: a failing "complete scan" case, the reason in the header.
    expect(await readFile(join(dir, 'out', 'junit.xml'), 'utf8')).toMatch(/<testcase classname="pipewarden\.gate" name="complete scan"><failure message="the scan is incomplete">wapiti: login wall/);
    expect(await readFile(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/Gate failed, incomplete scan<\/h1>.*<p>Incomplete: wapiti: login wall/s);
    // The history line carries the same verdict.
    const history = (await readFile(join(dir, 'out', 'history.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { verdict?: string; status?: string; exitCode?: number });
    expect(history.at(-1)!.verdict).toBe('fail');
  }, 120_000);

  it('logged in through the form: XSS, SQL injection (blind too), command injection and the open redirect found on their handlers; no destructive page requested; the password nowhere', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-auth-'));
    await writeFile(join(dir, 'pipewarden.yml'), LOGIN());
    const before = { ...app.counts };
    const run = await pipewarden(dir, ['scan', LOGIN_APP, '--config', 'pipewarden.yml', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: password });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/DAST: session verified \(login form\)/);
    expect(run.stderr).toMatch(/DAST: the session held to the end/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    const source = (await readFile(join(LOGIN_APP, 'app.js'), 'utf8')).split('\n');
    const handler = (route: string) => source.findIndex((line) => line.includes(`case '${route}'`)) + 1;
    for (const [rule, route] of [['wapiti/cross-site-scripting', '/search'], ['wapiti/sql-injection', '/item'], ['wapiti/blind-sql-injection', '/stock'], ['wapiti/command-execution', '/ping'], ['wapiti/open-redirect', '/go']] as const) {
      const finding = report.findings.find((f) => f.rule === rule);
      expect(finding, rule).toBeDefined();
      expect(finding!.request!.url).toContain(route);
      expect(finding!.location).toMatchObject({ path: 'examples/login-app/app.js', line: handler(route) });
    }
    const coverage = report.scanners.find((s) => s.id === 'wapiti')!.dast!;
    expect(coverage).toMatchObject({ auth: ['login form'], session: { start: 'valid', end: 'valid' } });
    expect(coverage.modules).toEqual(expect.arrayContaining(['sql', 'blindsql', 'xss', 'permanentxss', 'exec', 'file', 'redirect']));
    expect(coverage.forms).toBeGreaterThanOrEqual(2);
    expect(coverage.loginWall).toBe(0);
    // The guard refused the destructive pages Wapiti found, and the app never saw them.
    expect(Object.keys(coverage.refused.excluded).sort()).toEqual(expect.arrayContaining(['logout', 'password change', 'reset', 'setup']));
    for (const path of ['/logout', '/admin/reset', '/account/password', '/setup']) expect(app.counts[path] ?? 0, path).toBe(before[path] ?? 0);
    // Safe mode: the feedback form's POST was refused, so the app saw none (the login's own POST aside).
    expect(coverage.refused.unsafeMethod).toBeGreaterThan(0);
    expect(app.counts['POST /feedback'] ?? 0).toBe(before['POST /feedback'] ?? 0);
    expect(app.counts['POST /login']).toBe((before['POST /login'] ?? 0) + 1);
    // The password: in no output, no raw report, no file name, not on the scanner's command line.
    for (const file of await everyFile(join(dir, 'out'))) {
      expect(file.path).not.toContain(password);
      expect(file.text, file.path).not.toContain(password);
    }
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
    const sarif = await readFile(join(dir, 'out', 'results.sarif'), 'utf8');
    // sqlmap (Debian's) confirms the injections through a guard of its own: the technique and DBMS as evidence.
    if (hasTool('sqlmap', ['--version'], 'apt-get install sqlmap')) {
      type Result = { ruleId: string; message: { text: string }; properties: Record<string, unknown> };
      const results = (JSON.parse(sarif) as { runs: { results: Result[] }[] }).runs.flatMap((r) => r.results);
      const sqli = results.find((r) => r.ruleId === 'wapiti/sql-injection')!;
      expect(sqli.properties['pipewarden/confidence']).toBe('high');
      expect((sqli.properties['pipewarden/dast'] as { confirmation: unknown }).confirmation).toMatchObject({ tool: 'sqlmap', confirmed: true, techniques: expect.arrayContaining(['UNION query']), dbms: 'SQLite' });
      expect(sqli.message.text).toMatch(/\(confirmed by sqlmap: .*UNION query.*SQLite\)$/);
      const blind = results.find((r) => r.ruleId === 'wapiti/blind-sql-injection')!;
      expect((blind.properties['pipewarden/dast'] as { confirmation: { confirmed: boolean; techniques: string[] } }).confirmation).toMatchObject({ confirmed: true, techniques: ['boolean-based blind'] });
      expect(run.stderr).toMatch(/DAST: sqlmap confirmed \/item id/);
    }
    expect(sarif).toMatch(/"commandLine":\s*"wapiti -u http:\/\/127\.0\.0\.1:\d+\/ [^"]*-p http:\/\/127\.0\.0\.1:\d+\//);
  }, 420_000);

  it('ZAP (its 2.16.1 stand-in) gets the same session and bounds through the guard, as its upstream proxy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-zap-'));
    await writeFile(join(dir, 'pipewarden.yml'), LOGIN());
    const bin = join(dir, 'bin');
    await mkdir(bin);
    const log = join(dir, 'calls.jsonl');
    await zapBaselineStandIn({ bin, log });
    const before = { ...app.counts };
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'zap', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: password, PATH: `${bin}:${process.env.PATH}` });
    expect(run.stderr).toMatch(/zap: ran, [1-9]\d* findings?/);
    const calls = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as StandInCall);
    const scan = calls.find((c) => c.tool === 'zap-baseline.py' && c.args[0] === '-t')!;
    expect(scan.args[scan.args.indexOf('-z') + 1]).toMatch(/^-config network\.connection\.httpProxy\.enabled=true -config network\.connection\.httpProxy\.host=127\.0\.0\.1 -config network\.connection\.httpProxy\.port=\d+$/);
    expect(JSON.stringify(scan.args)).not.toContain(password);
    const answers = Object.fromEntries(calls.filter((c) => c.tool === 'zap-request').map((c) => [new URL(c.args[0]!).pathname, c.args[1]]));
    // Logged in (no redirect to /login); the destructive pages answered by the guard, never by the app.
    expect(answers).toMatchObject({ '/': '200', '/search': '200', '/logout': '403', '/admin/reset': '403', '/account/password': '403', '/setup': '403' });
    for (const path of ['/logout', '/admin/reset', '/account/password', '/setup']) expect(app.counts[path] ?? 0, path).toBe(before[path] ?? 0);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    expect(report.scanners.find((s) => s.id === 'zap')!.dast).toMatchObject({ auth: ['login form'], session: { start: 'valid', end: 'valid' }, loginWall: 0 });
  }, 60_000);

  it('Wapiti stopped from outside by its timeout: the findings it had stored are kept, the run is partial and fails closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-killed-'));
    await writeFile(join(dir, 'pipewarden.yml'), `${LOGIN()}scanners:\n  wapiti: { timeout: 12 }\n`);
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: password });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    const wapiti = report.scanners.find((s) => s.id === 'wapiti')!;
    expect(wapiti).toMatchObject({ status: 'partial', reason: 'timed out after 12 s; it was stopped with the processes it started; the findings it had stored until then are kept' });
    expect(report.incomplete).toEqual([expect.stringMatching(/^wapiti: partial scan: timed out after 12 s/)]);
    // The report Wapiti wrote from its session is the one read: every finding in it is in report.json.
    const raw = JSON.parse(await readFile(join(dir, 'out', 'raw', 'wapiti.json'), 'utf8')) as { vulnerabilities: Record<string, unknown[]> };
    const stored = Object.values(raw.vulnerabilities).reduce((n, list) => n + list.length, 0);
    expect(report.findings.filter((f) => f.rule.startsWith('wapiti/') && f.rule !== 'wapiti/internal-server-error').length).toBeGreaterThanOrEqual(Math.min(stored, 1));
    expect((await readFile(join(dir, 'out', 'summary.md'), 'utf8')).split('\n')[0]).toMatch(/^## Pipewarden: ❌ gate failed, and incomplete scan \(wapiti: partial scan: timed out after 12 s|^## Pipewarden: ❌ gate failed: incomplete scan \(wapiti: partial scan: timed out after 12 s/);
  }, 120_000);

  it('dast.openapi: the JSON API no page links to is attacked through its documented parameters', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-api-'));
    await writeFile(join(dir, 'pipewarden.yml'), LOGIN('  openapi: /api/openapi.json\n').replace('profile: full', 'profile: quick'));
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: password });
    expect(run.stderr).toMatch(/DAST: 1 GET operation of \/api\/openapi\.json added to the crawl \(1 with other methods left out/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
    expect(report.findings.find((f) => f.rule === 'wapiti/sql-injection' && f.request!.url.endsWith('/api/items'))).toBeDefined();
    const sarif = await readFile(join(dir, 'out', 'results.sarif'), 'utf8');
    expect(sarif).toMatch(/-s '?http:\/\/127\.0\.0\.1:\d+\/api\/items\?id=2/);
  }, 300_000);

  it('a password variable that is not set is one line naming it, exit 2, before any request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-noenv-'));
    await writeFile(join(dir, 'pipewarden.yml'), LOGIN());
    const before = app.counts['/login'] ?? 0;
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: '' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('pipewarden: pipewarden.yml: dast.auth.login.password_env: the environment variable SHOP_PASSWORD is not set (or empty)');
    expect(app.counts['/login'] ?? 0).toBe(before);
  });

  it('a wrong password: the login fails, the scanner is not run, the gate fails closed with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-wrong-'));
    await writeFile(join(dir, 'pipewarden.yml'), LOGIN());
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: 'not-the-password' });
    expect(run.code).toBe(1);
    const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary.split('\n')[0]).toBe('## Pipewarden: ❌ gate failed: incomplete scan (DAST did not run: the login failed: GET /login did not match /Log out/)');
    expect(`${run.stdout}${run.stderr}${summary}`).not.toContain('not-the-password');
  });

  it('invalid dast settings are all reported at once, with their paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-bad-'));
    await writeFile(join(dir, 'pipewarden.yml'), 'dast:\n  exclude: ["(unclosed"]\n  on_incomplete: maybe\n  auth:\n    login: { url: login, username: a, password_env: "not a name" }\n');
    const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n').map((line) => line.replace(/^pipewarden: .*?pipewarden\.yml: /, ''));
    expect(lines.sort()).toEqual([
      'dast.auth.logged_in: a login form needs logged_in (text or status), so a failed login is not taken for a session',
      'dast.auth.login.password_env: an environment variable name is letters, digits and underscores',
      'dast.auth.login.url: a path starting with / or an http(s) URL',
      'dast.exclude[0]: not a valid regular expression',
      'dast.on_incomplete: expected one of "fail"|"warn"',
    ]);
  });
});

describe.skipIf(!hasTool('wapiti', ['--version'], 'apt-get install wapiti'))('the time budget on a slow target', () => {
  it('Wapiti is told its shares of dast.max_scan_time, the cut scan keeps its findings and is partial in every output', async () => {
    const password = `pw-${randomBytes(12).toString('hex')}`;
    // Every answer takes 1.5 s: the crawl alone would take longer than the budget.
    const app = await startLoginApp({ password, slowMs: 1500 });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'pw-dast-slow-'));
      await writeFile(join(dir, 'pipewarden.yml'), LOGIN('  on_incomplete: warn\nstages:\n  acceptance: { gate: none }\n').replace('max_scan_time: 300', 'max_scan_time: 10').replace('profile: full', 'profile: quick'));
      const run = await pipewarden(dir, ['scan', '.', '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', app.url, '--out-dir', 'out'], { SHOP_PASSWORD: password });
      const sarif = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { runs: { invocations: { commandLine: string }[] }[] };
      const command = sarif.runs[0]!.invocations[0]!.commandLine;
      // 40 % of 10 s for the crawl; each of the 4 quick modules twice its share of the other 60 %.
      expect(command).toMatch(/ --max-scan-time 4 --max-attack-time 3 /);
      const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as ReportJson;
      const wapiti = report.scanners.find((s) => s.id === 'wapiti')!;
      expect(wapiti.status).toBe('partial');
      expect(wapiti.reason).toMatch(/dast\.max_scan_time: 10 s/);
      expect(report.incomplete).toEqual([expect.stringMatching(/^wapiti: partial scan: /)]);
      // Under on_incomplete: warn (and no gate rules) the run passes, but never as a plain "gate passed".
      expect(run.code).toBe(0);
      const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
      expect(summary.split('\n')[0]).toMatch(/^## Pipewarden: ⚠️ gate passed, but incomplete scan \(wapiti: partial scan: /);
      expect(summary).not.toMatch(/✅ gate passed/);
      expect(run.stdout).toMatch(/Gate passed, but the scan is INCOMPLETE/);
      expect(await stat(join(dir, 'out', 'raw', 'wapiti.json')).then((s) => s.isFile())).toBe(true);
    } finally {
      await app.stop();
    }
  }, 180_000);
});
