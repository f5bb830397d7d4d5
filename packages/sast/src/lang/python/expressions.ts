import type { Expr, FunctionIR, ObjectEntry, Stmt } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { callCheck, comparisonCheck, quotedLiteralCheck } from './checks.js';
import { LowerContext, stringValue } from './context.js';
import { libraryCall, libraryArgs, noteEntityFeature } from './library.js';
import { listItem, releaseList } from './lists.js';
import { lowerLambda, lowerPattern } from './functions.js';

type Lower = (ctx: LowerContext, node: SyntaxNode) => Expr;

const TRANSPARENT = new Set(['parenthesized_expression', 'await', 'list_splat', 'dictionary_splat', 'expression_statement']);
const SEQUENCES = new Set(['list', 'tuple', 'set', 'expression_list', 'pattern_list']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);
/** isinstance(x, str): the engine's type names. */
const TYPES: Record<string, string> = { str: 'string', int: 'number', float: 'number', bool: 'boolean', dict: 'object', list: 'object' };

function literal(ctx: LowerContext, node: SyntaxNode, value: string | number | boolean | null): Expr {
  return { kind: 'literal', span: ctx.span(node), value };
}

/** A string; f-strings are concatenations of their text and their interpolated expressions. */
function string(ctx: LowerContext, node: SyntaxNode): Expr {
  const interpolations = node.children.filter((c) => c.type === 'interpolation');
  if (!interpolations.length) return literal(ctx, node, stringValue(ctx, node));
  const parts: Expr[] = [];
  for (const child of node.children) {
    if (child.type === 'string_content' || child.type === 'escape_sequence') parts.push(literal(ctx, child, ctx.text(child)));
    else if (child.type === 'interpolation') {
      const inner = fieldOf(child, 'expression') ?? firstNamed(child);
      if (inner) parts.push(lowerExpr(ctx, inner));
    }
  }
  return { kind: 'concat', span: ctx.span(node), parts };
}

function concatenated(ctx: LowerContext, node: SyntaxNode): Expr {
  const parts = namedChildren(node).map((c) => string(ctx, c));
  if (parts.every((p) => p.kind === 'literal')) return literal(ctx, node, parts.map((p) => (p.kind === 'literal' ? String(p.value) : '')).join(''));
  return { kind: 'concat', span: ctx.span(node), parts: parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p])) };
}

/** The dotted text of an attribute chain of plain names: `a.b.c`, else undefined. */
export function dotted(ctx: LowerContext, node: SyntaxNode): string | undefined {
  if (node.type === 'identifier') return ctx.text(node);
  if (node.type !== 'attribute') return undefined;
  const object = fieldOf(node, 'object');
  const attribute = fieldOf(node, 'attribute');
  const base = object ? dotted(ctx, object) : undefined;
  return base !== undefined && attribute ? `${base}.${ctx.text(attribute)}` : undefined;
}

/** A chain that names a module (`helpers.utils` after `import helpers.utils`, `utils` after `from p import utils`). */
function moduleOf(ctx: LowerContext, node: SyntaxNode): Expr | undefined {
  const text = dotted(ctx, node);
  if (text === undefined) return undefined;
  const base = text.split('.')[0]!;
  if (ctx.isLocal(base)) return undefined;
  const module = ctx.modules.get(text);
  return module !== undefined ? { kind: 'module', span: ctx.span(node), module } : undefined;
}

/** Flask's request, however the code reaches it (a parameter or field typed `flask.Request` is that object). */
function flaskRequest(ctx: LowerContext, node: SyntaxNode): Expr {
  const span = ctx.span(node);
  return { kind: 'member', span, object: { kind: 'module', span, module: 'flask' }, property: 'request' };
}

function identifier(ctx: LowerContext, node: SyntaxNode): Expr {
  const name = ctx.text(node);
  if (ctx.scope?.self === name) return { kind: 'name', span: ctx.span(node), name: 'this' };
  if (ctx.scope?.requestNames.has(name)) return flaskRequest(ctx, node);
  if (name !== ctx.listUse) releaseList(ctx, name);
  return { kind: 'name', span: ctx.span(node), name };
}

