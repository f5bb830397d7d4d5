import type { Ecosystem, Location, ManifestFile, Package } from '../../types.js';
import type { ManifestKind } from '../kinds.js';
import { canonicalName } from './names.js';
import { purlOf } from './purl.js';

export interface ParseContext {
  /** every file given to readInventory, by its repo-relative path */
  files: ReadonlyMap<string, ManifestFile>;
  /** a one-line note about this file: a line skipped, an include not given, a version not resolved */
  note(message: string): void;
}

export interface ManifestParser {
  /** Which files it reads is its kind's entry in file-kinds.ts (manifestKind): planning a scan asks that, not the parser. */
  kind: ManifestKind;
  ecosystem: Ecosystem | 'mixed';
  parse(file: ManifestFile, ctx: ParseContext): Package[];
  /** files read on the chance that they hold packages (vendored libraries): listed only when they do */
  incidental?: true;
  /** another given file reads the same dependencies better (a lockfile beside a manifest) */
  supersededBy?(file: ManifestFile, ctx: ParseContext): string | undefined;
}

/** A manifest that cannot be read: its message becomes the one-line problem for the file. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface PackageInput {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  direct: boolean;
  scope: Package['scope'];
  location: Location;
  manifest: string;
  path?: string[];
  declaredAt?: Location;
  declared?: string;
  unresolved?: boolean;
}

export function makePackage(input: PackageInput): Package {
  const name = canonicalName(input.ecosystem, input.name);
  const pkg: Package = {
    ecosystem: input.ecosystem,
    name,
    version: input.version,
    purl: purlOf(input.ecosystem, name, input.version),
    direct: input.direct,
    scope: input.scope,
    path: input.path ?? [nameAtVersion(name, input.version)],
    location: input.location,
    manifest: input.manifest,
  };
  if (input.unresolved) pkg.unresolved = true;
  if (input.declared !== undefined) pkg.declared = input.declared;
  if (input.declaredAt) pkg.declaredAt = input.declaredAt;
  return pkg;
}

/**
 * A dependency read from a manifest without a lockfile: direct, at its declaring line,
 * with the lowest version its range admits, unresolved unless the range pins one version.
 */
export function declaredPackage(
  ecosystem: Ecosystem,
  file: ManifestFile,
  d: { name: string; version: string; exact: boolean; scope: Package['scope']; location: Location; spec: string },
): Package {
  return makePackage({
    ecosystem,
    name: d.name,
    version: d.version,
    direct: true,
    scope: d.scope,
    location: d.location,
    manifest: file.path,
    declared: d.spec,
    unresolved: !d.exact,
  });
}

export function nameAtVersion(name: string, version: string): string {
  return version ? `${name}@${version}` : name;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `rel` resolved against directory `dir`, POSIX, or undefined when it climbs above the root. */
export function joinPath(dir: string, rel: string): string | undefined {
  const parts = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

export function sibling(ctx: ParseContext, file: ManifestFile, name: string): ManifestFile | undefined {
  const dir = dirOf(file.path);
  return ctx.files.get(dir ? `${dir}/${name}` : name);
}

export function parseJson(file: ManifestFile): unknown {
  try {
    return JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestError(`not valid JSON (${oneLine(error)})`, { cause: error });
  }
}

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() ?? '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A lockfile among the given files that holds the installed versions for this manifest:
 * beside it, or (when `covers` says so) in an ancestor folder, as in workspaces.
 */
export function coveringLockfile(
  file: ManifestFile,
  ctx: ParseContext,
  lockNames: readonly string[],
  covers: (lock: ManifestFile, relativeDir: string) => boolean = () => false,
): string | undefined {
  const dir = dirOf(file.path);
  for (const [path, lock] of ctx.files) {
    if (!lockNames.includes(baseName(path))) continue;
    const lockDir = dirOf(path);
    if (lockDir === dir) return path;
    if (lockDir !== '' && !dir.startsWith(`${lockDir}/`)) continue;
    const rel = lockDir === '' ? dir : dir.slice(lockDir.length + 1);
    if (rel && covers(lock, rel)) return path;
  }
  return undefined;
}
