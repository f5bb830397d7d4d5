import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixtures.js';
import { MANIFEST_KINDS, MAX_MANIFEST_BYTES, manifestKind, PARSERS, readInventory } from './index.js';

const SAMPLE_PATHS: Record<string, string> = {
  'package-lock.json': 'package-lock.json',
  'npm-shrinkwrap.json': 'npm-shrinkwrap.json',
  'pnpm-lock.yaml': 'pnpm-lock.yaml',
  'yarn.lock': 'yarn.lock',
  'package.json': 'package.json',
  'requirements.txt': 'requirements.txt',
  'constraints.txt': 'constraints.txt',
  'poetry.lock': 'poetry.lock',
  'Pipfile.lock': 'Pipfile.lock',
  'uv.lock': 'uv.lock',
  'pyproject.toml': 'pyproject.toml',
  Pipfile: 'Pipfile',
  'go.mod': 'go.mod',
  'pom.xml': 'pom.xml',
  'gradle.lockfile': 'gradle.lockfile',
  'build.gradle': 'build.gradle.kts',
  'libs.versions.toml': 'gradle/libs.versions.toml',
  'composer.lock': 'composer.lock',
  'composer.json': 'composer.json',
  'Gemfile.lock': 'Gemfile.lock',
  Gemfile: 'Gemfile',
  'Cargo.lock': 'Cargo.lock',
  'Cargo.toml': 'Cargo.toml',
  'packages.lock.json': 'packages.lock.json',
  'packages.config': 'packages.config',
  '*.csproj': 'Api.csproj',
  'Directory.Packages.props': 'Directory.Packages.props',
  'vendored-js': 'vendor/lib.min.js',
};

describe('readInventory', () => {
  it('has a sample path for every format, each naming its own kind', () => {
    expect(Object.keys(SAMPLE_PATHS).sort()).toEqual(PARSERS.map((p) => p.kind).sort());
    expect([...MANIFEST_KINDS].sort()).toEqual(PARSERS.map((p) => p.kind).sort());
    for (const [kind, path] of Object.entries(SAMPLE_PATHS)) expect(manifestKind(`some/dir/${path}`)).toBe(kind);
  });

  it('turns any bytes given to any parser into packages or one-line problems and notes, never an exception', () => {
    const garbage = [
      '',
      '\u0000\u0001\u0002',
      '{',
      '[1,2,3]',
      'null',
      '"text"',
      '{"packages": 5, "dependencies": [1], "lockfileVersion": "x"}',
      '- a\n- b\n',
      'a: [\n',
      '[[package]]\nname = 5\n',
      '<project><dependencies><dependency></dependency></dependencies></project>',
      '<<<>>>',
      'GEM\n  specs:\n    (\n',
      'require (\n',
      '\ufeff' + '{}'.repeat(3),
      'x'.repeat(10_000),
    ];
    for (const path of Object.values(SAMPLE_PATHS)) {
      for (const text of garbage) {
        const result = readInventory([{ path, text }]);
        for (const p of [...result.problems, ...result.notes]) {
          expect(p.file).toBe(path);
          expect(p.message).not.toMatch(/\n|\s{2}at /);
        }
        for (const pkg of result.packages) expect(pkg.purl.startsWith('pkg:')).toBe(true);
      }
    }
  });

  it('refuses a manifest larger than 50 MB with a problem naming the file', () => {
    const huge = 'a'.repeat(MAX_MANIFEST_BYTES + 1);
    const { packages, problems, manifests } = readInventory([{ path: 'big/package-lock.json', text: huge }]);
    expect(packages).toEqual([]);
    expect(manifests).toEqual([]);
    expect(problems).toEqual([{ file: 'big/package-lock.json', message: 'larger than 50 MB: not read' }]);
  });

  it('reads a manifest set aside for a lockfile after all when the lockfile cannot be read', () => {
    const manifest = { path: 'web/package.json', text: '{"dependencies": {"lodash": "4.17.4"}}' };
    const good = readInventory([manifest, { path: 'web/package-lock.json', text: '{"lockfileVersion": 3, "packages": {}}' }]);
    expect(good.manifests.map((m) => m.file)).toEqual(['web/package-lock.json']);
    const { packages, manifests, problems, notes } = readInventory([manifest, { path: 'web/package-lock.json', text: '{"lockfileVersion": 3, "pack' }]);
    expect(manifests).toEqual([{ file: 'web/package.json', kind: 'package.json', packages: 1 }]);
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual(['lodash@4.17.4']);
    // The lockfile is the read error (the inventory is partial); reading the manifest instead is only a remark.
    expect(problems).toEqual([{ file: 'web/package-lock.json', message: expect.stringMatching(/^not valid JSON/) }]);
    expect(notes).toEqual([{ file: 'web/package.json', message: 'read in place of web/package-lock.json, which could not be read' }]);
  });

  it('ignores files no parser reads and manifests inside installed trees', () => {
    const { manifests, problems, notes } = readInventory([
      { path: 'README.md', text: '# hi' },
      { path: 'node_modules/x/package-lock.json', text: '{' },
      { path: '.git/pom.xml', text: '<' },
    ]);
    expect(manifests).toEqual([]);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('reads every fixture of every ecosystem together, one manifest entry per file read', () => {
    const all = [
      ...fixtureFiles('npm/berry', 'web/'),
      ...fixtureFiles('pypi/poetry', 'api/'),
      ...fixtureFiles('go', 'svc/'),
      ...fixtureFiles('maven/multi', 'java/'),
      ...fixtureFiles('packagist', 'php/'),
      ...fixtureFiles('rubygems', 'ruby/'),
      ...fixtureFiles('cargo', 'rust/'),
      ...fixtureFiles('nuget', 'dotnet/'),
    ];
    const { packages, manifests } = readInventory(all);
    const ecosystems = new Set(packages.map((p) => p.ecosystem));
    expect([...ecosystems].sort()).toEqual(['Go', 'Maven', 'NuGet', 'Packagist', 'PyPI', 'RubyGems', 'crates.io', 'npm']);
    for (const m of manifests) expect(packages.filter((p) => p.manifest === m.file || p.location.file === m.file).length).toBeGreaterThanOrEqual(m.packages > 0 ? 1 : 0);
    // the lockfiles read the companions: no package.json, pyproject.toml, composer.json, Gemfile or Cargo.toml of their own
    expect(manifests.map((m) => m.kind).sort()).toEqual([
      'Cargo.lock',
      'Gemfile.lock',
      'composer.lock',
      'go.mod',
      'packages.lock.json',
      'poetry.lock',
      'pom.xml',
      'pom.xml',
      'pom.xml',
      'yarn.lock',
    ]);
    for (const p of packages) {
      expect(p.path[p.path.length - 1]).toBe(p.version ? `${p.name}@${p.version}` : p.name);
      expect(p.location.line).toBeGreaterThan(0);
    }
  });
});
