import type { Expr, Pattern } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { lowerLambda, lowerAnonymousClass } from './classes.js';
import { fold } from './constants.js';
import { JavaContext, stringValue } from './context.js';

type Lower = (ctx: JavaContext, node: SyntaxNode) => Expr;

/** Types whose values are data, not objects with methods worth naming in a pattern. */
const DATA_TYPES = /^(?:String|Object|CharSequence|Integer|Long|Short|Byte|Double|Float|Boolean|Character|Number|var|int|long|short|byte|double|float|boolean|char)$/;

function literal(ctx: JavaContext, node: SyntaxNode, value: string | number | boolean | null): Expr {
  return { kind: 'literal', span: ctx.span(node), value };
}

function moduleExpr(ctx: JavaContext, node: SyntaxNode, module: string): Expr {
  return { kind: 'module', span: ctx.span(node), module };
}

/** `java.io.File`, `org.acme.Db.query`: a chain of names that starts with a package is a class, then members. */
function qualifiedChain(ctx: JavaContext, node: SyntaxNode): Expr | undefined {
  const names: SyntaxNode[] = [];
  let cursor: SyntaxNode | undefined = node;
  while (cursor?.type === 'field_access') {
    const field = fieldOf(cursor, 'field');
    if (!field) return undefined;
    names.unshift(field);
    cursor = fieldOf(cursor, 'object');
  }
  if (cursor?.type !== 'identifier') return undefined;
  const first = ctx.text(cursor);
  if (ctx.isLocal(first) || ctx.fields.has(first) || !/^[a-z]/.test(first)) return undefined;
  names.unshift(cursor);
  const classAt = names.findIndex((n) => /^[A-Z]/.test(ctx.text(n)));
  if (classAt < 0) return undefined;
  const qualified = names.slice(0, classAt + 1).map((n) => ctx.text(n)).join('.');
  let expr: Expr = { kind: 'module', span: ctx.src.span(node.start, names[classAt]!.end), module: qualified };
  for (const n of names.slice(classAt + 1)) expr = { kind: 'member', span: ctx.src.span(node.start, n.end), object: expr, property: ctx.text(n) };
  return expr;
}

function identifier(ctx: JavaContext, node: SyntaxNode): Expr {
  const name = ctx.text(node);
  const span = ctx.span(node);
  if (ctx.isLocal(name)) {
    // A tracked collection used other than by add/get/put: what it holds is no longer known.
    if (ctx.method?.collections.has(name)) ctx.method.collections.set(name, 'unknown');
    return { kind: 'name', span, name };
  }
  const role = ctx.fieldRoles.get(name);
  if (role) return moduleExpr(ctx, node, role);
  if (ctx.fields.has(name)) return { kind: 'member', span, object: { kind: 'name', span, name: 'this' }, property: name };
  if (/^[A-Z]/.test(name) && !ctx.classes.has(name) && !/^[A-Z0-9_]+$/.test(name)) return moduleExpr(ctx, node, ctx.qualify(name));
  return { kind: 'name', span, name };
}

function fieldAccess(ctx: JavaContext, node: SyntaxNode): Expr {
  const chain = qualifiedChain(ctx, node);
  if (chain) return chain;
  const object = fieldOf(node, 'object');
  const field = fieldOf(node, 'field');
  const property = field ? ctx.text(field) : undefined;
  if (object?.type === 'this' && property && ctx.fieldRoles.has(property)) return moduleExpr(ctx, node, ctx.fieldRoles.get(property)!);
  return { kind: 'member', span: ctx.span(node), object: object ? lowerExpr(ctx, object) : ctx.opaque(node), property };
}

function args(ctx: JavaContext, node: SyntaxNode): Expr[] {
  const list = fieldOf(node, 'arguments');
  return list ? namedChildren(list).map((a) => lowerExpr(ctx, a)) : [];
}

/** The receiver of a method of this file's own classes: `foo()`, `this.foo()`, `new Test().foo()`, `Test.foo()`. */
function ownReceiver(ctx: JavaContext, object: SyntaxNode | undefined): boolean {
  if (!object || object.type === 'this') return true;
  if (object.type === 'identifier') return ctx.classes.has(ctx.text(object)) && !ctx.isLocal(ctx.text(object));
  if (object.type === 'object_creation_expression' && !fieldOf(object, 'body') && !object.children.some((c) => c.type === 'class_body')) {
    const type = fieldOf(object, 'type');
    return type !== undefined && ctx.classes.has(ctx.text(type).replace(/<[\s\S]*$/, ''));
  }
  return false;
}

