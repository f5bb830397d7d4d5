import { SECRET_CALLS, frameworkOf } from './frameworks.js';
import { argumentStart, commentStart, insideSpan, readLiteral, stringSpans, type Literal } from './literals.js';
import { secretKindOf, type SecretKind } from './names.js';
import { syntaxOf, type Syntax } from './syntax.js';
import { coveredByProviderRule, rejectValue, shannonEntropy } from './values.js';

/** A hardcoded secret: where its value is and what it is assigned to; the value itself stays in memory only. */
export interface SecretHit {
  /** The variable, key or setting it is assigned to, as written: what the message names. */
  name: string;
  /** The call or element it is passed to or is in, when that names it better: `setPassword()`, `<Password>`. */
  label?: string | undefined;
  kind: SecretKind;
  /** How it was known: a framework's session or token secret, a key handed to a crypto call, or a name. */
  source: 'framework' | 'crypto' | 'name';
  framework?: string | undefined;
  /** The fallback of an environment lookup (`process.env.X || '…'`): used whenever the variable is unset. */
  fallback: boolean;
  value: string;
  entropy: number;
  /** 1-based; endColumn is exclusive, as SARIF counts. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Candidate {
  /** What decides the kind: a variable or key name. */
  name: string;
  /** How the message names it when not by the name: `setPassword()`, `<Password>`. */
  label?: string;
  literal: Literal;
  fallback: boolean;
  kind?: SecretKind;
  framework?: string | undefined;
  crypto?: boolean;
  /** In a comment: an example in the docs, not what the code runs with. */
  commented?: boolean;
}

/** Minified or generated lines: nothing a person assigned by hand, and slow to scan. */
const MAX_LINE = 10_000;
/** A line that cannot hold a secret's name or call is skipped before any pattern runs. */
const QUICK = /pass|pwd|pw|secret|token|key|auth|jwt|hmac|cipher|cookie|connect|PDO/i;

// name (bare or quoted, maybe `['NAME']`), then =, :, =>, := ; not ==, :: or a URL's "://".
const ASSIGN = /(?:(["'`])([^"'`\n]{1,80})\1|([$@]{0,2}[A-Za-z_][\w$]*(?:(?:\.|->|::|-)[A-Za-z_$][\w$]*)*))\s*\]?\s*(=>|:=|=(?![=>~])|:(?![:=/]))[ \t]*/g;
const SETTER = /(?:\.|->)set([A-Z]\w*)\s*\(\s*/g;
const PAIR = /\(\s*(["'])([^"'\n]{1,60})\1\s*,\s*/g;
const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<>]+)<\/\1>/g;
// Spring's <property name="password" value="…"/>, .NET's <add key="ApiKey" value="…"/>.
const XML_PAIR = /\b(?:name|key)\s*=\s*"([^"]{1,80})"\s+value\s*=\s*"([^"]*)"/g;
// A TypeScript, Python or Kotlin type between a name's ":" and its "=".
const TYPE_ANNOTATION = /^[A-Za-z_$][\w$.]*(?:<[^=]*>)?(?:\[\])*(?:\s*\|\s*[A-Za-z_$][\w$.]*)*\s*=(?![=>])\s*/;
const ENV_OR = /^(?:process\.env(?:\.[A-Za-z_]\w*|\[[^\]]+\])|os\.environ\[[^\]]+\]|(?:os\.)?getenv\([^()]*\)|System\.getenv\([^()]*\)|ENV\[[^\]]+\]|env\([^(),]*\)|\$_ENV\[[^\]]+\]|\$_SERVER\[[^\]]+\]|config\([^(),]*\))\s*(?:\|\||\?\?|\?:|\bor\b)\s*/;
const ENV_DEFAULT = /^(?:(?:os\.)?getenv|os\.environ\.get|env|ENV\.fetch|config|System\.getProperty|Deno\.env\.get)\s*\(\s*(["'])[^"'\n]*\1\s*,\s*/;
const FALLBACK_CALL = /(?:getenv|environ\.get|\benv|\.fetch|\.get|\bconfig|getProperty|getOrDefault)\s*$/;
// What may follow a literal that is a whole value in code: the end of the expression, or a conversion.
const CODE_END = /^\s*(?:$|[,;)\]}]|\/\/|#|\/\*|\.(?:encode|getBytes|toCharArray|strip|trim|decode|toString|freeze)\s*\(|as\s+const\b)/;

/** The value after an assignment operator: a literal, an environment lookup's literal fallback, or (config files) a bare value. */
function valueAt(lines: readonly string[], index: number, at: number, syntax: Syntax): { literal: Literal; fallback: boolean } | undefined {
  const line = lines[index]!;
  const rest = line.slice(at);
  const or = ENV_OR.exec(rest) ?? ENV_DEFAULT.exec(rest);
  if (or) {
    const literal = readLiteral(lines, index, at + or[0].length);
    return literal && endsExpression(lines, literal, true) ? { literal, fallback: true } : undefined;
  }
  const literal = readLiteral(lines, index, at);
  if (literal) return !syntax.code || endsExpression(lines, literal, false) ? { literal, fallback: false } : undefined;
  if (!syntax.bare) return undefined;
  const bare = bareValue(line, at, syntax);
  return bare ? { literal: { ...bare, line: index, endLine: index }, fallback: false } : undefined;
}

function endsExpression(lines: readonly string[], literal: Literal, call: boolean): boolean {
  const after = lines[literal.endLine]!.slice(literal.next);
  return call ? /^\s*[),]/.test(after) || CODE_END.test(after) : CODE_END.test(after);
}