function attribute(ctx: LowerContext, node: SyntaxNode): Expr {
  // In a handler of a fixed route, Flask's request.path is that route: no data from the client.
  const staticPath = ctx.scope?.staticPath;
  if (staticPath !== undefined && !ctx.isLocal('request') && dotted(ctx, node) === 'request.path') return literal(ctx, node, staticPath);
  const module = moduleOf(ctx, node);
  if (module && module.kind === 'module' && module.module.includes('.')) return module;
  const object = fieldOf(node, 'object');
  const property = fieldOf(node, 'attribute');
  if (object && property && ctx.scope?.self === ctx.text(object) && ctx.requestFields.has(ctx.text(property))) return flaskRequest(ctx, node);
  return { kind: 'member', span: ctx.span(node), object: object ? lowerExpr(ctx, object) : ctx.opaque(node), property: property ? ctx.text(property) : undefined };
}

function subscript(ctx: LowerContext, node: SyntaxNode): Expr {
  const value = fieldOf(node, 'value');
  const index = fieldOf(node, 'subscript');
  const item = listItem(ctx, node);
  if (item !== undefined) return literal(ctx, node, item);
  const base = value ? withListUse(ctx, value, () => lowerExpr(ctx, value)) : ctx.opaque(node);
  if (index?.type === 'string' && !index.children.some((c) => c.type === 'interpolation')) return { kind: 'member', span: ctx.span(node), object: base, property: stringValue(ctx, index) };
  if (index?.type === 'integer') return { kind: 'member', span: ctx.span(node), object: base, property: ctx.text(index) };
  return { kind: 'member', span: ctx.span(node), object: base, property: undefined, index: index ? lowerExpr(ctx, index) : undefined };
}

/** Lowers a read of a followed list (lst[i], lst.append(x)) without ending the following. */
export function withListUse<T>(ctx: LowerContext, list: SyntaxNode, lower: () => T): T {
  const saved = ctx.listUse;
  ctx.listUse = list.type === 'identifier' ? ctx.text(list) : saved;
  try {
    return lower();
  } finally {
    ctx.listUse = saved;
  }
}

/** Positional arguments, then the keyword arguments as one object (`shell=True` is `{ shell: true }`). */
export function argumentsOf(ctx: LowerContext, node: SyntaxNode | undefined): Expr[] {
  if (!node) return [];
  if (node.type === 'generator_expression') return [lowerExpr(ctx, node)];
  const positional: Expr[] = [];
  const keywords: ObjectEntry[] = [];
  for (const arg of namedChildren(node)) {
    if (arg.type === 'keyword_argument') {
      const name = fieldOf(arg, 'name');
      const value = fieldOf(arg, 'value');
      if (value) keywords.push({ key: name ? ctx.text(name) : undefined, value: lowerExpr(ctx, value), span: ctx.span(arg) });
    } else if (arg.type === 'dictionary_splat') {
      const inner = firstNamed(arg);
      if (inner) keywords.push({ key: undefined, value: lowerExpr(ctx, inner), spread: true, span: ctx.span(arg) });
    } else positional.push(lowerExpr(ctx, arg));
  }
  if (keywords.length) positional.push({ kind: 'object', span: ctx.span(node), entries: keywords });
  return positional;
}

function call(ctx: LowerContext, node: SyntaxNode): Expr {
  const fn = fieldOf(node, 'function');
  const argsNode = fieldOf(node, 'arguments');
  const span = ctx.span(node);
  if (!fn) return ctx.opaque(node);
  noteEntityFeature(ctx, fn, argsNode);
  const validation = callCheck(ctx, node);
  if (validation) return validation;
  const args = libraryArgs(ctx, fn, argsNode) ?? argumentsOf(ctx, argsNode);
  const name = fn.type === 'identifier' ? ctx.text(fn) : undefined;
  // isinstance(x, str): a type test.
  if (name === 'isinstance' && args.length === 2) {
    const typeNode = argsNode ? namedChildren(argsNode)[1] : undefined;
    const type = typeNode ? TYPES[ctx.text(typeNode)] : undefined;
    if (type) return { kind: 'is-type', span, subject: args[0]!, type, negated: false };
  }
  return libraryCall(ctx, node, fn, argsNode, args) ?? { kind: 'call', span, callee: lowerExpr(ctx, fn), args };
}

