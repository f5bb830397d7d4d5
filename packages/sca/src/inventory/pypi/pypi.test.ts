import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('PyPI manifests', () => {
  it('names the kind of each Python manifest', () => {
    expect(manifestKind('requirements.txt')).toBe('requirements.txt');
    expect(manifestKind('svc/requirements-dev.txt')).toBe('requirements.txt');
    expect(manifestKind('dev-requirements.txt')).toBe('requirements.txt');
    expect(manifestKind('requirements/base.txt')).toBe('requirements.txt');
    expect(manifestKind('notes.txt')).toBeUndefined();
    expect(manifestKind('poetry.lock')).toBe('poetry.lock');
    expect(manifestKind('Pipfile.lock')).toBe('Pipfile.lock');
    expect(manifestKind('uv.lock')).toBe('uv.lock');
    expect(manifestKind('pyproject.toml')).toBe('pyproject.toml');
  });

  it('reads requirements.txt: an old pinned Django with hashes, ranges unresolved, constraints, skips noted', () => {
    const files = fixtureFiles('pypi/requirements').filter((f) => f.path !== 'requirements-dev.txt');
    const text = files.find((f) => f.path === 'requirements.txt')!.text;
    const { packages, problems, notes: noted, manifests } = readInventory(files);
    expect(find(packages, 'django')).toMatchObject({
      version: '3.2.4',
      purl: 'pkg:pypi/django@3.2.4',
      direct: true,
      scope: 'runtime',
      location: { file: 'requirements.txt', line: lineOf(text, 'Django==3.2.4') },
      manifest: 'requirements.txt',
    });
    expect(find(packages, 'django').unresolved).toBeUndefined();
    expect(find(packages, 'requests')).toMatchObject({ version: '2.20.0', unresolved: true, declared: 'requests[security,socks] >= 2.20.0, < 3' });
    expect(find(packages, 'psycopg2-binary')).toMatchObject({ version: '2.8.6' });
    expect(find(packages, 'pyyaml')).toMatchObject({ version: '', unresolved: true });
    expect(find(packages, 'celery')).toMatchObject({ version: '', unresolved: true });
    // the constraints file pins what the requirements leave open
    expect(find(packages, 'urllib3')).toMatchObject({ version: '1.26.4', location: { file: 'requirements.txt' } });
    expect(find(packages, 'urllib3').unresolved).toBeUndefined();
    expect(packages).toHaveLength(6);
    // Lines that are not registry packages are remarks on a file that was read, not read errors.
    expect(problems).toEqual([]);
    const notes = noted.map((p) => p.message).join('\n');
    expect(notes).toMatch(/line 13: editable install skipped/);
    expect(notes).toMatch(/line 14: .*private_pkg.* not a registry package/);
    expect(notes).toMatch(/line 15: missing\/base\.txt is not among the files scanned/);
    // a constraints file is read through -c only: given, but no manifest of its own
    expect(manifestKind('requirements/constraints.txt')).toBe('constraints.txt');
    expect(manifests.map((m) => m.file)).toEqual(['requirements.txt']);
  });

  it('follows -r includes between the files given, with the includer scope, without double counting', () => {
    const files = fixtureFiles('pypi/requirements');
    const { packages, manifests, problems, notes } = readInventory(files);
    expect(manifests.map((m) => m.file).sort()).toEqual(['requirements-dev.txt', 'requirements.txt']);
    // the included file's skipped lines are noted once, on that file
    expect(notes.filter((p) => p.file === 'requirements-dev.txt')).toEqual([]);
    expect(notes.filter((p) => p.file === 'requirements.txt')).toHaveLength(3);
    expect(problems).toEqual([]);
    expect(packages.filter((p) => p.name === 'django')).toHaveLength(1);
    expect(find(packages, 'django').scope).toBe('runtime');
    expect(find(packages, 'pytest')).toMatchObject({ version: '6.2.4', scope: 'dev', manifest: 'requirements-dev.txt' });
    expect(find(packages, 'jinja2')).toMatchObject({ version: '2.11.2', unresolved: true, scope: 'dev' });
  });

  it('reads pip-compile output: "# via" comments give transitive packages and their parent', () => {
    const { packages } = readInventory(fixtureFiles('pypi/compiled'));
    expect(find(packages, 'django')).toMatchObject({ direct: true });
    expect(find(packages, 'sqlparse')).toMatchObject({
      direct: false,
      path: ['django@3.2.4', 'sqlparse@0.4.1'],
      declaredAt: { file: 'requirements.txt', line: 9 },
    });
    expect(find(packages, 'pytz')).toMatchObject({ direct: false, path: ['django@3.2.4', 'pytz@2021.1'] });
  });

  it('reads poetry.lock with its pyproject.toml: direct, dev group, transitive paths', () => {
    const files = fixtureFiles('pypi/poetry');
    const lock = files.find((f) => f.path === 'poetry.lock')!.text;
    const manifest = files.find((f) => f.path === 'pyproject.toml')!.text;
    const { packages, manifests, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(manifests).toEqual([{ file: 'poetry.lock', kind: 'poetry.lock', packages: 9 }]);
    expect(find(packages, 'flask')).toMatchObject({
      direct: true,
      declared: '^1.1.2',
      location: { file: 'pyproject.toml', line: lineOf(manifest, 'Flask = ') },
    });
    expect(find(packages, 'markupsafe')).toMatchObject({
      direct: false,
      scope: 'runtime',
      path: ['flask@1.1.2', 'jinja2@2.11.2', 'markupsafe@1.1.1'],
      location: { file: 'poetry.lock', line: lineOf(lock, 'name = "markupsafe"') - 1 },
      declaredAt: { file: 'pyproject.toml', line: lineOf(manifest, 'Flask = ') },
    });
    expect(find(packages, 'pytest')).toMatchObject({ direct: true, scope: 'dev' });
    expect(find(packages, 'certifi')).toMatchObject({ path: ['requests@2.25.1', 'certifi@2020.12.5'] });
  });

  it('reads the groups Poetry 2 records per package as scopes, without the pyproject.toml', () => {
    const text = [
      '[[package]]',
      'name = "django"',
      'version = "3.2.4"',
      'groups = ["main"]',
      '',
      '[[package]]',
      'name = "pytest"',
      'version = "6.2.4"',
      'groups = ["test"]',
      '',
      '[[package]]',
      'name = "black"',
      'version = "21.5b0"',
      'groups = ["dev", "lint"]',
      '',
    ].join('\n');
    const { packages } = readInventory([{ path: 'poetry.lock', text }]);
    expect(packages.map((p) => [p.name, p.scope, p.location.line])).toEqual([
      ['django', 'runtime', 1],
      ['pytest', 'test', 6],
      ['black', 'dev', 11],
    ]);
  });

  it('reads uv.lock: the project entry gives direct, optional and dev roots', () => {
    const files = fixtureFiles('pypi/uv');
    const { packages, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(packages.map((p) => p.name).sort()).toEqual(['iniconfig', 'jinja2', 'markupsafe', 'pytest', 'weasyprint']);
    expect(find(packages, 'jinja2')).toMatchObject({ direct: true, scope: 'runtime', location: { file: 'pyproject.toml' } });
    expect(find(packages, 'weasyprint')).toMatchObject({ direct: true, scope: 'optional' });
    expect(find(packages, 'iniconfig')).toMatchObject({ direct: false, scope: 'dev', path: ['pytest@8.0.0', 'iniconfig@2.0.0'] });
    expect(find(packages, 'markupsafe')).toMatchObject({ direct: false, scope: 'runtime', version: '2.1.3' });
  });

  it('reads Pipfile.lock default and develop, direct from the Pipfile', () => {
    const files = fixtureFiles('pypi/pipenv');
    const lock = files.find((f) => f.path === 'Pipfile.lock')!.text;
    const { packages, manifests } = readInventory(files);
    expect(manifests.map((m) => m.kind)).toEqual(['Pipfile.lock']);
    expect(find(packages, 'flask')).toMatchObject({ version: '0.12.2', direct: true, scope: 'runtime', location: { line: lineOf(lock, '"flask"') } });
    expect(find(packages, 'werkzeug')).toMatchObject({ version: '0.14.1', direct: false });
    expect(find(packages, 'pytest')).toMatchObject({ version: '3.6.1', scope: 'dev', direct: true });
  });

  it('reads a Pipfile alone: pins exact, "*" and ranges unresolved, git entries noted', () => {
    const text = ['[packages]', 'flask = "==0.12.2"', 'requests = "*"', 'django = {version = ">=3.2", extras = ["bcrypt"]}', 'tools = {git = "https://github.com/acme/tools.git"}', '', '[dev-packages]', 'pytest = "~=6.2"', ''].join('\n');
    const { packages, problems, notes } = readInventory([{ path: 'Pipfile', text }]);
    expect(packages.map((p) => [p.name, p.version, p.unresolved ?? false, p.scope, p.location.line])).toEqual([
      ['flask', '0.12.2', false, 'runtime', 2],
      ['requests', '', true, 'runtime', 3],
      ['django', '3.2', true, 'runtime', 4],
      ['pytest', '6.2', true, 'dev', 8],
    ]);
    expect(notes).toEqual([{ file: 'Pipfile', message: expect.stringContaining('line 5: tools is a git') }]);
    expect(problems).toEqual([]);
  });

  it('reads PEP 621 pyproject.toml dependencies alone, lowest bounds unresolved', () => {
    const files = fixtureFiles('pypi/pyproject-pep621');
    const text = files[0]!.text;
    const { packages, problems, notes } = readInventory(files);
    expect(find(packages, 'django')).toMatchObject({ version: '3.2', unresolved: true, declared: 'Django>=3.2,<4', location: { line: lineOf(text, '"Django>=3.2,<4"') } });
    expect(find(packages, 'pillow')).toMatchObject({ version: '8.1.0', direct: true });
    expect(find(packages, 'pillow').unresolved).toBeUndefined();
    expect(find(packages, 'boto3')).toMatchObject({ version: '1.17.0', scope: 'optional' });
    expect(find(packages, 'pytest')).toMatchObject({ version: '7', scope: 'test' });
    expect(find(packages, 'markdown')).toMatchObject({ version: '', unresolved: true });
    expect(notes).toEqual([{ file: 'pyproject.toml', message: expect.stringContaining('private-lib') }]);
    expect(problems).toEqual([]);
  });

  it('reads Poetry dependency tables in pyproject.toml alone', () => {
    const files = fixtureFiles('pypi/pyproject-poetry');
    const { packages } = readInventory(files);
    expect(find(packages, 'pyjwt')).toMatchObject({ version: '1.7.1', unresolved: true, declared: '^1.7.1' });
    expect(find(packages, 'urllib3')).toMatchObject({ version: '1.24.1' });
    expect(find(packages, 'urllib3').unresolved).toBeUndefined();
    expect(find(packages, 'black')).toMatchObject({ version: '19.10b0', scope: 'dev' });
    expect(packages.some((p) => p.name === 'python' || p.name === 'my-lib')).toBe(false);
  });

  it('turns malformed Python manifests into problems', () => {
    const { problems } = readInventory([
      { path: 'poetry.lock', text: '[[package]\nname = "x"' },
      { path: 'x/Pipfile.lock', text: '{"default": ' },
      { path: 'uv.lock', text: 'version = 1\n' },
      { path: 'y/pyproject.toml', text: '[project\n' },
    ]);
    expect(problems.map((p) => p.file)).toEqual(['poetry.lock', 'x/Pipfile.lock', 'uv.lock', 'y/pyproject.toml']);
    expect(problems.every((p) => !p.message.includes('\n'))).toBe(true);
  });
});
