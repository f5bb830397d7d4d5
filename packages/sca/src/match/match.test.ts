import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAdvisories, analyzeInventory, type AdvisoryDatabase } from '../analyze.js';
import { readAdvisoryDir } from '../osv/read.js';
import { advisoryOf } from '../osv/record.js';
import type { Ecosystem, InventoryResult, Package } from '../types.js';
import { matchPackages } from './match.js';
import { AdvisoryIndex } from '../osv/advisory-index.js';

const OSV = join(import.meta.dirname, '../../../../../shared/advisories/osv');

function pkg(ecosystem: Ecosystem, name: string, version: string, extra: Partial<Package> = {}): Package {
  const manifest = extra.manifest ?? 'package-lock.json';
  return { ecosystem, name, version, purl: `pkg:${ecosystem.toLowerCase()}/${name}@${version}`, direct: true, scope: 'runtime', path: [name], location: { file: manifest, line: 7 }, manifest, ...extra };
}

function inventory(packages: Package[]): InventoryResult {
  return { packages, manifests: [...new Set(packages.map((p) => p.manifest))].map((file) => ({ file, kind: 'test', packages: packages.length })), problems: [], notes: [] };
}

let db: AdvisoryDatabase;
// The real records are ../shared's (present in CI); without it only the hand-written cases run.
const hasRecords = existsSync(OSV);
if (!hasRecords) process.stderr.write('\n[pipewarden tests] ../shared is absent: skipping the matches against real OSV records\n');

beforeAll(async () => {
  if (!hasRecords) return;
  const reads = await Promise.all(['npm', 'PyPI', 'Go', 'Maven', 'Packagist'].map((e) => readAdvisoryDir(join(OSV, e))));
  db = openAdvisories(reads, { sources: ['shared'] });
});

function idsFor(p: Package): string[] {
  const found = matchPackages([p], db.index).packages[0];
  return found ? found.matches.flatMap((m) => m.ids) : [];
}

describe.skipIf(!hasRecords)('matching real OSV records', () => {
  it('finds every advisory of an old lodash and the smallest version that clears them all', () => {
    const outcome = matchPackages([pkg('npm', 'lodash', '4.17.4')], db.index);
    const found = outcome.packages[0]!;
    expect(found.matches.map((m) => m.id).sort()).toEqual(['CVE-2018-16487', 'CVE-2018-3721', 'CVE-2019-1010266', 'CVE-2019-10744', 'CVE-2020-28500', 'CVE-2020-8203', 'CVE-2021-23337']);
    expect(found.matches.find((m) => m.id === 'CVE-2018-3721')!.fixed).toBe('4.17.5');
    expect(found.upgrade).toBe('4.17.21');
    expect(idsFor(pkg('npm', 'lodash', '4.17.21'))).toEqual([]);
    // Just below and at a fix.
    expect(idsFor(pkg('npm', 'lodash', '4.17.20'))).toContain('CVE-2021-23337');
    expect(idsFor(pkg('npm', 'lodash', '4.17.20'))).not.toContain('CVE-2020-8203');
  });

  it('follows the known answers of the shared data (PyPI, Go, withdrawn, last_affected)', () => {
    for (const v of ['3.2.19', '4.0.5', '4.1.9', '4.2.2']) expect(idsFor(pkg('PyPI', 'Django', v)), v).toContain('PYSEC-2023-100');
    for (const v of ['3.1.14', '3.2.20', '4.1.10', '4.2.3']) expect(idsFor(pkg('PyPI', 'django', v)), v).not.toContain('PYSEC-2023-100');
    expect(idsFor(pkg('PyPI', 'py', '1.11.0'))).toContain('PYSEC-2022-42969');
    expect(idsFor(pkg('PyPI', 'py', '1.11.1'))).not.toContain('PYSEC-2022-42969');
    expect(idsFor(pkg('Go', 'github.com/gin-gonic/gin', 'v1.5.0'))).toEqual(expect.arrayContaining(['GO-2020-0001', 'GHSA-6vm3-jj99-7229']));
    expect(idsFor(pkg('Go', 'github.com/gin-gonic/gin', 'v1.6.0'))).not.toContain('GO-2020-0001');
    for (const v of ['1.21.11', '1.22.0', '1.22.4']) expect(idsFor(pkg('Go', 'stdlib', v)), v).toContain('GO-2024-2963');
    for (const v of ['1.21.12', '1.22.5']) expect(idsFor(pkg('Go', 'stdlib', v)), v).not.toContain('GO-2024-2963');
    expect(idsFor(pkg('Go', 'k8s.io/kubernetes', 'v1.0.0'))).not.toContain('GO-2022-0617');
  });

  it('normalises names per ecosystem (PyPI case and separators)', () => {
    expect(idsFor(pkg('PyPI', 'DJANGO', '3.2.19'))).toContain('PYSEC-2023-100');
  });
});

