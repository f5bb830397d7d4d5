import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoExpected } from '../../../test-support/demo-app.js';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
// A real CycloneDX report whose only finding is Log4Shell (CVE-2021-44228, in CISA KEV), with no severity given.
const LOG4J = join(sharedDir, 'corpus', 'cyclonedx', 'no-severity.json');
const KEV = join(sharedDir, 'feeds', 'known_exploited_vulnerabilities.json');

let dir: string;
let cache: string;

function pipewarden(args: string[]): { code: number | null; stdout: string; stderr: string } {
  // Offline, with a cache of its own: tests never reach beyond loopback.
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_CACHE_DIR: cache } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function feedsDir(name: string, filter?: (cve: string) => boolean): Promise<string> {
  const target = join(dir, name);
  await mkdir(target, { recursive: true });
  if (!filter) {
    await copyFile(KEV, join(target, 'known_exploited_vulnerabilities.json'));
  } else {
    const catalog = JSON.parse(await readFile(KEV, 'utf8')) as { vulnerabilities: { cveID: string }[]; catalogVersion: string; count: number };
    catalog.vulnerabilities = catalog.vulnerabilities.filter((v) => filter(v.cveID));
    catalog.count = catalog.vulnerabilities.length;
    catalog.catalogVersion = '2021.12.01';
    await writeFile(join(target, 'known_exploited_vulnerabilities.json'), JSON.stringify(catalog));
  }
  return target;
}

const waiver = (expires: string) => `waivers:\n  - rule: CVE-2021-44228\n    reason: a WAF rule blocks JNDI lookups until the upgrade\n    owner: platform-team\n    expires: ${expires}\n`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-policy-'));
  cache = join(dir, '.cache');
});

describe.skipIf(!hasShared)('KEV, waivers and the gate, end to end', () => {
  sharedNotice('the KEV and waiver end-to-end tests');

  it('a KEV finding is P0 and fails the default gate; a valid waiver passes it; an expired one fails it again, and says so', async () => {
    const feeds = await feedsDir('feeds');
    const scan = () => pipewarden(['scan', '--scanners', 'none', '--report', LOG4J, '--feeds-dir', feeds, '--out-dir', 'out']);

    const plain = scan();
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^ {2}P0 +\d+ .*CVE-2021-44228/m);
    expect(plain.stdout).toMatch(/in CISA KEV: 1 \(at most 0\)/);
    const sarif = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { runs: { properties: Record<string, unknown>; results: { properties: Record<string, unknown> }[] }[] };
    expect(sarif.runs[0]!.results[0]!.properties['pipewarden/kev']).toMatchObject({ cve: 'CVE-2021-44228', dateAdded: '2021-12-10' });
    expect(sarif.runs[0]!.properties['pipewarden/feeds']).toMatchObject({ kev: { catalogVersion: '2025.08.25' } });

    await writeFile(join(dir, 'pipewarden.yml'), waiver('2099-12-31'));
    const waived = scan();
    expect(waived.code).toBe(0);
    expect(waived.stdout).toMatch(/Gate passed/);
    const kept = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { runs: { results: { suppressions?: unknown[] }[] }[] };
    expect(kept.runs[0]!.results[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'waiver: a WAF rule blocks JNDI lookups until the upgrade (owner platform-team, until 2099-12-31)' }]);

    await writeFile(join(dir, 'pipewarden.yml'), waiver('2021-12-31'));
    const expired = scan();
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/warning: waivers\[0\] \(rule CVE-2021-44228, owner platform-team\) expired on 2021-12-31: 1 finding is no longer waived/);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toMatch(/expired on 2021-12-31/);
  });

  it('pipewarden gate: a clean log passes with an old KEV and fails with a newer one that lists its CVE', async () => {
    // The production stage's policy: what was accepted at build time fails only when it becomes exploited.
    await writeFile(join(dir, 'pipewarden.yml'), 'gate:\n  rules:\n    - kev: true\n');
    const old = await feedsDir('kev-old', (cve) => cve !== 'CVE-2021-44228');
    const current = await feedsDir('kev-new');
    const scan = pipewarden(['scan', '--scanners', 'none', '--report', LOG4J, '--feeds-dir', old, '--out-dir', 'build']);
    expect(scan.code).toBe(0);
    const yesterday = pipewarden(['gate', 'build/results.sarif', '--feeds-dir', old, '--out-dir', 'prod1']);
    expect(yesterday.code).toBe(0);
    const today = pipewarden(['gate', 'build/results.sarif', '--feeds-dir', current, '--out-dir', 'prod2']);
    expect(today.code).toBe(1);
    expect(today.stdout).toMatch(/Pipewarden \(production\)/);
    expect(today.stdout).toMatch(/in CISA KEV: 1 \(at most 0\)/);
    const gated = JSON.parse(await readFile(join(dir, 'prod2', 'results.sarif'), 'utf8')) as { properties: Record<string, unknown> };
    expect(gated.properties['pipewarden/verdict']).toMatchObject({ status: 'fail' });
    expect(gated.properties['pipewarden/feeds']).toMatchObject({ kev: { catalogVersion: '2025.08.25' } });
  });

  it('offline with nothing cached: KEV is not applied, and the output says so', async () => {
    await writeFile(join(dir, 'pipewarden.yml'), 'gate:\n  rules:\n    - kev: true\n');
    const run = pipewarden(['scan', '--scanners', 'none', '--report', LOG4J, '--out-dir', 'out']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/no known_exploited_vulnerabilities\.json available \(offline and nothing cached\): KEV not applied/);
  });
});

describe('pipewarden init and schema', () => {
  it('init writes a starter the schema accepts, and refuses to overwrite it', async () => {
    expect(pipewarden(['init']).code).toBe(0);
    const starter = await readFile(join(dir, 'pipewarden.yml'), 'utf8');
    expect(starter).toMatch(/^# yaml-language-server: \$schema=/);
    expect(pipewarden(['scan', '--scanners', 'none', '--out-dir', 'out']).code).toBe(0);
    const again = pipewarden(['init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/pipewarden\.yml: already exists; use --force to overwrite it/);
  });

  it('schema prints the JSON Schema of pipewarden.yml, generated from the zod schema', () => {
    const run = pipewarden(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['context', 'dast', 'dedupe', 'exclude', 'feeds', 'gate', 'history', 'images', 'include', 'priorities', 'review', 'sast', 'sca', 'scanners', 'stages', 'tickets', 'tools', 'waivers']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('--fail-on, the platforms\' one-word gate override', () => {
  it('never reports without failing; a severity fails on findings at or above it; anything else is refused', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pw-failon-'));
    const scan = (level: string) => spawnSync(process.execPath, [CLI, 'scan', 'examples/vulnerable-app', '--fail-on', level, '--out-dir', join(out, level)], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
    expect(scan('never').status).toBe(0);
    const critical = scan('critical');
    expect(critical.status).toBe(1);
    // The 2 secrets, the SAST engine's 3 critical injections (SQL, command, code) and lodash's critical CVE-2019-10744.
    expect(critical.stdout).toMatch(new RegExp(`severity critical or worse: ${demoExpected().advisories ? 6 : 5} \\(at most 0\\)`));
    const bad = scan('sometimes');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('pipewarden: --fail-on: "sometimes" is not policy, never, critical, high, medium, low\n');
  });
});