function binary(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const operator = fieldOf(node, 'operator');
  if (!left || !right) return ctx.opaque(node);
  const op = operator ? ctx.text(operator) : '';
  const parts = [lowerExpr(ctx, left), lowerExpr(ctx, right)];
  if (op === '+') return { kind: 'concat', span: ctx.span(node), parts: parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p])) };
  // 'a %s' % x, 'a %s %s' % (x, y): formatting.
  if (op === '%' && (left.type === 'string' || left.type === 'concatenated_string' || parts[0]!.kind === 'concat')) {
    const values = parts[1]!.kind === 'array' ? parts[1]!.items : [parts[1]!];
    return { kind: 'concat', span: ctx.span(node), parts: [parts[0]!, ...values] };
  }
  // pathlib: Path(base) / name is a path made of both.
  if (op === '/') return { kind: 'union', span: ctx.span(node), parts };
  return ctx.opaque(node, parts);
}

/** a and b, a or b: the value is one of them; as a test, guards read the parts (`logic`). */
function boolean(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const operator = fieldOf(node, 'operator');
  if (!left || !right) return ctx.opaque(node);
  const logic = operator && ctx.text(operator) === 'and' ? 'and' : 'or';
  const literal = quotedLiteralCheck(ctx, node, logic);
  if (literal) return literal;
  return { kind: 'union', span: ctx.span(node), parts: [lowerExpr(ctx, left), lowerExpr(ctx, right)], logic };
}

/** Whether an expression is a test guards read: a check, or and/or over checks. */
function isTest(expr: Expr): boolean {
  return expr.kind === 'is-type' || (expr.kind === 'union' && expr.logic !== undefined && expr.parts.some(isTest));
}

/** not t: a check negated; not (a or b) is (not a) and (not b). */
function negate(expr: Expr): Expr {
  if (expr.kind === 'is-type') return { ...expr, negated: !expr.negated };
  if (expr.kind === 'union' && expr.logic) return { ...expr, logic: expr.logic === 'and' ? 'or' : 'and', parts: expr.parts.map(negate) };
  return expr;
}

function not(ctx: LowerContext, node: SyntaxNode): Expr {
  const argument = fieldOf(node, 'argument') ?? firstNamed(node);
  const inner = argument ? lowerExpr(ctx, argument) : undefined;
  if (inner && isTest(inner)) return { ...negate(inner), span: ctx.span(node) };
  return ctx.opaque(node, inner ? [inner] : []);
}

function conditional(ctx: LowerContext, node: SyntaxNode): Expr {
  const [then, test, other] = namedChildren(node);
  if (!then || !test || !other) return ctx.opaque(node);
  const folded = foldCondition(ctx, test);
  if (folded === true) return lowerExpr(ctx, then);
  if (folded === false) return lowerExpr(ctx, other);
  return { kind: 'cond', span: ctx.span(node), test: lowerExpr(ctx, test), then: lowerExpr(ctx, then), else: lowerExpr(ctx, other) };
}

function dictionary(ctx: LowerContext, node: SyntaxNode): Expr {
  const entries: ObjectEntry[] = [];
  for (const child of namedChildren(node)) {
    const span = ctx.span(child);
    if (child.type === 'pair') {
      const key = fieldOf(child, 'key');
      const value = fieldOf(child, 'value');
      if (!value) continue;
      const name = key?.type === 'string' && !key.children.some((c) => c.type === 'interpolation') ? stringValue(ctx, key) : undefined;
      if (key && name === undefined) entries.push({ key: undefined, value: lowerExpr(ctx, key), span });
      entries.push({ key: name, value: lowerExpr(ctx, value), span });
    } else if (child.type === 'dictionary_splat') {
      const inner = firstNamed(child);
      if (inner) entries.push({ key: undefined, value: lowerExpr(ctx, inner), spread: true, span });
    }
  }
  return { kind: 'object', span: ctx.span(node), entries };
}

