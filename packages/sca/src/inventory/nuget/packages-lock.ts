import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { jsonKeyLines, keyPath } from '../common/json-positions.js';
import { asRecord, asString, isRecord, ManifestError, parseJson, type ManifestParser } from '../common/model.js';

/**
 * packages.lock.json: per target framework, Direct and Transitive packages with their
 * dependencies. Ids compare case-insensitively; one graph joins the frameworks.
 */
function readPackagesLock(file: ManifestFile): Package[] {
  const json = parseJson(file);
  if (!isRecord(json) || !isRecord(json.dependencies)) throw new ManifestError('not a packages.lock.json (no "dependencies")');
  const lines = jsonKeyLines(file.text);
  const nodes = new Map<string, GraphNode>();
  const deps = new Map<string, Set<string>>();
  const roots: Root[] = [];
  const declarations = new Map<string, Declaration | undefined>();
  const frameworks = Object.entries(json.dependencies);
  // first pass: which version each framework resolved, so edges ("Id": "range") find their node
  const resolvedIn = new Map<string, Map<string, string>>();
  for (const [framework, packages] of frameworks) {
    const resolved = new Map<string, string>();
    for (const [name, raw] of Object.entries(asRecord(packages))) {
      const version = asString(asRecord(raw).resolved);
      if (version) resolved.set(name.toLowerCase(), version);
    }
    resolvedIn.set(framework, resolved);
  }
  for (const [framework, packages] of frameworks) {
    const resolved = resolvedIn.get(framework) as Map<string, string>;
    for (const [name, raw] of Object.entries(asRecord(packages))) {
      const p = asRecord(raw);
      const type = asString(p.type) ?? '';
      const version = asString(p.resolved);
      if (type === 'Project' || !version) continue;
      const id = `${name.toLowerCase()}@${version}`;
      if (!nodes.has(id)) nodes.set(id, { name, version, line: lines.get(keyPath('dependencies', framework, name)) ?? 1, scope: 'runtime' });
      const out = deps.get(id) ?? new Set<string>();
      for (const dep of Object.keys(asRecord(p.dependencies))) {
        const v = resolved.get(dep.toLowerCase());
        if (v) out.add(`${dep.toLowerCase()}@${v}`);
      }
      deps.set(id, out);
      if (type === 'Direct') {
        roots.push({ node: id, scope: 'runtime' });
        const requested = asString(p.requested);
        if (!declarations.has(id)) {
          declarations.set(id, { location: { file: file.path, line: nodes.get(id)?.line ?? 1 }, ...(requested ? { spec: requested } : {}) });
        }
      }
    }
  }
  const edges = new Map([...deps].map(([id, set]) => [id, [...set].filter((d) => nodes.has(d))]));
  return emitGraph({ file, ecosystem: 'NuGet', nodes, edges, roots, declarations });
}

export const packagesLockJson: ManifestParser = {
  kind: 'packages.lock.json',
  ecosystem: 'NuGet',
  parse: readPackagesLock,
};
