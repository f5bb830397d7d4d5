import { readFile, stat, writeFile } from 'node:fs/promises';
import { categoryOf, type Category } from '../finding.js';
import { createSecretKeyer, UNKEYED_SECRET_HASH, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { isAboutSecret, isSecretRule } from '../secrets/rule-meaning.js';
import { maskQuotedValues, redactShapes, redactText, REDACTED, shortenMasks } from './redact.js';
import { PROP, type Log, type Result, type Run } from './types.js';

// The one redaction of a log, applied by readReport to every log it returns (any format, SARIF too), so a log
// is clean however it enters: convert, scan (scanner reports and --report), merge, gate, report, baselines.
// Every string a SARIF log can carry is looked at (messages, rule texts, snippets, code flows, fixes,
// attachments, artifact contents, notifications, command lines, property bags), not a list of fields that a
// new field would slip past; only identifiers and structure are left alone (SKIP_KEYS).

/** Values that identify or structure, never free text: left as they are (an id masked would break identity). */
const SKIP_KEYS = new Set([
  '$schema', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'id', 'ruleId', 'uriBaseId', 'guid', 'correlationGuid', 'baselineState', 'kind', 'level',
  'mimeType', 'encoding', 'language', 'columnKind', 'partialFingerprints', 'fingerprints', 'hashes', 'name', 'fullName', 'fullyQualifiedName',
  'decoratedName', 'tags', 'startTimeUtc', 'endTimeUtc', 'timeUtc', 'redactionTokens', 'rank', 'ruleIndex', 'index', 'parentIndex',
]);
/** URIs: a password in one (`https://user:pass@host`) is masked; nothing else in them (a route's ids are its identity). */
const URI_KEYS = new Set(['uri', 'helpUri', 'informationUri', 'downloadUri', 'repositoryUri', 'targetUri']);
/** Property keys that hold identities (fingerprints, hashes, purls, a tool's issue key or id) or tags. */
const IDENTITY_PROPERTY = /fingerprint|hash$|digest|checksum|integrity|purl|^tags$|(?:^|\/)(?:key|ids?|uid|guid|cwe|cves?)$/i;
/** Header and variable names whose value is a credential whatever it looks like. */
const CREDENTIAL_NAME = /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|api-key)$|token|passw|secret|api[-_]?key|credential|private[-_]?key/i;
/** A value found and masked in one place is masked wherever else it appears when at least this long: shorter ones ("POST") are ordinary words too. */
export const MIN_PROPAGATED_LENGTH = 8;
/** Native reports larger than this are not scrubbed (they cannot be read as one string). */
const MAX_SCRUB_BYTES = 256 * 1024 * 1024;

export interface RedactLogOptions {
  /** The runs' category when the caller knows it (a scanner of ours wrote the report) and the log does not say. */
  category?: Category | undefined;
}

export interface Redactor {
  readonly keyer: SecretKeyer;
  /** Every value masked so far in this command (native reports in raw/ are scrubbed of them). */
  readonly found: ReadonlySet<string>;
  /** Masks every secret value in the log, in place, and re-keys its secret hashes. */
  log(log: Log, options?: RedactLogOptions): Promise<void>;
  /**
   * The logs read, once joined: a value found in one report (a quoted password) masked wherever another holds it
   * (a second tool's snippet of that line), whichever was read first. Cheap when nothing was found.
   */
  finish(log: Log): void;
  /** One text (a warning, an error line, a tool's stderr) masked like a message. */
  text(text: string): string;
  /** Values known to be secret before any report is read (a DAST session's password and cookies): masked everywhere. */
  remember(values: Iterable<string>): void;
  /**
   * A native report scrubbed in place: the values masked in this command's logs, known credential shapes, and
   * step-1 secret hashes re-keyed. Not the entropy test: a report's digests and SBOM hashes are no secrets.
   */
  file(path: string): Promise<void>;
}

interface Context {
  /** The result is about a secret: its snippets go, quoted values in its texts are masked, long masks shortened. */
  secret: boolean;
  found: Set<string>;
  /** Values found before this log (MIN_PROPAGATED_LENGTH or more): masked wherever they appear in it. */
  known: readonly string[];
  changed: boolean;
  unkeyed: { bag: Record<string, unknown>; key: string }[];
}

const PLACEHOLDER_ARG = /^\{\d+\}$/;

function scrub(text: string, context: Context): string {
  let clean = redactText(context.known.length ? replaceAll(text, context.known) : text, context.found);
  if (context.secret) clean = shortenMasks(maskQuotedValues(clean, context.found));
  if (clean !== text) context.changed = true;
  return clean;
}

/** A message argument of a result about a secret: a lone token is the value more often than not. */
function scrubArgument(arg: string, context: Context): string {
  if (context.secret && !/\s/.test(arg) && arg.length >= 4 && !/[\\/]/.test(arg) && !PLACEHOLDER_ARG.test(arg) && arg !== REDACTED) {
    context.found.add(arg);
    context.changed = true;
    return REDACTED;
  }
  return scrub(arg, context);
}

