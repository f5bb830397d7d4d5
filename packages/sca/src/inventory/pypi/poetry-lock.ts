import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type GraphNode } from '../common/emit.js';
import { asRecord, asString, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { norm, rootsFromPyproject } from './lock-roots.js';

/** Poetry before 1.5 wrote a `category`; Poetry 2 writes the dependency `groups` that need each package. */
function lockedScope(p: Record<string, unknown>): Package['scope'] | undefined {
  const category = asString(p.category);
  if (category) return category === 'dev' ? 'dev' : 'runtime';
  if (!Array.isArray(p.groups) || p.groups.length === 0) return undefined;
  const groups = p.groups.map(String);
  if (groups.includes('main')) return 'runtime';
  return groups.every((g) => /^tests?$/.test(g)) ? 'test' : 'dev';
}

/** poetry.lock: [[package]] tables with their dependencies; categories in Poetry before 1.5. */
function readPoetryLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError('not a poetry.lock (no [[package]] tables)');
  const lines = new TomlLines(file.text).entryLines('package');
  const nodes = new Map<string, GraphNode>();
  const deps = new Map<string, string[]>();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version);
    const source = asRecord(p.source);
    if (!name || !version || ['git', 'directory', 'file', 'url'].includes(String(source.type))) continue;
    const scope = lockedScope(p);
    nodes.set(norm(name), { name, version, line: lines.get(`${name}@${version}`) ?? 1, ...(scope ? { scope } : {}) });
    deps.set(norm(name), Object.keys(asRecord(p.dependencies)).map(norm));
  }
  const edges = new Map([...deps].map(([id, ds]) => [id, ds.filter((d) => nodes.has(d))]));
  const { roots, declarations } = rootsFromPyproject(file, ctx, nodes, edges, (n) => (nodes.has(norm(n)) ? norm(n) : undefined));
  return emitGraph({ file, ecosystem: 'PyPI', nodes, edges, roots, declarations });
}

export const poetryLock: ManifestParser = {
  kind: 'poetry.lock',
  ecosystem: 'PyPI',
  parse: readPoetryLock,
};
