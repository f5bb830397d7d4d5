import type { Expr, ObjectEntry } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext, stringValue } from './context.js';
import { lowerFunction, lowerPattern } from './functions.js';
import { isRouteRegistration, markHandler } from './handlers.js';

type Lower = (ctx: LowerContext, node: SyntaxNode) => Expr;

const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** Wrappers whose value is their (first) operand: types, await, parentheses. */
const TRANSPARENT = new Set(['parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'spread_element']);
const UNION_OPERATORS = new Set(['||', '??', '&&']);
const EQUALITY = new Set(['===', '==', '!==', '!=']);

function literal(ctx: LowerContext, node: SyntaxNode, value: string | number | boolean | null): Expr {
  return { kind: 'literal', span: ctx.span(node), value };
}

function template(ctx: LowerContext, node: SyntaxNode): Expr {
  const parts: Expr[] = [];
  let cursor = node.start + 1;
  for (const child of node.children) {
    if (child.type !== 'template_substitution') continue;
    if (child.start > cursor) parts.push({ kind: 'literal', span: ctx.src.span(cursor, child.start), value: ctx.src.text.slice(cursor, child.start) });
    const inner = firstNamed(child);
    if (inner) parts.push(lowerExpr(ctx, inner));
    cursor = child.end;
  }
  if (!parts.length) return literal(ctx, node, stringValue(ctx, node));
  if (node.end - 1 > cursor) parts.push({ kind: 'literal', span: ctx.src.span(cursor, node.end - 1), value: ctx.src.text.slice(cursor, node.end - 1) });
  return { kind: 'concat', span: ctx.span(node), parts };
}

function member(ctx: LowerContext, node: SyntaxNode): Expr {
  const object = fieldOf(node, 'object');
  const property = fieldOf(node, 'property');
  return { kind: 'member', span: ctx.span(node), object: object ? lowerExpr(ctx, object) : ctx.opaque(node), property: property ? ctx.text(property) : undefined };
}

function subscript(ctx: LowerContext, node: SyntaxNode): Expr {
  const object = fieldOf(node, 'object');
  const index = fieldOf(node, 'index') ?? namedChildren(node)[1];
  const base = object ? lowerExpr(ctx, object) : ctx.opaque(node);
  if (index && (index.type === 'string' || index.type === 'number')) return { kind: 'member', span: ctx.span(node), object: base, property: index.type === 'string' ? stringValue(ctx, index) : ctx.text(index) };
  return { kind: 'member', span: ctx.span(node), object: base, property: undefined, index: index ? lowerExpr(ctx, index) : undefined };
}

function argumentsOf(ctx: LowerContext, node: SyntaxNode | undefined): Expr[] {
  if (!node) return [];
  if (node.type === 'template_string') return [template(ctx, node)];
  return namedChildren(node).map((arg) => lowerExpr(ctx, arg));
}

function call(ctx: LowerContext, node: SyntaxNode): Expr {
  const fn = fieldOf(node, 'function');
  const args = fieldOf(node, 'arguments');
  const first = args ? namedChildren(args)[0] : undefined;
  // require('m') and import('m') are the module itself: destructuring and member calls then name it.
  if (fn && ((fn.type === 'identifier' && ctx.text(fn) === 'require') || fn.type === 'import') && first?.type === 'string') {
    return { kind: 'module', span: ctx.span(node), module: stringValue(ctx, first) };
  }
  const lowered = argumentsOf(ctx, args);
  if (fn && isRouteRegistration(ctx.text(fn))) for (const arg of lowered) if (arg.kind === 'function') markHandler(arg.fn, ctx.text(fn));
  return { kind: 'call', span: ctx.span(node), callee: fn ? lowerExpr(ctx, fn) : ctx.opaque(node), args: lowered };
}

function construct(ctx: LowerContext, node: SyntaxNode): Expr {
  const ctor = fieldOf(node, 'constructor');
  return { kind: 'call', span: ctx.span(node), callee: ctor ? lowerExpr(ctx, ctor) : ctx.opaque(node), args: argumentsOf(ctx, fieldOf(node, 'arguments')), construct: true };
}

/** typeof x === 'string' (either side, any equality): a type test the engine understands. */
function typeTest(ctx: LowerContext, node: SyntaxNode, left: SyntaxNode, right: SyntaxNode, operator: string): Expr | undefined {
  const [test, type] = left.type === 'unary_expression' ? [left, right] : [right, left];
  if (test.type !== 'unary_expression' || type.type !== 'string' || ctx.text(test).slice(0, 6) !== 'typeof') return undefined;
  const subject = fieldOf(test, 'argument') ?? namedChildren(test)[0];
  if (!subject) return undefined;
  return { kind: 'is-type', span: ctx.span(node), subject: lowerExpr(ctx, subject), type: stringValue(ctx, type), negated: operator.startsWith('!') };
}

function binary(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const operator = fieldOf(node, 'operator');
  if (!left || !right || !operator) return ctx.opaque(node);
  const op = ctx.text(operator);
  if (EQUALITY.has(op)) {
    const test = typeTest(ctx, node, left, right, op);
    if (test) return test;
  }
  const parts = [lowerExpr(ctx, left), lowerExpr(ctx, right)];
  if (op === '+') return { kind: 'concat', span: ctx.span(node), parts: parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p])) };
  if (UNION_OPERATORS.has(op)) return { kind: 'union', span: ctx.span(node), parts };
  return { kind: 'opaque', span: ctx.span(node), parts };
}