function scrubBinary(base64: string, context: Context): string {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  const clean = scrub(text, context);
  return clean === text ? base64 : Buffer.from(clean, 'utf8').toString('base64');
}

type Mode = 'sarif' | 'properties' | 'credentials';

/** Walks any SARIF value: strings scrubbed, identifiers left, snippets of secrets dropped, step-1 hashes noted. */
function walk(value: unknown, context: Context, mode: Mode): unknown {
  if (typeof value === 'string') return scrub(value, context);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], context, mode);
    return value;
  }
  if (typeof value === 'object' && value !== null) walkObject(value as Record<string, unknown>, context, mode);
  return value;
}

function walkObject(bag: Record<string, unknown>, context: Context, mode: Mode, except?: ReadonlySet<string>): void {
  // for…in over parsed JSON (no inherited keys): Object.keys made an array per object, a tenth of the pass.
  for (const key in bag) {
    const item = bag[key];
    if (item === undefined || item === null || typeof item === 'number' || typeof item === 'boolean' || except?.has(key)) continue;
    if (key === PROP.secretHash) {
      if (typeof item === 'string' && UNKEYED_SECRET_HASH.test(item)) context.unkeyed.push({ bag, key });
      continue;
    }
    if (mode === 'sarif' ? SKIP_KEYS.has(key) : mode === 'properties' && IDENTITY_PROPERTY.test(key)) continue;
    if (typeof item === 'string') {
      let clean: string;
      if (mode === 'credentials' && CREDENTIAL_NAME.test(key) && item !== '' && item !== REDACTED) {
        context.found.add(item);
        clean = REDACTED;
      } else if (mode === 'sarif' && URI_KEYS.has(key)) clean = redactShapes(item, context.found);
      else if (mode === 'sarif' && key === 'binary') clean = scrubBinary(item, context);
      else clean = scrub(item, context);
      if (clean !== item) {
        bag[key] = clean;
        context.changed = true;
      }
      continue;
    }
    if (context.secret && mode === 'sarif' && key === 'snippet') {
      delete bag[key];
      context.changed = true;
      continue;
    }
    if (mode === 'sarif' && key === 'arguments' && Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (typeof item[i] === 'string') item[i] = scrubArgument(item[i] as string, context);
      continue;
    }
    walk(item, context, key === 'properties' ? 'properties' : key === 'environmentVariables' || key === 'headers' ? 'credentials' : mode);
  }
}

/** The same walk with only the values found elsewhere replaced (the second pass). */
function replaceFound(value: unknown, values: readonly string[], mode: Mode): unknown {
  if (typeof value === 'string') return replaceAll(value, values);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = replaceFound(value[i], values, mode);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const bag = value as Record<string, unknown>;
  for (const key of Object.keys(bag)) {
    const item = bag[key];
    if (item === undefined || item === null || typeof item === 'number' || typeof item === 'boolean' || key === PROP.secretHash) continue;
    if (mode === 'sarif' ? SKIP_KEYS.has(key) || URI_KEYS.has(key) : mode === 'properties' && IDENTITY_PROPERTY.test(key)) continue;
    if (typeof item === 'string') bag[key] = replaceAll(item, values);
    else replaceFound(item, values, key === 'properties' ? 'properties' : mode);
  }
  return value;
}

function replaceAll(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (out.includes(value)) out = out.split(value).join(REDACTED);
  return out;
}

const NOT_RULES = new Set(['rules']);
const NOT_RESULTS_OR_TOOL = new Set(['results', 'tool']);
const NOT_RUNS = new Set(['runs']);

/** What a log's redaction carries from run to run (and, in a streamed convert, from batch to batch). */
export interface RedactionState {
  found: Set<string>;
  known: readonly string[];
  unkeyed: Context['unkeyed'];
}

/** A run's redaction in its parts, for a log read as it streams (pipeline/convert-stream.ts) as for a whole one. */
export interface RunRedaction {
  /** Every rule of the run's tool components; first: a rule about hardcoded secrets often took its text from the first finding's message. */
  rules(): void;
  result(result: Result): void;
  /**
   * The artifacts of secret results' files stripped of their contents, the tool components' own texts and the
   * run's members but results and tool; with `members`, only what those of the run's members hold.
   */
  rest(members?: ReadonlySet<string>): void;
}

