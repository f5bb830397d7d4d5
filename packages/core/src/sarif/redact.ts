import type { Result } from './types.js';

// Text-level redaction: no imports beyond types, so error lines (errors.ts) and command lines can use it.
// The whole-log pass (every text field, secret rules, re-keyed identities) is redact-log.ts.

// High-confidence shapes of credentials; a scanner's message or snippet must never carry one onward.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z2-7]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk_(?:live|test)_[A-Za-z0-9]{20,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  /(?<=:\/\/[^\s:/@]{1,64}:)[^\s@/]{3,}(?=@)/g,
];

export const REDACTED = '[redacted]';

// What every pattern above needs somewhere in the text: one scan rules most texts out, where the eleven
// patterns cost a twentieth of a large convert.
const CANDIDATE = /A[KSGIRNP][A-Z]A|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|npm_|sk_(?:live|test)_|AIza|PRIVATE KEY|eyJ/;

/** Runs of base64 / base64url characters long enough to be a generated credential. */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{20,}/g;

/** The same as TOKEN_RUN.test, in one pass: the regular expression restarts at every character of a long prose text. */
function hasTokenRun(text: string): boolean {
  return (textMarks(text) & TOKEN_RUN_MARK) !== 0;
}

/** Every match of CANDIDATE holds an A, _, - or J ("PRIVATE KEY" an A, "eyJ" a J): a text with none needs no pattern. */
const SHAPE_MARK = 1;
/** A run of MIN_TOKEN_LENGTH token characters (TOKEN_RUN). */
const TOKEN_RUN_MARK = 2;

/**
 * What a text may hold, in one pass over its characters: SHAPE_MARK when it has a character every credential
 * shape needs, TOKEN_RUN_MARK when it has a run long enough to be a generated token. Most texts have neither,
 * and testing CANDIDATE on each of a million messages, snippets and file names cost more than this pass.
 */
function textMarks(text: string): number {
  let marks = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 0-9 A-Z a-z + / = _ -
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45) {
      if (c === 65 || c === 95 || c === 45 || c === 74) marks |= SHAPE_MARK;
      if (++run >= MIN_TOKEN_LENGTH) marks |= TOKEN_RUN_MARK;
      if (marks === (SHAPE_MARK | TOKEN_RUN_MARK)) return marks;
    } else run = 0;
  }
  return marks;
}
/** Right before a run, these say it is a digest, not a credential: `sha256:…`, npm's `sha512-…`, Go's `h1:…`, a data URI. */
const DIGEST_PREFIX = /(?:sha(?:1|224|256|384|512)|md5|blake2[bs]?|h1)[:-]$|base64,$/i;
/** The same written into the run itself (`-` is a token character): npm's `sha512-…` integrity. */
const DIGEST_START = /^(?:sha(?:1|224|256|384|512)|md5|blake2[bs]?)-/i;
/** Hex alone (commit ids, image digests, checksums, our fingerprints), maybe in dashed groups (UUIDs). */
const HEX = /^[0-9a-f]+(?:[-_][0-9a-f]+)*$/i;
/** Below this many bits per character a run is not random enough to be generated (random base62 of 20 has about 4.0). */
export const MIN_TOKEN_ENTROPY = 3.5;
const MIN_TOKEN_LENGTH = 20;

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Made of words: camelCase, snake_case, kebab-case or CONSTANT_CASE pieces and numbers
 * (`XFrameOptionsMiddleware`, `aws_s3_bucket_policy`, `node_modules_lodash_4_17_21`), as identifiers and names
 * are; a generated token breaks into pieces of one or two letters (`aB3xQ9` is a, B, 3, x, Q, 9).
 */
