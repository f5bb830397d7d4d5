import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, unrequiredRoots, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { asRecord, asString, dirOf, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { cargoDeclared, type CargoDeclared } from './cargo-declared.js';

/** The workspace's own crates: their Cargo.toml among the files, by package name. */
function memberManifests(file: ManifestFile, ctx: ParseContext): Map<string, CargoDeclared[]> {
  const root = dirOf(file.path);
  const out = new Map<string, CargoDeclared[]>();
  for (const [path, f] of ctx.files) {
    if (!(path === 'Cargo.toml' || path.endsWith('/Cargo.toml'))) continue;
    if (root && !path.startsWith(`${root}/`)) continue;
    try {
      const { name, deps } = cargoDeclared(f);
      if (name) out.set(name, deps);
    } catch {
      // a broken Cargo.toml is reported when it is read as a manifest of its own
    }
  }
  return out;
}

function readCargoLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError('not a Cargo.lock (no [[package]] tables)');
  const lines = new TomlLines(file.text).entryLines('package');
  const nodes = new Map<string, GraphNode>();
  const byName = new Map<string, string[]>();
  const members: { name: string; id: string }[] = [];
  const refs = new Map<string, string[]>();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version);
    if (!name || !version) continue;
    const id = `${name}@${version}`;
    const source = asString(p.source);
    refs.set(id, Array.isArray(p.dependencies) ? p.dependencies.map(String) : []);
    if (source === undefined) members.push({ name, id });
    else if (source.startsWith('registry+') || source.startsWith('sparse+')) {
      nodes.set(id, { name, version, line: lines.get(id) ?? 1 });
    } else continue;
    byName.set(name, [...(byName.get(name) ?? []), id]);
  }
  // "name", "name version" or "name version (source)"
  const resolve = (ref: string): string | undefined => {
    const [name = '', version] = ref.split(' ');
    const ids = byName.get(name);
    return version ? ids?.find((id) => id === `${name}@${version}`) : ids?.[0];
  };
  const edges = new Map<string, string[]>();
  for (const [id, list] of refs) edges.set(id, list.map(resolve).filter((x): x is string => x !== undefined && nodes.has(x)));
  const manifests = memberManifests(file, ctx);
  const roots: Root[] = [];
  const declarations = new Map<string, Declaration | undefined>();
  for (const member of members) {
    const declared = new Map((manifests.get(member.name) ?? []).map((d) => [d.name, d]));
    for (const node of edges.get(member.id) ?? []) {
      const d = declared.get(nodes.get(node)?.name ?? '');
      roots.push({ node, scope: d?.scope ?? (declared.size ? 'runtime' : 'unknown') });
      if (d && !declarations.has(node)) declarations.set(node, { location: d.location, ...(d.spec ? { spec: d.spec } : {}) });
    }
  }
  return emitGraph({ file, ecosystem: 'crates.io', nodes, edges, roots: members.length ? roots : unrequiredRoots(nodes, edges), declarations });
}

export const cargoLock: ManifestParser = {
  kind: 'Cargo.lock',
  ecosystem: 'crates.io',
  parse: readCargoLock,
};
