import { PROP, prop, type PackageProp } from '../sarif/props.js';
import { hash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { categoryOf, messageText, ruleOf } from '../finding.js';
import { FINGERPRINT_KEY, SRCROOT, type Log, type Result, type Run } from '../sarif/types.js';
import { lineHashesOf } from './line-hash.js';
import { secretHash } from './secret-hash.js';
import { decodeUri } from '../sarif/uri.js';

export { FINGERPRINT_KEY } from '../sarif/types.js';
/** The same without the file path, so a finding in a renamed file is still recognised. */
export const FINGERPRINT_NOPATH_KEY = 'pipewarden/v1/nopath';
/** GitHub code scanning's own. */
export const LINE_HASH_KEY = 'primaryLocationLineHash';

export interface IdentifyOptions {
  /** Where %SRCROOT%-relative URIs are read from. */
  srcRoot: string;
}

function digest(parts: readonly string[]): string {
  // One-shot: a Hash object per result was a twentieth of a 1M-result convert.
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}

/** All white space removed: reformatting (indentation, spaces around operators, wrapped arguments) changes nothing. */
export function codeWindow(lines: readonly string[]): string {
  return lines.join('').replace(/\s+/g, '');
}

/** The canonical id of a vulnerability across tools: its CVE when any tool names one, else GHSA, else the rule. */
export function vulnerabilityId(result: Result): string {
  const ids = [result.ruleId ?? '', ...((prop(result.properties, PROP.ids) ?? []))];
  return ids.find((id) => /^CVE-\d{4}-\d+$/i.test(id))?.toUpperCase() ?? ids.find((id) => /^GHSA-/i.test(id))?.toLowerCase() ?? result.ruleId ?? '';
}

/** Package names as tools spell them differently: case, Maven's group:artifact vs group/artifact. */
export function packageKey(pkg: PackageProp | undefined): string {
  return (pkg?.name ?? '').toLowerCase().replace(/:/g, '/').trim();
}

/** A URL's route: no scheme, host or query, and ids in the path folded, so /item/12?x=1 and /item/34 are one route. */
export function routeTemplate(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  }
  return (
    path
      .split('/')
      .map((segment) => (/^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{16,}$/i.test(segment) ? '{id}' : segment))
      .join('/')
      .replace(/\/+$/, '') || '/'
  );
}

/** The image's name without tag or digest: a rebuilt image keeps its findings. */
export function imageName(reference: string): string {
  const withoutDigest = reference.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function primaryUri(run: Run, result: Result): { uri?: string | undefined; local: boolean } {
  const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
  const uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
  const base = artifact?.uriBaseId ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uriBaseId : undefined);
  return { uri, local: uri !== undefined && (base === SRCROOT || (base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri))) };
}

interface Source {
  lines: string[];
  hashes: Map<number, string>;
}

/** Runs fn over items, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/**
 * Every flagged file of the log, read once, concurrently, before any result is looked at: awaiting them one
 * by one inside the loop left the process idle on the thread pool for over half of a 20k-result convert.
 * Reports often name files that are not in this checkout (another job's, a deleted module): one listing per
 * folder answers for all of them, where a failed open per file cost a third of a 100k-result convert.
 */
async function readSources(log: Log, srcRoot: string): Promise<Map<string, Source>> {
  // Grouped by the folder as written (the path functions run once per folder, not once per file).
  const byFolder = new Map<string, { uri: string; name: string }[]>();
  const wanted = new Set<string>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const { uri, local } = primaryUri(run, result);
      if (!uri || !local || !result.locations?.[0]?.physicalLocation?.region?.startLine || wanted.has(uri)) continue;
      wanted.add(uri);
      const path = decodeUri(uri);
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      let entries = byFolder.get(folder);
      if (!entries) byFolder.set(folder, (entries = []));
      entries.push({ uri, name: path.slice(slash + 1) });
    }
  }
  const present: { uri: string; path: string }[] = [];
  await eachLimited([...byFolder], 64, async ([folder, entries]) => {
    const dir = join(srcRoot, folder);
    const names = await readdir(dir).then((list) => new Set(list), () => undefined);
    if (!names) return;
    for (const { uri, name } of entries) {
      // A name with a "." or ".." segment still goes through join, as before; plain names are looked up.
      if (name === '' || name === '.' || name === '..') continue;
      if (names.has(name)) present.push({ uri, path: join(dir, name) });
    }
  });
  const sources = new Map<string, Source>();
  await eachLimited(present, 64, async ({ uri, path }) => {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) sources.set(uri, { lines: text.split(/\r\n|\r|\n/), hashes: lineHashesOf(text) });
  });
  return sources;
}

