import { dispatchStatement } from '../lower-context.js';
import type { Expr, FunctionIR, Stmt } from '../../ir/types.js';
import { fieldOf, fieldsOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext } from './context.js';
import { lowerExpr } from './expressions.js';
import { lowerFunction, lowerPattern } from './functions.js';
import { commonJsExport, lowerExport, lowerImport } from './modules.js';

type LowerStmt = (ctx: LowerContext, node: SyntaxNode) => Stmt[];

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const SKIPPED = new Set([
  'empty_statement', 'break_statement', 'continue_statement', 'debugger_statement', 'interface_declaration', 'type_alias_declaration',
  'ambient_declaration', 'abstract_method_signature', 'method_signature', 'index_signature', 'hash_bang_line', 'comment',
]);

/** A value, named after what it is bound to when it is a function (so summaries and messages can name it). */
export function lowerValue(ctx: LowerContext, node: SyntaxNode, name: string | undefined): Expr {
  if (FUNCTION_VALUES.has(node.type)) return { kind: 'function', span: ctx.span(node), fn: lowerFunction(ctx, node, { name }) };
  return lowerExpr(ctx, node);
}

function declaration(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return node.children.filter((c) => c.type === 'variable_declarator').flatMap((declarator): Stmt[] => {
    const name = fieldOf(declarator, 'name');
    const value = fieldOf(declarator, 'value');
    if (!name) return [];
    const target = lowerPattern(ctx, name);
    return [{ kind: 'assign', span: ctx.span(declarator), target, value: value ? lowerValue(ctx, value, target.kind === 'name' ? target.name : undefined) : undefined }];
  });
}

function body(ctx: LowerContext, node: SyntaxNode | undefined): Stmt[] {
  if (!node) return [];
  return node.type === 'statement_block' ? lowerBlock(ctx, node) : lowerStatement(ctx, node);
}

function ifStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const test = fieldOf(node, 'condition');
  const alternative = fieldOf(node, 'alternative');
  const otherwise = alternative?.type === 'else_clause' ? firstNamed(alternative) : alternative;
  return [{ kind: 'if', span: ctx.span(node), test: test ? lowerExpr(ctx, test) : ctx.opaque(node), then: body(ctx, fieldOf(node, 'consequence')), else: body(ctx, otherwise) }];
}

function forStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const init = fieldOf(node, 'initializer');
  const test = fieldOf(node, 'condition');
  const update = fieldOf(node, 'increment');
  const loopBody = body(ctx, fieldOf(node, 'body'));
  if (update) loopBody.push({ kind: 'expr', span: ctx.span(update), expr: lowerExpr(ctx, update) });
  return [{ kind: 'loop', span: ctx.span(node), head: init ? lowerStatement(ctx, init) : [], test: test && test.type !== 'empty_statement' ? lowerExpr(ctx, test) : undefined, body: loopBody }];
}

function forIn(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const each = left && right ? { target: lowerPattern(ctx, left), iterable: lowerExpr(ctx, right) } : undefined;
  return [{ kind: 'loop', span: ctx.span(node), head: [], body: body(ctx, fieldOf(node, 'body')), each }];
}

function whileStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const test = fieldOf(node, 'condition');
  return [{ kind: 'loop', span: ctx.span(node), head: [], test: test ? lowerExpr(ctx, test) : undefined, body: body(ctx, fieldOf(node, 'body')) }];
}

function tryStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const handler = fieldOf(node, 'handler');
  const finalizer = fieldOf(node, 'finalizer');
  const param = handler ? fieldOf(handler, 'parameter') : undefined;
  return [{
    kind: 'try',
    span: ctx.span(node),
    body: body(ctx, fieldOf(node, 'body')),
    handler: handler ? body(ctx, fieldOf(handler, 'body')) : [],
    param: param ? lowerPattern(ctx, param) : undefined,
    finalizer: finalizer ? body(ctx, fieldOf(finalizer, 'body')) : [],
  }];
}

function switchStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const value = fieldOf(node, 'value');
  const cases = fieldOf(node, 'body');
  const arms = (cases ? namedChildren(cases) : []).map((arm) => fieldsOf(arm, 'body').flatMap((s) => lowerStatement(ctx, s)));
  return [{ kind: 'branches', span: ctx.span(node), test: value ? lowerExpr(ctx, value) : undefined, arms }];
}

export function lowerClass(ctx: LowerContext, node: SyntaxNode): Stmt {
  const name = fieldOf(node, 'name');
  const members: FunctionIR[] = [];
  const fields: { name: string; value: Expr }[] = [];
  for (const member of namedChildren(fieldOf(node, 'body') ?? node)) {
    const key = fieldOf(member, 'name') ?? fieldOf(member, 'property');
    if (member.type === 'method_definition') members.push(lowerFunction(ctx, member, {}));
    else if ((member.type === 'field_definition' || member.type === 'public_field_definition') && key) {
      const value = fieldOf(member, 'value');
      if (value) fields.push({ name: ctx.text(key), value: lowerValue(ctx, value, ctx.text(key)) });
    }
  }
  return { kind: 'class', span: ctx.span(node), name: name ? ctx.text(name) : undefined, members, fields };
}

function expressionStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const inner = firstNamed(node);
  if (!inner) return [];
  if (inner.type === 'assignment_expression') {
    const left = fieldOf(inner, 'left');
    const right = fieldOf(inner, 'right');
    if (left && right) {
      const value = lowerValue(ctx, right, left.type === 'identifier' ? ctx.text(left) : ctx.text(left).split('.').pop());
      commonJsExport(ctx, left, value);
      return [{ kind: 'assign', span: ctx.span(inner), target: lowerPattern(ctx, left), value }];
    }
  }
  return [{ kind: 'expr', span: ctx.span(node), expr: lowerExpr(ctx, inner) }];
}

const STATEMENTS: Record<string, LowerStmt> = {
  expression_statement: expressionStatement,
  lexical_declaration: declaration,
  variable_declaration: declaration,
  if_statement: ifStatement,
  for_statement: forStatement,
  for_in_statement: forIn,
  while_statement: whileStatement,
  do_statement: whileStatement,
  try_statement: tryStatement,
  switch_statement: switchStatement,
  statement_block: (ctx, n) => lowerBlock(ctx, n),
  labeled_statement: (ctx, n) => body(ctx, fieldOf(n, 'body')),
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'return', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  throw_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'throw', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  function_declaration: (ctx, n) => [{ kind: 'function', span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }],
  generator_function_declaration: (ctx, n) => [{ kind: 'function', span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }],
  class_declaration: (ctx, n) => [lowerClass(ctx, n)],
  abstract_class_declaration: (ctx, n) => [lowerClass(ctx, n)],
  import_statement: (ctx, n) => {
    lowerImport(ctx, n);
    return [];
  },
  export_statement: (ctx, n) => lowerExport(ctx, n),
};

export function lowerStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return dispatchStatement(ctx, node, STATEMENTS, SKIPPED, lowerExpr) as Stmt[];
}

export function lowerBlock(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return node.children.flatMap((child) => lowerStatement(ctx, child));
}
