import { spawn, spawnSync } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startDemo } from '../../../test-support/demo-app.js';
import { FakeGitHub } from '../../../test-support/fake-github.js';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

// `pnpm e2e:dast` runs this file: the story of the acceptance stage, told on stdout as it happens.
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const say = (line: string) => process.stdout.write(`[e2e:dast] ${line}\n`);

interface Result {
  ruleId: string;
  locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  properties: Record<string, unknown>;
}

function handlerLine(route: string): number {
  return spawnSync('grep', ['-n', `app.get('${route}'`, join(DEMO, 'server.js')], { encoding: 'utf8' }).stdout.split(':')[0] as unknown as number;
}

describe.skipIf(!hasTool('wapiti', ['--version'], 'apt-get install wapiti'))('the acceptance stage, end to end: DAST findings become tickets, the fix closes them', () => {
  let github: FakeGitHub;
  let out: string;
  beforeAll(async () => {
    github = new FakeGitHub();
    await github.start();
    out = await mkdtemp(join(tmpdir(), 'pw-e2e-dast-'));
  });
  afterAll(async () => github.stop());

  // Asynchronous: the GitHub API it talks to is served by this very process.
  const scan = (url: string, dir: string, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, 'scan', DEMO, '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', url, '--tickets', 'github', '--out-dir', join(out, dir)], {
        cwd: repoRoot,
        env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_GITHUB_TOKEN: 'ghp_e2e', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url, PIPEWARDEN_DEFAULT_BRANCH: 'main', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => resolve({ status, stderr }));
    });

  it('the vulnerable app: reflected XSS and SQL injection, each on its handler, each with one ticket', async () => {
    const { app, url } = await startDemo(false);
    say(`the demo app is up at ${url}; scanning it with Wapiti (acceptance stage)`);
    try {
      // The deployed default branch: its findings become tickets (a PR's would not).
      const run = await scan(url, 'vulnerable', { BRANCH_NAME: 'main' });
      expect(run.status, run.stderr).toBe(1);
      const log = JSON.parse(await readFile(join(out, 'vulnerable', 'results.sarif'), 'utf8')) as { runs: { results: Result[] }[] };
      const results = log.runs.flatMap((r) => r.results);
      const xss = results.find((r) => r.ruleId === 'wapiti/cross-site-scripting')!;
      const sqli = results.find((r) => r.ruleId === 'wapiti/sql-injection')!;
      for (const [finding, route] of [[xss, '/search'], [sqli, '/item']] as const) {
        expect(finding, route).toBeDefined();
        expect(finding.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'examples/vulnerable-app/server.js' }, region: { startLine: Number(handlerLine(route)) } });
        say(`${finding.ruleId}: ${String((finding.properties['pipewarden/dast'] as { method: string }).method)} ${route} → examples/vulnerable-app/server.js:${finding.locations[0]!.physicalLocation!.region.startLine}, ${String(finding.properties['pipewarden/priority'])}`);
      }
      // One ticket per (vulnerability class, route), with the proving request and the fix.
      const xssTicket = github.issues.filter((i) => i.title.includes('wapiti/cross-site-scripting'));
      const sqliTicket = github.issues.filter((i) => i.title.includes('wapiti/sql-injection'));
      expect(xssTicket.map((i) => i.title)).toEqual([expect.stringMatching(/^\[P\d\] wapiti\/cross-site-scripting in GET \/search$/)]);
      expect(sqliTicket.map((i) => i.title)).toEqual([expect.stringMatching(/^\[P\d\] wapiti\/sql-injection in GET \/item$/)]);
      expect(sqliTicket[0]!.body).toMatch(/### The request that shows it\n\n```http\nGET \/item\?id=[^\n]+ HTTP\/1\.1\n```/);
      expect(sqliTicket[0]!.body).toMatch(/### How to fix/);
      for (const issue of github.issues) say(`ticket #${issue.number} opened: ${issue.title}`);
    } finally {
      app.kill();
    }
  }, 300_000);

  it('the fixed app on the default branch: neither finding, both tickets closed', async () => {
    const { app, url } = await startDemo(true);
    say(`the fixed app (DEMO_FIXED=1) is up at ${url}; scanning the default branch`);
    try {
      const run = await scan(url, 'fixed', { BRANCH_NAME: 'main' });
      const log = JSON.parse(await readFile(join(out, 'fixed', 'results.sarif'), 'utf8')) as { runs: { results: Result[] }[] };
      const rules = log.runs.flatMap((r) => r.results).map((r) => r.ruleId);
      expect(rules).not.toContain('wapiti/cross-site-scripting');
      expect(rules).not.toContain('wapiti/sql-injection');
      expect(run.stderr).toMatch(/issues: 0 opened, \d+ updated, 0 reopened, 2 closed/);
      const closed = github.issues.filter((i) => /wapiti\/(cross-site-scripting|sql-injection)/.test(i.title));
      expect(closed.map((i) => i.state)).toEqual(['closed', 'closed']);
      for (const issue of closed) say(`ticket #${issue.number} closed: ${issue.comments.at(-1)}`);
    } finally {
      app.kill();
    }
  }, 300_000);

  it('a target outside dast.allowed_hosts is refused before any request is sent', async () => {
    const seen: string[] = [];
    const server: Server = createHttpServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    const port = (server.address() as { port: number }).port;
    const dir = await mkdtemp(join(tmpdir(), 'pw-e2e-refuse-'));
    await writeFile(join(dir, 'pipewarden.yml'), 'dast:\n  allowed_hosts: [127.0.0.1]\n');
    try {
      const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', `http://127.0.0.2:${port}/`, '--out-dir', join(dir, 'out')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe('pipewarden: --target-url: host "127.0.0.2" is not allowed for DAST (allowed: 127.0.0.1); add it to dast.allowed_hosts in pipewarden.yml if you own it');
      expect(seen).toEqual([]);
      say('a target outside dast.allowed_hosts was refused; the server there saw no request');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