/**
 * Gives every result its identities: GitHub's primaryLocationLineHash (when the file can be read) and
 * pipewarden/v1, chosen by what the finding is about:
 * - a dependency: vulnerability id + package + manifest (not the version, not the line);
 * - an image: vulnerability id + package + image name without tag;
 * - a DAST finding: rule + method + route template + parameter;
 * - a secret: rule + file + salted hash of the secret (or of its line);
 * - code: rule + file + the flagged code with white space removed (plus a path-free variant for renames).
 * Identical keys in one log are told apart by occurrence (":2", ":3"), in file order.
 */
export async function identify(log: Log, options: IdentifyOptions): Promise<Log> {
  const sources = await readSources(log, options.srcRoot);
  // Counts per tool, then per key: one Map of "tool + key" strings made and hashed a new string per result.
  const seen = new Map<string, Map<string, number>>();
  const occurrence = (tool: string, key: string) => {
    let counts = seen.get(tool);
    if (!counts) seen.set(tool, (counts = new Map()));
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };

  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      // Only what identity needs: a whole Finding per result was a tenth of a large convert.
      const rule = ruleOf(run, result);
      const tool = run.tool.driver.name;
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? '(no rule)';
      const props = result.properties ?? {};
      const region = result.locations?.[0]?.physicalLocation?.region;
      const { uri, local } = primaryUri(run, result);
      const file = uri ? decodeUri(uri) : '';
      const pkg = prop(props, PROP.package);
      const image = prop(props, PROP.image);
      const dast = prop(props, PROP.dast);
      const startLine = region?.startLine;
      const source = uri && local && startLine ? sources.get(uri) : undefined;
      const lines = source?.lines;

      if (source && startLine && result.partialFingerprints?.[LINE_HASH_KEY] === undefined) {
        const hash = source.hashes.get(startLine);
        if (hash) result.partialFingerprints = { ...result.partialFingerprints, [LINE_HASH_KEY]: hash };
      }

      let parts: string[];
      let nopath: string[] | undefined;
      if (pkg && image?.reference) {
        parts = ['image', vulnerabilityId(result), packageKey(pkg), imageName(image.reference)];
      } else if (pkg) {
        parts = ['dependency', vulnerabilityId(result), packageKey(pkg), file];
      } else if (dast?.url !== undefined) {
        parts = ['dast', ruleId, (dast.method ?? 'GET').toUpperCase(), routeTemplate(dast.url), dast.parameter ?? ''];
      } else if (categoryOf(run, result) === 'secrets') {
        const flagged = lines && startLine ? lines[startLine - 1] : undefined;
        const secret = prop(props, PROP.secretHash) ?? (flagged !== undefined ? secretHash(flagged.trim()) : secretHash(messageText(result, rule)));
        parts = ['secret', ruleId, file, secret];
      } else if (lines && startLine && lines[startLine - 1] !== undefined) {
        const end = Math.min(region?.endLine ?? startLine, startLine + 2);
        const window = codeWindow(lines.slice(startLine - 1, end));
        parts = ['code', tool, ruleId, file, window];
        nopath = ['code', tool, ruleId, window];
      } else {
        // Nothing better to anchor on: the message with numbers folded (line numbers often appear in it).
        parts = ['message', tool, ruleId, file, messageText(result, rule).replace(/\d+/g, '#')];
      }
      const key = digest(parts);
      // Occurrences are counted per tool, so two tools reporting one thing get the same fingerprint.
      const fingerprint = `${key}:${occurrence(tool, key)}`;
      const fingerprints: Record<string, string> = { ...result.partialFingerprints, [FINGERPRINT_KEY]: fingerprint };
      if (nopath) {
        const nopathKey = digest(nopath);
        fingerprints[FINGERPRINT_NOPATH_KEY] = `${nopathKey}:${occurrence(`nopath\u0000${tool}`, nopathKey)}`;
      }
      // The fingerprint lives in partialFingerprints only: a copy in properties was a tenth of a large log.
      result.partialFingerprints = fingerprints;
    }
  }
  return log;
}