function isWordy(value: string): boolean {
  const letters = value.split(/[-_+/=\d]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
  if (!letters.length) return true;
  const singles = letters.filter((piece) => piece.length === 1).length;
  const length = letters.reduce((n, piece) => n + piece.length, 0);
  // Words have vowels (a third of their letters), random letters a fifth; acronyms (GCC, SNYK) need none.
  const spoken = letters.filter((piece) => /[a-z]/.test(piece)).join('');
  const vowels = spoken.replace(/[^aeiouAEIOU]/g, '').length;
  return singles * 2 <= letters.length && length / letters.length >= 3 && (!spoken || vowels / spoken.length >= 0.25);
}

/**
 * Whether a run of token characters looks generated: 20 or more characters, at least two of lower case,
 * upper case and digits, not made of hex and words alone (`sha256` digests, commit ids, UUIDs,
 * `Gemnasium-7368f513-0aa9-…`, `ssc-parity-0ddf8901…`), not made of words (isWordy), and at least
 * MIN_TOKEN_ENTROPY bits per character.
 */
export function looksGenerated(run: string): boolean {
  const value = run.replace(/=+$/, '');
  if (value.length < MIN_TOKEN_LENGTH) return false;
  if (value.split(/[-_=]+/).every((piece) => HEX.test(piece) || /^[A-Za-z]*$/.test(piece))) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value));
  if (classes < 2 || isWordy(value)) return false;
  return entropy(value) >= MIN_TOKEN_ENTROPY;
}

/** A run with a "/" whose pieces include a word (`src`, `WebGoat`) is a path: its pieces are judged, not the whole. */
function isPathLike(run: string): boolean {
  return run.includes('/') && run.split('/').some((piece) => /^(?:[A-Z]?[a-z]{2,})+$/.test(piece));
}

const URL_SPAN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/** A query parameter that carries a credential: its value is masked whatever it looks like. */
const CREDENTIAL_PARAMETER = /^([\w.-]*(?:token|key|secret|passw|pwd|sig|signature|auth|session|sid|credential)[\w.-]*=)(.+)$/i;

/**
 * Masks generated-looking tokens (see looksGenerated) anywhere in a text. Digests, paths and URLs are left:
 * in a URL only a credential query parameter's value is masked (its password is one of SECRET_PATTERNS), so
 * routes, ids in them and links stay as they are.
 */
function maskGenerated(text: string, found?: Set<string>): string {
  if (text.length < MIN_TOKEN_LENGTH || !hasTokenRun(text)) return text;
  const urls: [number, number][] = [];
  if (text.includes('://')) for (const match of text.matchAll(URL_SPAN)) urls.push([match.index, match.index + match[0].length]);
  return text.replace(TOKEN_RUN, (run: string, offset: number) => {
    if (urls.some(([start, end]) => offset >= start && offset < end)) {
      const parameter = text[offset - 1] === '?' || text[offset - 1] === '&' ? CREDENTIAL_PARAMETER.exec(run) : null;
      if (!parameter) return run;
      found?.add(parameter[2]!);
      return `${parameter[1]}${REDACTED}`;
    }
    if (DIGEST_START.test(run) || DIGEST_PREFIX.test(text.slice(Math.max(0, offset - 8), offset))) return run;
    if (isPathLike(run)) {
      return run
        .split('/')
        .map((piece) => (looksGenerated(piece) ? (found?.add(piece), REDACTED) : piece))
        .join('/');
    }
    if (!looksGenerated(run)) return run;
    found?.add(run);
    return REDACTED;
  });
}

/** Known credential shapes (SECRET_PATTERNS) masked; found collects what was masked. */
export function redactShapes(text: string, found?: Set<string>, marks = textMarks(text)): string {
  if (((marks & SHAPE_MARK) === 0 || !CANDIDATE.test(text)) && !(text.includes('://') && text.includes('@'))) return text;
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (secret: string) => {
      found?.add(secret);
      return REDACTED;
    });
  }
  return out;
}

/**
 * Every credential a text may carry masked: the known shapes (SECRET_PATTERNS) and generated-looking tokens
 * (long, mixed, high-entropy runs that are neither hex digests, UUIDs, `sha512-`/`h1:` hashes nor words).
 * `found`, when given, collects the values masked (to mask them elsewhere too).
 */
export function redactText(text: string, found?: Set<string>): string {
  const marks = textMarks(text);
  const shaped = redactShapes(text, found, marks);
  // Unchanged and without a long run: nothing for maskGenerated (the pass above already looked).
  if (shaped === text && (marks & TOKEN_RUN_MARK) === 0) return text;
  return maskGenerated(shaped, found);
}

