import type { Expr } from '../../ir/types.js';
import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import type { LowerContext } from './context.js';
import { lowerExpr } from './expressions.js';

// Conditions that validate a value, lowered as the engine's checks (`is-type`, CHECKS in rules/schema.ts), so that
// `if x not in ALLOWED: abort(400)` or `if not re.fullmatch(r'[\w-]+', x): return` cleans `x` after the `if`.
// Only forms whose meaning is certain are read; anything else stays an opaque test.

type Check = Extract<Expr, { kind: 'is-type' }>;

/** Calls that make a path free of `..` (the base check after them means containment); pathlib's absolute() keeps `..`, so it is not one. */
const NORMALIZERS = /(?:^|\.)(?:realpath|abspath|normpath|resolve)$/;
/** urlparse(x): the parts of x as a URL; a check of its host checks x. */
const URL_PARSERS = /(?:^|\.)(?:urlparse|urlsplit|urllib3\.util\.parse_url|parse_url)$/;
/** str methods that hold only for strings of letters and digits (isdigit: digits only). */
const CLASS_METHODS: Record<string, string> = { isdigit: 'number', isdecimal: 'number', isnumeric: 'number', isalnum: 'pattern', isalpha: 'pattern', isidentifier: 'pattern' };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0' };

/** A string literal's value: escapes decoded unless it is raw (r'…'), so that '\\'' is one quote. */
export function stringValue(ctx: LowerContext, node: SyntaxNode): string {
  const raw = /^[a-zA-Z]*[rR]/.test(ctx.text(node));
  const text = node.children.filter((c) => c.type === 'string_content' || c.type === 'escape_sequence').map((c) => ctx.text(c)).join('');
  return raw ? text : text.replace(/\\([\s\S])/g, (_, c: string) => ESCAPES[c] ?? c);
}

function check(ctx: LowerContext, node: SyntaxNode, subject: Expr, type: string, negated = false, value?: string): Check {
  return { kind: 'is-type', span: ctx.span(node), subject, type, negated, ...(value !== undefined ? { value } : {}) };
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && namedChildren(n).length === 1) n = namedChildren(n)[0]!;
  return n;
}

export function isPlainString(node: SyntaxNode): boolean {
  return node.type === 'string' && !node.children.some((c) => c.type === 'interpolation');
}

/** The call's dotted callee text, when it is one (`os.path.realpath`). */
function calleeText(ctx: LowerContext, node: SyntaxNode): string | undefined {
  if (node.type !== 'call') return undefined;
  const fn = fieldOf(node, 'function');
  return fn && (fn.type === 'identifier' || fn.type === 'attribute') ? ctx.text(fn).replace(/\s+/g, '') : undefined;
}

function firstArg(node: SyntaxNode): SyntaxNode | undefined {
  const args = fieldOf(node, 'arguments');
  return args ? namedChildren(args).find((a) => a.type !== 'keyword_argument') : undefined;
}

/** str(x) is x for a check. */
function unwrapStr(ctx: LowerContext, node: SyntaxNode): SyntaxNode {
  const n = unwrap(node);
  return calleeText(ctx, n) === 'str' ? unwrap(firstArg(n) ?? n) : n;
}

/** The expression a name was last assigned in this function (`p = (base / name).resolve()`). */
function definition(ctx: LowerContext, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'identifier') return undefined;
  const name = ctx.text(node);
  return ctx.scope?.defs.get(name) ?? (ctx.isLocal(name) ? undefined : ctx.moduleDefs.get(name));
}

/** Django's url_has_allowed_host_and_scheme(url, allowed_hosts) (is_safe_url before 3.0): the URL's host is allowed. */
const HOST_CHECKS = /(?:^|\.)(?:url_has_allowed_host_and_scheme|is_safe_url)$/;

