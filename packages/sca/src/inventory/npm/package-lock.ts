import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { jsonKeyLines, keyPath, type JsonKeyLines } from '../common/json-positions.js';
import {
  asRecord,
  asString,
  dirOf,
  isRecord,
  joinPath,
  ManifestError,
  parseJson,
  type ManifestParser,
  type ParseContext,
} from '../common/model.js';
import { declaredIn, toDeclarations, type DeclaredDependency } from './declared.js';

interface Entry {
  key: string;
  name: string;
  version: string;
  scope: Package['scope'];
  deps: string[];
}

const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'];

function entryScope(e: Record<string, unknown>): Package['scope'] {
  if (e.dev === true || e.devOptional === true) return 'dev';
  if (e.optional === true) return 'optional';
  if (e.peer === true) return 'peer';
  return 'runtime';
}

/** Node's resolution: the nearest node_modules/<dep> from `from` upwards. */
function resolveFrom(from: string, dep: string, packages: Record<string, unknown>): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (candidate in packages) return candidate;
    if (!base) return undefined;
    // node_modules/a/node_modules/b → node_modules/a → the root; a workspace folder → the root
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

function nameFromKey(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return key.slice(i + 'node_modules/'.length);
}

/** lockfileVersion 2 and 3: the flat `packages` map keyed by install path. */
function readPackagesMap(file: ManifestFile, json: Record<string, unknown>, ctx: ParseContext): Package[] {
  const packages = asRecord(json.packages);
  const lines = jsonKeyLines(file.text);
  const entries = new Map<string, Entry>();
  const importers: { dir: string; deps: Map<string, Package['scope']> }[] = [];
  for (const [key, raw] of Object.entries(packages)) {
    const e = asRecord(raw);
    if (key === '' || !key.includes('node_modules/')) {
      const deps = new Map<string, Package['scope']>();
      for (const [field, scope] of [
        ['dependencies', 'runtime'],
        ['optionalDependencies', 'optional'],
        ['devDependencies', 'dev'],
        ['peerDependencies', 'peer'],
      ] as const) {
        for (const d of Object.keys(asRecord(e[field]))) if (!deps.has(d)) deps.set(d, scope);
      }
      importers.push({ dir: key, deps });
      continue;
    }
    if (e.link === true) continue;
    const version = asString(e.version);
    if (!version) continue;
    const deps = DEP_FIELDS.flatMap((f) => Object.keys(asRecord(e[f])));
    entries.set(key, { key, name: asString(e.name) ?? nameFromKey(key), version, scope: entryScope(e), deps });
  }
  const edges = new Map<string, string[]>();
  for (const entry of entries.values()) {
    edges.set(
      entry.key,
      entry.deps.map((d) => resolveFrom(entry.key, d, packages)).filter((k): k is string => k !== undefined),
    );
  }
  const roots: Root[] = [];
  const rootDecl = new Map<string, DeclaredDependency | undefined>();
  const lockDir = dirOf(file.path);
  for (const importer of importers) {
    const manifestDir = joinPath(lockDir, importer.dir) ?? lockDir;
    const declared = declaredIn(ctx.files, manifestDir);
    for (const [dep, scope] of importer.deps) {
      const node = resolveFrom(importer.dir, dep, packages);
      if (!node || !entries.has(node)) continue;
      roots.push({ node, scope });
      if (!rootDecl.has(node)) rootDecl.set(node, declared.get(dep));
    }
  }
  return emit(file, entries, edges, roots, rootDecl, (key) => lines.get(keyPath('packages', key)));
}

/** lockfileVersion 1: the nested `dependencies` tree. */
function readDependencyTree(file: ManifestFile, json: Record<string, unknown>, ctx: ParseContext): Package[] {
  const lines = jsonKeyLines(file.text);
  const entries = new Map<string, Entry>();
  const requires = new Map<string, string[]>();
  const packages: Record<string, unknown> = {};
  const lineOf = new Map<string, number | undefined>();
  const walk = (deps: Record<string, unknown>, installPath: string, jsonPath: string[]): void => {
    for (const [name, raw] of Object.entries(deps)) {
      const e = asRecord(raw);
      const key = installPath ? `${installPath}/node_modules/${name}` : `node_modules/${name}`;
      const version = asString(e.version) ?? '';
      packages[key] = true;
      const here = [...jsonPath, 'dependencies', name];
      lineOf.set(key, lines.get(keyPath(...here)));
      // An aliased install records "npm:real@1.2.3" as its version.
      const alias = /^npm:(@?[^@]+)@(.+)$/.exec(version);
      if (version && !/^(?:file:|git|https?:|github:)/.test(version)) {
        entries.set(key, {
          key,
          name: alias?.[1] ?? name,
          version: alias?.[2] ?? version,
          scope: entryScope(e),
          deps: [],
        });
      }
      requires.set(key, Object.keys(asRecord(e.requires)));
      walk(asRecord(e.dependencies), key, here);
    }
  };
  walk(asRecord(json.dependencies), '', []);
  const edges = new Map<string, string[]>();
  for (const [key, deps] of requires) {
    edges.set(key, deps.map((d) => resolveFrom(key, d, packages)).filter((k): k is string => k !== undefined));
  }
  const declared = declaredIn(ctx.files, dirOf(file.path));
  const roots: Root[] = [];
  const rootDecl = new Map<string, DeclaredDependency | undefined>();
  if (declared.size > 0) {
    for (const dep of declared.values()) {
      const node = `node_modules/${dep.name}`;
      if (!entries.has(node)) continue;
      roots.push({ node, scope: dep.scope });
      rootDecl.set(node, dep);
    }
  } else {
    // Without the package.json, the top-level packages nothing else requires are the direct ones.
    const required = new Set([...edges.values()].flat());
    for (const entry of entries.values()) {
      if (entry.key.indexOf('node_modules/', 1) === -1 && !required.has(entry.key)) {
        roots.push({ node: entry.key, scope: entry.scope });
        rootDecl.set(entry.key, undefined);
      }
    }
  }
  return emit(file, entries, edges, roots, rootDecl, (key) => lineOf.get(key));
}

/** Lockfile entries as graph nodes for emitGraph, and each root's declaration in its package.json. */
function emit(
  file: ManifestFile,
  entries: Map<string, Entry>,
  edges: Map<string, string[]>,
  roots: Root[],
  rootDecl: Map<string, DeclaredDependency | undefined>,
  lineOf: (key: string) => number | undefined,
): Package[] {
  const nodes = new Map<string, GraphNode>();
  for (const e of entries.values()) nodes.set(e.key, { name: e.name, version: e.version, line: lineOf(e.key) ?? 1, scope: e.scope });
  return emitGraph({ file, ecosystem: 'npm', nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}

function makeLockParser(kind: 'package-lock.json' | 'npm-shrinkwrap.json'): ManifestParser {
  return {
    kind,
    ecosystem: 'npm',
    parse(file, ctx) {
      const json = parseJson(file);
      if (!isRecord(json)) throw new ManifestError('not a lockfile object');
      const version = typeof json.lockfileVersion === 'number' ? json.lockfileVersion : 1;
      if (version >= 2 && isRecord(json.packages)) return readPackagesMap(file, json, ctx);
      return readDependencyTree(file, json, ctx);
    },
  };
}

export const packageLock = makeLockParser('package-lock.json');
export const npmShrinkwrap = makeLockParser('npm-shrinkwrap.json');