// Quoted values: not after a letter or digit (so "don't … it's" is prose), straight, back and curly quotes.
const QUOTED = /(?<![\p{L}\p{N}])(["'`])((?:(?!\1)[^\n]){1,500}?)\1(?![\p{L}\p{N}])|“([^”\n]{1,500})”|‘([^’\n]{1,500})’/gu;
/** What a message about a hardcoded secret quotes that is not the value: the kind of secret itself. */
const CREDENTIAL_WORD = /^(?:(?:password|passwd|pwd|pass|secret|token|key|api[-_ ]?key|credential|auth|private[-_ ]?key)s?|\[redacted\]|\{\d+\})$/i;
/** A file or path at the end of a message ("… secret in file: src/config.js") is where, not what. */
const PATH_LIKE = /[\\/]|\.[a-z]{1,5}$/i;
/** "… password …: VALUE" at the end of a message, unquoted. */
const TRAILING_VALUE = /((?:password|passwd|pwd|secret|token|key|credential)s?\b[^:\n]{0,40}:\s*)([^\s'"`]{4,})\s*$/i;

/**
 * For a message of a rule about hardcoded secrets (Bandit's "Possible hardcoded password: 'Hunter2'",
 * ESLint no-secrets' `Found a string with entropy 4.5 : "…"`): every quoted value masked, and an unquoted
 * value after "password:" at the end, but not a quoted word that names the kind of secret ('password').
 */
export function maskQuotedValues(text: string, found?: Set<string>): string {
  let quoted = false;
  const out = text.replace(QUOTED, (whole: string, quote: string | undefined, straight: string | undefined, double: string | undefined, single: string | undefined) => {
    const value = straight ?? double ?? single ?? '';
    if (CREDENTIAL_WORD.test(value.trim())) return whole;
    quoted = true;
    found?.add(value);
    return quote ? `${quote}${REDACTED}${quote}` : double !== undefined ? `“${REDACTED}”` : `‘${REDACTED}’`;
  });
  if (quoted) return out;
  return out.replace(TRAILING_VALUE, (_whole: string, lead: string, value: string) => {
    if (value === REDACTED || CREDENTIAL_WORD.test(value) || PATH_LIKE.test(value)) return `${lead}${value}`;
    found?.add(value);
    return `${lead}${REDACTED}`;
  });
}

// A mask as long as the secret (secretlint's --maskSecrets writes one "*" per character) tells the reader
// nothing a short one does not, and a hundred of them bury the message.
const LONG_MASK = /[*•●]{5,}/g;

/** Long masks made short: `****` (and `****…` when the secret's visible end follows: `ghp_****…a1b2`). */
export function shortenMasks(text: string): string {
  return text.replace(LONG_MASK, (mask: string, offset: number) => (/[A-Za-z0-9]/.test(text[offset + mask.length] ?? '') ? '****…' : '****'));
}

/**
 * Removes secret values from one result (the messages and snippets the caller gives; redact-log.ts does every
 * field of a log): for a secrets finding every snippet goes (the line is the secret) and the tool's long masks
 * are shortened; in every result, messages are scrubbed of credential-shaped strings.
 */
export function redactResult(result: Result, isSecretFinding: boolean): boolean {
  let changed = false;
  const scrub = (text: string | undefined): string | undefined => {
    if (text === undefined) return text;
    const clean = redactText(text);
    if (clean !== text) changed = true;
    // Shortening a tool's own mask reveals nothing more: it is not a redaction of ours.
    return isSecretFinding ? shortenMasks(clean) : clean;
  };
  result.message.text = scrub(result.message.text);
  result.message.markdown = scrub(result.message.markdown);
  if (result.message.arguments) result.message.arguments = result.message.arguments.map((arg) => scrub(arg) ?? arg);
  for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
    const physical = location.physicalLocation;
    if (!physical) continue;
    for (const region of [physical.region, physical.contextRegion]) {
      if (!region?.snippet) continue;
      if (isSecretFinding) {
        delete region.snippet;
        changed = true;
      } else if (region.snippet.text !== undefined) {
        region.snippet.text = scrub(region.snippet.text);
      }
    }
    if (location.message) location.message.text = scrub(location.message.text);
  }
  return changed;
}
