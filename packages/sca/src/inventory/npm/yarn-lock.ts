import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { asRecord, asString, dirOf, isRecord, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';
import { parseLockfileYaml, unquote } from '../common/yaml-positions.js';
import { declaredIn, declaresWorkspaces, toDeclarations, workspaceDirs, type DeclaredDependency } from './declared.js';

interface YarnEntry {
  id: string;
  name: string;
  version: string;
  line: number;
  /** dependency descriptors ("name@range") */
  deps: string[];
  workspace?: string;
}

/** "name@range" split at the "@" that ends the (possibly scoped) name. */
function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

/** Lines of the top-level entries, by the text of their key line. */
function entryLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^[^\s#].*:\s*$/.test(l)) out.set(l.replace(/:\s*$/, ''), i + 1);
  }
  return out;
}

/** yarn 1: its own indentation format, which is not YAML. */
function readClassic(file: ManifestFile, index: Map<string, YarnEntry>): YarnEntry[] {
  const entries: YarnEntry[] = [];
  const lines = file.text.split(/\r?\n/);
  let current: (YarnEntry & { descriptors: string[] }) | undefined;
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const indent = l.length - l.trimStart().length;
    if (indent === 0) {
      if (!l.trimEnd().endsWith(':')) throw new ManifestError(`line ${i + 1}: not a yarn.lock entry`);
      const descriptors = l
        .trimEnd()
        .slice(0, -1)
        .split(/,\s*/)
        .map((d) => unquote(d.trim()));
      current = { id: descriptors[0] ?? '', name: '', version: '', line: i + 1, deps: [], descriptors };
      const [name, range] = splitDescriptor(descriptors[0] ?? '');
      // an alias "alias@npm:real@range" installs the real package
      current.name = range.startsWith('npm:') ? splitDescriptor(range.slice(4))[0] : name;
      entries.push(current);
      for (const d of descriptors) index.set(d, current);
      section = undefined;
      continue;
    }
    if (!current) continue;
    const text = l.trim();
    if (indent === 2) {
      if (text.endsWith(':')) {
        section = text.slice(0, -1);
        continue;
      }
      section = undefined;
      const m = /^(\S+)\s+(.*)$/.exec(text);
      if (m?.[1] === 'version') current.version = unquote(m[2] ?? '');
      continue;
    }
    if (section === 'dependencies' || section === 'optionalDependencies') {
      const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(text);
      if (m) current.deps.push(`${unquote(m[1] ?? '')}@${unquote(m[2] ?? '')}`);
    }
  }
  return entries.filter((e) => e.version !== '');
}

