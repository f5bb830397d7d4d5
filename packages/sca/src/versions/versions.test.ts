import { describe, expect, it } from 'vitest';
import type { Ecosystem } from '../types.js';
import { satisfiesDeclared } from './declared.js';
import { versionOrder } from './index.js';

/** Each list must be strictly ascending in the ecosystem's order; every pair is checked both ways. */
function expectAscending(ecosystem: Ecosystem, versions: string[]): void {
  const order = versionOrder(ecosystem);
  for (const v of versions) expect(order.valid(v), `${v} valid`).toBe(true);
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      expect(order.compare(versions[i]!, versions[j]!), `${versions[i]} < ${versions[j]}`).toBe(-1);
      expect(order.compare(versions[j]!, versions[i]!), `${versions[j]} > ${versions[i]}`).toBe(1);
    }
  }
}

function expectEqual(ecosystem: Ecosystem, pairs: [string, string][]): void {
  for (const [a, b] of pairs) expect(versionOrder(ecosystem).compare(a, b), `${a} = ${b}`).toBe(0);
}

describe('version orders', () => {
  it('PEP 440: the ordering example of the PEP, epochs and locals', () => {
    // PEP 440, "Summary of permitted suffixes and relative ordering".
    expectAscending('PyPI', ['1.dev0', '1.0.dev456', '1.0a1', '1.0a2.dev456', '1.0a12.dev456', '1.0a12', '1.0b1.dev456', '1.0b2', '1.0b2.post345.dev456', '1.0b2.post345', '1.0rc1.dev456', '1.0rc1', '1.0', '1.0+abc.5', '1.0+abc.7', '1.0+5', '1.0.post456.dev34', '1.0.post456', '1.0.15', '1.1.dev1', '2!0.1']);
    expectEqual('PyPI', [['1.0', '1.0.0'], ['1.0alpha1', '1.0a1'], ['1.0-1', '1.0.post1'], ['1.0c1', '1.0rc1'], ['v1.0', '1.0'], ['1.0.RC1', '1.0rc1'], ['1.0-dev', '1.0.dev0']]);
    expect(versionOrder('PyPI').valid('not a version')).toBe(false);
  });

  it('Maven: qualifiers, padding and aliases of ComparableVersion', () => {
    // From maven-artifact's ComparableVersionTest.
    expectAscending('Maven', ['1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2', '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot', '1-1', '1-2', '1-123']);
    expectAscending('Maven', ['2.0.0-alpha1', '2.0.0-beta1', '2.0.0-rc1', '2.0.0', '2.0.1', '2.14.1', '2.15.0', '2.17.0', '2.17.1']);
    expectEqual('Maven', [['1', '1.0'], ['1', '1.0.0'], ['1-ga', '1'], ['1-final', '1'], ['1.0-RELEASE', '1'], ['1a1', '1-alpha-1'], ['1-cr1', '1-rc1'], ['1m3', '1-milestone-3'], ['1.0.0.Final', '1']]);
  });

  it('RubyGems: prereleases and trailing zeros of Gem::Version', () => {
    expectAscending('RubyGems', ['1.0.a', '1.0.a.1', '1.0.b1', '1.0.rc1', '1.0', '1.0.1', '1.1', '5.2.4.4', '5.2.4.5', '6.0.0.rc1', '6.0.0', '6.0.3.7', '10.0']);
    expectEqual('RubyGems', [['1.0', '1'], ['1.0.0', '1'], ['1.0-pre', '1.0.pre.pre']]);
  });

  it('Go: pseudo-versions between their tags, +incompatible ignored, two-part toolchain versions', () => {
    expectAscending('Go', ['v0.0.0-20191109021931-daa7c04131f5', 'v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', 'v1.22.0-0', 'v1.22.0-rc.1', 'v1.22.0', 'v2.0.0+incompatible', 'v2.1.0+incompatible']);
    expectEqual('Go', [['v2.0.0+incompatible', '2.0.0'], ['go1.21', '1.21.0'], ['1.21', 'v1.21.0']]);
  });

  it('Composer: four normalised parts and stability suffixes', () => {
    expectAscending('Packagist', ['6.5.7', '6.5.8-dev', '6.5.8-alpha1', '6.5.8-beta', '6.5.8-RC2', '6.5.8', '6.5.8-patch1', '6.5.8.1', '7.4.4', 'v7.4.5', '2023.01.05']);
    expectEqual('Packagist', [['1.2', '1.2.0.0'], ['v1.2.3', '1.2.3'], ['1.0.0-b2', '1.0.0-beta2'], ['1.0.0-pl1', '1.0.0-patch1']]);
    expect(versionOrder('Packagist').valid('dev-main')).toBe(false);
  });

  it('NuGet: four parts, prereleases case-insensitive, metadata ignored', () => {
    expectAscending('NuGet', ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-Beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.0.1', '1.0.1', '12.0.3', '13.0.1']);
    expectEqual('NuGet', [['1.0', '1.0.0.0'], ['1.0.0-BETA', '1.0.0-beta'], ['1.0.0+abc', '1.0.0']]);
  });

  it('npm and Cargo: semver prerelease order', () => {
    for (const eco of ['npm', 'crates.io'] as const) {
      expectAscending(eco, ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '4.17.11', '4.17.20', '4.17.21']);
    }
  });
});