function unary(ctx: LowerContext, node: SyntaxNode): Expr {
  const argument = fieldOf(node, 'argument') ?? namedChildren(node)[0];
  const inner = argument ? lowerExpr(ctx, argument) : undefined;
  if (inner?.kind === 'is-type' && ctx.text(node).startsWith('!')) return { ...inner, span: ctx.span(node), negated: !inner.negated };
  return ctx.opaque(node, inner ? [inner] : []);
}

function assignment(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  if (!left || !right) return ctx.opaque(node);
  const op = fieldOf(node, 'operator');
  const value = lowerExpr(ctx, right);
  const target = lowerPattern(ctx, left);
  if (node.type === 'assignment_expression') return { kind: 'assign', span: ctx.span(node), target, value };
  const text = op ? ctx.text(op) : '';
  // s += x keeps s and appends x; ||= and ??= may keep the old value; arithmetic makes a number.
  if (text === '+=' || text === '||=' || text === '??=') return { kind: 'assign', span: ctx.span(node), target, value, append: true };
  return { kind: 'assign', span: ctx.span(node), target, value: ctx.opaque(node, [value]) };
}

function entry(ctx: LowerContext, child: SyntaxNode): ObjectEntry | undefined {
  const span = ctx.span(child);
  if (child.type === 'shorthand_property_identifier') return { key: ctx.text(child), value: { kind: 'name', span, name: ctx.text(child) }, span };
  if (child.type === 'spread_element') return { key: undefined, value: lowerExpr(ctx, firstNamed(child) ?? child), spread: true, span };
  if (child.type === 'method_definition') {
    const name = fieldOf(child, 'name');
    return { key: name ? ctx.text(name) : undefined, value: { kind: 'function', span, fn: lowerFunction(ctx, child, {}) }, span };
  }
  if (child.type !== 'pair') return undefined;
  const key = fieldOf(child, 'key');
  const value = fieldOf(child, 'value');
  if (!key || !value) return undefined;
  const name = key.type === 'string' ? stringValue(ctx, key) : key.type === 'computed_property_name' ? undefined : ctx.text(key);
  const lowered = FUNCTIONS.has(value.type) ? { kind: 'function' as const, span: ctx.span(value), fn: lowerFunction(ctx, value, { name, property: name }) } : lowerExpr(ctx, value);
  return { key: name, value: lowered, span };
}

function object(ctx: LowerContext, node: SyntaxNode): Expr {
  const entries = node.children.map((child) => entry(ctx, child)).filter((e): e is ObjectEntry => e !== undefined);
  return { kind: 'object', span: ctx.span(node), entries };
}

/** JSX escapes what it prints: only the expressions inside are evaluated (calls in them may still be sinks). */
function jsx(ctx: LowerContext, node: SyntaxNode): Expr {
  const parts: Expr[] = [];
  const visit = (n: SyntaxNode) => {
    for (const child of n.children) {
      if (child.type === 'jsx_expression') {
        const inner = firstNamed(child);
        if (inner) parts.push(lowerExpr(ctx, inner));
      } else visit(child);
    }
  };
  visit(node);
  return ctx.opaque(node, parts);
}

const LOWER: Record<string, Lower> = {
  identifier: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: ctx.text(n) }),
  shorthand_property_identifier: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: ctx.text(n) }),
  this: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: 'this' }),
  super: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: 'super' }),
  undefined: (ctx, n) => literal(ctx, n, null),
  null: (ctx, n) => literal(ctx, n, null),
  true: (ctx, n) => literal(ctx, n, true),
  false: (ctx, n) => literal(ctx, n, false),
  number: (ctx, n) => literal(ctx, n, Number(ctx.text(n))),
  regex: (ctx, n) => literal(ctx, n, ctx.text(n)),
  string: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  template_string: template,
  member_expression: member,
  subscript_expression: subscript,
  call_expression: call,
  new_expression: construct,
  binary_expression: binary,
  unary_expression: unary,
  update_expression: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr(ctx, c))),
  ternary_expression: (ctx, n) => {
    const [test, then, other] = [fieldOf(n, 'condition'), fieldOf(n, 'consequence'), fieldOf(n, 'alternative')];
    if (!test || !then || !other) return ctx.opaque(n);
    return { kind: 'cond', span: ctx.span(n), test: lowerExpr(ctx, test), then: lowerExpr(ctx, then), else: lowerExpr(ctx, other) };
  },
  assignment_expression: assignment,
  augmented_assignment_expression: assignment,
  object,
  array: (ctx, n) => ({ kind: 'array', span: ctx.span(n), items: namedChildren(n).map((c) => lowerExpr(ctx, c)) }),
  sequence_expression: (ctx, n) => ({ kind: 'union', span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr(ctx, c)) }),
  type_assertion: (ctx, n) => {
    const inner = namedChildren(n).at(-1);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(n);
  },
  jsx_element: jsx,
  jsx_self_closing_element: jsx,
  jsx_fragment: jsx,
};

export function lowerExpr(ctx: LowerContext, node: SyntaxNode): Expr {
  if (TRANSPARENT.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(node);
  }
  if (FUNCTIONS.has(node.type)) return { kind: 'function', span: ctx.span(node), fn: lowerFunction(ctx, node, {}) };
  const lower = LOWER[node.type];
  if (lower) return lower(ctx, node);
  // Anything else (class expressions, yield, TypeScript-only forms): what is inside still runs.
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr(ctx, child)));
}
