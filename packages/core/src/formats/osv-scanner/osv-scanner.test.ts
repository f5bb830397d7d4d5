import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, identify } from '../../identity/fingerprint.js';
import { normalizeReport } from '../../pipeline/normalize.js';
import { corpusSuite } from '../corpus-harness.js';

type Obj = Record<string, unknown>;

corpusSuite({
  folder: 'osv_scanner',
  format: 'osv-scanner',
  // osv-scanner writes nothing when it finds no lockfile: such a file is read with --format osv-scanner.
  explicitFormat: (text) => text.trim() === '',
  count(text) {
    if (!text.trim()) return 0;
    let n = 0;
    for (const source of (JSON.parse(text) as { results: Obj[] }).results) {
      for (const pkg of source.packages as Obj[]) n += Array.isArray(pkg.groups) && pkg.groups.length ? pkg.groups.length : (pkg.vulnerabilities as unknown[]).length;
    }
    return n;
  },
});

describe('osv-scanner source.path (absolute in v2 reports)', () => {
  /** What `osv-scanner scan source -r .` writes for one lockfile of the checkout at `root`. */
  const reportFor = (root: string) => ({
    results: [
      {
        source: { path: join(root, 'web', 'package-lock.json'), type: 'lockfile' },
        packages: [
          {
            package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' },
            vulnerabilities: [{ id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], summary: 'Command Injection in lodash', affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }] }],
            groups: [{ ids: ['GHSA-35jh-r3h4-6jhm'], aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'] }],
          },
        ],
      },
    ],
  });

  async function scanned(parent: string): Promise<{ uri: string | undefined; fingerprint: string | undefined }> {
    const root = join(await mkdtemp(join(tmpdir(), `pw-osv-${parent}-`)), 'checkout');
    await mkdir(join(root, 'web'), { recursive: true });
    await writeFile(join(root, 'web', 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    const file = join(root, 'osv.json');
    await writeFile(file, JSON.stringify(reportFor(root)));
    const { log } = await normalizeReport({ file, format: 'osv-scanner', scanner: { id: 'osv-scanner', version: '2.3.8', category: 'sca' } }, { baseDir: root, srcRoot: root });
    await identify(log, { srcRoot: root });
    const result = log.runs[0]!.results![0]!;
    return { uri: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri, fingerprint: result.partialFingerprints?.[FINGERPRINT_KEY] };
  }

  it('becomes the manifest path in the checkout: two checkouts in different folders give one fingerprint', async () => {
    const first = await scanned('a');
    const second = await scanned('b');
    expect(first.uri).toBe('web/package-lock.json');
    expect(second).toEqual(first);
    expect(first.fingerprint).toMatch(/\S/);
  });
});
