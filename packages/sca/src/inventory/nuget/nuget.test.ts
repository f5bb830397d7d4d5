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

describe('NuGet project files', () => {
  const files = fixtureFiles('nuget-projects');
  const api = files.find((f) => f.path === 'src/Api/Api.csproj')!;

  it('reads PackageReference items, versions from properties and from Directory.Packages.props', () => {
    expect(manifestKind('src/Api/Api.csproj')).toBe('*.csproj');
    expect(manifestKind('src/Lib/Lib.fsproj')).toBe('*.csproj');
    const { packages, manifests, problems, notes } = readInventory(files);
    // the worker has its lockfile; the central props file is read through the projects
    expect(manifests.map((m) => m.file).sort()).toEqual(['legacy/packages.config', 'src/Api/Api.csproj', 'src/Worker/packages.lock.json']);
    const ofApi = packages.filter((p) => p.manifest === 'src/Api/Api.csproj');
    expect(ofApi.map((p) => [p.name, p.version, p.unresolved ?? false, p.scope])).toEqual([
      ['Newtonsoft.Json', '12.0.1', false, 'runtime'],
      ['System.IdentityModel.Tokens.Jwt', '6.8.0', false, 'runtime'],
      ['Microsoft.Data.SqlClient', '2.1.0', true, 'runtime'],
      ['StyleCop.Analyzers', '1.1.118', false, 'dev'],
      ['Mystery.Package', '', true, 'runtime'],
    ]);
    expect(find(ofApi, 'Microsoft.Data.SqlClient').location).toEqual({ file: 'src/Api/Api.csproj', line: lineOf(api.text, 'Microsoft.Data.SqlClient') });
    expect(notes).toEqual([{ file: 'src/Api/Api.csproj', message: expect.stringContaining('no version for Mystery.Package in Directory.Packages.props') }]);
    expect(problems).toEqual([]);
    expect(find(packages, 'Serilog')).toMatchObject({ version: '2.10.0', manifest: 'src/Worker/packages.lock.json' });
  });

  it('reads packages.config, development dependencies as dev', () => {
    const { packages } = readInventory(files.filter((f) => f.path.startsWith('legacy/')));
    expect(packages.map((p) => [p.name, p.version, p.scope, p.purl])).toEqual([
      ['jQuery', '1.8.2', 'runtime', 'pkg:nuget/jQuery@1.8.2'],
      ['Newtonsoft.Json', '9.0.1', 'runtime', 'pkg:nuget/Newtonsoft.Json@9.0.1'],
      ['Microsoft.Net.Compilers', '2.4.0', 'dev', 'pkg:nuget/Microsoft.Net.Compilers@2.4.0'],
    ]);
  });

  it('reads Directory.Packages.props alone when no project is given', () => {
    const { packages } = readInventory(files.filter((f) => f.path === 'Directory.Packages.props'));
    expect(packages.map((p) => [p.name, p.version, p.unresolved ?? false])).toEqual([
      ['Newtonsoft.Json', '12.0.1', false],
      ['Serilog', '2.10.0', false],
    ]);
  });
});
