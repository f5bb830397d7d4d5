import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_REPO, TODAY, cli, postgresSchema, seedStore, serve, type Served } from './test-helpers.js';

/** Every `data-figure` on a page, by the metrics JSON field it shows. */
function figuresOf(page: string): Map<string, string> {
  return new Map([...page.matchAll(/data-figure="([^"]+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
}

function pick(json: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], json);
}

/** The overview shows the same numbers as `pipewarden metrics --format json` for the store. */
async function expectFiguresOfMetrics(served: Served, store: string, cwd: string): Promise<void> {
  const metrics = cli(['metrics', '--store', store, '--format', 'json', '--today', TODAY], cwd);
  expect(metrics.status, metrics.stderr).toBe(0);
  const json = JSON.parse(metrics.stdout) as Record<string, unknown>;
  const page = await (await fetch(`${served.url}/`)).text();
  const figures = figuresOf(page);
  expect(figures.size).toBeGreaterThan(15);
  for (const [field, shown] of figures) {
    const value = pick(json, field);
    expect(value, field).not.toBeUndefined();
    expect(shown, field).toBe(value === null ? '–' : field.endsWith('Percent') ? `${String(value)} %` : String(value));
  }
  // The seeded history is not a trivial one: something of everything.
  expect(Number(figures.get('open.total'))).toBeGreaterThan(10);
  expect(Number(figures.get('beforeProduction.caught'))).toBeGreaterThan(0);
  expect(Number(figures.get('beforeProduction.foundInProduction'))).toBeGreaterThan(0);
  expect(page).toContain(`${(json.repos as string[]).length} repositories, ${String(json.runs)} runs`);
  // The riskiest-repositories CSV has every repository, with the open counts the figures add up to.
  const csv = await (await fetch(`${served.url}/?csv=riskiest`)).text();
  const rows = csv.trim().split('\r\n').slice(1).map((row) => row.split(','));
  expect(rows).toHaveLength((json.repos as string[]).length);
  expect(rows.reduce((sum, row) => sum + Number(row[8]), 0)).toBe(pick(json, 'open.total'));
}

