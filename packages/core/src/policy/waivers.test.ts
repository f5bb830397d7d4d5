import { describe, expect, it } from 'vitest';
import { findingsOf } from '../finding.js';
import type { Log } from '../sarif/types.js';
import { parseConfig } from './load-config.js';
import { applyWaivers } from './waivers.js';

function log(): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Trivy' } },
        results: [
          { ruleId: 'CVE-2021-44228', message: { text: 'log4j' }, partialFingerprints: { 'pipewarden/v1': 'aaaa:1' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'services/api/pom.xml' } } }], properties: { 'pipewarden/package': { name: 'org.apache.logging.log4j/log4j-core', version: '2.14.1' } } },
          { ruleId: 'GHSA-p6xc', message: { text: 'lodash' }, partialFingerprints: { 'pipewarden/v1': 'bbbb:1' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'web/package-lock.json' } } }], properties: { 'pipewarden/ids': ['CVE-2019-10744'], 'pipewarden/package': { name: 'lodash', version: '4.17.4' } } },
          { ruleId: 'B602', message: { text: 'shell' }, partialFingerprints: { 'pipewarden/v1': 'cccc:1' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'tools/deploy.py' } } }] },
        ],
      },
    ],
  };
}

const waivers = (list: unknown[]) => parseConfig({ waivers: list }, 'pipewarden.yml').waivers!;
const base = { reason: 'accepted risk', owner: 'team' };

describe('waivers', () => {
  it('match by rule (or any id), fingerprint, path glob and package, all conditions together', () => {
    const l = log();
    const report = applyWaivers(
      l,
      waivers([
        { ...base, rule: 'CVE-2019-10744', expires: '2027-01-01' },
        { ...base, fingerprint: 'cccc', expires: '2027-01-01' },
        { ...base, package: 'org.apache.logging.log4j/log4j-core@2.15.0', expires: '2027-01-01' },
      ]),
      '2026-11-22',
    );
    const [log4j, lodash, shell] = findingsOf(l);
    expect([log4j!.suppressed, lodash!.suppressed, shell!.suppressed]).toEqual([false, true, true]);
    expect(lodash!.result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'waiver: accepted risk (owner team, until 2027-01-01)' }]);
    expect(report.applied.map((a) => a.matched)).toEqual([1, 1, 0]);
    const byPath = log();
    applyWaivers(byPath, waivers([{ ...base, path: 'services/**', rule: 'CVE-2021-44228', expires: '2027-01-01' }]), '2026-11-22');
    expect(findingsOf(byPath)[0]!.suppressed).toBe(true);
  });

  it('stop applying after their expiry day, say so, and list those ending within 14 days', () => {
    const l = log();
    const report = applyWaivers(
      l,
      waivers([
        { ...base, rule: 'CVE-2021-44228', expires: '2026-11-21' },
        { ...base, rule: 'B602', expires: '2026-11-22' },
        { ...base, rule: 'GHSA-p6xc', expires: '2026-12-06' },
      ]),
      '2026-11-22',
    );
    expect(findingsOf(l).map((f) => f.suppressed)).toEqual([false, true, true]);
    expect(report.expired).toEqual([{ index: 0, waiver: expect.objectContaining({ rule: 'CVE-2021-44228' }), matched: 1 }]);
    expect(report.expiringSoon.map((s) => [s.index, s.daysLeft])).toEqual([[1, 0], [2, 14]]);
  });

  it('are refused without reason, owner, a real expiry date or anything to match', () => {
    expect(() => waivers([{ rule: 'X' }])).toThrow(/waivers\[0\]\.reason: is required; waivers\[0\]\.owner: is required; waivers\[0\]\.expires: is required/);
    expect(() => waivers([{ ...base, expires: '2026-02-30' }])).toThrow(/waivers\[0\]\.expires: expected a date as YYYY-MM-DD; waivers\[0\]: a waiver needs fingerprint, rule, path or package/);
    expect(() => waivers([{ ...base, rule: 'X', expires: 'next week' }])).toThrow(/waivers\[0\]\.expires: expected a date as YYYY-MM-DD/);
  });
});