/** A collection written as constants (['a', 'b'], ('a',), {'a'}, {'a': 1}) or a module-level constant by name (ALLOWED). */
function constantCollection(ctx: LowerContext, node: SyntaxNode): boolean {
  const n = unwrap(node);
  if (n.type === 'list' || n.type === 'tuple' || n.type === 'set') return namedChildren(n).every((c) => isPlainString(c) || c.type === 'integer' || c.type === 'float');
  if (n.type === 'dictionary') return namedChildren(n).every((p) => p.type === 'pair' && isPlainString(fieldOf(p, 'key') ?? p));
  const text = ctx.text(n);
  return (n.type === 'identifier' || n.type === 'attribute') && /(?:^|\.)[A-Z][A-Z0-9_]*$/.test(text) && !ctx.isLocal(text.split('.')[0]!);
}

/** `u.netloc`, `u.hostname` where `u = urlparse(x)`: the URL x whose host it is. */
function hostOf(ctx: LowerContext, node: SyntaxNode): SyntaxNode | undefined {
  const n = unwrap(node);
  if (n.type !== 'attribute') return undefined;
  const attribute = fieldOf(n, 'attribute');
  const object = fieldOf(n, 'object');
  if (!attribute || !object || !/^(?:netloc|hostname|host)$/.test(ctx.text(attribute))) return undefined;
  const parsed = unwrap(object).type === 'call' ? unwrap(object) : definition(ctx, unwrap(object));
  if (!parsed || !URL_PARSERS.test(calleeText(ctx, parsed) ?? '')) return undefined;
  return firstArg(parsed);
}

/** `x in ALLOWED`, `'..' in x`, `x == 'a'` and their negations, as checks; undefined for other comparisons. */
export function comparisonCheck(ctx: LowerContext, node: SyntaxNode): Check | undefined {
  const operands = namedChildren(node).filter((c) => c.field !== 'operators');
  const operators = node.children.filter((c) => c.field === 'operators').map((c) => ctx.text(c).replace(/\s+/g, ' '));
  if (operands.length !== 2 || operators.length !== 1) return undefined;
  const [left, right] = [unwrap(operands[0]!), unwrap(operands[1]!)];
  const op = operators[0]!;
  if (op === 'in' || op === 'not in') {
    const negated = op === 'not in';
    if (isPlainString(left)) {
      // '../' in x: holds when x may climb; "'" in x: when x may leave a quoted literal.
      const needle = stringValue(ctx, left);
      if (needle.includes('..')) return check(ctx, node, lowerExpr(ctx, right), 'no-dot-dot', !negated);
      if (needle === "'" || needle === '"') return check(ctx, node, lowerExpr(ctx, right), 'no-quote', !negated);
      return undefined;
    }
    if (!constantCollection(ctx, right)) return undefined;
    const url = hostOf(ctx, left);
    return url ? check(ctx, node, lowerExpr(ctx, url), 'allowed-host', negated) : check(ctx, node, lowerExpr(ctx, left), 'allow-list', negated);
  }
  if (op === '==' || op === '!=') {
    const [subject, constant] = isPlainString(right) || right.type === 'integer' ? [left, right] : [right, left];
    if (!(isPlainString(constant) || constant.type === 'integer') || isPlainString(subject) || subject.type === 'integer') return undefined;
    const url = hostOf(ctx, subject);
    return url ? check(ctx, node, lowerExpr(ctx, url), 'allowed-host', op === '!=') : check(ctx, node, lowerExpr(ctx, subject), 'allow-list', op === '!=');
  }
  return undefined;
}