describe('pipewarden serve on a SQLite store', () => {
  let dir: string;
  let store: string;
  let served: Served;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-dash-'));
    store = join(dir, 'store.db');
    await seedStore(store, dir);
    served = await serve(['--store', store, '--today', TODAY], dir);
  });
  afterAll(async () => served?.stop());

  it('shows the overview with the figures of pipewarden metrics --format json', async () => {
    await expectFiguresOfMetrics(served, store, dir);
  });

  it('sends security headers and a CSP without inline code; every asset is its own', async () => {
    const response = await fetch(`${served.url}/`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await response.text();
    // No inline script or style in any real tag (escaped finding text may well say "onerror=").
    expect(page).not.toMatch(/<script>|<style|<[a-z][^>]*\s(?:style|on[a-z]+)=/i);
    expect([...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !url!.startsWith('/'))).toEqual([]);
    for (const asset of ['/assets/dashboard.css', '/assets/dashboard.js']) expect((await fetch(`${served.url}${asset}`)).status).toBe(200);
  });

  it('is read-only: other methods get 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${served.url}/`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
    expect((await fetch(`${served.url}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('escapes hostile finding text on every page and in CSV cells a spreadsheet would run', async () => {
    const repo = await (await fetch(`${served.url}/repository?repo=${encodeURIComponent(HOSTILE_REPO)}&priority=P1`)).text();
    expect(repo).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(repo).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(repo).not.toContain('<script>window');
    expect(repo).not.toContain('<img src=x');
    const link = /href="(\/finding\?[^"]+)">&lt;img/.exec(repo)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const finding = await (await fetch(`${served.url}${link}`)).text();
    expect(finding).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(finding).toMatch(/data-message>&lt;script&gt;window.__pwned = true&lt;\/script&gt;&lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot; \[U\+202E\]evil</);
    const csv = await (await fetch(`${served.url}/repository?repo=${encodeURIComponent(HOSTILE_REPO)}&priority=P1&csv=findings`)).text();
    expect(csv).toContain('<script>window.__pwned = true</script>');
    expect(csv.split('\r\n')[0]).toBe('Priority,Rule,Message,Where,Category,Scanner,Risk,First seen,Age (days),SLA');
  });

  it('filters, sorts and exports through the address', async () => {
    const base = `${served.url}/repository?repo=${encodeURIComponent(HOSTILE_REPO)}`;
    const all = (await (await fetch(`${base}&csv=findings`)).text()).trim().split('\r\n').slice(1);
    const p1 = (await (await fetch(`${base}&priority=P1&csv=findings`)).text()).trim().split('\r\n').slice(1);
    expect(p1.length).toBeGreaterThan(0);
    expect(p1.length).toBeLessThan(all.length);
    expect(p1.every((row) => row.startsWith('P1,'))).toBe(true);
    const byAge = (await (await fetch(`${base}&findings.sort=age&findings.dir=desc&csv=findings`)).text()).trim().split('\r\n').slice(1);
    const ages = byAge.map((row) => Number(row.split(',').at(-2))).filter((n) => !Number.isNaN(n));
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    const since = (await (await fetch(`${base}&since=2026-11-01&csv=findings`)).text()).trim().split('\r\n').slice(1);
    expect(since.length).toBeLessThan(all.length);
    expect(since.every((row) => /,2026-11-\d\dT/.test(row))).toBe(true);
  });

  it('answers a bad address with every problem at once, and an unknown repository with 404', async () => {
    const bad = await fetch(`${served.url}/repository?repo=x&priority=P9&since=2020-13-45&category=nope`);
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('priority: &quot;P9&quot; is not a priority');
    expect(text).toContain('category: &quot;nope&quot; is not a category');
    expect(text).toContain('since: not a real date');
    expect((await fetch(`${served.url}/repository?repo=nobody/nothing`)).status).toBe(404);
    expect((await fetch(`${served.url}/finding?repo=${encodeURIComponent(HOSTILE_REPO)}&fp=0000`)).status).toBe(404);
    expect((await fetch(`${served.url}/?csv=nothing`)).status).toBe(400);
  });

  it('on loopback without a token, answers only requests addressed to a loopback name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${served.url}/`, { headers: { host: 'attacker.example:8080' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('computes the overview anew in the background when runs are added, and serves the kept one meanwhile', async () => {
    const late = await serve(['--store', store, '--today', TODAY, '--refresh', '0'], dir);
    try {
      expect(await (await fetch(`${late.url}/`)).text()).toContain('3 repositories,');
      const { openStore } = await import('@pipewarden/store');
      const added = await openStore(store, dir);
      const [line] = JSON.parse(cli(['metrics', '--store', store, '--format', 'json', '--today', TODAY], dir).stdout).repos as string[];
      const [first] = (await added.lines([line!])).slice(-1);
      await added.add([{ ...first!, repo: 'late/newcomer', images: undefined }]);
      await added.close();
      let page = '';
      for (let i = 0; i < 100 && !page.includes('4 repositories,'); i++) {
        page = await (await fetch(`${late.url}/`)).text();
        if (!page.includes('4 repositories,')) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(page).toContain('4 repositories,');
      expect((await fetch(`${late.url}/repository?repo=late%2Fnewcomer`)).status).toBe(200);
    } finally {
      await late.stop();
    }
  });

  it('lists images with their base, freshness and drift, and waivers expiring within 30 days by owner', async () => {
    const images = await (await fetch(`${served.url}/images?csv=images`)).text();
    const rows = images.trim().split('\r\n');
    expect(rows[0]).toBe('Repository,Image,Digest,Built,Base,Base fresh,Sanctioned,Drift');
    expect(rows.length).toBe(4);
    // Two repositories on one base, each on its own build of it: the older build is drift.
    expect(rows.filter((row) => row.endsWith(',older base build'))).toHaveLength(1);
    const waivers = await (await fetch(`${served.url}/waivers?csv=expiring`)).text();
    expect(waivers.split('\r\n')[0]).toBe('Repository,Owner,Waived by,Rule,Priority,Scanner,Expires,Days left');
    const expiring = waivers.trim().split('\r\n').slice(1);
    for (const row of expiring) expect(Number(row.split(',').at(-1))).toBeLessThanOrEqual(30);
    // Everything in force, and one owner's part of it, by the address.
    const all = (await (await fetch(`${served.url}/waivers?csv=all`)).text()).trim().split('\r\n').slice(1);
    expect(all.length).toBeGreaterThan(expiring.length);
    const owner = all[0]!.split(',')[1]!;
    const theirs = (await (await fetch(`${served.url}/waivers?owner=${encodeURIComponent(owner)}&csv=all`)).text()).trim().split('\r\n').slice(1);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((row) => row.split(',')[1] === owner)).toBe(true);
  });
});

describe('a real scan, imported into the store', () => {
  it('shows its finding with the message, place and risk the scan gave it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dash-scan-'));
    const app = join(dir, 'shop-api');
    await mkdir(join(app, 'src'), { recursive: true });
    await writeFile(join(app, 'src', 'db.js'), 'const q = "SELECT * FROM t WHERE id = " + id;\n');
    // A checkout on its default branch: what the scan records as open there.
    const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: app, encoding: 'utf8' }).status).toBe(0);
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '--allow-empty', '-m', 'start');
    const message = 'SQL built from <b>request</b> input reaches db.query() & "friends"';
    const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Semgrep', rules: [{ id: 'sql-injection', properties: { 'security-severity': '8.8' } }] } }, results: [{ ruleId: 'sql-injection', level: 'error', message: { text: message }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/db.js' }, region: { startLine: 1 } } }] }] }] };
    await writeFile(join(dir, 'semgrep.sarif'), JSON.stringify(sarif));
    const history = join(dir, 'history.jsonl');
    const scan = cli(['scan', app, '--scanners', 'none', '--report', join(dir, 'semgrep.sarif'), '--history', history, '--out-dir', join(dir, 'out'), '--quiet'], dir);
    expect([0, 1]).toContain(scan.status);
    const [written] = (await readFile(history, 'utf8')).trim().split('\n').map((text) => JSON.parse(text) as { repo: string; details: Record<string, { m: string; l: string; k: number }> });
    expect(Object.values(written!.details)).toEqual([expect.objectContaining({ m: message, l: 'src/db.js:1' })]);
    const store = join(dir, 'store.db');
    expect(cli(['metrics', '--history', history, '--store', store, '--format', 'json'], dir).status).toBe(0);
    const served = await serve(['--store', store], dir);
    try {
      const repo = await (await fetch(`${served.url}/repository?repo=${encodeURIComponent(written!.repo)}`)).text();
      expect(repo).toContain('SQL built from &lt;b&gt;request&lt;/b&gt; input reaches db.query() &amp; &quot;friends&quot;');
      const link = /href="(\/finding\?[^"]+)">sql-injection/.exec(repo)![1]!.replace(/&amp;/g, '&');
      const finding = await (await fetch(`${served.url}${link}`)).text();
      expect(finding).toContain('<code>src/db.js:1</code>');
      expect(finding).toMatch(/<dt>Risk score<\/dt><dd>\d+<\/dd>/);
    } finally {
      await served.stop();
    }
  });
});