/** An unquoted value up to a comment (YAML, .env, INI, shell) or the line's end (.properties). */
function bareValue(line: string, at: number, syntax: Syntax): Omit<Literal, 'line' | 'endLine'> | undefined {
  let text = line.slice(at);
  if (syntax.language !== 'properties') text = text.replace(syntax.language === 'ini' ? /(?:^|\s)[#;].*$/ : /(?:^|\s)#.*$/, '');
  if (syntax.language === 'shell') text = text.split(/[\s;]/)[0]!;
  const value = text.trim();
  // Block scalars, anchors, aliases, tags and flow collections are structure, not a value.
  if (!value || /^[|>&*!{[]/.test(value)) return undefined;
  const column = at + text.indexOf(value);
  return { value, column, endColumn: column + value.length, next: column + value.length };
}

function assignCandidates(lines: readonly string[], index: number, syntax: Syntax, spans: readonly [number, number][]): Candidate[] {
  const line = lines[index]!;
  const out: Candidate[] = [];
  for (const match of line.matchAll(ASSIGN)) {
    const quoted = match[1] !== undefined;
    if (quoted ? !spans.some(([start]) => start === match.index) : insideSpan(spans, match.index)) continue;
    let at = match.index + match[0].length;
    if (syntax.code && match[4] === ':') at += TYPE_ANNOTATION.exec(line.slice(at))?.[0].length ?? 0;
    const value = valueAt(lines, index, at, syntax);
    if (value) out.push({ name: quoted ? match[2]! : match[3]!, ...value });
  }
  return out;
}

/** Calls that name the secret: `.setPassword("…")`, `define('DB_PASSWORD', '…')`, `config.set('jwtSecret', '…')`. */
function callCandidates(lines: readonly string[], index: number, spans: readonly [number, number][]): Candidate[] {
  const line = lines[index]!;
  const out: Candidate[] = [];
  for (const match of line.matchAll(SETTER)) {
    const literal = insideSpan(spans, match.index) ? undefined : readLiteral(lines, index, match.index + match[0].length);
    if (literal && endsExpression(lines, literal, true)) out.push({ name: match[1]!, label: `set${match[1]!}()`, literal, fallback: false });
  }
  for (const match of line.matchAll(PAIR)) {
    const literal = insideSpan(spans, match.index) ? undefined : readLiteral(lines, index, match.index + match[0].length);
    if (!literal || !/^\s*\)/.test(lines[literal.endLine]!.slice(literal.next))) continue;
    out.push({ name: match[2]!, literal, fallback: FALLBACK_CALL.test(line.slice(0, match.index)) });
  }
  for (const call of SECRET_CALLS) {
    for (const match of line.matchAll(call.pattern)) {
      if (insideSpan(spans, match.index)) continue;
      const start = argumentStart(line, match.index + match[0].length - 1, call.argument);
      const literal = start === undefined ? undefined : readLiteral(lines, index, start);
      if (!literal || !endsExpression(lines, literal, true)) continue;
      out.push({ name: call.label, label: call.label, literal, fallback: false, kind: call.kind, framework: call.framework, crypto: !call.framework && !call.byName });
    }
  }
  return out;
}

/** `<password>…</password>`, `name="password" value="…"` in XML configuration (other attributes go through the assignments). */
function xmlCandidates(line: string, index: number): Candidate[] {
  const candidate = (name: string, value: string, column: number): Candidate => ({
    name,
    fallback: false,
    literal: { value, line: index, column, endLine: index, endColumn: column + value.length, next: column + value.length },
  });
  return [
    ...[...line.matchAll(XML_ELEMENT)].map((m) => ({ ...candidate(m[1]!.replace(/^.*:/, ''), m[2]!, m.index + m[0].indexOf('>') + 1), label: `<${m[1]!}>` })),
    ...[...line.matchAll(XML_PAIR)].map((m) => candidate(m[1]!, m[2]!, m.index + m[0].length - m[2]!.length - 1)),
  ];
}

/** A value the name itself explains away: the name repeated (`getFirstToken: "getFirstToken"`), or a word under a bare `pass`. */
function explainedByName(name: string, value: string): boolean {
  const bare = (text: string) => text.replace(/^.*(?:\.|->|::)/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  if (bare(name) === bare(value)) return true;
  // `pass` alone is also a test's state or a flag ("passed"); a password there has a digit or a symbol.
  return /^(?:\$|@)?pass$/i.test(name.replace(/^.*(?:\.|->|::)/, '')) && /^[A-Za-z]+$/.test(value);
}

function judge(candidate: Candidate, syntax: Syntax, lines: readonly string[]): SecretHit | undefined {
  const { literal } = candidate;
  const kind = candidate.kind ?? secretKindOf(candidate.name);
  if (!kind) return undefined;
  const framework = candidate.framework ?? frameworkOf(candidate.name, syntax.language, lines, literal.line, literal.column);
  // What the code runs with is certain; the same call in a comment is an example, judged like any name.
  const certain = (framework !== undefined || candidate.crypto === true) && !candidate.commented;
  if (rejectValue(literal.value, kind, certain) || coveredByProviderRule(candidate.name, literal.value)) return undefined;
  if (!certain && explainedByName(candidate.name, literal.value)) return undefined;
  return {
    name: candidate.name,
    label: candidate.label,
    kind,
    source: framework !== undefined ? 'framework' : candidate.crypto ? 'crypto' : 'name',
    framework,
    fallback: candidate.fallback,
    value: literal.value,
    entropy: Math.round(shannonEntropy(literal.value) * 100) / 100,
    startLine: literal.line + 1,
    startColumn: literal.column + 1,
    endLine: literal.endLine + 1,
    endColumn: literal.endColumn + 1,
  };
}

/**
 * Hardcoded secrets in one file's text: string literals assigned to secret-like names (code and config),
 * passed to a framework's session or token signing, or handed to an HMAC or cipher. Files whose syntax is
 * not known (see syntaxOf) have none.
 */
export function findSecrets(text: string, path: string): SecretHit[] {
  const syntax = syntaxOf(path);
  if (!syntax) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.length > MAX_LINE || !QUICK.test(line)) continue;
    const spans = stringSpans(line, syntax.comments);
    const comment = commentStart(line, syntax.comments);
    const candidates = [
      ...(syntax.code ? callCandidates(lines, index, spans) : []),
      ...(syntax.language === 'xml' ? xmlCandidates(line, index) : []),
      ...assignCandidates(lines, index, syntax, spans),
    ];
    for (const candidate of candidates) {
      candidate.commented = candidate.literal.line === index && candidate.literal.column > comment;
      // One value, one finding: a call and an assignment may both see it.
      const key = `${candidate.literal.line}:${candidate.literal.column}`;
      if (seen.has(key)) continue;
      const hit = judge(candidate, syntax, lines);
      if (!hit) continue;
      seen.add(key);
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
}
