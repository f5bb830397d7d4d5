import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAdvisories } from '../../../test-support/advisories.js';
import { osvZip } from '../../../test-support/osv-zips.js';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

interface Result {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  properties: Record<string, unknown> & { 'pipewarden/package': Record<string, unknown>; 'pipewarden/ids': string[] };
}
interface Log {
  runs: { tool: { driver: { name: string } }; properties?: Record<string, unknown>; results?: Result[] }[];
}

function pipewarden(cwd: string, args: string[], env: Record<string, string> = {}) {
  // No advisory folder from the test setup: each test says where its advisories come from.
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_ADVISORIES_DIR: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CLI as a child that does not block this process: the loopback server answering it lives here. */
function pipewardenAsync(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_ADVISORIES_DIR: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-sca-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

async function scaResults(out: string): Promise<{ log: Log; results: Result[] }> {
  const log = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as Log;
  const run = log.runs.find((r) => r.tool.driver.name === 'Pipewarden SCA');
  return { log, results: run?.results ?? [] };
}

const idsOf = (results: Result[], name: string, version?: string) =>
  results.filter((r) => r.properties['pipewarden/package'].name === name && (!version || r.properties['pipewarden/package'].version === version)).flatMap((r) => r.properties['pipewarden/ids']);

const POM = `<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>shop</artifactId>
  <version>1.0.0</version>
  <properties>
    <log4j.version>2.14.1</log4j.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>\${log4j.version}</version>
    </dependency>
  </dependencies>
</project>
`;

const composerLock = (version: string) =>
  JSON.stringify({ 'content-hash': 'x', packages: [{ name: 'guzzlehttp/guzzle', version, type: 'library' }], 'packages-dev': [] }, null, 4);

const BERRY = `__metadata:
  version: 6
  cacheKey: 8

"lodash@npm:^4.17.0":
  version: 4.17.20
  resolution: "lodash@npm:4.17.20"
  checksum: abc
  languageName: node
  linkType: hard

"shop@workspace:.":
  version: 0.0.0-use.local
  resolution: "shop@workspace:."
  dependencies:
    tiny-utils: ^1.0.0
  languageName: unknown
  linkType: soft

"tiny-utils@npm:^1.0.0":
  version: 1.0.0
  resolution: "tiny-utils@npm:1.0.0"
  dependencies:
    lodash: ^4.17.0
  checksum: def
  languageName: node
  linkType: hard
`;

const PNPM = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      tiny-utils:
        specifier: ^1.0.0
        version: 1.0.0

packages:

  lodash@4.17.20:
    resolution: {integrity: sha512-aaaa}

  tiny-utils@1.0.0:
    resolution: {integrity: sha512-bbbb}

snapshots:

  lodash@4.17.20: {}

  tiny-utils@1.0.0:
    dependencies:
      lodash: 4.17.20
`;

const SHOP = JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { 'tiny-utils': '^1.0.0' } }, null, 2);

describe.skipIf(!hasShared)('pipewarden-sca through the CLI, offline from the shared OSV records', () => {
  sharedNotice('the dependency check tests');
  let advisories: string;

  beforeAll(async () => {
    // The ecosystems these projects need: npm, Maven and Packagist whole, and PyPI's Django records.
    advisories = await mkdtemp(join(tmpdir(), 'pw-osv-'));
    for (const ecosystem of ['npm', 'Maven', 'Packagist']) await cp(join(sharedDir, 'advisories', 'osv', ecosystem), join(advisories, ecosystem), { recursive: true });
    await mkdir(join(advisories, 'PyPI'));
    const pypi = join(sharedDir, 'advisories', 'osv', 'PyPI');
    for (const name of await readdir(pypi)) {
      const text = await readFile(join(pypi, name), 'utf8');
      if (/name: django\b/i.test(text)) await writeFile(join(advisories, 'PyPI', name), text);
    }
  });

  const scan = async (files: Record<string, string>, extra: string[] = []) => {
    const dir = await project(files);
    const run = pipewarden(dir, ['scan', '.', '--scanners', 'pipewarden-sca', '--advisories-dir', advisories, '--fail-on', 'never', '--out-dir', join(dir, 'out'), ...extra]);
    expect(run.stderr).not.toMatch(/pipewarden: (?!warning: )/);
    expect(run.code).toBe(0);
    return { dir, run, ...(await scaResults(join(dir, 'out'))) };
  };

  it('a requirements.txt pinning an old Django: PYSEC-2023-100 on its line; the fixed 3.2.20 is clean', async () => {
    const { results } = await scan({ 'requirements.txt': '# web\nDjango==3.2.19\n' });
    const django = results.filter((r) => String(r.properties['pipewarden/package'].name).toLowerCase() === 'django');
    expect(django.flatMap((r) => r.properties['pipewarden/ids'])).toContain('PYSEC-2023-100');
    expect(django[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'requirements.txt' }, region: { startLine: 2 } });
    const fixed = await scan({ 'requirements.txt': 'Django==3.2.20\n' });
    expect(idsOf(fixed.results, 'django').concat(idsOf(fixed.results, 'Django'))).not.toContain('PYSEC-2023-100');
  });

  it('a pom.xml with an old log4j-core through a property: Log4Shell, with the version the property gave', async () => {
    const { results } = await scan({ 'pom.xml': POM });
    const log4j = results.filter((r) => r.properties['pipewarden/package'].name === 'org.apache.logging.log4j:log4j-core');
    expect(log4j.map((r) => r.ruleId)).toContain('CVE-2021-44228');
    expect(log4j[0]!.properties['pipewarden/package']).toMatchObject({ version: '2.14.1', ecosystem: 'Maven', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' });
    expect(log4j[0]!.properties['pipewarden/package'].fixedVersions).toContain('2.15.0');
  });

  it('a composer.lock with an old Guzzle: the advisories of 7.4.4 and not those fixed in it; 7.4.5 is clean', async () => {
    const { results } = await scan({ 'composer.lock': composerLock('7.4.4') });
    const ids = idsOf(results, 'guzzlehttp/guzzle');
    expect(ids).toEqual(expect.arrayContaining(['CVE-2022-31090', 'CVE-2022-31091']));
    expect(ids).not.toContain('CVE-2022-31042');
    expect(ids).not.toContain('CVE-2022-31043');
    expect(results.find((r) => r.ruleId === 'CVE-2022-31090')!.properties['pipewarden/package'].upgrade).toBe('7.4.5');
    expect(idsOf((await scan({ 'composer.lock': composerLock('7.4.5') })).results, 'guzzlehttp/guzzle')).toEqual([]);
  });

  for (const [lockfile, text] of [['yarn.lock', BERRY], ['pnpm-lock.yaml', PNPM]] as const) {
    it(`a ${lockfile} with a vulnerable transitive package: on the lockfile's line, with the path from the direct dependency`, async () => {
      const { results } = await scan({ 'package.json': SHOP, [lockfile]: text });
      const lodash = results.filter((r) => r.properties['pipewarden/package'].name === 'lodash');
      expect(lodash.map((r) => r.ruleId).sort()).toEqual(['CVE-2020-28500', 'CVE-2021-23337']);
      const at = lodash[0]!.locations[0]!.physicalLocation;
      expect(at.artifactLocation.uri).toBe(lockfile);
      expect(text.split('\n')[at.region.startLine - 1]).toMatch(/lodash/);
      expect(lodash[0]!.properties['pipewarden/via']).toEqual(['tiny-utils@1.0.0', 'lodash@4.17.20']);
      expect(lodash[0]!.properties['pipewarden/direct']).toBe(false);
      expect(lodash[0]!.message.text).toContain('pulled in by tiny-utils@1.0.0 > lodash@4.17.20');
      expect(lodash[0]!.properties['pipewarden/package'].fixedVersions).toEqual(['4.17.21']);
    });
  }

  it('a package.json without a lockfile: findings marked unresolved, not silence', async () => {
    const { results, log } = await scan({ 'package.json': JSON.stringify({ name: 'x', dependencies: { lodash: '^4.17.4' } }, null, 2) });
    expect(results.length).toBe(7);
    for (const r of results) expect(r.properties['pipewarden/package']).toMatchObject({ unresolved: true, declared: '^4.17.4', version: '4.17.4' });
    expect(results[0]!.message.text).toMatch(/not locked/);
    const run = log.runs.find((r) => r.tool.driver.name === 'Pipewarden SCA')!;
    expect(run.properties!['pipewarden/advisories']).toMatchObject({ sources: [advisories], snapshot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('a manifest that cannot be read is named, the run is partial, the others are still checked', async () => {
    const { run, results, log } = await scan({ 'requirements.txt': 'Django==3.2.19\n', 'web/package-lock.json': '{"lockfileVersion": 3, "packages": ' });
    expect(run.stdout + run.stderr).toMatch(/pipewarden-sca: checked requirements\.txt \(1\)/);
    expect(run.stdout + run.stderr).toMatch(/pipewarden-sca: 1 file not analysed: web\/package-lock\.json/);
    expect(idsOf(results, 'Django').concat(idsOf(results, 'django'))).toContain('PYSEC-2023-100');
    const scanners = (log as unknown as { properties: { 'pipewarden/scanners': { id: string; status: string }[] } }).properties['pipewarden/scanners'];
    expect(scanners.find((s) => s.id === 'pipewarden-sca')!.status).toBe('partial');
  });

  type Notified = { runs: { tool: { driver: { name: string } }; invocations: { toolExecutionNotifications?: { level: string; message: { text: string }; descriptor?: { id: string }; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] };
  const scaRun = (log: Log) => {
    const run = (log as unknown as Notified).runs.find((r) => r.tool.driver.name === 'Pipewarden SCA')!;
    const statuses = (log as unknown as { properties: { 'pipewarden/scanners': { id: string; status: string; notAnalysed?: { file: string }[] }[] } }).properties['pipewarden/scanners'];
    const notifications = run.invocations[0]!.toolExecutionNotifications ?? [];
    return { scanner: statuses.find((s) => s.id === 'pipewarden-sca')!, notifications, where: (n: (typeof notifications)[number]) => n.locations?.[0]?.physicalLocation.artifactLocation.uri };
  };

  it('a project whose only remark is a note (an editable install skipped) is a complete scan: the note is said and kept in the SARIF as a note', async () => {
    const { run, results, log } = await scan({ 'requirements.txt': 'Django==3.2.19\n-e ./libs/internal\n' });
    expect(run.stderr).toMatch(/pipewarden-sca: requirements\.txt: line 2: editable install skipped \(not a registry package\)/);
    expect(run.stdout + run.stderr).not.toMatch(/not analysed|partial/);
    expect(idsOf(results, 'Django').concat(idsOf(results, 'django'))).toContain('PYSEC-2023-100');
    const { scanner, notifications, where } = scaRun(log);
    expect(scanner.status).toBe('ran');
    expect(scanner.notAnalysed).toBeUndefined();
    expect(notifications.filter((n) => n.level !== 'note')).toEqual([]);
    expect(notifications.filter((n) => n.descriptor?.id === 'manifest-note').map((n) => [where(n), n.message.text])).toEqual([['requirements.txt', 'line 2: editable install skipped (not a registry package)']]);
  });

  it('a truncated lockfile still makes the scan partial; reading its package.json instead is a note, not a second file not analysed', async () => {
    const { run, results, log } = await scan({ 'package.json': JSON.stringify({ name: 'x', dependencies: { lodash: '4.17.4' } }, null, 2), 'package-lock.json': '{"lockfileVersion": 3, "packages": {"": {' });
    expect(run.stdout + run.stderr).toMatch(/pipewarden-sca: 1 file not analysed: package-lock\.json \(/);
    expect(run.stderr).toMatch(/pipewarden-sca: package\.json: read in place of package-lock\.json, which could not be read/);
    expect(idsOf(results, 'lodash')).toContain('CVE-2019-10744');
    const { scanner, notifications, where } = scaRun(log);
    expect(scanner.status).toBe('partial');
    expect(scanner.notAnalysed!.map((f) => f.file)).toEqual(['package-lock.json']);
    expect(notifications.filter((n) => n.level === 'warning').map(where)).toEqual(['package-lock.json']);
    expect(notifications.filter((n) => n.descriptor?.id === 'manifest-note').map((n) => [n.level, where(n)])).toEqual([['note', 'package.json']]);
  });

  it('with no advisories and offline with an empty cache: the scanner fails in one line, the run exits 2', async () => {
    const dir = await project({ 'requirements.txt': 'Django==3.2.19\n' });
    const run = pipewarden(dir, ['scan', '.', '--scanners', 'pipewarden-sca', '--out-dir', join(dir, 'out')], { PIPEWARDEN_CACHE_DIR: join(dir, '.cache') });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/pipewarden-sca.*no PyPI advisories: offline .*, and the cache holds none; give --advisories-dir DIR/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!hasShared)('pipewarden-sca downloads: the daily cache, a mirror, a proxy', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  let refuse = false;

  beforeAll(async () => {
    const zip = osvZip('npm');
    // One server is both the mirror and the proxy: a proxied download opens a tunnel (CONNECT) to the mirror's
    // host, which this server answers by tunnelling to itself.
    server = createServer((req: IncomingMessage, res) => {
      seen.push(req.url ?? '');
      if (refuse) return void res.writeHead(503).end();
      if (/\/npm\/all\.zip$/.test(req.url ?? '')) res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
      else res.writeHead(404).end();
    });
    server.on('connect', (req: IncomingMessage, socket, head) => {
      seen.push(`CONNECT ${req.url}`);
      const upstream = connect((server.address() as { port: number }).port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => {
    server.closeAllConnections();
    server.close(() => done());
  }));

  const online = async (mirror: string, env: Record<string, string> = {}, cache?: string) => {
    const dir = await project({ 'package.json': JSON.stringify({ name: 'x', dependencies: { lodash: '4.17.20' } }), 'pipewarden.yml': `sca:\n  mirror_url: ${mirror}\n` });
    // KEV and EPSS from an empty folder: the only download is the advisories'.
    const feeds = await mkdtemp(join(tmpdir(), 'pw-feeds-'));
    const run = await pipewardenAsync(dir, ['scan', '.', '--scanners', 'pipewarden-sca', '--feeds-dir', feeds, '--fail-on', 'never', '--out-dir', join(dir, 'out')], { PIPEWARDEN_OFFLINE: '', PIPEWARDEN_CACHE_DIR: cache ?? join(dir, '.cache'), ...env });
    return { dir, run };
  };

  it('downloads the npm export once into the dated cache; the second run reads the cache; a refused download falls back to it with a warning', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'pw-cache-'));
    seen.length = 0;
    const first = await online(base, {}, cache);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(seen).toEqual(['/npm/all.zip']);
    const { results, log } = await scaResults(join(first.dir, 'out'));
    expect(results.map((r) => r.ruleId)).toContain('CVE-2021-23337');
    const today = new Date().toISOString().slice(0, 10);
    expect(log.runs.find((r) => r.tool.driver.name === 'Pipewarden SCA')!.properties!['pipewarden/advisories']).toMatchObject({ snapshot: today, sources: [`${base}/npm/all.zip (${today})`] });
    seen.length = 0;
    const second = await online(base, {}, cache);
    expect(second.run.code).toBe(0);
    expect(seen).toEqual([]);
    // Yesterday's data, today refused: the run goes on with the cached day and says so.
    const older = await mkdtemp(join(tmpdir(), 'pw-cache-'));
    await mkdir(join(older, 'feeds', '2020-01-02', 'osv'), { recursive: true });
    await writeFile(join(older, 'feeds', '2020-01-02', 'osv', 'npm.zip'), osvZip('npm', (n) => n.startsWith('GHSA-35jh')));
    refuse = true;
    try {
      const third = await online(base, {}, older);
      expect(third.run.code).toBe(0);
      expect(third.run.stdout + third.run.stderr).toContain(`could not download ${base}/npm/all.zip: HTTP 503; using the npm advisories of 2020-01-02 from the cache`);
      expect((await scaResults(join(third.dir, 'out'))).results.map((r) => r.ruleId)).toEqual(['CVE-2021-23337']);
    } finally {
      refuse = false;
    }
  });

  it('goes through HTTP_PROXY to a mirror it cannot reach itself', async () => {
    seen.length = 0;
    const { run, dir } = await online('http://osv-mirror.example.invalid/osv', { HTTP_PROXY: base, NO_PROXY: '' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(seen).toEqual(['CONNECT osv-mirror.example.invalid:80', '/osv/npm/all.zip']);
    expect((await scaResults(join(dir, 'out'))).results.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasShared)('pipewarden-sca in the precommit stage', () => {
  it('runs only when a manifest is among the staged files', async () => {
    const dir = await project({ 'package.json': JSON.stringify({ name: 'x', dependencies: { express: '4.21.2' } }, null, 2), 'app.js': 'module.exports = 1;\n', '.gitignore': 'out/\n' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'init');
    const precommit = () => pipewarden(dir, ['scan', '--stage', 'precommit', '--staged', '--scanners', 'pipewarden-sca', '--fail-on', 'never', '--out-dir', join(dir, 'out')], { PIPEWARDEN_ADVISORIES_DIR: sharedAdvisories('npm') });
    await writeFile(join(dir, 'app.js'), 'module.exports = 2;\n');
    git('add', 'app.js');
    const code = precommit();
    expect(code.code, code.stderr).toBe(0);
    const status = async () => {
      const log = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { properties: { 'pipewarden/scanners': { id: string; status: string; reason?: string }[] } };
      return log.properties['pipewarden/scanners'].find((s) => s.id === 'pipewarden-sca');
    };
    expect(await status()).toMatchObject({ status: 'skipped', reason: 'no files for it to scan' });
    // Only package.json is staged: its folder's lockfile (committed) is read with it, so lodash is the locked 4.17.20.
    const lock = { name: 'x', lockfileVersion: 3, requires: true, packages: { '': { name: 'x', dependencies: { express: '4.21.2', lodash: '^4.17.0' } }, 'node_modules/express': { version: '4.21.2' }, 'node_modules/lodash': { version: '4.17.20' } } };
    await writeFile(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
    git('add', 'package-lock.json');
    git('commit', '-qm', 'lock');
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'x', dependencies: { express: '4.21.2', lodash: '^4.17.0' } }, null, 2));
    git('add', 'package.json');
    const manifest = precommit();
    expect(manifest.code, manifest.stderr).toBe(0);
    expect(await status()).toMatchObject({ status: 'ran' });
    const { results } = await scaResults(join(dir, 'out'));
    const lodash = results.filter((r) => r.properties['pipewarden/package'].name === 'lodash');
    expect(lodash.map((r) => r.ruleId).sort()).toEqual(['CVE-2020-28500', 'CVE-2021-23337']);
    expect(lodash[0]!.properties['pipewarden/package']).toMatchObject({ version: '4.17.20' });
    expect(lodash[0]!.properties['pipewarden/package'].unresolved).toBeUndefined();
  });
});
