import type { Package } from '../../types.js';

type Scope = Package['scope'];

// When a package is reachable from several direct dependencies, the most consequential
// scope wins: shipped code outweighs optional, peer and development-only code.
const PRECEDENCE: Scope[] = ['runtime', 'provided', 'optional', 'peer', 'unknown', 'dev', 'test'];

export interface Root {
  node: string;
  scope: Scope;
}

export interface Reach {
  scope: Scope;
  /** node ids from the direct dependency to this node, both included */
  path: string[];
  root: string;
}

/**
 * For every node reachable from a direct dependency: its scope and its shortest path from
 * a direct dependency of that scope (breadth-first, one pass per scope in precedence order).
 */
export function reachFromRoots(roots: Root[], edges: ReadonlyMap<string, readonly string[]>): Map<string, Reach> {
  const reached = new Map<string, Reach>();
  for (const scope of PRECEDENCE) {
    const parent = new Map<string, string | null>();
    const queue: string[] = [];
    for (const root of roots) {
      if (root.scope !== scope || parent.has(root.node)) continue;
      parent.set(root.node, null);
      queue.push(root.node);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as string;
      for (const next of edges.get(node) ?? []) {
        if (parent.has(next)) continue;
        parent.set(next, node);
        queue.push(next);
      }
    }
    for (const node of queue) {
      if (reached.has(node)) continue;
      const path: string[] = [];
      for (let at: string | null | undefined = node; at; at = parent.get(at)) path.push(at);
      path.reverse();
      reached.set(node, { scope, path, root: path[0] as string });
    }
  }
  return reached;
}
