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

// What npm audit 7+ writes for it: the advisory by its GHSA URL only, no CVE, no installed version.
const NPM_AUDIT = {
  auditReportVersion: 2,
  vulnerabilities: {
    lodash: {
      name: 'lodash',
      severity: 'high',
      isDirect: true,
      via: [{ source: 1094500, name: 'lodash', dependency: 'lodash', title: 'Command Injection in lodash', url: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm', severity: 'high', cwe: ['CWE-77', 'CWE-94'], cvss: { score: 7.2, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }, range: '<4.17.21' }],
      effects: [],
      range: '<=4.17.20',
      nodes: ['node_modules/lodash'],
      fixAvailable: true,
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 }, dependencies: { prod: 2, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 1 } },
};

describe.skipIf(!hasShared)('pipewarden-sca findings among other tools', () => {
  sharedNotice('the dependency dedupe test');

  it('npm audit names the flaw by its GHSA only: still one finding with pipewarden-sca\'s CVE', async () => {
    const read = await readAdvisoryDir(join(sharedDir, 'advisories', 'osv', 'npm'));
    const ours = analyzeInventory(readInventory([{ path: 'package-lock.json', text: LOCK }]), openAdvisories([read], { sources: ['shared'] })) as Log;
    const dir = await mkdtemp(join(tmpdir(), 'pw-sca-dedupe-'));
    await writeFile(join(dir, 'npm-audit.json'), JSON.stringify(NPM_AUDIT));
    const audit = (await readReport(join(dir, 'npm-audit.json'))).log;
    const log = mergeLogs([await identify(ours, { srcRoot: dir }), await identify(audit, { srcRoot: dir })]);
    expect(dedupe(log).merged).toBe(1);
    const joined = log.runs.flatMap((run) => run.results ?? []).find((r) => r.properties?.['pipewarden/tools'])!;
    expect(joined.properties!['pipewarden/ids']).toEqual(expect.arrayContaining(['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm']));
  });

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
