import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('Cargo', () => {
  const files = fixtureFiles('cargo');
  const lock = files.find((f) => f.path === 'Cargo.lock')!;
  const member = files.find((f) => f.path === 'crates/cli/Cargo.toml')!;

  it('reads Cargo.lock: the workspace member gives direct crates, located in its Cargo.toml', () => {
    expect(manifestKind('Cargo.lock')).toBe('Cargo.lock');
    const { packages, manifests, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(manifests).toEqual([{ file: 'Cargo.lock', kind: 'Cargo.lock', packages: 9 }]);
    expect(find(packages, 'smallvec')).toMatchObject({
      version: '1.6.0',
      direct: true,
      purl: 'pkg:cargo/smallvec@1.6.0',
      location: { file: 'crates/cli/Cargo.toml', line: lineOf(member.text, 'smallvec =') },
    });
    expect(find(packages, 'time', '0.1.43')).toMatchObject({
      direct: false,
      scope: 'runtime',
      path: ['chrono@0.4.19', 'time@0.1.43'],
      location: { file: 'Cargo.lock', line: lineOf(lock.text, 'name = "time"') - 1 },
    });
    expect(find(packages, 'time', '0.3.5').direct).toBe(false);
    expect(find(packages, 'tempfile')).toMatchObject({ direct: true, scope: 'dev' });
    expect(find(packages, 'cfg-if')).toMatchObject({ scope: 'dev', path: ['tempfile@3.2.0', 'cfg-if@1.0.0'] });
    expect(packages.some((p) => p.name === 'ledger-cli')).toBe(false);
  });

  it('reads a Cargo.toml alone with caret requirements as lowest versions', () => {
    const { packages } = readInventory([member]);
    expect(packages.map((p) => [p.name, p.version, p.scope])).toEqual([
      ['chrono', '0.4.19', 'runtime'],
      ['smallvec', '1.6.0', 'runtime'],
      ['tempfile', '3.2.0', 'dev'],
    ]);
    expect(packages.every((p) => p.unresolved)).toBe(true);
  });
});