const BUILDER_METHODS = new Set(['append', 'insert']);
const NUMERIC_METHODS = new Set(['length', 'size', 'hashCode', 'indexOf', 'lastIndexOf', 'compareTo', 'compareToIgnoreCase', 'isEmpty', 'isBlank', 'equals', 'equalsIgnoreCase', 'startsWith', 'endsWith', 'contains', 'matches', 'hasNext', 'hasMoreElements', 'intValue', 'longValue']);
const READ_ONLY = new Set(['size', 'isEmpty', 'contains', 'containsKey', 'containsValue', 'get', 'getOrDefault', 'equals', 'hashCode']);

/** list.add/remove/get, map.put/get on a collection filled in straight-line code: the element itself. */
function collectionCall(ctx: JavaContext, node: SyntaxNode, object: SyntaxNode, method: string): Expr | undefined {
  const scope = ctx.method;
  const tracked = scope?.collections.get(ctx.text(object));
  if (!scope || tracked === undefined || tracked === 'unknown') return undefined;
  const argNodes = namedChildren(fieldOf(node, 'arguments') ?? node);
  const key = fold(ctx, argNodes[0]);
  const same = tracked.depth === scope.depth;
  if (tracked.kind === 'list') {
    if (method === 'add' && argNodes.length === 1 && same) tracked.items.push(argNodes[0]);
    else if (method === 'remove' && typeof key === 'number' && same) tracked.items.splice(key, 1);
    else if (method === 'get' && typeof key === 'number') {
      const item = tracked.items[key];
      return item ? lowerExpr(ctx, item) : literal(ctx, node, null);
    } else if (!READ_ONLY.has(method)) scope.collections.set(ctx.text(object), 'unknown');
    return undefined;
  }
  if (method === 'put' && typeof key === 'string' && argNodes[1] && same) tracked.entries.set(key, argNodes[1]);
  else if (method === 'get' && typeof key === 'string') {
    const item = tracked.entries.get(key);
    return item ? lowerExpr(ctx, item) : literal(ctx, node, null);
  } else if (!READ_ONLY.has(method)) scope.collections.set(ctx.text(object), 'unknown');
  return undefined;
}

function methodInvocation(ctx: JavaContext, node: SyntaxNode): Expr {
  const object = fieldOf(node, 'object');
  const nameNode = fieldOf(node, 'name');
  const method = nameNode ? ctx.text(nameNode) : '';
  const span = ctx.span(node);
  if (object?.type === 'identifier' && ctx.isLocal(ctx.text(object))) {
    const element = collectionCall(ctx, node, object, method);
    if (element) return element;
  }
  // sb.append(a).append(b): the builder named at the root of the chain holds what every append added.
  if (BUILDER_METHODS.has(method) && object) {
    const chain: SyntaxNode[] = [node];
    let root: SyntaxNode = object;
    while (root.type === 'method_invocation' && BUILDER_METHODS.has(ctx.text(fieldOf(root, 'name') ?? root)) && fieldOf(root, 'object')) {
      chain.push(root);
      root = fieldOf(root, 'object')!;
    }
    if (root.type === 'identifier' && ctx.isLocal(ctx.text(root)) && chain.length > 1) {
      const parts = chain.reverse().flatMap((c) => namedChildren(fieldOf(c, 'arguments') ?? c).map((a) => lowerExpr(ctx, a)));
      return { kind: 'assign', span, target: { kind: 'name', span: ctx.span(root), name: ctx.text(root) }, value: { kind: 'concat', span, parts }, append: true };
    }
  }
  const lowered = args(ctx, node);
  // Numbers and yes/no answers about a value carry none of its data.
  if (object && NUMERIC_METHODS.has(method)) return ctx.opaque(node, [lowerExpr(ctx, object), ...lowered]);
  if (ownReceiver(ctx, object)) {
    const self: Expr = { kind: 'name', span: object ? ctx.span(object) : span, name: 'this' };
    return { kind: 'call', span, callee: { kind: 'member', span, object: self, property: method }, args: lowered };
  }
  // String.format(fmt, a, b) builds one string of its arguments.
  if (object && method === 'format' && /^(?:java\.lang\.)?String$/.test(ctx.text(object))) return { kind: 'concat', span, parts: lowered };
  const receiver = object ? (object.type === 'identifier' && ctx.method?.collections.has(ctx.text(object)) ? { kind: 'name' as const, span: ctx.span(object), name: ctx.text(object) } : lowerExpr(ctx, object)) : ctx.opaque(node);
  return { kind: 'call', span, callee: { kind: 'member', span: ctx.src.span(node.start, nameNode?.end ?? node.end), object: receiver, property: method }, args: lowered };
}

