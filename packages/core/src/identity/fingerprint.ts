import { PROP, prop, type PackageProp } from '../sarif/props.js';
import { hash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { rootReader, type RootReader } from '../files/safe-read.js';
import { messageText, ruleOf } from '../finding.js';
import { isAboutSecret } from '../secrets/rule-meaning.js';
import { FINGERPRINT_KEY, SRCROOT, type Log, type Result, type Run } from '../sarif/types.js';
import { hexWords, KeyTable } from './key-table.js';
import { lineHashesOf } from './line-hash.js';
import { createSecretKeyer, secretHash, UNKEYED_SECRET_HASH, type SecretKeyer } from './secret-hash.js';
import { decodeUri, leavesRoot } from '../sarif/uri.js';

export { FINGERPRINT_KEY } from '../sarif/types.js';
/** The same without the file path, so a finding in a renamed file is still recognised. */
export const FINGERPRINT_NOPATH_KEY = 'pipewarden/v1/nopath';
/** GitHub code scanning's own. */
export const LINE_HASH_KEY = 'primaryLocationLineHash';

export interface IdentifyOptions {
  /** Where %SRCROOT%-relative URIs are read from. */
  srcRoot: string;
  /** The run's keyer of secret hashes (docs/identity.md); default: one without PIPEWARDEN_SECRET_KEY. */
  secrets?: SecretKeyer | undefined;
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

function primaryUri(run: Run, result: Result): { uri?: string | undefined; base?: string | undefined; local: boolean } {
  const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
  const uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
  const base = artifact?.uriBaseId ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uriBaseId : undefined);
  return { uri, base, local: uri !== undefined && (base === SRCROOT || (base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri))) };
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

/** Source files larger than this get no line hash or code window (a generated bundle, a data dump). */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** What was looked up of the flagged files so far: kept across batches, so each file and folder is looked at once. */
interface Sources {
  /** The text of each flagged file that could be read, by URI as written. */
  read: Map<string, Source>;
  /** URIs whose file lies outside the root: by "..", an absolute path, a file: URI, or a symlink out of it. */
  outside: Set<string>;
  /** URIs looked up: true once read for their text, false when only checked for a way out. */
  looked: Map<string, boolean>;
  /** Each folder's listing (name → is a symlink), undefined when it cannot be listed, "outside" when it leads out. */
  folders: Map<string, Promise<Listing | undefined>>;
  /** The same once known (null: it cannot be listed). */
  listed: Map<string, Listing | null>;
  reader: RootReader;
}

function createSources(srcRoot: string): Sources {
  return { read: new Map(), outside: new Set(), looked: new Map(), folders: new Map(), listed: new Map(), reader: rootReader(srcRoot) };
}

/** Results of one batch, with the run they belong to. */
export interface RunResults {
  run: Run;
  results: readonly Result[];
}

/**
 * The flagged files of a batch of results that were not looked up yet, read once, concurrently, before any
 * result is looked at: awaiting them one by one inside the loop left the process idle on the thread pool for
 * over half of a 20k-result convert. Reports often name files that are not in this checkout (another job's,
 * a deleted module): one listing per folder answers for all of them, where a failed open per file cost a
 * third of a 100k-result convert. Nothing outside the root is opened or listed: a URI that leaves it by its
 * letters is not looked up, a folder or file that leaves it by a symlink is found out by its real path before
 * it is read (files/safe-read.ts).
 */
async function readSources(batch: readonly RunResults[], sources: Sources): Promise<void> {
  const { outside, looked, listed } = sources;
  // Grouped by the folder as written (the path functions run once per folder, not once per file); a file in
  // a folder already listed is settled at once (after the first batches, nearly all of them).
  const byFolder = new Map<string, Map<string, { name: string; text: boolean }>>();
  const present: Present[] = [];
  for (const { run, results } of batch) {
    for (const result of results) {
      const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
      const uri = artifact?.uri ?? (artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location?.uri : undefined);
      if (!uri) continue;
      // Most results name a file met before: two lookups and on.
      const seen = looked.get(uri);
      if (seen === true || outside.has(uri)) continue;
      const { base, local } = primaryUri(run, result);
      if (leavesRoot({ uri, uriBaseId: base })) {
        outside.add(uri);
        continue;
      }
      if (!local) continue;
      // Text only for a result with a line (line hash, code window); the others are only checked for a way out.
      const text = Boolean(result.locations?.[0]?.physicalLocation?.region?.startLine);
      if (!text && seen !== undefined) continue;
      const path = decodeUri(uri);
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const listing = listed.get(folder);
      if (listing !== undefined) {
        settle(sources, uri, folder, name, text, listing, present);
        continue;
      }
      let entries = byFolder.get(folder);
      if (!entries) byFolder.set(folder, (entries = new Map()));
      const entry = entries.get(uri);
      if (entry) entry.text ||= text;
      else entries.set(uri, { name, text });
    }
  }
  await eachLimited([...byFolder], 64, async ([folder, entries]) => {
    let listing = sources.folders.get(folder);
    if (!listing) sources.folders.set(folder, (listing = listFolder(sources.reader, folder)));
    const got = (await listing) ?? null;
    listed.set(folder, got);
    for (const [uri, { name, text }] of entries) settle(sources, uri, folder, name, text, got, present);
  });
  await eachLimited(present, 64, (file) => readPresent(sources, file));
}

/** A flagged file found in its folder's listing: to be read (text) or checked for a way out. */
interface Present {
  uri: string;
  path: string;
  text: boolean;
  link: boolean;
}

/** A file looked up in its folder's listing: noted as looked at, outside, or present. */
function settle(sources: Sources, uri: string, folder: string, name: string, text: boolean, listing: Listing | null, present: Present[]): void {
  const { looked, outside } = sources;
  looked.set(uri, text || looked.get(uri) === true);
  if (listing === 'outside') outside.add(uri);
  if (!listing || listing === 'outside') return;
  // A name with a "." or ".." segment still goes through the reader, as before; plain names are looked up.
  if (name === '' || name === '.' || name === '..') return;
  const link = listing.get(name);
  if (link !== undefined) present.push({ uri, path: folder ? `${folder}/${name}` : name, text, link });
}

async function readPresent(sources: Sources, { uri, path, text, link }: Present): Promise<void> {
  const { reader, outside, read } = sources;
  if (!text) {
    const where = link ? await reader.locate(path) : undefined;
    if (where && 'refused' in where && where.refused === 'outside') outside.add(uri);
    return;
  }
  const got = await reader.read(path, { maxBytes: MAX_SOURCE_BYTES });
  if ('refused' in got) {
    if (got.refused === 'outside') outside.add(uri);
    return;
  }
  const content = got.data.toString('utf8');
  read.set(uri, { lines: content.split(/\r\n|\r|\n/), hashes: lineHashesOf(content) });
}

/** A folder's listing: name → is a symlink; "outside" when the folder leads out of the root. */
type Listing = Map<string, boolean> | 'outside';

async function listFolder(reader: RootReader, folder: string): Promise<Listing | undefined> {
  const where = await reader.locate(folder || '.');
  if ('refused' in where) return where.refused === 'outside' ? 'outside' : undefined;
  return readdir(where.real, { withFileTypes: true }).then((list) => new Map(list.map((d) => [d.name, d.isSymbolicLink()])), () => undefined);
}

/**
 * Gives every result its identities: GitHub's primaryLocationLineHash (when the file can be read) and
 * pipewarden/v1, chosen by what the finding is about:
 * - a dependency: vulnerability id + package + manifest (not the version, not the line);
 * - an image: vulnerability id + package + image name without tag;
 * - a DAST finding: rule + method + route template + parameter;
 * - a secret (a secrets finding, or a finding of a rule about hardcoded secrets): rule + file + the keyed hash
 *   of the secret (or of its line), see docs/identity.md; its primaryLocationLineHash is made from that too,
 *   since GitHub's hash of the line could test a guess of the secret;
 * - code: rule + file + the flagged code with white space removed (plus a path-free variant for renames).
 * Identical keys in one log are told apart by occurrence (":2", ":3"), in file order.
 */
export async function identify(log: Log, options: IdentifyOptions): Promise<Log> {
  await createIdentifier(options).add(log.runs.map((run) => ({ run, results: run.results ?? [] })));
  return log;
}

export interface Identifier {
  /** Identifies a batch of results, each in its run; batches are counted on from the ones before (occurrences in file order). */
  add(batch: readonly RunResults[]): Promise<void>;
  /**
   * The identity keys of a batch, without occurrences (which depend on every result before): for a caller that
   * numbers the occurrences itself, in file order, elsewhere (another thread's batches). See setFingerprints.
   */
  keys(batch: readonly RunResults[]): Promise<IdentityKeys[]>;
}

/** One result's identity before its occurrence is known. */
export interface IdentityKeys {
  result: Result;
  tool: string;
  key: string;
  /** The key without the file path, for code findings. */
  nopath?: string | undefined;
  secret: boolean;
}

/** The occurrences counted per tool, in file order: two tools reporting one thing get the same fingerprint. */
export function createOccurrences(): (tool: string, key: string) => number {
  // Counts per tool, then per key: one Map of "tool + key" strings made and hashed a new string per result.
  const seen = new Map<string, KeyCounts>();
  return (tool, key) => {
    let counts = seen.get(tool);
    if (!counts) seen.set(tool, (counts = new KeyCounts()));
    return counts.next(key);
  };
}

/** A fingerprint key: what digest() gives. */
const HEX_KEY = /^[0-9a-f]{32}$/;

/** How often each key was seen: keys as digest() makes them in a KeyTable, any other in a Map. */
class KeyCounts {
  private readonly table = new KeyTable();
  private readonly other = new Map<string, number>();
  private readonly words = new Uint32Array(4);

  next(key: string): number {
    if (HEX_KEY.test(key)) {
      hexWords(key, this.words, 0);
      return this.table.next(this.words, 0);
    }
    const n = (this.other.get(key) ?? 0) + 1;
    this.other.set(key, n);
    return n;
  }
}

/** The counter of the path-free keys of a tool's results. */
export const nopathCounter = (tool: string) => `nopath\u0000${tool}`;

/**
 * identify() for a log that comes in batches (a streamed convert): the occurrence counts and the files looked
 * up carry over from batch to batch, so the batches give what one call on the whole log gives.
 */
export function createIdentifier(options: IdentifyOptions): Identifier {
  const sources = createSources(options.srcRoot);
  const keyer = options.secrets ?? createSecretKeyer();
  const occurrence = createOccurrences();
  const keys = async (batch: readonly RunResults[]) => {
    await readSources(batch, sources);
    return keysOf(partsOf(batch, sources), keyer);
  };
  return {
    keys,
    async add(batch) {
      for (const entry of await keys(batch)) {
        setFingerprints(entry, String(occurrence(entry.tool, entry.key)), entry.nopath === undefined ? undefined : String(occurrence(nopathCounter(entry.tool), entry.nopath)));
      }
    },
  };
}

interface Pending {
  result: Result;
  tool: string;
  parts: string[];
  nopath?: string[] | undefined;
  secret?: string | undefined;
}

/** Every result's identity parts (and its line hash, its outside-root mark), before any is hashed. */
function partsOf(batch: readonly RunResults[], sources: Sources): Pending[] {
  const pending: Pending[] = [];
  for (const { run, results } of batch) {
    for (const result of results) {
      if (result.baselineState === 'absent') continue;
      // Only what identity needs: a whole Finding per result was a tenth of a large convert.
      // The rule only when its id or its texts are needed (a result without an id or a message text).
      const rule = result.message.text && (result.ruleId ?? result.rule?.id) !== undefined ? undefined : ruleOf(run, result);
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
      const source = uri && local && startLine ? sources.read.get(uri) : undefined;
      const lines = source?.lines;
      if (uri && sources.outside.has(uri) && props[PROP.outsideRoot] === undefined) result.properties = { ...result.properties, [PROP.outsideRoot]: true };
      const aboutSecret = !pkg && dast?.url === undefined && isAboutSecret(run, result);

      if (source && startLine && !aboutSecret && result.partialFingerprints?.[LINE_HASH_KEY] === undefined) {
        const hash = source.hashes.get(startLine);
        if (hash) result.partialFingerprints = { ...result.partialFingerprints, [LINE_HASH_KEY]: hash };
      }

      if (pkg && image?.reference) {
        pending.push({ result, tool, parts: ['image', vulnerabilityId(result), packageKey(pkg), imageName(image.reference)] });
      } else if (pkg) {
        pending.push({ result, tool, parts: ['dependency', vulnerabilityId(result), packageKey(pkg), file] });
      } else if (dast?.url !== undefined) {
        pending.push({ result, tool, parts: ['dast', ruleId, (dast.method ?? 'GET').toUpperCase(), routeTemplate(dast.url), dast.parameter ?? ''] });
      } else if (aboutSecret) {
        const flagged = lines && startLine ? lines[startLine - 1] : undefined;
        const own = prop(props, PROP.secretHash);
        const secret = own ?? (flagged !== undefined ? secretHash(flagged.trim()) : secretHash(messageText(result, rule)));
        pending.push({ result, tool, parts: ['secret', ruleId, file], secret });
      } else if (lines && startLine && lines[startLine - 1] !== undefined) {
        const end = Math.min(region?.endLine ?? startLine, startLine + 2);
        const window = codeWindow(lines.slice(startLine - 1, end));
        pending.push({ result, tool, parts: ['code', tool, ruleId, file, window], nopath: ['code', tool, ruleId, window] });
      } else {
        // Nothing better to anchor on: the message with numbers folded (line numbers often appear in it).
        pending.push({ result, tool, parts: ['message', tool, ruleId, file, messageText(result, rule).replace(/\d+/g, '#')] });
      }
    }
  }
  return pending;
}

/** Hashes the parts; a secret's hash is keyed for all of the batch at once (scrypt runs side by side). */
async function keysOf(pending: readonly Pending[], keyer: SecretKeyer): Promise<IdentityKeys[]> {
  await keyer.prepare(pending.flatMap((entry) => (entry.secret !== undefined && UNKEYED_SECRET_HASH.test(entry.secret) ? [entry.secret] : [])));
  return pending.map(({ result, tool, parts, nopath, secret }) => {
    if (secret !== undefined) {
      const keyed = UNKEYED_SECRET_HASH.test(secret) ? keyer.rekey(secret) : secret;
      // A stand-in left unkeyed (a log not read through readReport) is keyed here, never written as it was.
      if (result.properties?.[PROP.secretHash] !== undefined && result.properties[PROP.secretHash] !== keyed) result.properties = { ...result.properties, [PROP.secretHash]: keyed };
      parts.push(keyed);
    }
    return { result, tool, key: digest(parts), nopath: nopath ? digest(nopath) : undefined, secret: secret !== undefined };
  });
}

/** The result's fingerprints from its keys and its occurrences (`n` for the key, `nopathN` for the path-free key). */
export function setFingerprints({ result, key, nopath, secret }: IdentityKeys, n: string, nopathN: string | undefined): void {
  const fingerprints: Record<string, string> = { ...result.partialFingerprints, [FINGERPRINT_KEY]: `${key}:${n}` };
  // GitHub's line hash of a secret's line could test a guess: GitHub takes the value as given, so ours stands in.
  if (secret && fingerprints[LINE_HASH_KEY] === undefined) fingerprints[LINE_HASH_KEY] = `${key.slice(0, 16)}:${n}`;
  if (nopath !== undefined) fingerprints[FINGERPRINT_NOPATH_KEY] = `${nopath}:${nopathN}`;
  // The fingerprint lives in partialFingerprints only: a copy in properties was a tenth of a large log.
  result.partialFingerprints = fingerprints;
}
