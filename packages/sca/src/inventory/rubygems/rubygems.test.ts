import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('RubyGems', () => {
  const files = fixtureFiles('rubygems');
  const lock = files.find((f) => f.path === 'Gemfile.lock')!;
  const gemfile = files.find((f) => f.path === 'Gemfile')!;

  it('reads Gemfile.lock specs, DEPENDENCIES as direct, Gemfile groups as scopes', () => {
    expect(manifestKind('Gemfile.lock')).toBe('Gemfile.lock');
    const { packages, manifests } = readInventory(files);
    expect(manifests.map((m) => m.kind)).toEqual(['Gemfile.lock']);
    expect(find(packages, 'sinatra')).toMatchObject({
      version: '2.0.5',
      direct: true,
      scope: 'runtime',
      purl: 'pkg:gem/sinatra@2.0.5',
      location: { file: 'Gemfile', line: lineOf(gemfile.text, 'gem "sinatra"') },
    });
    expect(find(packages, 'rack')).toMatchObject({
      direct: false,
      path: ['sinatra@2.0.5', 'rack@2.0.6'],
      location: { file: 'Gemfile.lock', line: lineOf(lock.text, '    rack (2.0.6)') },
    });
    expect(find(packages, 'nokogiri').version).toBe('1.10.1');
    expect(find(packages, 'diff-lcs')).toMatchObject({ scope: 'dev', path: ['rspec@3.8.0', 'rspec-core@3.8.0', 'rspec-support@3.8.0', 'diff-lcs@1.3'] });
    expect(packages.some((p) => p.name === 'internal_tools')).toBe(false);
    expect(packages).toHaveLength(11);
  });

  it('reads a Gemfile alone: lowest versions of the requirements, unresolved; git gems skipped', () => {
    const { packages, problems, notes } = readInventory([gemfile]);
    expect(packages.map((p) => [p.name, p.version, p.scope])).toEqual([
      ['sinatra', '2.0', 'runtime'],
      ['nokogiri', '1.10', 'runtime'],
      ['rspec', '3.8', 'dev'],
    ]);
    expect(packages.every((p) => p.unresolved)).toBe(true);
    expect(notes).toEqual([{ file: gemfile.path, message: expect.stringMatching(/internal_tools comes from git/) }]);
    expect(problems).toEqual([]);
  });
});