/** A regex that only lets through letters, digits, `_` and `-`, anchored at both ends (match anchors the start, fullmatch both). */
function restrictivePattern(source: string, kind: string): boolean {
  const start = /^(?:\^|\\A)/.test(source);
  const end = /(?:\$|\\Z|\\z)$/.test(source);
  if ((kind === 'search' && !start) || (kind !== 'fullmatch' && !end)) return false;
  const body = source.replace(/^(?:\^|\\A)/, '').replace(/(?:\$|\\Z|\\z)$/, '');
  // Units: a class of safe characters ([a-zA-Z0-9_-], \w, \d) or a safe literal character, each maybe quantified.
  const unit = String.raw`(?:\[(?:[a-zA-Z0-9_]|[a-zA-Z0-9]-[a-zA-Z0-9]|\\w|\\d|\\-|-(?=\]))+\]|\\w|\\d|[a-zA-Z0-9_-])(?:[*+?]|\{\d+(?:,\d*)?\})?`;
  return body.length > 0 && new RegExp(`^(?:${unit})+$`).test(body);
}

/** `x.startswith(c)`, `re.fullmatch(p, x)`, `x.isdigit()`, `str(p).startswith(base)` on a resolved path, as checks. */
export function callCheck(ctx: LowerContext, node: SyntaxNode): Check | undefined {
  const fn = fieldOf(node, 'function');
  const argsNode = fieldOf(node, 'arguments');
  const args = argsNode ? namedChildren(argsNode) : [];
  if (!fn) return undefined;
  const callee = calleeText(ctx, node) ?? '';
  // re.fullmatch(p, x), or fullmatch(p, x) after `from re import fullmatch`.
  const imported = ctx.imports.find((i) => i.local === callee && i.module === 're');
  const regex = /^re\.(match|fullmatch|search)$/.exec(imported ? `re.${imported.imported}` : callee);
  if (regex && args.length >= 2 && isPlainString(unwrap(args[0]!))) {
    return restrictivePattern(stringValue(ctx, unwrap(args[0]!)), regex[1]!) ? check(ctx, node, lowerExpr(ctx, args[1]!), 'pattern') : undefined;
  }
  if (HOST_CHECKS.test(callee) && args[0] && args[0].type !== 'keyword_argument') return check(ctx, node, lowerExpr(ctx, args[0]), 'allowed-host');
  if (fn.type !== 'attribute') return undefined;
  const object = fieldOf(fn, 'object');
  const method = fieldOf(fn, 'attribute');
  if (!object || !method) return undefined;
  const name = ctx.text(method);
  // PATTERN.fullmatch(x) where PATTERN = re.compile(r'…') (here or at module level).
  const compiled = definition(ctx, object);
  const source = compiled && calleeText(ctx, compiled) === 're.compile' ? firstArg(compiled) : undefined;
  if (source && /^(?:match|fullmatch|search)$/.test(name) && args.length === 1 && isPlainString(unwrap(source))) {
    return restrictivePattern(stringValue(ctx, unwrap(source)), name) ? check(ctx, node, lowerExpr(ctx, args[0]!), 'pattern') : undefined;
  }
  if (CLASS_METHODS[name] && args.length === 0) return check(ctx, node, lowerExpr(ctx, object), CLASS_METHODS[name]);
  if ((name === 'startswith' || name === 'is_relative_to') && args.length === 1) {
    const subject = unwrapStr(ctx, object);
    const arg = unwrap(args[0]!);
    if (name === 'startswith' && isPlainString(arg)) return check(ctx, node, lowerExpr(ctx, subject), 'prefix', false, stringValue(ctx, arg));
    // A resolved path under a base: `str(p).startswith(str(base))` where `p = (base / name).resolve()`, or realpath(x).startswith(base).
    const resolved = NORMALIZERS.test(calleeText(ctx, subject) ?? '') ? subject : definition(ctx, subject);
    if (resolved && NORMALIZERS.test(calleeText(ctx, resolved) ?? '')) {
      const target = resolved === subject ? (firstArg(subject) ?? fieldOf(fieldOf(subject, 'function') ?? subject, 'object')) : subject;
      if (target) return check(ctx, node, lowerExpr(ctx, unwrap(target)), 'contained-path');
    }
  }
  return undefined;
}

