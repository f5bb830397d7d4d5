import { describe, expect, it } from 'vitest';
import { analyzeInventory, openAdvisories } from '../analyze.js';
import { advisoryOf } from '../osv/record.js';
import { cyclonedxOf } from '../sbom.js';
import type { InventoryResult, Package } from '../types.js';

const pkg = (name: string, version: string, extra: Partial<Package> = {}): Package => ({
  ecosystem: 'npm', name, version, purl: `pkg:npm/${name}@${version}`, direct: true, scope: 'runtime', path: [`${name}@${version}`], location: { file: 'package-lock.json', line: 3 }, manifest: 'package-lock.json', ...extra,
});
const inventory = (packages: Package[], problems: InventoryResult['problems'] = [], notes: InventoryResult['notes'] = []): InventoryResult => ({ packages, manifests: [{ file: 'package-lock.json', kind: 'package-lock.json', packages: packages.length }], problems, notes });
const affects = (name: string) => [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }];

function logOf(records: Record<string, unknown>[], packages: Package[], problems: InventoryResult['problems'] = [], notes: InventoryResult['notes'] = []) {
  const advisories = records.map((r, i) => advisoryOf(r, `r${i}.json`)!);
  const db = openAdvisories([{ advisories, skipped: 0, problems: [], files: records.length }], { sources: ['test'], snapshot: '2026-11-30' });
  return analyzeInventory(inventory(packages, problems, notes), db);
}

describe('severity, as the records give it', () => {
  it('a CVSS vector (v3 before v4), else GitHub\'s label, else unknown, never low', () => {
    const log = logOf(
      [
        { id: 'GHSA-aaaa-aaaa-aaaa', database_specific: { severity: 'CRITICAL' }, affected: affects('labelled') },
        { id: 'GHSA-bbbb-bbbb-bbbb', severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }, { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' }], affected: affects('vectors') },
        { id: 'GO-2099-0001', affected: affects('bare') },
      ],
      [pkg('labelled', '1.0.0'), pkg('vectors', '1.0.0'), pkg('bare', '1.0.0')],
    );
    const results = log.runs[0]!.results!;
    const by = (name: string) => results.find((r) => (r.properties!['pipewarden/package'] as { name: string }).name === name)!;
    expect(by('labelled').properties).toMatchObject({ 'security-severity': '9.5', 'pipewarden/severityLabel': 'critical' });
    expect(by('labelled').level).toBe('error');
    expect(by('vectors').properties!['pipewarden/cvssVector']).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N');
    expect(by('bare').properties!['pipewarden/severityLabel']).toBe('unknown');
    expect(by('bare').properties!['security-severity']).toBeUndefined();
    expect(by('bare').level).toBe('warning');
  });

  it('manifests that could not be read are warnings on their file; those read are listed in a note', () => {
    const log = logOf([], [pkg('a', '1.0.0')], [{ file: 'web/yarn.lock', message: 'is not a yarn.lock: line 3 is not an entry' }]);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes[0]).toMatchObject({ level: 'warning', message: { text: 'is not a yarn.lock: line 3 is not an entry' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'web/yarn.lock' } } }] });
    expect(notes[1]).toMatchObject({ level: 'note', message: { text: 'Checked package-lock.json (package-lock.json, 1 package)' } });
    expect(log.runs[0]!.properties!['pipewarden/advisories']).toMatchObject({ snapshot: '2026-11-30', sources: ['test'] });
  });

  it('notes about manifests that were read are notes on their file, after the problems: nothing there says a file went unread', () => {
    const log = logOf([], [pkg('a', '1.0.0')], [{ file: 'web/yarn.lock', message: 'is not a yarn.lock' }], [{ file: 'requirements.txt', message: 'line 2: editable install skipped (not a registry package)' }]);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.map((n) => [n.level, n.descriptor?.id])).toEqual([['warning', 'manifest-not-read'], ['note', 'manifest-note'], ['note', 'manifests-checked']]);
    expect(notes[1]).toMatchObject({ message: { text: 'line 2: editable install skipped (not a registry package)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'requirements.txt' } } }] });
    expect(log.runs[0]!.properties!['pipewarden/dependencies']).toMatchObject({ problems: [{ file: 'web/yarn.lock' }], notes: [{ file: 'requirements.txt' }] });
  });

  it('past 200 notes, the rest are counted in one more note', () => {
    const many = Array.from({ length: 205 }, (_, i) => ({ file: 'requirements.txt', message: `line ${i + 1}: editable install skipped (not a registry package)` }));
    const notes = logOf([], [pkg('a', '1.0.0')], [], many).runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.filter((n) => n.descriptor?.id === 'manifest-note')).toHaveLength(201);
    expect(notes.at(-2)!.message.text).toBe('5 more notes about manifests not listed');
    expect(notes.every((n) => n.level === 'note')).toBe(true);
  });
});

describe('the CycloneDX SBOM of the inventory', () => {
  it('one library per purl, dev dependencies excluded from what ships, unresolved ones said', () => {
    const bom = cyclonedxOf(inventory([pkg('a', '1.0.0'), pkg('a', '1.0.0', { manifest: 'other/package-lock.json' }), pkg('jest', '29.0.0', { scope: 'dev' }), pkg('left-pad', '1.0.0', { unresolved: true, declared: '^1.0.0' })]), { timestamp: '2026-11-30T00:00:00Z', serial: '00000000-0000-4000-8000-000000000000' });
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5', serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000', version: 1 });
    const components = bom.components as { purl: string; scope: string; 'bom-ref': string; properties: { name: string; value: string }[] }[];
    expect(components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0', 'pkg:npm/jest@29.0.0', 'pkg:npm/left-pad@1.0.0']);
    expect(components[1]!.scope).toBe('excluded');
    expect(components[2]!.properties).toContainEqual({ name: 'pipewarden:unresolved', value: 'declared ^1.0.0' });
    expect(new Set(components.map((c) => c['bom-ref'])).size).toBe(3);
  });
});