/** yarn 2+ (Berry): YAML with `__metadata`, descriptors carrying their protocol. */
function readBerry(file: ManifestFile, json: Record<string, unknown>, index: Map<string, YarnEntry>): YarnEntry[] {
  const lines = entryLines(file.text);
  const entries: YarnEntry[] = [];
  const byResolution = new Map<string, YarnEntry>();
  const patches: [string[], string][] = [];
  for (const [key, raw] of Object.entries(json)) {
    if (key === '__metadata') continue;
    const e = asRecord(raw);
    const resolution = asString(e.resolution) ?? '';
    const [name, ref] = splitDescriptor(resolution);
    const line = lines.get(`"${key}"`) ?? lines.get(key) ?? 1;
    const deps = [
      ...Object.entries(asRecord(e.dependencies)),
      ...Object.entries(asRecord(e.optionalDependencies)),
    ].map(([dep, range]) => {
      const r = String(range);
      return `${dep}@${/^[a-z]+:/.test(r) ? r : `npm:${r}`}`;
    });
    const descriptors = key.split(/,\s*/);
    const base = { id: descriptors[0] ?? key, name, version: '', line, deps };
    if (ref.startsWith('workspace:')) {
      entries.push({ ...base, workspace: ref.slice('workspace:'.length) });
    } else if (ref.startsWith('npm:')) {
      // the resolution is a quoted string; `version:` may have been read as a number
      entries.push({ ...base, version: ref.slice(4) });
      byResolution.set(resolution, entries[entries.length - 1] as YarnEntry);
    } else {
      // git, file: and link: entries are not registry packages; a patch, and a virtual copy
      // made for peer dependencies, stand for their npm original
      const patched = /^patch:(.+?)(?:#|$)/.exec(ref)?.[1];
      const virtual = /^virtual:[^#]*#(npm:.+)$/.exec(ref)?.[1];
      const original = patched ? decodeURIComponent(patched) : virtual ? `${name}@${virtual}` : undefined;
      if (original) patches.push([descriptors, original]);
      continue;
    }
    const last = entries[entries.length - 1] as YarnEntry;
    for (const d of descriptors) index.set(d.trim(), last);
  }
  for (const [descriptors, original] of patches) {
    const target = byResolution.get(original);
    if (target) for (const d of descriptors) index.set(d.trim(), target);
  }
  return entries;
}

function readYarnLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const descriptorIndex = new Map<string, YarnEntry>();
  const berry = /^__metadata:/m.test(file.text);
  let entries: YarnEntry[];
  if (berry) {
    const json = parseLockfileYaml(file).data;
    if (!isRecord(json)) throw new ManifestError('not a yarn lockfile (no mapping at the top)');
    entries = readBerry(file, json, descriptorIndex);
  } else {
    entries = readClassic(file, descriptorIndex);
  }
  const edges = new Map<string, string[]>();
  for (const e of entries) {
    edges.set(
      e.id,
      e.deps.map((d) => descriptorIndex.get(d)?.id).filter((id): id is string => id !== undefined && id !== e.id),
    );
  }
  const { roots, rootDecl } = directRoots(file, ctx, entries, descriptorIndex);
  const nodes = new Map<string, GraphNode>();
  for (const e of entries) if (e.workspace === undefined) nodes.set(e.id, { name: e.name, version: e.version, line: e.line });
  return emitGraph({ file, ecosystem: 'npm', nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}

/**
 * The direct dependencies: those of the package.json beside the lockfile (yarn 1) or of
 * every workspace entry (Berry), scoped by the package.json that declares them when given.
 */
function directRoots(
  file: ManifestFile,
  ctx: ParseContext,
  entries: YarnEntry[],
  descriptorIndex: ReadonlyMap<string, YarnEntry>,
) {
  const roots: Root[] = [];
  const rootDecl = new Map<string, DeclaredDependency | undefined>();
  const lockDir = dirOf(file.path);
  const add = (descriptor: string, dep: string, declared: Map<string, DeclaredDependency>): void => {
    const target = descriptorIndex.get(descriptor);
    if (!target || target.workspace !== undefined) return;
    const decl = declared.get(dep);
    roots.push({ node: target.id, scope: decl?.scope ?? 'unknown' });
    if (!rootDecl.has(target.id)) rootDecl.set(target.id, decl);
  };
  const workspaces = entries.filter((e) => e.workspace !== undefined);
  if (workspaces.length > 0) {
    for (const ws of workspaces) {
      const dir = ws.workspace === '.' ? lockDir : [lockDir, ws.workspace].filter(Boolean).join('/');
      const declared = declaredIn(ctx.files, dir);
      for (const d of ws.deps) add(d, splitDescriptor(d)[0], declared);
    }
    return { roots, rootDecl };
  }
  // yarn 1 lists no workspaces: the package.json files of the root and, when it declares
  // workspaces, of the folders below say which entries are direct
  const dirs = declaresWorkspaces(ctx, lockDir) ? workspaceDirs(ctx.files, lockDir) : [lockDir];
  for (const dir of dirs) {
    const declared = declaredIn(ctx.files, dir);
    for (const dep of declared.values()) add(`${dep.name}@${dep.spec}`, dep.name, declared);
  }
  if (roots.length > 0) return { roots, rootDecl };
  // no manifest given: the entries nothing depends on are the direct ones
  const required = new Set(entries.flatMap((e) => e.deps.map((d) => descriptorIndex.get(d)?.id)));
  for (const e of entries) if (!required.has(e.id)) add(e.id, e.name, new Map());
  return { roots, rootDecl };
}

export const yarnLock: ManifestParser = {
  kind: 'yarn.lock',
  ecosystem: 'npm',
  parse: readYarnLock,
};