describe('matching hand-written records', () => {
  const record = (affected: unknown, extra: Record<string, unknown> = {}) => advisoryOf({ id: 'TEST-1', aliases: ['CVE-2099-0001'], affected: [affected], ...extra }, 'test.json')!;
  const one = (p: Package, ...records: ReturnType<typeof record>[]) => matchPackages([p], new AdvisoryIndex(records)).packages[0];

  it('limit ends a range; GIT ranges are ignored and counted', () => {
    const limited = record({ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }, { type: 'GIT', repo: 'r', events: [{ introduced: 'abc' }] }] });
    expect(one(pkg('npm', 'x', '1.5.0'), limited)).toBeDefined();
    expect(one(pkg('npm', 'x', '2.0.0'), limited)).toBeUndefined();
    expect(matchPackages([pkg('npm', 'x', '1.5.0')], new AdvisoryIndex([limited])).gitRanges).toBe(1);
    const log = analyzeInventory(inventory([pkg('npm', 'x', '1.5.0')]), openAdvisories([{ advisories: [limited], skipped: 0, problems: [], files: 1 }], { sources: [] }));
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toContain('1 GIT range of the matching advisories ignored: they name commits, not package versions');
  });

  it('events in any order are sorted by the ecosystem order (Maven qualifiers)', () => {
    const maven = record({ package: { ecosystem: 'Maven', name: 'org.example:lib' }, ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '2.0.0' }, { introduced: '2.0.0-beta1' }, { fixed: '1.5.1' }, { introduced: '0' }] }] });
    expect(one(pkg('Maven', 'org.example:lib', '2.0.0-rc1'), maven)!.matches[0]!.fixed).toBe('2.0.0');
    expect(one(pkg('Maven', 'org.example:lib', '1.5.0'), maven)!.matches[0]!.fixed).toBe('1.5.1');
    expect(one(pkg('Maven', 'org.example:lib', '1.6'), maven)).toBeUndefined();
    expect(one(pkg('Maven', 'org.example:lib', '2.0.0.Final'), maven)).toBeUndefined();
  });

  it('explicit version lists match without ranges; withdrawn records are skipped', () => {
    const listed = record({ package: { ecosystem: 'RubyGems', name: 'gem' }, versions: ['1.2.3'] });
    expect(one(pkg('RubyGems', 'gem', '1.2.3'), listed)).toBeDefined();
    expect(one(pkg('RubyGems', 'gem', '1.2.4'), listed)).toBeUndefined();
    expect(advisoryOf({ id: 'W', withdrawn: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: ['1.0.0'] }] }, 'w.json')).toBeUndefined();
  });

  it('the upgrade skips a fixed version that another advisory affects', () => {
    const a = record({ package: { ecosystem: 'npm', name: 'y' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.1.0' }] }] });
    const b = advisoryOf({ id: 'TEST-2', affected: [{ package: { ecosystem: 'npm', name: 'y' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.1.0' }, { fixed: '1.2.0' }] }] }] }, 't2.json')!;
    const found = one(pkg('npm', 'y', '1.0.0'), a, b)!;
    expect(found.matches.map((m) => m.id)).toEqual(['CVE-2099-0001']);
    expect(found.upgrade).toBe('1.2.0');
    const none = advisoryOf({ id: 'TEST-3', affected: [{ package: { ecosystem: 'npm', name: 'y' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { last_affected: '9.0.0' }] }] }] }, 't3.json')!;
    const stuck = one(pkg('npm', 'y', '1.0.0'), a, none)!;
    expect(stuck.upgrade).toBeUndefined();
    expect(stuck.matches.find((m) => m.id === 'TEST-3')!.lastAffected).toBe('9.0.0');
  });

  it('joins records of one flaw by their aliases', () => {
    const ghsa = advisoryOf({ id: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2099-0002'], affected: [{ package: { ecosystem: 'Go', name: 'example.com/m' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }] }] }, 'g.json')!;
    const go = advisoryOf({ id: 'GO-2099-0001', aliases: ['GHSA-aaaa-bbbb-cccc'], affected: [{ package: { ecosystem: 'Go', name: 'example.com/m' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.2' }] }] }] }, 'go.json')!;
    const found = one(pkg('Go', 'example.com/m', 'v1.0.0'), ghsa, go)!;
    expect(found.matches).toHaveLength(1);
    expect(found.matches[0]!.id).toBe('CVE-2099-0002');
    expect(found.matches[0]!.fixed).toBe('1.0.2');
  });
});

describe.skipIf(!hasRecords)('the SARIF log', () => {
  it('puts a transitive package on its lockfile line with the path, a direct one on the manifest line, and marks dev and unresolved', () => {
    const log = analyzeInventory(
      inventory([
        pkg('npm', 'lodash', '4.17.20', { direct: false, path: ['express-thing', 'lodash'], location: { file: 'pnpm-lock.yaml', line: 120 }, manifest: 'pnpm-lock.yaml', scope: 'dev' }),
        pkg('npm', 'lodash', '4.17.4', { unresolved: true, declared: '^4.17.4', location: { file: 'package.json', line: 12 }, declaredAt: { file: 'package.json', line: 12 }, manifest: 'package.json' }),
      ]),
      db,
    );
    const results = log.runs[0]!.results!;
    const transitive = results.filter((r) => r.properties?.['pipewarden/package']?.version === '4.17.20');
    expect(transitive.map((r) => r.ruleId)).toEqual(['CVE-2020-28500', 'CVE-2021-23337']);
    const t = transitive[1]!;
    expect(t.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('pnpm-lock.yaml');
    expect(t.locations![0]!.physicalLocation!.region!.startLine).toBe(120);
    expect(t.message.text).toContain('pulled in by express-thing > lodash');
    expect(t.properties!['pipewarden/via']).toEqual(['express-thing', 'lodash']);
    expect(t.properties!['pipewarden/dev']).toBe(true);
    expect(t.properties!['pipewarden/ids']).toEqual(['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm']);
    expect(t.properties!['pipewarden/cvssVector']).toMatch(/^CVSS:3\.1\//);
    const unresolved = results.filter((r) => r.properties?.['pipewarden/package']?.unresolved);
    expect(unresolved).toHaveLength(7);
    expect(unresolved[0]!.message.text).toContain('not locked');
    expect(unresolved[0]!.message.text).toContain('The declared range admits');
    expect(unresolved[0]!.properties!['pipewarden/package']).toMatchObject({ fixedVersions: expect.arrayContaining(['4.17.21']), upgrade: '4.17.21', purl: 'pkg:npm/lodash@4.17.4' });
    expect(log.runs[0]!.properties!['pipewarden/advisories']).toMatchObject({ records: expect.any(Number), snapshot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
