import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROP } from '../../sarif/props.js';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

corpusSuite({
  folder: 'anchore_grype',
  format: 'grype',
  count: (text) => (JSON.parse(text) as { matches: unknown[] }).matches.length,
});

describe('grype cwes', () => {
  it('reads CWE objects {cve, cwe, source, type} (the current schema) and plain strings (older reports)', async () => {
    const match = (id: string, cwes: unknown[], relatedCwes: unknown[]) => ({
      vulnerability: { id, dataSource: `https://github.com/advisories/${id}`, severity: 'High', urls: [], cvss: [], fix: { versions: ['4.17.21'], state: 'fixed' }, advisories: [], risk: 1.2, cwes },
      relatedVulnerabilities: [{ id: 'CVE-2021-23337', dataSource: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337', urls: [], cvss: [], cwes: relatedCwes }],
      matchDetails: [],
      artifact: { name: 'lodash', version: '4.17.20', type: 'npm', locations: [{ path: '/package-lock.json' }], purl: 'pkg:npm/lodash@4.17.20' },
    });
    const file = join(await mkdtemp(join(tmpdir(), 'pw-grype-')), 'grype.json');
    await writeFile(
      file,
      JSON.stringify({
        matches: [
          match('GHSA-35jh-r3h4-6jhm', [{ cve: 'CVE-2021-23337', cwe: 'CWE-94', source: 'security-advisories@github.com', type: 'Primary' }], [{ cve: 'CVE-2021-23337', cwe: 'CWE-77', source: 'nvd@nist.gov', type: 'Secondary' }]),
          match('GHSA-29mw-wpgm-hmr9', [], ['CWE-1333']),
        ],
        source: { type: 'directory', target: '.' },
        distro: {},
        descriptor: { name: 'grype', version: '0.121.2' },
      }),
    );
    const { log } = await readReport(file);
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => [rule.id, rule.properties?.[PROP.cwe]])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', ['CWE-94', 'CWE-77']],
      ['GHSA-29mw-wpgm-hmr9', ['CWE-1333']],
    ]);
    expect(log.runs[0]!.results![0]!.properties?.[PROP.ids]).toEqual(expect.arrayContaining(['CWE-94', 'CWE-77']));
  });
});
