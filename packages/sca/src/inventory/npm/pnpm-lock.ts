import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import {
  asRecord,
  asString,
  dirOf,
  isRecord,
  joinPath,
  ManifestError,
  type ManifestParser,
  type ParseContext,
} from '../common/model.js';
import { parseLockfileYaml } from '../common/yaml-positions.js';
import { declaredIn, toDeclarations, type DeclaredDependency } from './declared.js';

type Dialect = 5 | 6 | 9;

const IMPORTER_SECTIONS: [string, Package['scope']][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

function dialectOf(version: unknown): Dialect {
  const n = Number.parseFloat(String(version ?? '5'));
  if (n >= 9) return 9;
  if (n >= 6) return 6;
  return 5;
}

/** The entry key a dependency reference (name plus the version pnpm wrote) points at. */
function keyOf(dialect: Dialect, name: string, ref: string): string | undefined {
  if (/^(?:link:|file:|workspace:)/.test(ref)) return undefined;
  if (dialect === 9) return /^@?[^@(]+@/.test(ref) ? ref : `${name}@${ref}`;
  if (ref.startsWith('/')) return ref;
  if (dialect === 6) return /^@?[^@(]+@/.test(ref) ? `/${ref}` : `/${name}@${ref}`;
  return `/${name}/${ref}`;
}

/** Name and version from an entry key, without the peer suffix pnpm adds to it. */
function nameVersionOf(dialect: Dialect, key: string, entry: Record<string, unknown>): [string, string] | undefined {
  const explicitName = asString(entry.name);
  const explicitVersion = asString(entry.version);
  let body = key.startsWith('/') ? key.slice(1) : key;
  if (dialect === 5) {
    body = body.replace(/_[^/]*$/, '');
    const cut = body.lastIndexOf('/');
    if (cut <= 0) return undefined;
    return [explicitName ?? body.slice(0, cut), explicitVersion ?? body.slice(cut + 1)];
  }
  const paren = body.indexOf('(');
  if (paren !== -1) body = body.slice(0, paren);
  const at = body.lastIndexOf('@');
  if (at <= 0) return undefined;
  const version = explicitVersion ?? body.slice(at + 1);
  // tarball, git and file entries have no registry version unless the lockfile records one
  if (!/^\d/.test(version)) return undefined;
  return [explicitName ?? body.slice(0, at), version];
}

function importersOf(json: Record<string, unknown>): Record<string, unknown> {
  if (isRecord(json.importers)) return json.importers;
  // a single-project lockfile keeps the root's sections at the top level
  return { '.': json };
}

function refOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : asString(asRecord(value).version);
}

function readPnpmLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const { data: json, lines: positions } = parseLockfileYaml(file);
  if (!isRecord(json)) throw new ManifestError('not a pnpm lockfile (no mapping at the top)');
  const dialect = dialectOf(json.lockfileVersion);
  const graphSection = dialect === 9 && isRecord(json.snapshots) ? 'snapshots' : 'packages';
  const entries = asRecord(json[graphSection]);
  const meta = asRecord(json.packages);
  const edges = new Map<string, string[]>();
  const info = new Map<string, [string, string]>();
  for (const [key, raw] of Object.entries(entries)) {
    const entry = asRecord(raw);
    const metaKey = dialect === 9 ? key.replace(/\(.*$/, '') : key;
    const nv = nameVersionOf(dialect, key, { ...asRecord(meta[metaKey]), ...entry });
    if (nv) info.set(key, nv);
    const children: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [dep, ref] of Object.entries(asRecord(entry[field]))) {
        const child = typeof ref === 'string' ? keyOf(dialect, dep, ref) : undefined;
        if (child && child in entries) children.push(child);
      }
    }
    edges.set(key, children);
  }
  const roots: Root[] = [];
  const rootDecl = new Map<string, DeclaredDependency | undefined>();
  const rootLine = new Map<string, number>();
  const lockDir = dirOf(file.path);
  for (const [importer, raw] of Object.entries(importersOf(json))) {
    const declared = declaredIn(ctx.files, joinPath(lockDir, importer) ?? lockDir);
    for (const [section, scope] of IMPORTER_SECTIONS) {
      for (const [dep, value] of Object.entries(asRecord(asRecord(raw)[section]))) {
        const ref = refOf(value);
        const node = ref === undefined ? undefined : keyOf(dialect, dep, ref);
        if (!node || !(node in entries)) continue;
        roots.push({ node, scope });
        if (!rootDecl.has(node)) rootDecl.set(node, declared.get(dep));
        if (!rootLine.has(node)) rootLine.set(node, positions.get(`importers\u0000${importer}`) ?? 1);
      }
    }
  }
  const nodes = new Map<string, GraphNode>();
  for (const [key, [name, version]] of info) {
    const entry = asRecord(entries[key]);
    const flagged = entry.dev === true ? 'dev' : entry.optional === true ? 'optional' : undefined;
    const directLine = rootLine.get(key);
    nodes.set(key, {
      name,
      version,
      line: positions.get(`${graphSection}\u0000${key}`) ?? 1,
      ...(flagged ? { scope: flagged } : {}),
      ...(directLine ? { directLine } : {}),
    });
  }
  return emitGraph({ file, ecosystem: 'npm', nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}

export const pnpmLock: ManifestParser = {
  kind: 'pnpm-lock.yaml',
  ecosystem: 'npm',
  parse: readPnpmLock,
};