export function runRedaction(run: Run, state: RedactionState, options: RedactLogOptions = {}): RunRedaction {
  const category = (run.properties?.[PROP.category] as Category | undefined) ?? options.category ?? categoryOf(run, { message: {} });
  const secretRun = category === 'secrets';
  const context = (secret: boolean): Context => ({ secret, found: state.found, known: state.known, changed: false, unkeyed: state.unkeyed });
  const components = [run.tool.driver, ...(run.tool.extensions ?? [])];
  const secretArtifacts = new Set<number | string>();
  return {
    rules() {
      for (const rule of components.flatMap((component) => component.rules ?? [])) walk(rule, context(secretRun || isSecretRule(rule)), 'sarif');
    },
    result(result) {
      const secret = secretRun || isAboutSecret(run, result);
      const ctx = context(secret);
      walkObject(result as unknown as Record<string, unknown>, ctx, 'sarif');
      if (ctx.changed) result.properties = { ...result.properties, [PROP.redacted]: true };
      if (secret) for (const artifact of artifactsOf(result)) secretArtifacts.add(artifact);
    },
    rest(members) {
      const has = (key: string) => !members || members.has(key);
      // A file a secret was found in is not carried whole.
      if (has('artifacts')) {
        run.artifacts?.forEach((artifact, index) => {
          if (artifact.contents && (secretArtifacts.has(index) || (artifact.location?.uri !== undefined && secretArtifacts.has(artifact.location.uri)))) delete artifact.contents;
        });
      }
      if (has('tool')) for (const component of components) walkObject(component as unknown as Record<string, unknown>, context(secretRun), 'sarif', NOT_RULES);
      const except = members ? new Set([...Object.keys(run).filter((key) => !members.has(key)), ...NOT_RESULTS_OR_TOOL]) : NOT_RESULTS_OR_TOOL;
      walkObject(run as unknown as Record<string, unknown>, context(secretRun), 'sarif', except);
    },
  };
}

function redactRun(run: Run, state: RedactionState, options: RedactLogOptions): void {
  const redaction = runRedaction(run, state, options);
  redaction.rules();
  for (const result of run.results ?? []) redaction.result(result);
  redaction.rest();
}

function artifactsOf(result: Result): (number | string)[] {
  const out: (number | string)[] = [];
  for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
    const artifact = location.physicalLocation?.artifactLocation;
    if (artifact?.index !== undefined) out.push(artifact.index);
    if (artifact?.uri !== undefined) out.push(artifact.uri);
  }
  return out;
}

/** Masks every secret value in a log, in place, and re-keys its step-1 secret hashes (see Redactor.log). */
export async function redactLog(log: Log, keyer: SecretKeyer, found: Set<string> = new Set(), options: RedactLogOptions = {}): Promise<void> {
  const before = new Set(found);
  const state: RedactionState = { found, known: propagated(found), unkeyed: [] };
  for (const run of log.runs ?? []) redactRun(run, state, options);
  walkObject(log as unknown as Record<string, unknown>, { secret: false, found, known: state.known, changed: false, unkeyed: state.unkeyed }, 'sarif', NOT_RUNS);
  // A value found once (a quoted password) is masked wherever else it appears in this log: another tool's
  // snippet of the same line, a rule's text.
  const fresh = propagated(found).filter((value) => !before.has(value));
  if (fresh.length) for (const run of log.runs ?? []) replaceFound(run, fresh, 'sarif');
  await keyUnkeyed(state.unkeyed, keyer);
}

/** Keys the secret hashes met unkeyed (the walk only notes them: keying may need a scrypt each), and forgets them. */
export async function keyUnkeyed(unkeyed: RedactionState['unkeyed'], keyer: SecretKeyer): Promise<void> {
  if (!unkeyed.length) return;
  await keyer.prepare(unkeyed.map(({ bag, key }) => bag[key] as string));
  for (const { bag, key } of unkeyed) bag[key] = keyer.rekey(bag[key] as string);
  unkeyed.length = 0;
}

/** The values masked elsewhere that are long enough to be masked wherever they appear, longest first. */
export function propagated(found: ReadonlySet<string>): string[] {
  return [...found].filter((value) => value.length >= MIN_PROPAGATED_LENGTH && value !== REDACTED).sort((a, b) => b.length - a.length);
}

/** JSON's and XML's spellings of a value, as a native report holds it. */
function spellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const xml = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  return [...new Set([value, json, xml])];
}

function parses(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}

/** A command's redaction: one keyer (each secret costs one scrypt) and the values found so far. */
export function createRedactor(keying: SecretKeying = {}, keyer: SecretKeyer = createSecretKeyer(keying)): Redactor {
  const found = new Set<string>();
  return {
    keyer,
    found,
    log: (log, options) => redactLog(log, keyer, found, options),
    finish(log) {
      const values = propagated(found);
      if (values.length) for (const run of log.runs ?? []) replaceFound(run, values, 'sarif');
    },
    text: (text) => redactText(text, found),
    remember(values) {
      for (const value of values) found.add(value);
    },
    async file(path) {
      const size = await stat(path).then((s) => s.size, () => undefined);
      if (size === undefined || size > MAX_SCRUB_BYTES) return;
      const text = await readFile(path, 'utf8');
      let clean = redactShapes(text);
      // A private key cut short ("-----BEGIN … PRIVATE KEY-----" with no end) is masked to the end of the text:
      // in a JSON report that would cut the document, so there only the values found are replaced.
      if (clean !== text && /\.(?:json|sarif)$/i.test(path) && !parses(clean) && parses(text)) clean = text;
      clean = replaceAll(clean, propagated(found).flatMap(spellings));
      const hashes = [...new Set(clean.match(/hmac-sha256:[0-9a-f]{32}/g) ?? [])];
      if (hashes.length) {
        await keyer.prepare(hashes);
        for (const hash of hashes) clean = clean.split(hash).join(keyer.rekey(hash));
      }
      if (clean !== text) await writeFile(path, clean);
    },
  };
}