/** The parts of a chain of one boolean operator: a or b or c. */
function chain(ctx: LowerContext, node: SyntaxNode, op: string): SyntaxNode[] {
  const n = unwrap(node);
  const operator = fieldOf(n, 'operator');
  if (n.type !== 'boolean_operator' || !operator || ctx.text(operator) !== op) return [n];
  return [fieldOf(n, 'left'), fieldOf(n, 'right')].flatMap((side) => (side ? chain(ctx, side, op) : []));
}

/** What a part of a quoted-literal check says: x starts / ends with q, or q is (not) between its ends. */
function quotePart(ctx: LowerContext, node: SyntaxNode): { subject: string; quote: string; what: 'start' | 'end' | 'inside'; holds: boolean } | undefined {
  let n = unwrap(node);
  let holds = true;
  if (n.type === 'not_operator') {
    holds = false;
    n = unwrap(fieldOf(n, 'argument') ?? n);
  }
  if (n.type === 'call') {
    const fn = fieldOf(n, 'function');
    const arg = firstArg(n);
    const method = fn?.type === 'attribute' ? fieldOf(fn, 'attribute') : undefined;
    const object = fn?.type === 'attribute' ? fieldOf(fn, 'object') : undefined;
    if (!method || !object || !arg || !isPlainString(unwrap(arg))) return undefined;
    const what = ctx.text(method) === 'startswith' ? 'start' : ctx.text(method) === 'endswith' ? 'end' : undefined;
    return what ? { subject: ctx.text(object), quote: stringValue(ctx, unwrap(arg)), what, holds } : undefined;
  }
  if (n.type === 'comparison_operator') {
    const operands = namedChildren(n).filter((c) => c.field !== 'operators');
    const op = n.children.filter((c) => c.field === 'operators').map((c) => ctx.text(c).replace(/\s+/g, ' '));
    const [needle, slice] = operands.map(unwrap);
    if (operands.length !== 2 || op.length !== 1 || !needle || !slice || !isPlainString(needle) || slice.type !== 'subscript') return undefined;
    const index = fieldOf(slice, 'subscript');
    const value = fieldOf(slice, 'value');
    if (!index || !value || ctx.text(index).replace(/\s+/g, '') !== '1:-1') return undefined;
    return { subject: ctx.text(value), quote: stringValue(ctx, needle), what: 'inside', holds: (op[0] === 'in') !== !holds };
  }
  return undefined;
}

/**
 * `not x.startswith("'") or not x.endswith("'") or "'" in x[1:-1]` (or its `and` form): x is one quoted string
 * literal, so eval(x) only makes a string. The three parts read as one check; undefined when they are not all there.
 */
export function quotedLiteralCheck(ctx: LowerContext, node: SyntaxNode, op: string): Check | undefined {
  const parts = chain(ctx, node, op).map((p) => quotePart(ctx, p));
  if (parts.length !== 3 || parts.some((p) => !p)) return undefined;
  const [first] = parts as NonNullable<(typeof parts)[number]>[];
  // Under `or` the test says "not a literal": starts/ends fail, inside holds; under `and` the opposite.
  const want = { start: op === 'and', end: op === 'and', inside: op !== 'and' };
  const same = parts.every((p) => p!.subject === first!.subject && p!.quote === first!.quote && (p!.quote === "'" || p!.quote === '"') && p!.holds === want[p!.what]);
  if (!same || new Set(parts.map((p) => p!.what)).size !== 3) return undefined;
  const subjectNode = findSubject(node, ctx, first!.subject);
  return subjectNode ? check(ctx, node, lowerExpr(ctx, subjectNode), 'quoted-literal', op !== 'and') : undefined;
}

function findSubject(node: SyntaxNode, ctx: LowerContext, text: string): SyntaxNode | undefined {
  if ((node.type === 'identifier' || node.type === 'attribute') && ctx.text(node) === text) return node;
  for (const child of node.children) {
    const found = findSubject(child, ctx, text);
    if (found) return found;
  }
  return undefined;
}
