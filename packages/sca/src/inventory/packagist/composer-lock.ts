import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, unrequiredRoots, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { jsonKeyLines, keyPath } from '../common/json-positions.js';
import { asRecord, asString, isRecord, ManifestError, parseJson, sibling, type ManifestParser, type ParseContext } from '../common/model.js';

// platform packages: the PHP runtime and its extensions, not registry packages
const PLATFORM = /^(?:php(?:-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(?:-plugin-api|-runtime-api)?)$/i;

const lower = (name: string): string => name.toLowerCase();

function composerRoots(
  file: ManifestFile,
  ctx: ParseContext,
  nodes: Map<string, GraphNode>,
  edges: Map<string, string[]>,
): { roots: Root[]; declarations: Map<string, Declaration | undefined> } {
  const manifest = sibling(ctx, file, 'composer.json');
  const declarations = new Map<string, Declaration | undefined>();
  let json: unknown;
  try {
    json = manifest ? JSON.parse(manifest.text) : undefined;
  } catch {
    json = undefined;
  }
  if (!manifest || !isRecord(json)) return { roots: unrequiredRoots(nodes, edges), declarations };
  const lines = jsonKeyLines(manifest.text);
  const roots: Root[] = [];
  for (const [section, scope] of [
    ['require', 'runtime'],
    ['require-dev', 'dev'],
  ] as const) {
    for (const [name, spec] of Object.entries(asRecord(json[section]))) {
      if (!nodes.has(lower(name))) continue;
      roots.push({ node: lower(name), scope });
      declarations.set(lower(name), {
        location: { file: manifest.path, line: lines.get(keyPath(section, name)) ?? 1 },
        spec: String(spec),
      });
    }
  }
  return { roots, declarations };
}

function readComposerLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const json = parseJson(file);
  if (!isRecord(json) || (!Array.isArray(json.packages) && !Array.isArray(json['packages-dev']))) {
    throw new ManifestError('not a composer.lock (no "packages" list)');
  }
  const lines = jsonKeyLines(file.text);
  const nodes = new Map<string, GraphNode>();
  const requires = new Map<string, string[]>();
  for (const section of ['packages', 'packages-dev'] as const) {
    const list = Array.isArray(json[section]) ? (json[section] as unknown[]) : [];
    list.forEach((raw, index) => {
      const p = asRecord(raw);
      const name = asString(p.name);
      const version = asString(p.version);
      if (!name || !version) return;
      nodes.set(lower(name), {
        name,
        // Packagist advisories name versions without the tag's "v"
        version: version.replace(/^v(?=\d)/, ''),
        line: lines.get(keyPath(section, String(index), 'name')) ?? 1,
        scope: section === 'packages-dev' ? 'dev' : 'runtime',
      });
      requires.set(lower(name), Object.keys(asRecord(p.require)).filter((r) => !PLATFORM.test(r)).map(lower));
    });
  }
  const edges = new Map([...requires].map(([id, rs]) => [id, rs.filter((r) => nodes.has(r))]));
  const { roots, declarations } = composerRoots(file, ctx, nodes, edges);
  return emitGraph({ file, ecosystem: 'Packagist', nodes, edges, roots, declarations });
}

export const composerLock: ManifestParser = {
  kind: 'composer.lock',
  ecosystem: 'Packagist',
  parse: readComposerLock,
};