function objectCreation(ctx: JavaContext, node: SyntaxNode): Expr {
  const type = fieldOf(node, 'type');
  const span = ctx.span(node);
  const lowered = args(ctx, node);
  const body = node.children.find((c) => c.type === 'class_body');
  const typeName = type ? ctx.text(type).replace(/<[\s\S]*$/, '').trim() : '';
  const callee: Expr = ctx.classes.has(typeName) ? { kind: 'name', span: ctx.span(type!), name: typeName } : { kind: 'module', span: type ? ctx.span(type) : span, module: ctx.qualify(typeName) };
  const call: Expr = { kind: 'call', span, callee, args: lowered, construct: true };
  if (!body) return call;
  return { kind: 'union', span, parts: [call, ...lowerAnonymousClass(ctx, body)] };
}

function binary(ctx: JavaContext, node: SyntaxNode): Expr {
  const constant = fold(ctx, node);
  if (constant !== undefined) return literal(ctx, node, constant);
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const operator = fieldOf(node, 'operator');
  if (!left || !right || !operator) return ctx.opaque(node);
  const parts = [lowerExpr(ctx, left), lowerExpr(ctx, right)];
  if (ctx.text(operator) === '+') return { kind: 'concat', span: ctx.span(node), parts: parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p])) };
  return { kind: 'opaque', span: ctx.span(node), parts };
}

function ternary(ctx: JavaContext, node: SyntaxNode): Expr {
  const test = fieldOf(node, 'condition');
  const then = fieldOf(node, 'consequence');
  const other = fieldOf(node, 'alternative');
  if (!test || !then || !other) return ctx.opaque(node);
  const known = fold(ctx, test);
  if (typeof known === 'boolean') return lowerExpr(ctx, known ? then : other);
  return { kind: 'cond', span: ctx.span(node), test: lowerExpr(ctx, test), then: lowerExpr(ctx, then), else: lowerExpr(ctx, other) };
}

/** A declared type that names a class worth knowing values by (a Statement, a Cipher), not data (String). */
export function typedValue(ctx: JavaContext, type: string | undefined, value: Expr): Expr {
  if (!type || DATA_TYPES.test(type.replace(/<[\s\S]*$/, '').split('.').pop() ?? '') || /\[\]$/.test(type.trim())) return value;
  const qualified = ctx.qualify(type);
  if (!qualified || ctx.classes.has(qualified)) return value;
  return { kind: 'union', span: value.span, parts: [value, { kind: 'module', span: value.span, module: qualified }] };
}

export function lowerTarget(ctx: JavaContext, node: SyntaxNode): Pattern {
  const span = ctx.span(node);
  if (node.type === 'identifier') {
    const name = ctx.text(node);
    if (!ctx.isLocal(name) && ctx.fields.has(name)) return { kind: 'member', span, object: { kind: 'name', span, name: 'this' }, property: name };
    return { kind: 'name', span, name };
  }
  if (node.type === 'field_access') {
    const lowered = fieldAccess(ctx, node);
    if (lowered.kind === 'member') return { kind: 'member', span, object: lowered.object, property: lowered.property };
  }
  if (node.type === 'parenthesized_expression') {
    const inner = firstNamed(node);
    if (inner) return lowerTarget(ctx, inner);
  }
  return { kind: 'none', span };
}