describe('pipewarden serve off loopback', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-dash-auth-'));
    store = join(dir, 'store.db');
    await seedStore(store, dir);
  });

  it('refuses a store that is not there rather than serving an empty one', () => {
    const run = cli(['serve', '--store', join(dir, 'typo.db'), '--port', '0'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`pipewarden: ${join(dir, 'typo.db')}: no store here: pipewarden metrics --store makes one when it adds the first runs\n`);
  });

  it('refuses to start without a token', () => {
    const run = cli(['serve', '--store', store, '--host', '0.0.0.0', '--port', '0'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('pipewarden: --host 0.0.0.0 is reachable from other machines: give --token-env NAME, the environment variable holding the token every request must carry\n');
    const empty = cli(['serve', '--store', store, '--host', '0.0.0.0', '--port', '0', '--token-env', 'DASH_TOKEN'], dir, { DASH_TOKEN: '' });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('pipewarden: --token-env DASH_TOKEN: the environment variable DASH_TOKEN is empty or unset\n');
  });

  it('answers 401 without the token, and serves with it as a bearer token or a basic-auth password', async () => {
    const token = 's3cret-token-for-the-dashboard';
    const served = await serve(['--store', store, '--host', '0.0.0.0', '--token-env', 'DASH_TOKEN', '--today', TODAY], dir, { DASH_TOKEN: token });
    try {
      expect(served.stderr()).not.toContain(token);
      const url = served.url.replace('0.0.0.0', '127.0.0.1');
      const plain = await fetch(`${url}/`);
      expect(plain.status).toBe(401);
      expect(plain.headers.get('www-authenticate')).toBe('Basic realm="Pipewarden", charset="UTF-8"');
      expect((await fetch(`${url}/?csv=riskiest`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${url}/assets/dashboard.css`)).status).toBe(401);
      expect((await fetch(`${url}/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const basic = `Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
      expect((await fetch(`${url}/repositories`, { headers: { authorization: basic } })).status).toBe(200);
    } finally {
      await served.stop();
    }
  });
});

const POSTGRES = process.env.PIPEWARDEN_TEST_POSTGRES_URL;
if (!POSTGRES) process.stderr.write('\n[pipewarden tests] PIPEWARDEN_TEST_POSTGRES_URL is unset: skipping the dashboard on PostgreSQL (see .ci/run)\n');

describe.skipIf(!POSTGRES)('pipewarden serve on a PostgreSQL store', () => {
  it('shows the same figures as pipewarden metrics for the same store', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dash-pg-'));
    const { url, drop } = await postgresSchema(POSTGRES!, `dash_${process.pid}`);
    await seedStore(url, dir);
    const served = await serve(['--store', url, '--today', TODAY], dir).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
    try {
      expect(served.stderr()).not.toMatch(/pipewarden:[^@]*@/);
      await expectFiguresOfMetrics(served, url, dir);
      const repo = await fetch(`${served.url}/repository?repo=${encodeURIComponent(HOSTILE_REPO)}`);
      expect(repo.status).toBe(200);
    } finally {
      await served.stop();
      await drop();
    }
  });
});
