import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { readReport } from '../formats/registry.js';
import type { Log } from '../sarif/types.js';
import { dedupe, mergeLogs } from './dedupe.js';
import { identify } from './fingerprint.js';

const count = (log: Log) => log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);

describe.skipIf(!hasShared)('cross-tool dedupe on two overlapping corpus reports of one image', () => {
  sharedNotice('cross-tool dedupe on ../shared/corpus');
  it("Grype's JSON and its CycloneDX export merge to fewer findings, each naming both tools", async () => {
    const a = (await readReport(join(sharedDir, 'corpus', 'anchore_grype', 'many_vulns2.json'))).log;
    const b = (await readReport(join(sharedDir, 'corpus', 'cyclonedx', 'grype.xml'))).log;
    const sum = count(a) + count(b);
    const log = mergeLogs([await identify(a, { srcRoot: '/nonexistent' }), await identify(b, { srcRoot: '/nonexistent' })]);
    const { merged } = dedupe(log);
    expect(merged).toBeGreaterThan(100);
    expect(count(log)).toBe(sum - merged);
    const joined = log.runs.flatMap((run) => run.results ?? []).filter((r) => r.properties?.['pipewarden/tools']);
    expect(joined).toHaveLength(merged);
    for (const result of joined) {
      expect(result.properties!['pipewarden/tools']).toEqual(['CycloneDX (grype)', 'Grype']);
      expect((result.properties!['pipewarden/duplicates'] as unknown[]).length).toBe(1);
    }
  });
});

function sarif(tool: string, results: Record<string, unknown>[]): Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool } }, results: results.map((r) => ({ message: { text: 'm' }, ...r }) as never) }] };
}

describe('dedupe', () => {
  const at = (uri: string, startLine: number) => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine } } }];
  const cwe = (id: string) => ({ 'pipewarden/category': 'sast', tags: [`external/cwe/${id.toLowerCase()}`] });

  it('joins two SAST tools flagging one CWE on one line, keeps the more severe and its provenance', () => {
    const log = mergeLogs([
      sarif('Semgrep', [{ ruleId: 'js.eval', locations: at('a.js', 3), properties: { ...cwe('CWE-95'), 'security-severity': '5.0' } }]),
      sarif('ESLint', [{ ruleId: 'security/eval', locations: at('a.js', 3), properties: { ...cwe('CWE-95'), 'security-severity': '8.8' } }]),
    ]);
    expect(dedupe(log).merged).toBe(1);
    const [left] = log.runs.flatMap((r) => r.results ?? []);
    expect(left!.ruleId).toBe('security/eval');
    expect(left!.properties!['pipewarden/tools']).toEqual(['ESLint', 'Semgrep']);
  });

  it('joins across tools whatever their other files: a tool whose files all start alike, inside another tool\'s', () => {
    // Services of a monorepo name different files and none can join; a file both name is found whichever
    // tool names more (the check that skips the lookups must never skip a file two tools share).
    const services = mergeLogs([
      sarif('A', [{ ruleId: 'x', locations: at('services/a/app.js', 3), properties: cwe('CWE-95') }, { ruleId: 'x', locations: at('services/a/lib.js', 3), properties: cwe('CWE-95') }]),
      sarif('B', [{ ruleId: 'y', locations: at('services/b/app.js', 3), properties: cwe('CWE-95') }]),
    ]);
    expect(dedupe(services).merged).toBe(0);
    for (const [first, second] of [
      [['src/a.js', 'src/b.js', 'lib/c.js'], ['src/a.js']],
      [['src/a.js'], ['src/a.js', 'src/b.js']],
      [['src/a.js', 'src/ab.js'], ['lib/z.js', 'src/a.js']],
    ] as const) {
      const log = mergeLogs([
        sarif('A', first.map((uri) => ({ ruleId: 'x', locations: at(uri, 3), properties: cwe('CWE-95') }))),
        sarif('B', second.map((uri) => ({ ruleId: 'y', locations: at(uri, 3), properties: cwe('CWE-95') }))),
      ]);
      expect(dedupe(log).merged, `${first.join(',')} / ${second.join(',')}`).toBe(1);
    }
  });

  it('never joins two reports of one tool, nor different lines, and can be turned off', () => {
    const same = sarif('ESLint', [
      { ruleId: 'a', locations: at('a.js', 3), properties: cwe('CWE-95') },
      { ruleId: 'b', locations: at('a.js', 3), properties: cwe('CWE-95') },
    ]);
    expect(dedupe(same).merged).toBe(0);
    const apart = mergeLogs([sarif('A', [{ ruleId: 'x', locations: at('a.js', 3), properties: cwe('CWE-95') }]), sarif('B', [{ ruleId: 'y', locations: at('a.js', 4), properties: cwe('CWE-95') }])]);
    expect(dedupe(apart).merged).toBe(0);
    const off = mergeLogs([sarif('A', [{ ruleId: 'x', locations: at('a.js', 3), properties: cwe('CWE-95') }]), sarif('B', [{ ruleId: 'y', locations: at('a.js', 3), properties: cwe('CWE-95') }])]);
    expect(dedupe(off, { sca: true, sast: false }).merged).toBe(0);
  });

  it('joins one CVE in one package across tools, not across versions', () => {
    const dep = (tool: string, ruleId: string, version?: string) =>
      sarif(tool, [{ ruleId, properties: { 'pipewarden/ids': ['CVE-2019-10744'], 'pipewarden/package': { name: 'lodash', ...(version ? { version } : {}) } } }]);
    const log = mergeLogs([dep('Trivy', 'CVE-2019-10744', '4.17.4'), dep('Grype', 'GHSA-jf85-cpcp-j695', '4.17.4'), dep('npm audit', 'GHSA-jf85-cpcp-j695')]);
    expect(dedupe(log).merged).toBe(2);
    const other = mergeLogs([dep('Trivy', 'CVE-2019-10744', '4.17.4'), dep('Grype', 'CVE-2019-10744', '4.17.20')]);
    expect(dedupe(other).merged).toBe(0);
  });
});

