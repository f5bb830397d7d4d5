import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startDemo } from '../../../test-support/demo-app.js';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

function pipewarden(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('DAST targets are checked before anything runs', () => {
  it('a host outside dast.allowed_hosts is refused with one line, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-'));
    const run = pipewarden(dir, ['scan', '--stage', 'acceptance', '--target-url', 'https://example.com/', '--out-dir', 'out']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('pipewarden: --target-url: host "example.com" is not allowed for DAST (allowed: loopback and localhost); add it to dast.allowed_hosts in pipewarden.yml if you own it');
    await writeFile(join(dir, 'pipewarden.yml'), 'dast:\n  allowed_hosts: [staging.internal.example]\n');
    expect(pipewarden(dir, ['scan', '--stage', 'acceptance', '--target-url', 'http://127.0.0.1:9/', '--out-dir', 'out']).stderr).toMatch(/host "127\.0\.0\.1" is not allowed for DAST \(allowed: staging\.internal\.example\)/);
    expect(pipewarden(dir, ['scan', '--target-url', 'ftp://127.0.0.1/']).stderr.trim()).toBe('pipewarden: --target-url: "ftp://127.0.0.1/" is not an http(s) URL');
  });

  it('a single-label name (a CI service alias) is refused unless dast.allowed_hosts lists it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-'));
    const refused = pipewarden(dir, ['scan', '--stage', 'acceptance', '--scanners', 'none', '--target-url', 'http://app:3000/', '--out-dir', 'out']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      'pipewarden: --target-url: host "app" is not allowed for DAST (allowed: loopback and localhost; a single-label name such as a CI service alias only when listed); add it to dast.allowed_hosts in pipewarden.yml if you own it',
    );
    await writeFile(join(dir, 'pipewarden.yml'), 'dast:\n  allowed_hosts: [app]\n');
    const allowed = pipewarden(dir, ['scan', '--stage', 'acceptance', '--scanners', 'none', '--target-url', 'http://app:3000/', '--out-dir', 'out']);
    expect(allowed.stderr).not.toMatch(/not allowed/);
    expect(allowed.code).toBe(0);
  });

  it('credentials in the target URL are refused in one line, exit 2, the password never printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-'));
    const run = pipewarden(dir, ['scan', '--stage', 'acceptance', '--target-url', 'http://admin:hunter2@127.0.0.1:3000/', '--out-dir', 'out']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'pipewarden: --target-url: "http://[redacted]@127.0.0.1:3000/": credentials in the target URL are not accepted (they would show in logs and reports); give the scan a session under dast.auth in pipewarden.yml (a login form, a cookie, a header or HTTP authentication), with the secret in an environment variable it names (docs/dast.md)',
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2');
  });
});

describe.skipIf(!hasTool('wapiti', ['--version'], 'apt-get install wapiti'))('the acceptance stage against the running demo app', () => {
  let app: ChildProcess;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startDemo());
  });
  afterAll(() => {
    app.kill();
  });

  it('wapiti finds the reflected XSS, as a DAST finding with URL, method and parameter, pointed at the handler in server.js', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-'));
    const run = pipewarden(dir, ['scan', DEMO, '--stage', 'acceptance', '--scanners', 'wapiti', '--target-url', url, '--out-dir', 'out']);
    expect(run.stderr).toMatch(/wapiti: ran, [1-9]\d* findings?/);
    expect(run.code).toBe(1);
    type Result = { ruleId: string; properties: Record<string, unknown>; locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[]; partialFingerprints: Record<string, string> };
    const log = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { runs: { results: Result[] }[] };
    const xss = log.runs.flatMap((r) => r.results).find((r) => r.ruleId === 'wapiti/cross-site-scripting')!;
    expect(xss.properties['pipewarden/dast']).toMatchObject({ url: expect.stringMatching(/\/search/), method: 'GET', parameter: 'q' });
    // The handler: app.get('/search', …) in server.js, with the request kept as a logical location and a line hash.
    const source = (await readFile(join(DEMO, 'server.js'), 'utf8')).split('\n');
    const line = source.findIndex((l) => l.includes("app.get('/search'")) + 1;
    expect(xss.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'examples/vulnerable-app/server.js', uriBaseId: '%SRCROOT%' }, region: { startLine: line } });
    expect(xss.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/search/);
    expect(xss.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
    const github = JSON.parse(await readFile(join(dir, 'out', 'github', 'dast.sarif'), 'utf8')) as { runs: { automationDetails: { id: string }; results: Result[] }[] };
    expect(github.runs[0]!.automationDetails.id).toBe('pipewarden/dast/');
    expect(github.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation!.artifactLocation.uri.startsWith('examples/vulnerable-app/'))).toBe(true);
    expect(xss.properties['pipewarden/context']).toMatchObject({ exposure: 'internet-facing' });
  });
});