/**
 * [body for x in xs if c]: `xs.map(x => body)` (the engine hands a mapping callback the elements and takes
 * what it returns). Further `for` clauses nest.
 */
function comprehension(ctx: LowerContext, node: SyntaxNode): Expr {
  const body = fieldOf(node, 'body') ?? firstNamed(node);
  const clauses = node.children.filter((c) => c.type === 'for_in_clause');
  const conditions = node.children.filter((c) => c.type === 'if_clause');
  if (!body || !clauses.length) return ctx.opaque(node);
  const build = (i: number): Expr => {
    const clause = clauses[i]!;
    const left = fieldOf(clause, 'left');
    const right = fieldOf(clause, 'right');
    const span = ctx.span(clause);
    const inner: Expr = i + 1 < clauses.length ? build(i + 1) : body.type === 'pair' ? dictionary(ctx, { ...node, type: 'dictionary', children: [body] }) : lowerExpr(ctx, body);
    const stmts: Stmt[] = conditions.map((c) => ({ kind: 'expr' as const, span: ctx.span(c), expr: lowerExpr(ctx, firstNamed(c) ?? c) }));
    stmts.push({ kind: 'return', span: ctx.span(body), value: inner });
    const fn: FunctionIR = { id: ctx.id(), name: undefined, span, params: left ? [{ pattern: lowerPattern(ctx, left), name: left.type === 'identifier' ? ctx.text(left) : undefined }] : [], body: stmts };
    ctx.functions.push(fn);
    const iterable = right ? lowerExpr(ctx, right) : ctx.opaque(clause);
    return { kind: 'call', span: ctx.span(node), callee: { kind: 'member', span, object: iterable, property: 'map' }, args: [{ kind: 'function', span, fn }] };
  };
  return build(0);
}

/** A condition the code fixes by constants: `7 * 42 - num > 200` where `num = 86` is assigned once. */
/** A value fixed by constants, for folding. */
export function constantOf(ctx: LowerContext, node: SyntaxNode): number | boolean | string | undefined {
  return constant(ctx, node);
}

export function foldCondition(ctx: LowerContext, node: SyntaxNode): boolean | undefined {
  const value = constant(ctx, node);
  return typeof value === 'boolean' ? value : undefined;
}

