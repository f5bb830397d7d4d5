import { categoryOf, ruleOf, scoreOf } from '../finding.js';
import { SRCROOT, type Log, type Region, type Result, type Run } from '../sarif/types.js';
import { decodeUri } from '../sarif/uri.js';
import type { ReadLine } from './line-reader.js';
import { isPlaceholderSecret } from './placeholder.js';
import { byPlainRule } from './rule-meaning.js';

export interface SecretScreening {
  /** Secrets findings removed because the flagged value is a stand-in (`<password>`, `${VAR}`, `changeme`). */
  placeholders: number;
  /** Secrets findings in documentation whose severity was lowered to DOCUMENTATION_SCORE. */
  documentation: number;
}

/** The `security-severity` a secret in documentation is lowered to: medium, so P2 at most with default context. */
export const DOCUMENTATION_SCORE = 5.0;
/** Lines of a multi-line region read at most: a private key block, not a whole file. */
const MAX_REGION_LINES = 200;

const DOC_EXTENSION = /\.(?:md|markdown|mdx|rst|txt|adoc|asciidoc)$/i;
const DOC_FOLDER = /(?:^|\/)(?:docs?|documentation)\//i;
const DOC_NAME = /(?:^|\/)(?:README|CHANGELOG|CHANGES|CONTRIBUTING|INSTALL|HISTORY)(?:\.[^/]*)?$/i;

/** Documentation: prose and examples (*.md, *.rst, *.txt, *.adoc, a docs/ folder, README and its kin). */
export function isDocumentationPath(path: string): boolean {
  return DOC_EXTENSION.test(path) || DOC_FOLDER.test(path) || DOC_NAME.test(path);
}

/** A secrets finding: by the category the pipeline recorded (or guessed from the tool), or by its rule's `secret` tag. */
export function isSecretFinding(run: Run, result: Result): boolean {
  return byPlainRule(run, result, 1, taggedSecret);
}

function taggedSecret(run: Run, result: Result): boolean {
  if (categoryOf(run, result) === 'secrets') return true;
  const tags = [...(ruleOf(run, result)?.properties?.tags ?? []), ...(result.properties?.tags ?? [])];
  return tags.some((tag) => /^secrets?$/i.test(String(tag)));
}

/** The result's file relative to the source root (decoded), when it is one we may read. */
function localPath(run: Run, result: Result): string | undefined {
  const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
  const indexed = artifact?.index !== undefined ? run.artifacts?.[artifact.index]?.location : undefined;
  const uri = artifact?.uri ?? indexed?.uri;
  const base = artifact?.uriBaseId ?? indexed?.uriBaseId;
  if (!uri || (base !== undefined && base !== SRCROOT) || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return undefined;
  return decodeUri(uri);
}

const PAIRS: readonly [string, string][] = [['<', '>'], ['{', '}'], ['(', ')'], ['[', ']']];

/**
 * The flagged span, widened by a bracket the tool's columns left out: tools disagree by one on whether an
 * end column is inclusive, and "<password" is not recognised where "<password>" is.
 */
function balanced(line: string, start: number, end: number): string {
  let [from, to] = [Math.max(0, start), Math.min(line.length, end)];
  for (const [open, close] of PAIRS) {
    const text = line.slice(from, to);
    const opens = text.split(open).length - 1;
    const closes = text.split(close).length - 1;
    if (opens > closes && line[to] === close) to++;
    else if (closes > opens && line[from - 1] === open) from--;
  }
  return line.slice(from, to);
}

/** The text a result flags: its region's exact span when it has columns, else its whole lines; the snippet when the file cannot be read. */
async function flaggedText(run: Run, result: Result, readLine: ReadLine): Promise<{ text: string; exact: boolean } | undefined> {
  const region: Region | undefined = result.locations?.[0]?.physicalLocation?.region;
  const path = localPath(run, result);
  const first = region?.startLine;
  if (path !== undefined && first !== undefined) {
    const last = Math.min(region?.endLine ?? first, first + MAX_REGION_LINES - 1);
    const lines: string[] = [];
    for (let n = first; n <= last; n++) {
      const line = await readLine(path, n);
      if (line === undefined) break;
      lines.push(line);
    }
    if (lines.length === last - first + 1) {
      const exact = region?.startColumn !== undefined && region.endColumn !== undefined;
      if (!exact) return { text: lines.join('\n'), exact: false };
      if (lines.length === 1) return { text: balanced(lines[0]!, region.startColumn! - 1, region.endColumn! - 1), exact: true };
      lines[0] = lines[0]!.slice(region.startColumn! - 1);
      lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, region.endColumn! - 1);
      return { text: lines.join('\n'), exact: true };
    }
  }
  const snippet = region?.snippet?.text;
  return snippet !== undefined ? { text: snippet, exact: true } : undefined;
}

