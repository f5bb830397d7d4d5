import type { ManifestFile } from '../../types.js';
import { dirOf, joinPath, ManifestError, type ParseContext } from '../common/model.js';
import { child, children, parseXml, textOf, type XmlElement } from './xml.js';

export interface Coordinates {
  groupId?: string;
  artifactId?: string;
  version?: string;
}

export interface Pom {
  file: ManifestFile;
  project: XmlElement;
  own: Coordinates;
  parent?: Coordinates & { relativePath?: string };
}

export function loadPom(file: ManifestFile): Pom {
  const project = child(parseXml(file.text), 'project');
  if (!project) throw new ManifestError('no <project> element: not a POM');
  const parentEl = child(project, 'parent');
  const pom: Pom = {
    file,
    project,
    own: { groupId: textOf(project, 'groupId'), artifactId: textOf(project, 'artifactId'), version: textOf(project, 'version') },
  };
  if (parentEl) {
    pom.parent = {
      groupId: textOf(parentEl, 'groupId'),
      artifactId: textOf(parentEl, 'artifactId'),
      version: textOf(parentEl, 'version'),
      relativePath: child(parentEl, 'relativePath') ? textOf(parentEl, 'relativePath') : '../pom.xml',
    };
  }
  return pom;
}

// A parent is looked up by every child: each file is parsed once per inventory run.
const parsed = new WeakMap<ManifestFile, Pom | ManifestError>();

/** The POM of a file, parsed once; a file that is no POM throws its ManifestError each time. */
export function loadPomOnce(file: ManifestFile): Pom {
  let pom = parsed.get(file);
  if (pom === undefined) {
    try {
      pom = loadPom(file);
    } catch (error) {
      pom = error instanceof ManifestError ? error : new ManifestError('not a readable POM', { cause: error });
    }
    parsed.set(file, pom);
  }
  if (pom instanceof ManifestError) throw pom;
  return pom;
}

function tryLoad(file: ManifestFile | undefined): Pom | undefined {
  if (!file) return undefined;
  try {
    return loadPomOnce(file);
  } catch {
    return undefined;
  }
}

const coordinatesKey = (groupId: string | undefined, artifactId: string | undefined): string => `${groupId}:${artifactId}`;

function keyOf(pom: Pom): string {
  return coordinatesKey(pom.own.groupId ?? pom.parent?.groupId, pom.own.artifactId);
}

function sameArtifact(pom: Pom, want: Coordinates): boolean {
  return keyOf(pom) === coordinatesKey(want.groupId, want.artifactId);
}

/** Every POM among the given files by "groupId:artifactId", indexed once per inventory run. */
const indexes = new WeakMap<ReadonlyMap<string, ManifestFile>, Map<string, Pom>>();
export function pomIndex(ctx: ParseContext): Map<string, Pom> {
  let index = indexes.get(ctx.files);
  if (!index) {
    index = new Map();
    for (const f of ctx.files.values()) {
      if (!(f.path === 'pom.xml' || f.path.endsWith('/pom.xml'))) continue;
      const pom = tryLoad(f);
      if (pom && !index.has(keyOf(pom))) index.set(keyOf(pom), pom);
    }
    indexes.set(ctx.files, index);
  }
  return index;
}

export function findPom(ctx: ParseContext, want: Coordinates): Pom | undefined {
  return pomIndex(ctx).get(coordinatesKey(want.groupId, want.artifactId));
}

/** The parent POM in the same repository: by relativePath as Maven looks first, then by coordinates. */
export function findParent(pom: Pom, ctx: ParseContext): Pom | undefined {
  const ref = pom.parent;
  if (!ref) return undefined;
  if (ref.relativePath) {
    let target = joinPath(dirOf(pom.file.path), ref.relativePath);
    if (target !== undefined && !target.endsWith('.xml')) target = target ? `${target}/pom.xml` : 'pom.xml';
    const byPath = target === undefined ? undefined : tryLoad(ctx.files.get(target));
    if (byPath && sameArtifact(byPath, ref)) return byPath;
  }
  return findPom(ctx, ref);
}

/** The POM, its parent, its grandparent… as far as the repository holds them. */
export function ancestry(pom: Pom, ctx: ParseContext): Pom[] {
  const chain = [pom];
  for (let p = findParent(pom, ctx); p && chain.length < 16 && !chain.includes(p); p = findParent(p, ctx)) {
    if (chain.some((c) => c.file.path === p?.file.path)) break;
    chain.push(p);
  }
  return chain;
}

/** The properties in effect for a POM: inherited ones overridden by nearer ones, plus the project.* built-ins. */
export function effectiveProperties(chain: Pom[]): Map<string, string> {
  const props = new Map<string, string>();
  for (const pom of [...chain].reverse()) {
    for (const p of child(pom.project, 'properties')?.children ?? []) props.set(p.name, p.text.trim());
  }
  const pom = chain[0] as Pom;
  const groupId = pom.own.groupId ?? pom.parent?.groupId;
  const version = pom.own.version ?? pom.parent?.version;
  const builtins: [string, string | undefined][] = [
    ['project.groupId', groupId],
    ['project.artifactId', pom.own.artifactId],
    ['project.version', version],
    ['project.parent.groupId', pom.parent?.groupId],
    ['project.parent.artifactId', pom.parent?.artifactId],
    ['project.parent.version', pom.parent?.version],
  ];
  for (const [key, value] of builtins) {
    if (value === undefined) continue;
    props.set(key, value);
    props.set(key.replace(/^project\./, 'pom.'), value);
    props.set(key.replace(/^project\./, ''), value);
  }
  return props;
}

/** `${x}` references replaced; undefined while any cannot be. */
export function interpolate(value: string | undefined, props: ReadonlyMap<string, string>): string | undefined {
  if (value === undefined) return undefined;
  let out = value;
  for (let round = 0; round < 10 && out.includes('${'); round++) {
    out = out.replace(/\$\{([^}]+)\}/g, (all, key: string) => props.get(key.trim()) ?? all);
  }
  return out.includes('${') ? undefined : out;
}

export interface Managed {
  version?: string;
  scope?: string;
}

/**
 * The dependencyManagement in effect: nearer POMs win, imported BOMs that the repository
 * holds are read too. Values are interpolated with the properties of the POM being read.
 */
export function managedVersions(chain: Pom[], props: ReadonlyMap<string, string>, ctx: ParseContext): Map<string, Managed> {
  const out = new Map<string, Managed>();
  const seen = new Set<string>();
  const read = (pom: Pom, context: ReadonlyMap<string, string>): void => {
    if (seen.has(pom.file.path)) return;
    seen.add(pom.file.path);
    const deps = children(child(child(pom.project, 'dependencyManagement'), 'dependencies'), 'dependency');
    for (const d of deps) {
      const key = `${interpolate(textOf(d, 'groupId'), context)}:${interpolate(textOf(d, 'artifactId'), context)}`;
      const scope = textOf(d, 'scope');
      if (scope === 'import') {
        const bom = findPom(ctx, { groupId: key.split(':')[0], artifactId: key.split(':')[1] });
        if (bom) read(bom, effectiveProperties(ancestry(bom, ctx)));
        continue;
      }
      if (out.has(key)) continue;
      const version = interpolate(textOf(d, 'version'), context);
      out.set(key, { ...(version ? { version } : {}), ...(scope ? { scope } : {}) });
    }
  };
  for (const pom of chain) read(pom, props);
  return out;
}
