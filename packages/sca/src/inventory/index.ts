import type { InventoryResult, ManifestFile, ManifestNote, ManifestProblem, Package } from '../types.js';
import { ManifestError, oneLine, type ManifestParser, type ParseContext } from './common/model.js';
import { manifestKind } from './file-kinds.js';
import { PARSERS } from './registry.js';

export { PARSERS } from './registry.js';
export { lowestMatch } from './npm/ranges.js';
export { purlOf } from './common/purl.js';

export { MANIFEST_KINDS, type ManifestKind } from './kinds.js';

/** Larger than any real lockfile; a bigger file is refused rather than read. */
export const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;

export { manifestKind } from './file-kinds.js';

function parserFor(path: string): ManifestParser | undefined {
  const kind = manifestKind(path);
  return kind === undefined ? undefined : PARSERS.find((p) => p.kind === kind);
}

const SCOPE_RANK: Record<Package['scope'], number> = {
  runtime: 0,
  provided: 1,
  optional: 2,
  peer: 3,
  unknown: 4,
  dev: 5,
  test: 6,
};

function better(a: Package, b: Package): boolean {
  if (a.direct !== b.direct) return a.direct;
  if (SCOPE_RANK[a.scope] !== SCOPE_RANK[b.scope]) return SCOPE_RANK[a.scope] < SCOPE_RANK[b.scope];
  return a.path.length < b.path.length;
}

/**
 * Keeps one record per package version per manifest: peer variants in pnpm, copies nested
 * at several install paths, and a requirements file read both alone and through an include.
 */
function dedupe(packages: Package[]): Package[] {
  const kept = new Map<string, Package>();
  for (const p of packages) {
    const key = `${p.ecosystem}\u0000${p.name}\u0000${p.version}\u0000${p.manifest}\u0000${p.unresolved ? p.declared : ''}`;
    const have = kept.get(key);
    if (!have || better(p, have)) kept.set(key, p);
  }
  return [...kept.values()];
}

/**
 * Every package of every manifest given. Bad input becomes a problem naming the file (the inventory is partial);
 * what a parser remarks of a file it read is a note. This never throws for bad input.
 */
export function readInventory(files: ManifestFile[]): InventoryResult {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const packages: Package[] = [];
  const manifests: InventoryResult['manifests'] = [];
  const problems: ManifestProblem[] = [];
  const notes: ManifestNote[] = [];
  const failed = new Set<string>();
  const setAside: { file: ManifestFile; parser: ManifestParser; by: string }[] = [];
  const read = (file: ManifestFile, parser: ManifestParser, ctx: ParseContext): void => {
    try {
      const found = dedupe(parser.parse(file, ctx));
      packages.push(...found);
      if (found.length > 0 || !parser.incidental) manifests.push({ file: file.path, kind: parser.kind, packages: found.length });
    } catch (error) {
      failed.add(file.path);
      problems.push({ file: file.path, message: error instanceof ManifestError ? error.message : `could not be read (${oneLine(error)})` });
    }
  };
  const contextOf = (file: ManifestFile): ParseContext => ({
    files: byPath,
    note: (message) => notes.push({ file: file.path, message }),
  });
  for (const file of files) {
    const parser = parserFor(file.path);
    if (!parser) continue;
    if (file.text.length > MAX_MANIFEST_BYTES || Buffer.byteLength(file.text) > MAX_MANIFEST_BYTES) {
      failed.add(file.path);
      problems.push({ file: file.path, message: `larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB: not read` });
      continue;
    }
    const ctx = contextOf(file);
    const by = parser.supersededBy?.(file, ctx);
    if (by) setAside.push({ file, parser, by });
    else read(file, parser, ctx);
  }
  // A manifest set aside for a lockfile that could not be read is read after all.
  for (const { file, parser, by } of setAside) {
    if (!failed.has(by)) continue;
    const ctx = contextOf(file);
    ctx.note(`read in place of ${by}, which could not be read`);
    read(file, parser, ctx);
  }
  return { packages: dedupe(packages), manifests, problems, notes };
}
