import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('NuGet packages.lock.json', () => {
  const files = fixtureFiles('nuget');
  const text = files[0]!.text;

  it('reads Direct and Transitive packages of every framework once, with paths', () => {
    expect(manifestKind('src/Api/packages.lock.json')).toBe('packages.lock.json');
    const { packages, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(3);
    expect(find(packages, 'Newtonsoft.Json')).toMatchObject({
      version: '12.0.1',
      direct: true,
      declared: '[12.0.1, )',
      purl: 'pkg:nuget/Newtonsoft.Json@12.0.1',
      location: { file: 'packages.lock.json', line: lineOf(text, '"Newtonsoft.Json": {') },
    });
    expect(find(packages, 'System.Text.Encodings.Web')).toMatchObject({
      direct: false,
      path: ['System.Text.Json@4.7.0', 'System.Text.Encodings.Web@4.7.0'],
    });
    expect(packages.some((p) => p.name === 'Acme.Core')).toBe(false);
  });
});