describe('declared ranges', () => {
  it('npm ranges', () => {
    expect(satisfiesDeclared('npm', '4.17.21', '^4.17.4')).toBe(true);
    expect(satisfiesDeclared('npm', '5.0.0', '^4.17.4')).toBe(false);
    expect(satisfiesDeclared('npm', '4.17.21', '4.17.4')).toBe(false);
  });

  it('PEP 440 specifiers', () => {
    expect(satisfiesDeclared('PyPI', '3.2.20', '>=3.2,<4')).toBe(true);
    expect(satisfiesDeclared('PyPI', '4.0', '>=3.2,<4')).toBe(false);
    expect(satisfiesDeclared('PyPI', '4.0rc1', '<4')).toBe(false);
    expect(satisfiesDeclared('PyPI', '2.2.5', '~=2.2')).toBe(true);
    expect(satisfiesDeclared('PyPI', '3.0', '~=2.2')).toBe(false);
    expect(satisfiesDeclared('PyPI', '1.4.5', '==1.4.*')).toBe(true);
    expect(satisfiesDeclared('PyPI', '1.5', '==1.4.*')).toBe(false);
    expect(satisfiesDeclared('PyPI', '1.7.post1', '>1.7')).toBe(false);
    expect(satisfiesDeclared('PyPI', '2.0', '!=2.0')).toBe(false);
  });

  it('Composer constraints', () => {
    expect(satisfiesDeclared('Packagist', '7.4.5', '^7.0')).toBe(true);
    expect(satisfiesDeclared('Packagist', '8.0.0', '^7.0')).toBe(false);
    expect(satisfiesDeclared('Packagist', '0.3.9', '^0.3')).toBe(true);
    expect(satisfiesDeclared('Packagist', '0.4.0', '^0.3')).toBe(false);
    expect(satisfiesDeclared('Packagist', '1.2.9', '~1.2.3')).toBe(true);
    expect(satisfiesDeclared('Packagist', '1.3.0', '~1.2.3')).toBe(false);
    expect(satisfiesDeclared('Packagist', '6.5.0', '^6.3 || ^7.0')).toBe(true);
    expect(satisfiesDeclared('Packagist', '5.4.2', '>=5.4 <6')).toBe(true);
    expect(satisfiesDeclared('Packagist', '2.1.5', '1.0 - 2.1')).toBe(true);
    expect(satisfiesDeclared('Packagist', '2.1.5', '2.1.*')).toBe(true);
    expect(satisfiesDeclared('Packagist', '2.2.0', '2.1.*')).toBe(false);
  });
});