describe('DAST requests', () => {
  it('/item?id=1 and /item?id=2 with one rule, method and parameter are one finding; another parameter or route stays apart', async () => {
    const dast = (url: string, parameter = 'id') => ({ ruleId: 'wapiti/sql-injection', properties: { 'pipewarden/category': 'dast', 'pipewarden/dast': { url, method: 'GET', parameter } } });
    const log = await identify(
      sarif('Wapiti', [dast('http://127.0.0.1:3000/item?id=1'), dast('http://127.0.0.1:3000/item?id=2'), dast('http://127.0.0.1:3000/item/7'), dast('http://127.0.0.1:3000/item/8'), dast('http://127.0.0.1:3000/item?id=1', 'sort'), dast('http://127.0.0.1:3000/search?q=1')]),
      { srcRoot: '/nonexistent' },
    );
    dedupe(log);
    const left = log.runs[0]!.results!;
    expect(left.map((r) => (r.properties!['pipewarden/dast'] as { url: string; parameter: string }).url + ' ' + (r.properties!['pipewarden/dast'] as { parameter: string }).parameter)).toEqual([
      'http://127.0.0.1:3000/item?id=1 id',
      'http://127.0.0.1:3000/item/7 id',
      'http://127.0.0.1:3000/item?id=1 sort',
      'http://127.0.0.1:3000/search?q=1 id',
    ]);
    expect(left[0]!.properties!['pipewarden/requests']).toEqual(['http://127.0.0.1:3000/item?id=2']);
    expect(left[1]!.properties!['pipewarden/requests']).toEqual(['http://127.0.0.1:3000/item/8']);
  });
});

describe('one secret found by several secret scanners', () => {
  it('is one finding that names every tool', () => {
    const run = (tool: string, ruleId: string) => ({
      tool: { driver: { name: tool, rules: [] } },
      properties: { 'pipewarden/category': 'secrets' },
      results: [{ ruleId, level: 'error' as const, message: { text: `${ruleId} found` }, locations: [{ physicalLocation: { artifactLocation: { uri: 'config.js' }, region: { startLine: 7 } } }] }],
    });
    const log: Log = { version: '2.1.0', runs: [run('secretlint', 'aws'), run('Gitleaks', 'aws-access-token'), run('Pipewarden Secrets', 'pipewarden-secrets/generic-secret')] };
    const { merged } = dedupe(log);
    expect(merged).toBe(2);
    const kept = log.runs.flatMap((r) => r.results ?? []);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.properties?.['pipewarden/tools']).toEqual(['Gitleaks', 'Pipewarden Secrets', 'secretlint']);
    const apart: Log = { version: '2.1.0', runs: [run('secretlint', 'aws'), run('Gitleaks', 'aws-access-token')] };
    expect(dedupe(apart, { sca: true, sast: true, secrets: false }).merged).toBe(0);
  });
});