function constant(ctx: LowerContext, node: SyntaxNode): number | boolean | string | undefined {
  switch (node.type) {
    case 'integer':
    case 'float': {
      const n = Number(ctx.text(node).replace(/_/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'string':
      return node.children.some((c) => c.type === 'interpolation') ? undefined : stringValue(ctx, node);
    case 'identifier':
      for (let i = ctx.scopes.length - 1; i >= 0; i--) {
        const scope = ctx.scopes[i]!;
        if (scope.constants.has(ctx.text(node))) return scope.constants.get(ctx.text(node));
        if (scope.known.has(ctx.text(node))) return scope.known.get(ctx.text(node));
        if (scope.locals.has(ctx.text(node))) return undefined;
      }
      return undefined;
    case 'parenthesized_expression': {
      const inner = firstNamed(node);
      return inner ? constant(ctx, inner) : undefined;
    }
    case 'subscript': {
      const [value, index] = [fieldOf(node, 'value'), fieldOf(node, 'subscript')];
      const v = value ? constant(ctx, value) : undefined;
      const i = index ? constant(ctx, index) : undefined;
      if (typeof v !== 'string' || typeof i !== 'number' || !Number.isInteger(i)) return undefined;
      return v.at(i);
    }
    case 'unary_operator': {
      const inner = fieldOf(node, 'argument');
      const v = inner ? constant(ctx, inner) : undefined;
      const op = fieldOf(node, 'operator');
      return typeof v === 'number' && op && ctx.text(op) === '-' ? -v : undefined;
    }
    case 'not_operator': {
      const inner = fieldOf(node, 'argument');
      const v = inner ? constant(ctx, inner) : undefined;
      return typeof v === 'boolean' ? !v : undefined;
    }
    case 'binary_operator': {
      const [l, r, op] = [fieldOf(node, 'left'), fieldOf(node, 'right'), fieldOf(node, 'operator')];
      const a = l ? constant(ctx, l) : undefined;
      const b = r ? constant(ctx, r) : undefined;
      if (typeof a !== 'number' || typeof b !== 'number' || !op) return undefined;
      switch (ctx.text(op)) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return b ? a / b : undefined;
        case '//': return b ? Math.floor(a / b) : undefined;
        case '%': return b ? ((a % b) + b) % b : undefined;
        default: return undefined;
      }
    }
    case 'comparison_operator': {
      const operands = namedChildren(node).filter((c) => c.field !== 'operators');
      const operators = node.children.filter((c) => c.field === 'operators').map((c) => ctx.text(c).replace(/\s+/g, ' '));
      if (operands.length !== 2 || operators.length !== 1) return undefined;
      const a = constant(ctx, operands[0]!);
      const b = constant(ctx, operands[1]!);
      if (a === undefined || b === undefined || typeof a !== typeof b) return undefined;
      switch (operators[0]) {
        case 'in': return typeof a === 'string' && typeof b === 'string' ? b.includes(a) : undefined;
        case 'not in': return typeof a === 'string' && typeof b === 'string' ? !b.includes(a) : undefined;
        case '>': return a > b;
        case '<': return a < b;
        case '>=': return a >= b;
        case '<=': return a <= b;
        case '==': return a === b;
        case '!=': return a !== b;
        default: return undefined;
      }
    }
    case 'boolean_operator': {
      const [l, r, op] = [fieldOf(node, 'left'), fieldOf(node, 'right'), fieldOf(node, 'operator')];
      const a = l ? constant(ctx, l) : undefined;
      const b = r ? constant(ctx, r) : undefined;
      if (typeof a !== 'boolean' || typeof b !== 'boolean' || !op) return undefined;
      return ctx.text(op) === 'and' ? a && b : a || b;
    }
    default:
      return undefined;
  }
}

const LOWER: Record<string, Lower> = {
  identifier,
  true: (ctx, n) => literal(ctx, n, true),
  false: (ctx, n) => literal(ctx, n, false),
  none: (ctx, n) => literal(ctx, n, null),
  integer: (ctx, n) => literal(ctx, n, Number(ctx.text(n).replace(/_/g, ''))),
  float: (ctx, n) => literal(ctx, n, Number(ctx.text(n).replace(/_/g, ''))),
  ellipsis: (ctx, n) => literal(ctx, n, null),
  string,
  concatenated_string: concatenated,
  attribute,
  subscript,
  call,
  binary_operator: binary,
  boolean_operator: boolean,
  not_operator: not,
  unary_operator: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr(ctx, c))),
  comparison_operator: (ctx, n) => comparisonCheck(ctx, n) ?? ctx.opaque(n, namedChildren(n).filter((c) => c.field !== 'operators').map((c) => lowerExpr(ctx, c))),
  conditional_expression: conditional,
  lambda: (ctx, n) => ({ kind: 'function', span: ctx.span(n), fn: lowerLambda(ctx, n) }),
  dictionary,
  named_expression: (ctx, n) => {
    const name = fieldOf(n, 'name');
    const value = fieldOf(n, 'value');
    if (!name || !value) return ctx.opaque(n);
    return { kind: 'assign', span: ctx.span(n), target: lowerPattern(ctx, name), value: lowerExpr(ctx, value) };
  },
};

export function lowerExpr(ctx: LowerContext, node: SyntaxNode): Expr {
  if (TRANSPARENT.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(node);
  }
  if (SEQUENCES.has(node.type)) return { kind: 'array', span: ctx.span(node), items: namedChildren(node).map((c) => lowerExpr(ctx, c)) };
  if (COMPREHENSIONS.has(node.type)) return comprehension(ctx, node);
  const lower = LOWER[node.type];
  if (lower) return lower(ctx, node);
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr(ctx, child)));
}
