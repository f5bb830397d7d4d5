import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeInventory, openAdvisories, readAdvisoryDir, readInventory } from '@pipewarden/sca';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { readReport } from '../formats/registry.js';
import { dedupe, mergeLogs } from '../identity/dedupe.js';
import { identify } from '../identity/fingerprint.js';
import type { Log } from '../sarif/types.js';

const LOCK = JSON.stringify(
  { name: 'shop', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop', dependencies: { lodash: '^4.17.0' } }, 'node_modules/lodash': { version: '4.17.20', resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz' } } },
  null,
  2,
);

// What Trivy writes for the same lockfile (`trivy fs --format json`), reduced to the fields it always has.
const TRIVY = {
  SchemaVersion: 2,
  ArtifactName: '.',
  ArtifactType: 'filesystem',
  Results: [
    {
      Target: 'package-lock.json',
      Class: 'lang-pkgs',
      Type: 'npm',
      Vulnerabilities: [
        { VulnerabilityID: 'CVE-2021-23337', PkgName: 'lodash', InstalledVersion: '4.17.20', FixedVersion: '4.17.21', Severity: 'HIGH', Title: 'lodash: command injection via template' },
      ],
    },
  ],
};

describe.skipIf(!hasShared)('pipewarden-sca findings among other tools', () => {
  sharedNotice('the dependency dedupe test');

  it('one finding for one CVE in one package version, whether Pipewarden or Trivy reports it', async () => {
    const read = await readAdvisoryDir(join(sharedDir, 'advisories', 'osv', 'npm'));
    const ours = analyzeInventory(readInventory([{ path: 'package-lock.json', text: LOCK }]), openAdvisories([read], { sources: ['shared'] })) as Log;
    for (const run of ours.runs) run.properties = { ...run.properties, 'pipewarden/category': 'sca' };
    const dir = await mkdtemp(join(tmpdir(), 'pw-sca-dedupe-'));
    await writeFile(join(dir, 'trivy.json'), JSON.stringify(TRIVY));
    const trivy = (await readReport(join(dir, 'trivy.json'))).log;
    const before = ours.runs[0]!.results!.length + trivy.runs[0]!.results!.length;
    const log = mergeLogs([await identify(ours, { srcRoot: dir }), await identify(trivy, { srcRoot: dir })]);
    const { merged } = dedupe(log);
    expect(merged).toBe(1);
    const results = log.runs.flatMap((run) => run.results ?? []);
    expect(results).toHaveLength(before - 1);
    const joined = results.find((r) => r.properties?.['pipewarden/tools']);
    expect(joined!.properties!['pipewarden/tools']).toEqual(expect.arrayContaining(['Pipewarden SCA', 'Trivy']));
  });
});
