import type { Location, ManifestFile, Package } from '../../types.js';
import { jsonKeyLines, keyPath } from '../common/json-positions.js';
import type { Declaration } from '../common/emit.js';
import { asRecord, dirOf, isRecord, type ParseContext } from '../common/model.js';

export interface DeclaredDependency {
  name: string;
  spec: string;
  scope: Package['scope'];
  location: Location;
}

const SECTIONS: [string, Package['scope']][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
];

/**
 * The dependencies a package.json declares, each once: a name listed in several sections
 * keeps the first of runtime, optional, dev, peer (npm installs a peer that is also a dev
 * dependency as a dev dependency).
 */
export function declaredDependencies(file: ManifestFile | undefined): DeclaredDependency[] {
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  if (!isRecord(json)) return [];
  const lines = jsonKeyLines(file.text);
  const out = new Map<string, DeclaredDependency>();
  for (const [section, scope] of SECTIONS) {
    for (const [name, spec] of Object.entries(asRecord(json[section]))) {
      if (typeof spec !== 'string' || out.has(name)) continue;
      const line = lines.get(keyPath(section, name)) ?? lines.get(section) ?? 1;
      out.set(name, { name, spec, scope, location: { file: file.path, line } });
    }
  }
  return [...out.values()];
}

/** Where the direct dependency `name` of the package.json in `dir` is declared, if given. */
export function declaredIn(
  files: ReadonlyMap<string, ManifestFile>,
  dir: string,
): Map<string, DeclaredDependency> {
  const file = files.get(dir ? `${dir}/package.json` : 'package.json');
  return new Map(declaredDependencies(file).map((d) => [d.name, d]));
}

/** Package.json declarations in the shape the graph emitter takes. */
export function toDeclarations(decls: ReadonlyMap<string, DeclaredDependency | undefined>): Map<string, Declaration | undefined> {
  return new Map([...decls].map(([id, d]) => [id, d && { location: d.location, spec: d.spec }]));
}

function manifestAt(files: ReadonlyMap<string, ManifestFile>, dir: string): Record<string, unknown> | undefined {
  const file = files.get(dir ? `${dir}/package.json` : 'package.json');
  if (!file) return undefined;
  try {
    const json: unknown = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the package.json in `dir` is a workspace root. */
export function declaresWorkspaces(ctx: ParseContext, dir: string): boolean {
  const json = manifestAt(ctx.files, dir);
  return json !== undefined && json.workspaces !== undefined;
}

/** The folders of the package.json files below `dir` (not in node_modules): a workspace's packages. */
export function workspaceDirs(files: ReadonlyMap<string, ManifestFile>, dir: string): string[] {
  const out: string[] = [];
  for (const path of files.keys()) {
    if (!(path === 'package.json' || path.endsWith('/package.json')) || /(?:^|\/)node_modules\//.test(path)) continue;
    const d = dirOf(path);
    if (d === dir || dir === '' || d.startsWith(`${dir}/`)) out.push(d);
  }
  return out;
}
