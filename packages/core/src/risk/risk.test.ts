import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { findingsOf } from '../finding.js';
import { parseConfig } from '../policy/load-config.js';
import type { Log } from '../sarif/types.js';
import { enrich } from './enrich.js';
import { readEpss, readKev, type Feeds } from './feeds.js';
import { prioritize, priorityOf } from './prioritize.js';

function dependencyLog(places: { uri: string; cve: string; vector?: string }[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Trivy', rules: [] } },
        properties: { 'pipewarden/category': 'sca' },
        results: places.map((p) => ({
          ruleId: p.cve,
          level: 'error',
          message: { text: `lodash is affected by ${p.cve}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: p.uri, uriBaseId: '%SRCROOT%' } } }],
          properties: {
            'security-severity': '7.4',
            'pipewarden/ids': [p.cve],
            'pipewarden/package': { name: 'lodash', version: '4.17.4', fixedVersions: ['4.17.12'] },
            ...(p.vector ? { 'pipewarden/cvssVector': p.vector } : {}),
          },
        })),
      },
    ],
  };
}

const none: Feeds = { warnings: [] };
type Factor = { factor: string; detail: string; points: number };

describe('risk score', () => {
  it('is higher in a production, internet-facing service than in a test fixture, and the factors say why', async () => {
    const log = dependencyLog([
      { uri: 'services/api/package-lock.json', cve: 'CVE-2019-10744' },
      { uri: 'test/fixtures/package-lock.json', cve: 'CVE-2019-10744' },
    ]);
    const config = parseConfig({ context: [{ paths: ['services/api/**'], environment: 'production', exposure: 'internet-facing', owner: 'api-team' }] }, 'x');
    prioritize(await enrich(log, { feeds: none, context: config.context! }));
    const [api, fixture] = findingsOf(log);
    expect(api!.risk).toBeGreaterThan(fixture!.risk!);
    const apiFactors = api!.result.properties!['pipewarden/factors'] as Factor[];
    expect(apiFactors.map((f) => f.factor)).toEqual(expect.arrayContaining(['severity', 'environment', 'exposure', 'prevalence', 'fix available']));
    expect(apiFactors.find((f) => f.factor === 'environment')!.detail).toMatch(/production \(context\[0\]: paths services\/api\/\*\*\)/);
    const fixtureFactors = fixture!.result.properties!['pipewarden/factors'] as Factor[];
    expect(fixtureFactors.find((f) => f.factor === 'environment')).toMatchObject({ detail: expect.stringMatching(/test \(default: a test or fixture path\)/), points: expect.any(Number) });
    expect(fixtureFactors.find((f) => f.factor === 'environment')!.points).toBeLessThan(0);
    // The factors add up to the score (before clamping to 0-100).
    const sum = apiFactors.reduce((n, f) => n + f.points, 0);
    expect(Math.abs(Math.min(100, sum) - api!.risk!)).toBeLessThanOrEqual(apiFactors.length);
  });

  it('gives each result its own property bag when a converter shared one between results', () => {
    const log = dependencyLog([
      { uri: 'services/api/package-lock.json', cve: 'CVE-2019-10744' },
      { uri: 'test/fixtures/package-lock.json', cve: 'CVE-2019-10744' },
    ]);
    const [first, second] = log.runs[0]!.results!;
    delete first!.properties!['security-severity'];
    second!.properties = first!.properties;
    second!.level = 'note';
    prioritize(log);
    expect(second!.properties).not.toBe(first!.properties);
    expect(first!.properties!['pipewarden/severity']).toBe('high');
    expect(second!.properties!['pipewarden/severity']).toBe('low');
    expect(first!.properties!['pipewarden/risk']).toBeGreaterThan(second!.properties!['pipewarden/risk'] as number);
  });

  it('uses the CVSS vector when there is one, and maps risk to P0-P4 with an SLA', async () => {
    const log = dependencyLog([{ uri: 'package-lock.json', cve: 'CVE-2019-10744', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }]);
    prioritize(await enrich(log, { feeds: none, context: [] }), { slaDays: { P1: 14 } });
    const [finding] = findingsOf(log);
    expect((finding!.result.properties!['pipewarden/factors'] as Factor[])[0]).toMatchObject({ factor: 'severity', detail: 'CVSS 3.1 9.8', points: 98 });
    expect(finding!.priority).toBe('P0');
    expect([priorityOf(95, false), priorityOf(75, false), priorityOf(50, false), priorityOf(30, false), priorityOf(5, false), priorityOf(5, true)]).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P0']);
    const low = dependencyLog([{ uri: 'package-lock.json', cve: 'CVE-2019-10744', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' }]);
    prioritize(await enrich(low, { feeds: none, context: [] }), { slaDays: { P2: 45 } });
    expect(findingsOf(low)[0]!.result.properties!['pipewarden/slaDays']).toBe(45);
  });
});

describe.skipIf(!hasShared)('KEV and EPSS from the real feeds', () => {
  sharedNotice('KEV and EPSS tests on ../shared/feeds');
  it('reads the catalog and the EPSS sample, and a KEV CVE becomes P0 with the factors', async () => {
    const kev = await readKev(join(sharedDir, 'feeds', 'known_exploited_vulnerabilities.json'));
    const epss = await readEpss(join(sharedDir, 'feeds', 'epss_scores-2026-01-02.sample.csv'));
    expect(kev.version).toBe('2025.08.25');
    expect(kev.entries.size).toBe(1404);
    expect(kev.entries.get('CVE-2021-44228')?.dateAdded).toBe('2021-12-10');
    expect(epss.scoreDate).toBe('2026-01-02T12:55:00Z');
    expect(epss.entries.get('CVE-1999-0003')).toEqual({ epss: 0.89352, percentile: 0.99531 });
    const log = dependencyLog([
      { uri: 'a/package-lock.json', cve: 'CVE-2021-44228' },
      { uri: 'b/package-lock.json', cve: 'CVE-1999-0003' },
    ]);
    prioritize(await enrich(log, { feeds: { kev, epss, warnings: [] }, context: [] }));
    const [inKev, exploited] = findingsOf(log);
    expect(inKev!.kev).toBe(true);
    expect(inKev!.priority).toBe('P0');
    expect((inKev!.result.properties!['pipewarden/factors'] as Factor[]).find((f) => f.factor === 'kev')!.detail).toBe('CVE-2021-44228 is in CISA KEV since 2021-12-10');
    expect((exploited!.result.properties!['pipewarden/factors'] as Factor[]).map((f) => f.factor)).toEqual(expect.arrayContaining(['epss', 'epss percentile']));
    expect(log.runs[0]!.properties!['pipewarden/feeds']).toEqual({ kev: { catalogVersion: '2025.08.25', dateReleased: '2025-08-25T17:04:19.9796Z' }, epss: { scoreDate: '2026-01-02T12:55:00Z', modelVersion: 'v2025.03.14' } });
  });
});
