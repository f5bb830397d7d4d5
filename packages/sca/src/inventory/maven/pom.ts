import type { ManifestFile, Package } from '../../types.js';
import { makePackage, type ManifestParser, type ParseContext } from '../common/model.js';
import { ancestry, effectiveProperties, interpolate, loadPomOnce, managedVersions, pomIndex } from './pom-model.js';
import { child, children, textOf } from './xml.js';

const SCOPES: Record<string, Package['scope']> = {
  compile: 'runtime',
  runtime: 'runtime',
  test: 'test',
  provided: 'provided',
  system: 'provided',
};

/** "[1.2,2.0)" and friends: the lowest version when the lower bound is inclusive. */
function rangeLowest(version: string): string | undefined {
  const m = /^\s*([[(])\s*([^,\])]*)/.exec(version);
  if (!m) return undefined;
  return m[1] === '[' ? (m[2] ?? '').trim() : '';
}

function readPom(file: ManifestFile, ctx: ParseContext): Package[] {
  const pom = loadPomOnce(file);
  const chain = ancestry(pom, ctx);
  if (pom.parent && chain.length === 1) {
    const p = pom.parent;
    ctx.note(`parent ${p.groupId}:${p.artifactId}:${p.version} is not in the repository: its properties and managed versions are unknown`);
  }
  const props = effectiveProperties(chain);
  const managed = managedVersions(chain, props, ctx);
  const modules = pomIndex(ctx);
  const out: Package[] = [];
  for (const d of children(child(pom.project, 'dependencies'), 'dependency')) {
    const groupId = interpolate(textOf(d, 'groupId'), props);
    const artifactId = interpolate(textOf(d, 'artifactId'), props);
    if (!groupId || !artifactId) {
      ctx.note(`line ${d.line}: a dependency whose coordinates cannot be resolved: skipped`);
      continue;
    }
    // the repository's own modules are built from source, not fetched
    if (modules.has(`${groupId}:${artifactId}`)) continue;
    const fromManagement = managed.get(`${groupId}:${artifactId}`);
    const scopeName = textOf(d, 'scope') ?? fromManagement?.scope ?? 'compile';
    if (scopeName === 'import') continue;
    const raw = textOf(d, 'version');
    const resolved = raw === undefined ? fromManagement?.version : interpolate(raw, props);
    let version = resolved ?? '';
    let unresolved = resolved === undefined;
    const lowest = resolved === undefined ? undefined : rangeLowest(resolved);
    if (lowest !== undefined) {
      version = lowest;
      unresolved = true;
    }
    if (resolved === undefined) {
      ctx.note(`line ${d.line}: the version of ${groupId}:${artifactId} (${raw ?? 'managed'}) is not resolved`);
    }
    const optional = textOf(d, 'optional') === 'true';
    out.push(
      makePackage({
        ecosystem: 'Maven',
        name: `${groupId}:${artifactId}`,
        version,
        direct: true,
        scope: optional && scopeName === 'compile' ? 'optional' : (SCOPES[scopeName] ?? 'unknown'),
        location: { file: file.path, line: d.line },
        manifest: file.path,
        declared: raw ?? (fromManagement?.version !== undefined ? `managed: ${fromManagement.version}` : ''),
        unresolved,
      }),
    );
  }
  return out;
}

export const pomXml: ManifestParser = {
  kind: 'pom.xml',
  ecosystem: 'Maven',
  parse: readPom,
};
