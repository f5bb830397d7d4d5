import type { Location, ManifestFile, Package } from '../../types.js';
import { asRecord, asString, isRecord } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { canonicalName } from '../common/names.js';
import { lowestPep440, lowestPoetry, parseRequirement, type Lowest } from './pep508.js';

export interface PyDeclared {
  name: string;
  /** the constraint as written */
  spec: string;
  /** undefined when it is not a registry dependency (git, path, URL) */
  lowest?: Lowest;
  scope: Package['scope'];
  location: Location;
}

function groupScope(group: string): Package['scope'] {
  const g = group.toLowerCase();
  if (g === 'main') return 'runtime';
  if (/^tests?$|^testing$/.test(g)) return 'test';
  return 'dev';
}

/** PEP 621 / PEP 735 string requirements. */
function pep508Deps(
  reqs: unknown,
  scope: Package['scope'],
  header: string,
  lines: TomlLines,
  file: string,
): PyDeclared[] {
  if (!Array.isArray(reqs)) return [];
  const out: PyDeclared[] = [];
  for (const raw of reqs) {
    if (typeof raw !== 'string') continue;
    const req = parseRequirement(raw);
    if (!req) continue;
    const line = lines.lineContaining(header, raw) ?? lines.headerLine(header) ?? 1;
    out.push({
      name: req.name,
      spec: raw,
      ...(req.url ? {} : { lowest: lowestPep440(req.specifier) }),
      scope,
      location: { file, line },
    });
  }
  return out;
}

/** Poetry's tables: `name = "^1.2"` or `name = { version = "^1.2", … }` or git/path tables. */
function poetryDeps(table: unknown, scope: Package['scope'], header: string, lines: TomlLines, file: string): PyDeclared[] {
  const out: PyDeclared[] = [];
  for (const [name, value] of Object.entries(asRecord(table))) {
    if (name.toLowerCase() === 'python') continue;
    const entries = Array.isArray(value) ? value : [value];
    const first = entries[0];
    const spec = typeof first === 'string' ? first : asString(asRecord(first).version);
    const optional = isRecord(first) && first.optional === true;
    out.push({
      name,
      spec: spec ?? JSON.stringify(first),
      ...(spec !== undefined ? { lowest: lowestPoetry(spec) } : {}),
      scope: optional && scope === 'runtime' ? 'optional' : scope,
      location: { file, line: lines.keyLine(header, name) ?? lines.headerLine(header) ?? 1 },
    });
  }
  return out;
}

/** Every dependency a pyproject.toml declares: PEP 621, PEP 735 groups, Poetry (old and group tables). */
export function pyprojectDeclared(file: ManifestFile, json = parseToml(file)): PyDeclared[] {
  const lines = new TomlLines(file.text);
  const project = asRecord(json.project);
  const poetry = asRecord(asRecord(json.tool).poetry);
  const out: PyDeclared[] = [
    ...pep508Deps(project.dependencies, 'runtime', 'project', lines, file.path),
    ...poetryDeps(poetry.dependencies, 'runtime', 'tool.poetry.dependencies', lines, file.path),
  ];
  for (const reqs of Object.values(asRecord(project['optional-dependencies']))) {
    out.push(...pep508Deps(reqs, 'optional', 'project.optional-dependencies', lines, file.path));
  }
  for (const [group, reqs] of Object.entries(asRecord(json['dependency-groups']))) {
    out.push(...pep508Deps(reqs, groupScope(group), 'dependency-groups', lines, file.path));
  }
  out.push(...poetryDeps(poetry['dev-dependencies'], 'dev', 'tool.poetry.dev-dependencies', lines, file.path));
  for (const [group, def] of Object.entries(asRecord(poetry.group))) {
    out.push(...poetryDeps(asRecord(def).dependencies, groupScope(group), `tool.poetry.group.${group}.dependencies`, lines, file.path));
  }
  // uv's dev dependencies before PEP 735
  out.push(...pep508Deps(asRecord(asRecord(json.tool).uv)['dev-dependencies'], 'dev', 'tool.uv', lines, file.path));
  return out;
}

/** The declared dependencies by normalised name, the first (most consequential) kept. */
export function pyprojectIndex(file: ManifestFile | undefined): Map<string, PyDeclared> {
  const out = new Map<string, PyDeclared>();
  if (!file) return out;
  let declared: PyDeclared[];
  try {
    declared = pyprojectDeclared(file);
  } catch {
    return out;
  }
  for (const d of declared) {
    const key = canonicalName('PyPI', d.name);
    if (!out.has(key)) out.set(key, d);
  }
  return out;
}
