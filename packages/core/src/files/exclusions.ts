import { readdir } from 'node:fs/promises';
import picomatch from 'picomatch';
import type { Ports } from '../ports/types.js';
import { gitAttributes } from './git-attributes.js';
import { rootReader } from './safe-read.js';
import { shapeOf } from './shape.js';

/**
 * Third-party and machine-written code is not the team's to fix: findings there are noise that hides the
 * real ones. Each reason is a rule a user can override with `include:`; `exclude:` adds their own.
 */
export type ExclusionReason = 'dependencies' | 'vendored' | 'minified' | 'generated' | 'ignored' | 'excluded' | 'placeholder' | 'outside' | 'special';

export const EXCLUSION_REASONS: Readonly<Record<ExclusionReason, string>> = {
  dependencies: 'in a dependency folder (node_modules, bower_components, site-packages, …)',
  vendored: 'vendored third-party code (vendor/, third_party/, a library banner or linguist-vendored)',
  minified: 'minified, bundled or obfuscated',
  generated: 'generated (build output in dist/, a generated-code header or linguist-generated)',
  ignored: 'ignored by .gitignore',
  excluded: 'excluded by your `exclude:` patterns',
  placeholder: 'placeholder credentials, not secrets (<password>, ${VAR}, changeme, …)',
  outside: 'symlinks that lead outside the scanned folder (not followed)',
  special: 'symlinks to something that is not a regular file (a FIFO, a socket, a device)',
};

// Package managers' caches too: CI keeps them inside the checkout so they can be cached between jobs (the GitLab
// component's .npm/ and .pipewarden-cache/), where they hold other projects' lockfiles and code.
const DEPENDENCY_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages', 'web_modules', 'site-packages', 'dist-packages', '.venv', 'venv', 'Pods', '.bundle', '.npm', '.pnpm-store', '.pipewarden-cache']);
const VENDOR_DIRS = new Set(['vendor', 'vendors', 'third_party', 'third-party', 'thirdparty', '3rdparty', 'external_libs']);
// Build output committed next to its sources (a GitHub Action's bundle): Linguist's vendor list has dist/ too.
const BUILD_DIRS = new Set(['dist']);
const MINIFIED_NAME = /[.-]min\.(?:[cm]?js|css)$|\.(?:bundle|chunk)\.[cm]?js$/i;
const GENERATED_NAME = /\.pb\.go$|_pb2(?:_grpc)?\.pyi?$|\.generated\.[a-z]+$|\.g\.(?:cs|dart)$|\.designer\.cs$|(?:^|\/)__snapshots__\/|\.snap$/i;
/** Only these are worth opening to look at their shape (code a browser or a runtime loads as shipped). */
const SHAPED = /\.(?:[cm]?js|jsx|css|php|py|java|ts|tsx|vue|svelte)$/i;

export interface ExclusionRules {
  /** The user's patterns (pipewarden.yml `exclude:` and --exclude): never scanned, never reported. */
  exclude?: readonly string[] | undefined;
  /** Patterns the default rules do not apply to (vendored code the team owns). */
  include?: readonly string[] | undefined;
}

export interface ExclusionCounts {
  /** Files kept out of the scanners' lists, by reason. */
  files: Partial<Record<ExclusionReason, number>>;
  /** Findings read from reports (or tools given a folder) that were in excluded files, by reason. */
  findings: Partial<Record<ExclusionReason, number>>;
  /** A few excluded paths per reason, to show what a rule caught. */
  examples: Partial<Record<ExclusionReason, string[]>>;
}

/** gitignore-like: a pattern without a slash matches a name at any depth; a folder pattern, everything below it. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const expanded = patterns.flatMap((raw) => {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!pattern.includes('/')) return [`**/${pattern}`, `**/${pattern}/**`];
    const anchored = pattern.replace(/^\//, '');
    return [anchored, `${anchored}/**`];
  });
  return expanded.length ? picomatch(expanded, { dot: true }) : () => false;
}

/** The reason a path is excluded by name alone (no file is read). */
export function reasonByName(path: string): ExclusionReason | undefined {
  const parts = path.split('/');
  const dirs = parts.slice(0, -1);
  if (dirs.some((part) => DEPENDENCY_DIRS.has(part))) return 'dependencies';
  if (dirs.some((part) => VENDOR_DIRS.has(part.toLowerCase()))) return 'vendored';
  if (dirs.some((part) => BUILD_DIRS.has(part))) return 'generated';
  if (MINIFIED_NAME.test(path)) return 'minified';
  if (GENERATED_NAME.test(path)) return 'generated';
  return undefined;
}

