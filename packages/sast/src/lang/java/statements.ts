import { dispatchStatement } from '../lower-context.js';
import type { Stmt } from '../../ir/types.js';
import { fieldOf, fieldsOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { lowerClass } from './classes.js';
import { fold } from './constants.js';
import { JavaContext } from './context.js';
import { lowerExpr, lowerTarget, typedValue } from './expressions.js';

type LowerStmt = (ctx: JavaContext, node: SyntaxNode) => Stmt[];

const SKIPPED = new Set(['break_statement', 'continue_statement', 'assert_statement', 'empty_statement', 'line_comment', 'block_comment', ';']);
const COLLECTIONS = /^(?:java\.util\.)?(?:(ArrayList|LinkedList|Vector|CopyOnWriteArrayList)|(HashMap|TreeMap|LinkedHashMap|Hashtable|ConcurrentHashMap))$/;

function declaration(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const typeNode = fieldOf(node, 'type');
  const type = typeNode ? ctx.text(typeNode) : undefined;
  return fieldsOf(node, 'declarator').flatMap((declarator): Stmt[] => {
    const nameNode = fieldOf(declarator, 'name');
    const value = fieldOf(declarator, 'value');
    if (!nameNode) return [];
    const name = ctx.text(nameNode);
    const scope = ctx.method;
    const dims = declarator.children.some((c) => c.type === 'dimensions');
    const declared = type && type !== 'var' && !dims ? type : undefined;
    if (scope && declared) scope.types.set(name, declared);
    if (scope && value) {
      const constant = fold(ctx, value);
      if (constant !== undefined) scope.constants.set(name, constant);
      const created = value.type === 'object_creation_expression' ? fieldOf(value, 'type') : undefined;
      const kind = created ? COLLECTIONS.exec(ctx.text(created).replace(/<[\s\S]*$/, '').trim()) : null;
      const noArgs = value.type === 'object_creation_expression' && namedChildren(fieldOf(value, 'arguments') ?? value).length === 0;
      if (kind && noArgs) scope.collections.set(name, kind[1] ? { kind: 'list', items: [], depth: scope.depth } : { kind: 'map', entries: new Map(), depth: scope.depth });
      else scope.collections.delete(name);
    }
    const span = ctx.span(declarator);
    const target = { kind: 'name' as const, span: ctx.span(nameNode), name };
    if (!value) return [{ kind: 'assign', span, target, value: undefined }];
    return [{ kind: 'assign', span, target, value: typedValue(ctx, declared, lowerExpr(ctx, value)) }];
  });
}

/** A nested statement: one level deeper (a collection changed in there is no longer followed element by element). */
function nested(ctx: JavaContext, node: SyntaxNode | undefined): Stmt[] {
  if (!node) return [];
  if (ctx.method) ctx.method.depth++;
  try {
    return node.type === 'block' ? lowerBlock(ctx, node) : lowerStatement(ctx, node);
  } finally {
    if (ctx.method) ctx.method.depth--;
  }
}

function ifStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const test = fieldOf(node, 'condition');
  const then = fieldOf(node, 'consequence');
  const otherwise = fieldOf(node, 'alternative');
  const known = fold(ctx, test);
  // A branch that cannot run is not there at all.
  if (known === true) return nested(ctx, then);
  if (known === false) return nested(ctx, otherwise);
  return [{ kind: 'if', span: ctx.span(node), test: test ? lowerExpr(ctx, test) : ctx.opaque(node), then: nested(ctx, then), else: nested(ctx, otherwise) }];
}

function forStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const head = fieldsOf(node, 'init').flatMap((init) => lowerStatement(ctx, init));
  const test = fieldOf(node, 'condition');
  const body = nested(ctx, fieldOf(node, 'body'));
  for (const update of fieldsOf(node, 'update')) body.push({ kind: 'expr', span: ctx.span(update), expr: lowerExpr(ctx, update) });
  return [{ kind: 'loop', span: ctx.span(node), head, test: test ? lowerExpr(ctx, test) : undefined, body }];
}

function enhancedFor(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const name = fieldOf(node, 'name');
  const value = fieldOf(node, 'value');
  const each = name && value ? { target: { kind: 'name' as const, span: ctx.span(name), name: ctx.text(name) }, iterable: lowerExpr(ctx, value) } : undefined;
  return [{ kind: 'loop', span: ctx.span(node), head: [], body: nested(ctx, fieldOf(node, 'body')), each }];
}

function whileStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const test = fieldOf(node, 'condition');
  if (node.type === 'while_statement' && fold(ctx, test) === false) return [];
  return [{ kind: 'loop', span: ctx.span(node), head: [], test: test ? lowerExpr(ctx, test) : undefined, body: nested(ctx, fieldOf(node, 'body')) }];
}

function tryStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const head: Stmt[] = [];
  const resources = fieldOf(node, 'resources');
  for (const resource of resources ? namedChildren(resources) : []) {
    const name = fieldOf(resource, 'name');
    const value = fieldOf(resource, 'value');
    const type = fieldOf(resource, 'type');
    if (name && value) {
      if (type && ctx.method) ctx.method.types.set(ctx.text(name), ctx.text(type));
      head.push({ kind: 'assign', span: ctx.span(resource), target: { kind: 'name', span: ctx.span(name), name: ctx.text(name) }, value: typedValue(ctx, type ? ctx.text(type) : undefined, lowerExpr(ctx, value)) });
    } else head.push({ kind: 'expr', span: ctx.span(resource), expr: lowerExpr(ctx, resource) });
  }
  const catches = node.children.filter((c) => c.type === 'catch_clause');
  const fin = node.children.find((c) => c.type === 'finally_clause');
  const firstParam = catches[0] ? namedChildren(catches[0]).find((c) => c.type === 'catch_formal_parameter') : undefined;
  const paramName = firstParam ? fieldOf(firstParam, 'name') : undefined;
  const arms = catches.map((c) => nested(ctx, fieldOf(c, 'body')));
  const handler: Stmt[] = arms.length > 1 ? [{ kind: 'branches', span: ctx.span(node), arms }] : arms[0] ?? [];
  return [
    ...head,
    {
      kind: 'try',
      span: ctx.span(node),
      body: nested(ctx, fieldOf(node, 'body')),
      handler,
      param: paramName ? { kind: 'name', span: ctx.span(paramName), name: ctx.text(paramName) } : undefined,
      finalizer: fin ? nested(ctx, namedChildren(fin)[0]) : [],
    },
  ];
}

/** switch: each case runs on to the next break; with a constant subject only the case taken is there. */
function switchStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const subject = fieldOf(node, 'condition');
  const block = fieldOf(node, 'body');
  const groups = block ? namedChildren(block) : [];
  const known = fold(ctx, subject);
  const labelsOf = (group: SyntaxNode) => group.children.filter((c) => c.type === 'switch_label');
  const statementsOf = (group: SyntaxNode) => group.children.filter((c) => c.named && c.type !== 'switch_label');
  const run = (from: number): Stmt[] => {
    const out: Stmt[] = [];
    if (ctx.method) ctx.method.depth++;
    try {
      for (let i = from; i < groups.length; i++) {
        const group = groups[i]!;
        for (const stmt of statementsOf(group)) {
          if (stmt.type === 'break_statement') return out;
          out.push(...(stmt.type === 'block' ? lowerBlock(ctx, stmt) : lowerStatement(ctx, stmt)));
        }
        if (group.type === 'switch_rule') return out;
      }
      return out;
    } finally {
      if (ctx.method) ctx.method.depth--;
    }
  };
  if (known !== undefined) {
    let taken = groups.findIndex((g) => labelsOf(g).some((l) => namedChildren(l).some((e) => fold(ctx, e) === known)));
    if (taken < 0) taken = groups.findIndex((g) => labelsOf(g).some((l) => !namedChildren(l).length));
    const allConstant = groups.every((g) => labelsOf(g).every((l) => namedChildren(l).every((e) => fold(ctx, e) !== undefined)));
    if (allConstant) return taken < 0 ? [] : run(taken);
  }
  const arms = groups.map((_, i) => run(i));
  if (!groups.some((g) => labelsOf(g).some((l) => !namedChildren(l).length))) arms.push([]);
  return [{ kind: 'branches', span: ctx.span(node), test: subject ? lowerExpr(ctx, subject) : undefined, arms }];
}

function expressionStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  const inner = firstNamed(node);
  if (!inner) return [];
  return [{ kind: 'expr', span: ctx.span(node), expr: lowerExpr(ctx, inner) }];
}

const STATEMENTS: Record<string, LowerStmt> = {
  local_variable_declaration: declaration,
  expression_statement: expressionStatement,
  if_statement: ifStatement,
  for_statement: forStatement,
  enhanced_for_statement: enhancedFor,
  while_statement: whileStatement,
  do_statement: whileStatement,
  try_statement: tryStatement,
  try_with_resources_statement: tryStatement,
  switch_expression: switchStatement,
  switch_statement: switchStatement,
  block: (ctx, n) => nested(ctx, n),
  labeled_statement: (ctx, n) => namedChildren(n).slice(1).flatMap((s) => lowerStatement(ctx, s)),
  synchronized_statement: (ctx, n) => {
    const body = n.children.find((c) => c.type === 'block');
    return body ? lowerBlock(ctx, body) : [];
  },
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'return', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  throw_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'throw', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  class_declaration: (ctx, n) => lowerClass(ctx, n),
  local_class_declaration: (ctx, n) => lowerClass(ctx, n),
  record_declaration: (ctx, n) => lowerClass(ctx, n),
};

export function lowerStatement(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  return dispatchStatement(ctx, node, STATEMENTS, SKIPPED, lowerExpr) as Stmt[];
}

export function lowerBlock(ctx: JavaContext, node: SyntaxNode): Stmt[] {
  return node.children.flatMap((child) => lowerStatement(ctx, child));
}

export { lowerTarget };
