import { isAbsolute, join, relative, sep } from 'node:path';
import { categoryOf } from '../finding.js';
import { mapLimited, type ExclusionReason, type Exclusions } from '../files/exclusions.js';
import { gitIgnored } from '../files/git-attributes.js';
import type { Ports } from '../ports/types.js';
import type { Log, Result } from '../sarif/types.js';
import { decodeUri, leavesRoot } from '../sarif/uri.js';

// A vulnerable package is reported where it is installed or declared (node_modules/x/package.json, a
// vendored jquery.min.js): for these categories only the user's own patterns apply.
const WHERE_IT_LIVES = new Set(['sca', 'container', 'dast']);

/** The result's file relative to the scanned directory, or undefined when it has none inside it. */
function pathIn(result: Result, at: { dir: string; srcRoot: string }): string | undefined {
  const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
  const uri = artifact?.uri;
  // Outside the root (by "..", an absolute path, a file: URI): no exclusion rule reads it.
  if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || leavesRoot(artifact)) return undefined;
  const path = relative(at.dir, join(at.srcRoot, decodeUri(uri)));
  if (!path || path.startsWith('..') || isAbsolute(path)) return undefined;
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Drops findings in excluded files: from reports the user gave, and from tools that were given the whole
 * folder (they do not know our rules). Counted by reason, so the summary can say what was left out.
 */
export async function dropExcludedFindings(log: Log, exclusions: Exclusions, at: { dir: string; srcRoot: string }, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): Promise<number> {
  const candidates = new Set<string>();
  // Each result's path, worked out once (two path operations each: a twentieth of a 100k-finding scan).
  const pathOf = new Map<Result, string>();
  for (const run of log.runs) for (const result of run.results ?? []) {
    const path = pathIn(result, at);
    if (path) {
      candidates.add(path);
      pathOf.set(result, path);
    }
  }
  if (candidates.size === 0) return 0;
  const paths = [...candidates];
  await exclusions.prefetch(paths);
  const [reasons, ignored] = await Promise.all([mapLimited(paths, 64, (path) => exclusions.reasonOf(path)), gitIgnored(at.dir, paths, ports, env)]);
  const reasonOf = new Map<string, ExclusionReason | undefined>(paths.map((path, index) => [path, reasons[index] ?? (ignored.has(path) ? 'ignored' : undefined)]));
  let dropped = 0;
  for (const run of log.runs) {
    if (!run.results?.length) continue;
    run.results = run.results.filter((result) => {
      const path = pathOf.get(result);
      if (!path) return true;
      const reason = WHERE_IT_LIVES.has(categoryOf(run, result)) ? (exclusions.userExcludes(path) ? 'excluded' : undefined) : reasonOf.get(path);
      if (!reason) return true;
      exclusions.count('findings', reason, path);
      dropped++;
      return false;
    });
  }
  return dropped;
}
