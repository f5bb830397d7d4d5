import type { Ecosystem, Location, ManifestFile, Package } from '../../types.js';
import { reachFromRoots, type Root } from './graph.js';
import { makePackage, nameAtVersion } from './model.js';
import { canonicalName } from './names.js';

export interface GraphNode {
  name: string;
  version: string;
  /** the entry's line in the lockfile */
  line: number;
  /** the lockfile's own verdict, when it records one (npm's dev flag, poetry's category) */
  scope?: Package['scope'];
  /** where a direct dependency is listed in the lockfile when no manifest line is known (pnpm importers) */
  directLine?: number;
}

export interface Declaration {
  location: Location;
  spec?: string;
}

export interface LockGraph {
  file: ManifestFile;
  ecosystem: Ecosystem;
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, readonly string[]>;
  roots: Root[];
  /** where each root is declared in the manifest beside the lockfile, when it is given */
  declarations: ReadonlyMap<string, Declaration | undefined>;
}

/**
 * Packages of a lockfile that records the dependency graph: direct ones located on the
 * manifest line that declares them, transitive ones on their lockfile entry with the
 * shortest path from a direct dependency and that dependency's declaring line.
 */
export function emitGraph(g: LockGraph): Package[] {
  const reach = reachFromRoots(g.roots, g.edges);
  const out: Package[] = [];
  for (const [id, node] of g.nodes) {
    const r = reach.get(id);
    const direct = r !== undefined && r.path.length === 1;
    const decl = r ? g.declarations.get(r.root) : undefined;
    out.push(
      makePackage({
        ecosystem: g.ecosystem,
        name: node.name,
        version: node.version,
        direct,
        scope: node.scope && node.scope !== 'runtime' ? node.scope : (r?.scope ?? node.scope ?? 'unknown'),
        path: r?.path.map((k) => {
          const n = g.nodes.get(k);
          return n ? nameAtVersion(canonicalName(g.ecosystem, n.name), n.version) : k;
        }),
        location: direct && decl ? decl.location : { file: g.file.path, line: (direct && node.directLine) || node.line },
        ...(direct && decl?.spec !== undefined ? { declared: decl.spec } : {}),
        ...(!direct && decl ? { declaredAt: decl.location } : {}),
        manifest: g.file.path,
      }),
    );
  }
  return out;
}

/** Without the manifest, the entries nothing depends on stand for the direct dependencies. */
export function unrequiredRoots(
  nodes: ReadonlyMap<string, GraphNode>,
  edges: ReadonlyMap<string, readonly string[]>,
): Root[] {
  const required = new Set([...edges.values()].flat());
  return [...nodes.entries()]
    .filter(([id]) => !required.has(id))
    .map(([id, n]) => ({ node: id, scope: n.scope ?? 'unknown' }));
}
