import type { ManifestFile } from '../../types.js';
import { unrequiredRoots, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { sibling, type ParseContext } from '../common/model.js';
import { canonicalName } from '../common/names.js';
import { pyprojectIndex } from './pyproject-declared.js';

export const norm = (name: string): string => canonicalName('PyPI', name);

/** The direct dependencies of a Python lockfile: those the pyproject.toml beside it declares. */
export function rootsFromPyproject(
  file: ManifestFile,
  ctx: ParseContext,
  nodes: Map<string, GraphNode>,
  edges: Map<string, string[]>,
  idOf: (name: string) => string | undefined,
): { roots: Root[]; declarations: Map<string, Declaration | undefined> } {
  const declared = pyprojectIndex(sibling(ctx, file, 'pyproject.toml'));
  const declarations = new Map<string, Declaration | undefined>();
  if (declared.size === 0) return { roots: unrequiredRoots(nodes, edges), declarations };
  const roots: Root[] = [];
  for (const [name, d] of declared) {
    const id = idOf(name);
    if (!id) continue;
    roots.push({ node: id, scope: d.scope });
    declarations.set(id, { location: d.location, spec: d.spec });
  }
  return { roots, declarations };
}