const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/([^\s:@/]*)(?::([^\s@/]*))?@/gi;
// An assignment, maybe after keywords and a type (`export`, `const`, `private String`).
const ASSIGNMENT = /^\s*(?:[\w$.]+\s+){0,3}["'`]?[\w.$-]+["'`]?\s*(?:=>|:=|=|:(?!\/\/))\s*([\s\S]+?)\s*[,;]?\s*$/;
const QUOTED = /(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
const BARE_VALUE = /[\w.$-]+\s*(?:=>|:=|=|:(?!\/\/))\s*([^\s"'`,;]+)/g;

/**
 * The values in a flagged text that could be the secret: a URL's password (or its user, a token), the
 * value of an assignment, the quoted strings of a whole line; the text itself when it is none of these.
 */
export function secretCandidates(text: string, exact: boolean): string[] {
  const credentials = [...text.matchAll(URL_CREDENTIALS)].map((m) => m[2] ?? m[1]!).filter((value) => value !== '');
  if (credentials.length) return credentials;
  if (exact) {
    const assigned = ASSIGNMENT.exec(text)?.[1];
    return [assigned ?? text.trim()];
  }
  const values = [...[...text.matchAll(QUOTED)].map((m) => m[2]!), ...[...text.matchAll(BARE_VALUE)].map((m) => m[1]!)];
  return values.length ? values : [text.trim()];
}

/**
 * Whether a result is a secrets finding whose flagged value is a stand-in (`<password>`, `${VAR}`, `changeme`,
 * `xxxx`, `123456`): read from the source under the root through readLine (the region's columns, else its
 * lines, else the snippet). A finding is kept whenever the value cannot be read or any candidate may be real.
 */
export async function isPlaceholderFinding(run: Run, result: Result, readLine: ReadLine): Promise<boolean> {
  if (result.baselineState === 'absent' || !isSecretFinding(run, result)) return false;
  const flagged = await flaggedText(run, result, readLine);
  const candidates = flagged ? secretCandidates(flagged.text, flagged.exact) : [];
  return candidates.length > 0 && candidates.every(isPlaceholderSecret);
}

/** Removes secrets findings whose flagged value is a stand-in (isPlaceholderFinding). Returns how many were removed. */
export async function dropPlaceholderSecrets(log: Log, readLine: ReadLine): Promise<number> {
  let dropped = 0;
  for (const run of log.runs) {
    if (!run.results?.length) continue;
    const kept: Result[] = [];
    for (const result of run.results) {
      if (await isPlaceholderFinding(run, result, readLine)) dropped++;
      else kept.push(result);
    }
    run.results = kept;
  }
  return dropped;
}

/**
 * Lowers a secrets finding in documentation to DOCUMENTATION_SCORE (a result-level `security-severity`, which
 * the prioritization reads before the rule's) and tags it `documentation`: what is left there once placeholders
 * are gone is mostly examples. Returns whether it was lowered.
 */
export function demoteDocumentationSecret(run: Run, result: Result): boolean {
  if (result.baselineState === 'absent' || !isSecretFinding(run, result)) return false;
  const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  if (!uri || !isDocumentationPath(decodeUri(uri))) return false;
  if (scoreOf(result, ruleOf(run, result)) <= DOCUMENTATION_SCORE) return false;
  const tags = [...new Set([...((result.properties?.tags as string[] | undefined) ?? []), 'documentation'])];
  result.properties = { ...result.properties, 'security-severity': DOCUMENTATION_SCORE.toFixed(1), tags };
  if ((result.level ?? ruleOf(run, result)?.defaultConfiguration?.level) === 'error') result.level = 'warning';
  return true;
}

/** Lowers every secrets finding in documentation (demoteDocumentationSecret). Returns how many were lowered. */
export function demoteDocumentationSecrets(log: Log): number {
  let lowered = 0;
  for (const run of log.runs) for (const result of run.results ?? []) if (demoteDocumentationSecret(run, result)) lowered++;
  return lowered;
}

/**
 * The secrets pass, after normalize and before identify: placeholders dropped (so they take no fingerprint,
 * baseline entry or ticket), then documentation lowered. readLine reads the source root's files (see
 * createLineReader).
 */
export async function screenSecretFindings(log: Log, readLine: ReadLine): Promise<SecretScreening> {
  const placeholders = await dropPlaceholderSecrets(log, readLine);
  const documentation = demoteDocumentationSecrets(log);
  return { placeholders, documentation };
}
