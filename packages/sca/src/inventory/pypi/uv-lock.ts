import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, unrequiredRoots, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { asRecord, asString, ManifestError, sibling, type ManifestParser, type ParseContext } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { norm } from './lock-roots.js';
import { pyprojectIndex } from './pyproject-declared.js';

/** uv.lock: [[package]] with `source`; the project itself (editable or virtual) holds the direct edges. */
function readUvLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError('not a uv.lock (no [[package]] tables)');
  const lines = new TomlLines(file.text).entryLines('package');
  const nodes = new Map<string, GraphNode>();
  const byName = new Map<string, string[]>();
  const projects: Record<string, unknown>[] = [];
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version) ?? '';
    const source = asRecord(p.source);
    if (!name) continue;
    if ('editable' in source || 'virtual' in source) {
      projects.push(p);
      continue;
    }
    if (!('registry' in source) || !version) continue;
    const id = `${norm(name)}@${version}`;
    nodes.set(id, { name, version, line: lines.get(`${name}@${version}`) ?? lines.get(name) ?? 1 });
    byName.set(norm(name), [...(byName.get(norm(name)) ?? []), id]);
  }
  const target = (ref: unknown): string | undefined => {
    const r = asRecord(ref);
    const ids = byName.get(norm(asString(r.name) ?? ''));
    const version = asString(r.version);
    return version ? ids?.find((id) => id.endsWith(`@${version}`)) : ids?.[0];
  };
  const refs = (list: unknown): string[] => (Array.isArray(list) ? list.map(target).filter((x): x is string => !!x) : []);
  const grouped = (table: unknown): string[] => Object.values(asRecord(table)).flatMap(refs);
  const edges = new Map<string, string[]>();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const id = `${norm(asString(p.name) ?? '')}@${asString(p.version) ?? ''}`;
    if (nodes.has(id)) edges.set(id, [...refs(p.dependencies), ...grouped(p['optional-dependencies'])]);
  }
  const roots: Root[] = [];
  for (const project of projects) {
    for (const node of refs(project.dependencies)) roots.push({ node, scope: 'runtime' });
    for (const node of grouped(project['optional-dependencies'])) roots.push({ node, scope: 'optional' });
    for (const [group, list] of Object.entries(asRecord(project['dev-dependencies']))) {
      for (const node of refs(list)) roots.push({ node, scope: /^tests?$/.test(group) ? 'test' : 'dev' });
    }
  }
  const declared = pyprojectIndex(sibling(ctx, file, 'pyproject.toml'));
  const declarations = new Map<string, Declaration | undefined>();
  for (const root of roots) {
    const d = declared.get(norm(nodes.get(root.node)?.name ?? ''));
    if (d && !declarations.has(root.node)) declarations.set(root.node, { location: d.location, spec: d.spec });
  }
  return emitGraph({ file, ecosystem: 'PyPI', nodes, edges, roots: roots.length ? roots : unrequiredRoots(nodes, edges), declarations });
}

export const uvLock: ManifestParser = {
  kind: 'uv.lock',
  ecosystem: 'PyPI',
  parse: readUvLock,
};
