import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

corpusSuite({
  folder: 'dependency_check',
  format: 'dependency-check',
  // Vulnerabilities and suppressed ones (kept as suppressed results), counted by their start tags.
  count: (text) => (text.replace(/<!--[\s\S]*?-->/g, '').match(/<(?:vulnerability|suppressedVulnerability)[\s>]/g) ?? []).length,
});


describe('dependency-check JSON', () => {
  it('reads the JSON report like the XML one, suppressed vulnerabilities kept as suppressed', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-dc-')), 'dependency-check-report.json');
    await writeFile(
      file,
      JSON.stringify({
        reportSchema: '1.1',
        scanInfo: { engineVersion: '9.0.9' },
        projectInfo: { name: 'app' },
        dependencies: [
          {
            fileName: 'log4j-core-2.14.1.jar',
            filePath: 'lib/log4j-core-2.14.1.jar',
            packages: [{ id: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }],
            vulnerabilities: [{ source: 'NVD', name: 'CVE-2021-44228', severity: 'CRITICAL', cvssv3: { baseScore: 10.0 }, cwes: ['CWE-502', 'CWE-400'], description: 'JNDI lookup.' }],
            suppressedVulnerabilities: [{ source: 'NVD', name: 'CVE-2021-45046', severity: 'CRITICAL', cvssv3: { baseScore: 9.0 }, cwes: [], description: 'Incomplete fix.' }],
          },
        ],
      }),
    );
    const { format, log } = await readReport(file);
    expect(format).toBe('dependency-check');
    const [active, suppressed] = log.runs[0]!.results!;
    expect(active!.ruleId).toBe('CVE-2021-44228');
    expect(active!.properties?.['security-severity']).toBe('10.0');
    expect(active!.properties?.['pipewarden/package']).toMatchObject({ name: 'org.apache.logging.log4j/log4j-core', version: '2.14.1', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' });
    expect(suppressed!.suppressions?.[0]?.status).toBe('accepted');
  });
});