function assignment(ctx: JavaContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const op = fieldOf(node, 'operator');
  if (!left || !right) return ctx.opaque(node);
  const span = ctx.span(node);
  const text = op ? ctx.text(op) : '=';
  let value = lowerExpr(ctx, right);
  // a[i] = v: the array holds v besides what it held.
  if (left.type === 'array_access') {
    const array = fieldOf(left, 'array');
    const index = fieldOf(left, 'index');
    const target = array ? lowerTarget(ctx, array) : undefined;
    if (!target || target.kind === 'none') return ctx.opaque(node, [value]);
    return { kind: 'assign', span, target, value: { kind: 'union', span, parts: [value, ...(index ? [ctx.opaque(index, [lowerExpr(ctx, index)])] : [])] }, append: true };
  }
  const target = lowerTarget(ctx, left);
  if (text === '=') {
    if (left.type === 'identifier') value = typedValue(ctx, ctx.method?.types.get(ctx.text(left)), value);
    return { kind: 'assign', span, target, value };
  }
  if (text === '+=') return { kind: 'assign', span, target, value, append: true };
  return { kind: 'assign', span, target, value: ctx.opaque(node, [value]) };
}

function arrayCreation(ctx: JavaContext, node: SyntaxNode): Expr {
  const value = fieldOf(node, 'value') ?? node.children.find((c) => c.type === 'array_initializer');
  if (value) return lowerExpr(ctx, value);
  return ctx.opaque(node, namedChildren(node).filter((c) => c.type === 'dimensions_expr').map((c) => lowerExpr(ctx, c)));
}

const LOWER: Record<string, Lower> = {
  identifier,
  this: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: 'this' }),
  super: (ctx, n) => ({ kind: 'name', span: ctx.span(n), name: 'this' }),
  null_literal: (ctx, n) => literal(ctx, n, null),
  true: (ctx, n) => literal(ctx, n, true),
  false: (ctx, n) => literal(ctx, n, false),
  decimal_integer_literal: (ctx, n) => literal(ctx, n, (fold(ctx, n) as number | undefined) ?? 0),
  hex_integer_literal: (ctx, n) => literal(ctx, n, (fold(ctx, n) as number | undefined) ?? 0),
  octal_integer_literal: (ctx, n) => literal(ctx, n, 0),
  binary_integer_literal: (ctx, n) => literal(ctx, n, 0),
  decimal_floating_point_literal: (ctx, n) => literal(ctx, n, Number.parseFloat(ctx.text(n))),
  hex_floating_point_literal: (ctx, n) => literal(ctx, n, 0),
  string_literal: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  text_block: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  character_literal: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  class_literal: (ctx, n) => literal(ctx, n, ctx.text(n)),
  field_access: fieldAccess,
  array_access: (ctx, n) => {
    const array = fieldOf(n, 'array');
    const index = fieldOf(n, 'index');
    return { kind: 'member', span: ctx.span(n), object: array ? lowerExpr(ctx, array) : ctx.opaque(n), property: undefined, index: index ? lowerExpr(ctx, index) : undefined };
  },
  method_invocation: methodInvocation,
  object_creation_expression: objectCreation,
  binary_expression: binary,
  ternary_expression: ternary,
  assignment_expression: assignment,
  cast_expression: (ctx, n) => {
    const value = fieldOf(n, 'value');
    return value ? lowerExpr(ctx, value) : ctx.opaque(n);
  },
  parenthesized_expression: (ctx, n) => {
    const inner = firstNamed(n);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(n);
  },
  array_initializer: (ctx, n) => ({ kind: 'array', span: ctx.span(n), items: namedChildren(n).map((c) => lowerExpr(ctx, c)) }),
  array_creation_expression: arrayCreation,
  lambda_expression: lowerLambda,
  unary_expression: (ctx, n) => {
    const constant = fold(ctx, n);
    if (constant !== undefined) return literal(ctx, n, constant);
    return ctx.opaque(n, namedChildren(n).map((c) => lowerExpr(ctx, c)));
  },
};

export function lowerExpr(ctx: JavaContext, node: SyntaxNode): Expr {
  const lower = LOWER[node.type];
  if (lower) return lower(ctx, node);
  // instanceof, method references, switch expressions, ++: what is inside still runs, the value carries nothing.
  return ctx.opaque(node, namedChildren(node).filter((c) => !c.type.endsWith('type') && c.type !== 'type_identifier').map((child) => lowerExpr(ctx, child)));
}
