import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('Packagist', () => {
  const files = fixtureFiles('packagist');
  const lock = files.find((f) => f.path === 'composer.lock')!;
  const manifest = files.find((f) => f.path === 'composer.json')!;

  it('reads composer.lock: the old Guzzle direct from composer.json, its requirements transitive', () => {
    expect(manifestKind('composer.lock')).toBe('composer.lock');
    expect(manifestKind('vendor/guzzlehttp/guzzle/composer.json')).toBeUndefined();
    const { packages, manifests, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(manifests).toEqual([{ file: 'composer.lock', kind: 'composer.lock', packages: 7 }]);
    expect(find(packages, 'guzzlehttp/guzzle')).toMatchObject({
      version: '6.5.5',
      purl: 'pkg:composer/guzzlehttp/guzzle@6.5.5',
      direct: true,
      scope: 'runtime',
      declared: '^6.5',
      location: { file: 'composer.json', line: lineOf(manifest.text, '"guzzlehttp/guzzle"') },
      manifest: 'composer.lock',
    });
    expect(find(packages, 'psr/http-message')).toMatchObject({
      direct: false,
      path: ['guzzlehttp/guzzle@6.5.5', 'guzzlehttp/psr7@1.7.0', 'psr/http-message@1.0.1'],
      location: { file: 'composer.lock', line: lineOf(lock.text, '"name": "psr/http-message"') },
      declaredAt: { file: 'composer.json', line: lineOf(manifest.text, '"guzzlehttp/guzzle"') },
    });
    expect(find(packages, 'symfony/polyfill-intl-idn').version).toBe('1.20.0');
    expect(find(packages, 'phpunit/phpunit')).toMatchObject({ direct: true, scope: 'dev' });
  });

  it('reads composer.lock alone, and composer.json alone as unresolved lowest versions', () => {
    const alone = readInventory([lock]);
    expect(find(alone.packages, 'guzzlehttp/guzzle')).toMatchObject({ direct: true, location: { file: 'composer.lock' } });
    const declared = readInventory([manifest]);
    expect(declared.packages.map((p) => [p.name, p.version, p.unresolved, p.scope])).toEqual([
      ['guzzlehttp/guzzle', '6.5.0', true, 'runtime'],
      ['phpunit/phpunit', '9.5.0', true, 'dev'],
    ]);
  });
});