export interface Exclusions {
  /** Why a path (relative to the scanned root, POSIX) is excluded, or undefined when it is the team's code. */
  reasonOf(path: string): Promise<ExclusionReason | undefined>;
  /** Whether only the user's own patterns apply to this path (a dependency finding lives in a lockfile or node_modules). */
  userExcludes(path: string): boolean;
  /** Reads .gitattributes for a whole list at once (before many reasonOf calls). */
  prefetch(paths: readonly string[]): Promise<void>;
  counts: ExclusionCounts;
  /** Counts a file kept out of a scanner's list or a finding dropped. */
  count(kind: 'files' | 'findings', reason: ExclusionReason, path: string): void;
}

/**
 * The exclusion rules for one root. Attributes come from git (`.gitattributes` at any depth) when the root
 * is in a work tree; shapes are read from the file's first 64 KB, only for code, never outside the root.
 */
export async function createExclusions(root: string, rules: ExclusionRules, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): Promise<Exclusions> {
  const userExcludes = globMatcher(rules.exclude ?? []);
  const included = globMatcher(rules.include ?? []);
  const attributes = gitAttributes(root, ports, env);
  const reader = rootReader(root);
  const cache = new Map<string, Promise<ExclusionReason | undefined>>();
  const counts: ExclusionCounts = { files: {}, findings: {}, examples: {} };

  // Reports name many files this checkout does not have (another job's, a deleted module): one listing per
  // folder answers for all of them, where a failed open per file was a third of a 100k-finding scan.
  const listings = new Map<string, Promise<Set<string> | undefined>>();
  async function mayExist(path: string): Promise<boolean> {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '.' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    // A "." or ".." name goes through the reader as any path does.
    if (name === '' || name === '.' || name === '..') return true;
    let listing = listings.get(folder);
    if (!listing) {
      listing = reader.locate(folder || '.').then(
        (where) => ('refused' in where ? undefined : readdir(where.real).then((names) => new Set(names), () => undefined)),
        () => undefined,
      );
      listings.set(folder, listing);
    }
    // A folder that is missing, or leads out of the root, has no file the reader would read.
    return (await listing)?.has(name) ?? false;
  }

  async function byContent(path: string): Promise<ExclusionReason | undefined> {
    const attribute = await attributes.of(path);
    // A file the team marked -linguist-vendored / -linguist-generated is theirs, whatever its name says.
    if (attribute === 'owned') return undefined;
    if (attribute) return attribute;
    const named = reasonByName(path);
    if (named) return named;
    if (!SHAPED.test(path)) return undefined;
    if (!(await mayExist(path))) return undefined;
    // The first 64 KB, of a regular file under the root only (never a symlink out of it, a FIFO or a device).
    const head = await reader.read(path, { head: HEAD_BYTES });
    return 'refused' in head ? undefined : shapeOf(head.data.toString('utf8'));
  }

  return {
    counts,
    userExcludes,
    prefetch: (paths) => attributes.prefetch(paths),
    reasonOf(path) {
      if (userExcludes(path)) return Promise.resolve('excluded');
      if (included(path)) return Promise.resolve(undefined);
      let known = cache.get(path);
      if (!known) {
        known = byContent(path);
        cache.set(path, known);
      }
      return known;
    },
    count(kind, reason, path) {
      counts[kind][reason] = (counts[kind][reason] ?? 0) + 1;
      const examples = (counts.examples[reason] ??= []);
      if (examples.length < 3 && !examples.includes(path)) examples.push(path);
    },
  };
}

const HEAD_BYTES = 64 * 1024;

/** Splits files into those to scan and those excluded, counting the excluded by reason. */
export async function partitionFiles(files: readonly string[], exclusions: Exclusions): Promise<string[]> {
  await exclusions.prefetch(files);
  const reasons = await mapLimited(files, 64, (file) => exclusions.reasonOf(file));
  const kept: string[] = [];
  files.forEach((file, index) => {
    const reason = reasons[index];
    if (reason) exclusions.count('files', reason, file);
    else kept.push(file);
  });
  return kept;
}

export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** "1,204 files excluded: 1,180 in a dependency folder (…), 24 minified (…)", or nothing when none were. */
export function describeExclusions(counts: ExclusionCounts): string[] {
  const lines: string[] = [];
  const part = (of: Partial<Record<ExclusionReason, number>>) =>
    (Object.entries(of) as [ExclusionReason, number][])
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${n.toLocaleString('en-US')} ${EXCLUSION_REASONS[reason]}`)
      .join('; ');
  const total = (of: Partial<Record<ExclusionReason, number>>) => Object.values(of).reduce((n, v) => n + (v ?? 0), 0);
  const files = total(counts.files);
  const findings = total(counts.findings);
  if (files) lines.push(`${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'} not scanned: ${part(counts.files)}`);
  if (findings) lines.push(`${findings.toLocaleString('en-US')} finding${findings === 1 ? '' : 's'} not reported: ${part(counts.findings)}`);
  return lines;
}
