import { dispatchStatement } from '../lower-context.js';
import type { Expr, FunctionIR, Span, Stmt } from '../../ir/types.js';
import { fieldOf, fieldsOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext } from './context.js';
import { constantOf, foldCondition, lowerExpr, withListUse } from './expressions.js';
import { assignList, listStatement, noteArgv, noteArgvCall, releaseList } from './lists.js';
import { lowerFunction, lowerPattern, responseReturn, type FunctionHint } from './functions.js';
import { lowerImport, lowerImportFrom } from './modules.js';

type LowerStmt = (ctx: LowerContext, node: SyntaxNode) => Stmt[];

/** Calls that never return (they raise or end the process): abort(404) ends a branch as `raise` does. */
const NO_RETURN = /^(?:abort|flask\.abort|flask_restful\.abort|werkzeug\.exceptions\.abort|exit|quit|sys\.exit|os\._exit)$/;

const SKIPPED = new Set(['pass_statement', 'break_statement', 'continue_statement', 'global_statement', 'nonlocal_statement', 'future_import_statement', 'comment', 'type_alias_statement']);
/** Base classes that make a class a Django (or DRF) class-based view: its `self.request` is the request. */
const VIEW_BASES = /(?:^|[.\s,(])(?:\w*View|\w*ViewSet|\w*Mixin)\b/;

function block(ctx: LowerContext, node: SyntaxNode | undefined): Stmt[] {
  if (!node) return [];
  return node.type === 'block' ? lowerBlock(ctx, node) : lowerStatement(ctx, node);
}

/** A nested block (a branch, a loop body): assignments there make names unknown rather than known. */
function nested(ctx: LowerContext, node: SyntaxNode | undefined): Stmt[] {
  const scope = ctx.scope;
  if (scope) scope.depth++;
  try {
    return block(ctx, node);
  } finally {
    if (scope) scope.depth--;
  }
}

/** Every name assigned under `node`: a loop forgets them before its body runs (a later iteration sees them). */
function forgetAssigned(ctx: LowerContext, node: SyntaxNode): void {
  const scope = ctx.scope;
  if (!scope || (!scope.known.size && !scope.defs.size && !scope.lists.size)) return;
  const visit = (n: SyntaxNode) => {
    if (n.type === 'identifier') releaseList(ctx, ctx.text(n));
    if ((n.type === 'assignment' || n.type === 'augmented_assignment') && fieldOf(n, 'left')) forget(ctx, fieldOf(n, 'left')!);
    if (n.type === 'for_statement' && fieldOf(n, 'left')) forget(ctx, fieldOf(n, 'left')!);
    for (const c of n.children) visit(c);
  };
  visit(node);
}

function forget(ctx: LowerContext, target: SyntaxNode): void {
  const scope = ctx.scope;
  if (!scope) return;
  if (target.type === 'identifier') {
    scope.known.delete(ctx.text(target));
    scope.defs.delete(ctx.text(target));
    releaseList(ctx, ctx.text(target));
  }
  else for (const c of namedChildren(target)) if (c.type !== 'attribute' && c.type !== 'subscript') forget(ctx, c);
}

/** x = 'const' at the function's top level: x is known until it is assigned again. */
function remember(ctx: LowerContext, target: SyntaxNode, value: SyntaxNode | undefined): void {
  const scope = ctx.scope;
  if (!scope) {
    // Module level: what a top-level name was assigned (a compiled regex), for checks in the functions.
    if (target.type === 'identifier' && value) ctx.moduleDefs.set(ctx.text(target), value);
    else if (target.type === 'identifier') ctx.moduleDefs.delete(ctx.text(target));
    return;
  }
  forget(ctx, target);
  if (target.type === 'identifier' && value) scope.defs.set(ctx.text(target), value);
  assignList(ctx, target, value);
  noteArgv(ctx, target, value);
  if (target.type !== 'identifier' || !value || scope.depth > 0) return;
  const known = constantOf(ctx, value);
  if (known !== undefined) scope.known.set(ctx.text(target), known);
}

function names(pattern: SyntaxNode): boolean {
  return pattern.type === 'identifier' || ((pattern.type === 'pattern_list' || pattern.type === 'tuple_pattern' || pattern.type === 'tuple') && namedChildren(pattern).every(names));
}

/** x = v; a, b = c, d (item by item when the sides match and no name is both read and written); a = b = v. */
function assignment(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const left = fieldOf(node, 'left');
  let right = fieldOf(node, 'right');
  const span = ctx.span(node);
  if (!left) return [];
  if (!right) return [{ kind: 'assign', span, target: lowerPattern(ctx, left), value: undefined }];
  const chained: Stmt[] = [];
  if (right.type === 'assignment') {
    chained.push(...assignment(ctx, right));
    right = fieldOf(right, 'left') ?? right;
  }
  const rightNode = right;
  const done = (stmts: Stmt[]) => {
    remember(ctx, left, rightNode);
    return stmts;
  };
  const lefts = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? namedChildren(left) : undefined;
  const rights = right.type === 'expression_list' || right.type === 'tuple' ? namedChildren(right) : undefined;
  if (lefts && rights && lefts.length === rights.length && lefts.every(names)) {
    const written = new Set(lefts.map((l) => ctx.text(l)));
    const reads = rights.some((r) => [...written].some((w) => new RegExp(`\\b${w}\\b`).test(ctx.text(r))));
    if (!reads) return done([...chained, ...lefts.map((l, i): Stmt => ({ kind: 'assign', span: ctx.span(l), target: lowerPattern(ctx, l), value: lowerValue(ctx, rights[i]!, l) }))]);
  }
  return done([...chained, ...keyWrite(ctx, left), { kind: 'assign', span, target: lowerPattern(ctx, left), value: lowerValue(ctx, right, left) }]);
}

/**
 * obj[key] = v with a key that is not a constant: the key is passed to `obj.__setitem__` too, so that sinks on
 * the key itself (a session attribute named by the client) see it; the assignment stores v as before.
 */
function keyWrite(ctx: LowerContext, left: SyntaxNode): Stmt[] {
  const index = left.type === 'subscript' ? fieldOf(left, 'subscript') : undefined;
  const object = fieldOf(left, 'value');
  if (!index || !object || index.type === 'string' || index.type === 'integer' || index.type === 'slice') return [];
  const span = ctx.span(left);
  const callee: Expr = { kind: 'member', span: ctx.span(object), object: lowerExpr(ctx, object), property: '__setitem__' };
  return [{ kind: 'expr', span, expr: { kind: 'call', span, callee, args: [lowerExpr(ctx, index)] } }];
}

function lowerValue(ctx: LowerContext, node: SyntaxNode, target: SyntaxNode): Expr {
  const value = lowerExpr(ctx, node);
  if (value.kind === 'function' && !value.fn.name && target.type === 'identifier') value.fn.name = ctx.text(target);
  return value;
}

function augmented(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const op = fieldOf(node, 'operator');
  if (!left || !right) return [];
  const value = lowerExpr(ctx, right);
  forget(ctx, left);
  const text = op ? ctx.text(op) : '';
  const expr: Expr = text === '+=' || text === '|=' || text === '%='
    ? { kind: 'assign', span: ctx.span(node), target: lowerPattern(ctx, left), value, append: true }
    : { kind: 'assign', span: ctx.span(node), target: lowerPattern(ctx, left), value: ctx.opaque(node, [value]) };
  return [{ kind: 'expr', span: ctx.span(node), expr }];
}

function expressionStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return namedChildren(node).flatMap((inner): Stmt[] => {
    if (inner.type === 'assignment') return assignment(ctx, inner);
    if (inner.type === 'augmented_assignment') return augmented(ctx, inner);
    if (inner.type === 'call' && NO_RETURN.test(ctx.text(fieldOf(inner, 'function') ?? inner).replace(/\s+/g, ''))) {
      return [{ kind: 'throw', span: ctx.span(inner), value: lowerExpr(ctx, inner) }];
    }
    noteArgvCall(ctx, inner);
    if (listStatement(ctx, inner)) {
      const list = fieldOf(fieldOf(inner, 'function') ?? inner, 'object') ?? inner;
      return [{ kind: 'expr', span: ctx.span(inner), expr: withListUse(ctx, list, () => lowerExpr(ctx, inner)) }];
    }
    return [{ kind: 'expr', span: ctx.span(inner), expr: lowerExpr(ctx, inner) }];
  });
}

/** if / elif / else; a condition fixed by constants keeps only the branch that runs. */
function ifStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const clauses: { test: SyntaxNode | undefined; body: SyntaxNode | undefined }[] = [{ test: fieldOf(node, 'condition'), body: fieldOf(node, 'consequence') }];
  for (const alt of fieldsOf(node, 'alternative')) {
    if (alt.type === 'elif_clause') clauses.push({ test: fieldOf(alt, 'condition'), body: fieldOf(alt, 'consequence') });
    else clauses.push({ test: undefined, body: fieldOf(alt, 'body') ?? firstNamed(alt) });
  }
  const build = (i: number): Stmt[] => {
    const clause = clauses[i];
    if (!clause) return [];
    if (!clause.test) return nested(ctx, clause.body);
    const folded = foldCondition(ctx, clause.test);
    if (folded === true) return nested(ctx, clause.body);
    if (folded === false) return build(i + 1);
    return [{ kind: 'if', span: ctx.span(clause.body ?? node), test: lowerExpr(ctx, clause.test), then: nested(ctx, clause.body), else: build(i + 1) }];
  };
  return build(0);
}

function forStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  forgetAssigned(ctx, node);
  const each = left && right ? { target: lowerPattern(ctx, left), iterable: lowerExpr(ctx, right) } : undefined;
  const otherwise = fieldOf(node, 'alternative');
  return [{ kind: 'loop', span: ctx.span(node), head: [], body: nested(ctx, fieldOf(node, 'body')), each }, ...(otherwise ? nested(ctx, fieldOf(otherwise, 'body') ?? firstNamed(otherwise)) : [])];
}

function whileStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const test = fieldOf(node, 'condition');
  forgetAssigned(ctx, node);
  if (test && foldCondition(ctx, test) === false) return [];
  return [{ kind: 'loop', span: ctx.span(node), head: [], test: test ? lowerExpr(ctx, test) : undefined, body: nested(ctx, fieldOf(node, 'body')) }];
}

function tryStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const body = nested(ctx, fieldOf(node, 'body'));
  const arms: Stmt[][] = [];
  let param: ReturnType<typeof lowerPattern> | undefined;
  let finalizer: Stmt[] = [];
  for (const child of node.children) {
    if (child.type === 'except_clause' || child.type === 'except_group_clause') {
      const value = fieldOf(child, 'value');
      const alias = value?.type === 'as_pattern' ? fieldOf(value, 'alias') : fieldOf(child, 'alias');
      if (alias && !param) param = lowerPattern(ctx, alias);
      const inner = child.children.find((c) => c.type === 'block');
      arms.push(nested(ctx, inner));
    } else if (child.type === 'else_clause') body.push(...nested(ctx, fieldOf(child, 'body') ?? firstNamed(child)));
    else if (child.type === 'finally_clause') finalizer = nested(ctx, child.children.find((c) => c.type === 'block'));
  }
  const handler: Stmt[] = arms.length > 1 ? [{ kind: 'branches', span: ctx.span(node), arms }] : arms[0] ?? [];
  return [{ kind: 'try', span: ctx.span(node), body, handler, param, finalizer }];
}

/** with open(p) as f: … is f = open(p), then the body. */
function withStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const out: Stmt[] = [];
  const clause = node.children.find((c) => c.type === 'with_clause');
  for (const item of clause ? namedChildren(clause) : []) {
    const value = fieldOf(item, 'value') ?? firstNamed(item);
    if (!value) continue;
    if (value.type === 'as_pattern') {
      const expr = firstNamed(value);
      const alias = fieldOf(value, 'alias');
      if (expr && alias) out.push({ kind: 'assign', span: ctx.span(item), target: lowerPattern(ctx, alias), value: lowerExpr(ctx, expr) });
      else if (expr) out.push({ kind: 'expr', span: ctx.span(item), expr: lowerExpr(ctx, expr) });
    } else out.push({ kind: 'expr', span: ctx.span(item), expr: lowerExpr(ctx, value) });
  }
  return [...out, ...block(ctx, fieldOf(node, 'body'))];
}

function matchStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const subject = fieldOf(node, 'subject');
  const body = fieldOf(node, 'body');
  const clauses = (body ? namedChildren(body) : []).filter((c) => c.type === 'case_clause');
  // A subject fixed by constants runs the first case whose literal patterns match it (or the `_` case).
  const known = subject ? constantOf(ctx, subject) : undefined;
  if (known !== undefined) {
    for (const clause of clauses) {
      const pattern = clause.children.find((c) => c.type === 'case_pattern');
      if (!pattern || clause.children.some((c) => c.field === 'guard')) break;
      const inner = namedChildren(pattern);
      const literals = !inner.length ? undefined : inner[0]!.type === 'union_pattern' ? namedChildren(inner[0]!) : inner;
      if (literals === undefined) return nested(ctx, fieldOf(clause, 'consequence'));
      const values = literals.map((l) => constantOf(ctx, l));
      if (values.some((v) => v === undefined)) break;
      if (values.includes(known)) return nested(ctx, fieldOf(clause, 'consequence'));
    }
  }
  const arms = clauses.map((c) => nested(ctx, fieldOf(c, 'consequence')));
  return [{ kind: 'branches', span: ctx.span(node), test: subject ? lowerExpr(ctx, subject) : undefined, arms }];
}

function classDefinition(ctx: LowerContext, node: SyntaxNode, decorators: string[] = []): Stmt[] {
  const name = fieldOf(node, 'name');
  const bases = fieldOf(node, 'superclasses');
  const view = bases !== undefined && VIEW_BASES.test(ctx.text(bases));
  const members: FunctionIR[] = [];
  const fields: { name: string; value: Expr }[] = [];
  const body = fieldOf(node, 'body');
  const outerFields = ctx.requestFields;
  ctx.requestFields = requestFields(ctx, body);
  try {
    for (const child of body ? namedChildren(body) : []) {
      const { def, decos } = unwrapDecorated(ctx, child);
      if (def.type === 'function_definition') members.push(lowerFunction(ctx, def, { decorators: decos, method: true, view }));
      else if (def.type === 'expression_statement') {
        for (const stmt of expressionStatement(ctx, def)) if (stmt.kind === 'assign' && stmt.target.kind === 'name' && stmt.value) fields.push({ name: stmt.target.name, value: stmt.value });
      }
    }
  } finally {
    ctx.requestFields = outerFields;
  }
  void decorators;
  const className = name ? ctx.text(name) : undefined;
  if (className && ctx.scopes.length === 0) exportClass(ctx, className, members, ctx.span(node));
  return [{ kind: 'class', span: ctx.span(node), name: className, members, fields }];
}

/**
 * A top-level class for other files: calling it runs `__init__` (exported as the class), an instance is
 * `Class()` (its constructor, or an empty one) and its methods `Class().method`, so `w = mod.Wrapper(x)` then
 * `w.get()` reaches the method's summary.
 */
function exportClass(ctx: LowerContext, className: string, members: FunctionIR[], span: Span): void {
  let init = members.find((m) => m.name === '__init__');
  if (init) ctx.exports.push({ name: className, fn: init.id });
  else {
    ctx.exports.push({ name: className, local: className });
    init = { id: ctx.id(), name: className, span, params: [], body: [] };
    ctx.functions.push(init);
  }
  ctx.exports.push({ name: `${className}()`, fn: init.id });
  for (const m of members) if (m.name && m.name !== '__init__') ctx.exports.push({ name: `${className}().${m.name}`, fn: m.id });
}

/** Fields of a class that hold Flask's request: annotated `request: flask.Request`, or set in __init__ from a parameter so typed. */
function requestFields(ctx: LowerContext, body: SyntaxNode | undefined): Set<string> {
  const out = new Set<string>();
  for (const child of body ? namedChildren(body) : []) {
    const { def } = unwrapDecorated(ctx, child);
    if (def.type === 'expression_statement') {
      const assign = firstNamed(def);
      const left = assign?.type === 'assignment' ? fieldOf(assign, 'left') : undefined;
      const type = assign ? fieldOf(assign, 'type') : undefined;
      if (left?.type === 'identifier' && ctx.isRequestType(type && ctx.text(type))) out.add(ctx.text(left));
    } else if (def.type === 'function_definition' && ctx.text(fieldOf(def, 'name') ?? def) === '__init__') {
      const params = namedChildren(fieldOf(def, 'parameters') ?? def);
      const self = params[0] ? ctx.text(params[0]) : 'self';
      const typed = new Set(params.filter((p) => p.type === 'typed_parameter' && ctx.isRequestType(ctx.text(fieldOf(p, 'type') ?? p))).map((p) => ctx.text(firstNamed(p) ?? p)));
      for (const stmt of namedChildren(fieldOf(def, 'body') ?? def)) {
        const assign = stmt.type === 'expression_statement' ? firstNamed(stmt) : undefined;
        const [left, right] = assign?.type === 'assignment' ? [fieldOf(assign, 'left'), fieldOf(assign, 'right')] : [];
        const target = left?.type === 'attribute' && ctx.text(fieldOf(left, 'object') ?? left) === self ? fieldOf(left, 'attribute') : undefined;
        if (target && right?.type === 'identifier' && typed.has(ctx.text(right))) out.add(ctx.text(target));
      }
    }
  }
  return out;
}

function unwrapDecorated(ctx: LowerContext, node: SyntaxNode): { def: SyntaxNode; decos: string[] } {
  if (node.type !== 'decorated_definition') return { def: node, decos: [] };
  const decos = node.children.filter((c) => c.type === 'decorator').map((d) => ctx.text(d));
  return { def: fieldOf(node, 'definition') ?? node, decos };
}

function functionStatement(ctx: LowerContext, node: SyntaxNode, hint: FunctionHint = {}): Stmt[] {
  const fn = lowerFunction(ctx, node, hint);
  if (fn.name && ctx.scopes.length === 0) ctx.exports.push({ name: fn.name, fn: fn.id });
  return [{ kind: 'function', span: ctx.span(node), fn }];
}

const STATEMENTS: Record<string, LowerStmt> = {
  expression_statement: expressionStatement,
  if_statement: ifStatement,
  for_statement: forStatement,
  while_statement: whileStatement,
  try_statement: tryStatement,
  with_statement: withStatement,
  match_statement: matchStatement,
  block: (ctx, n) => lowerBlock(ctx, n),
  return_statement: (ctx, n) => responseReturn(ctx, n, firstNamed(n)),
  raise_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'throw', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  function_definition: (ctx, n) => functionStatement(ctx, n),
  class_definition: (ctx, n) => classDefinition(ctx, n),
  decorated_definition: (ctx, n) => {
    const { def, decos } = unwrapDecorated(ctx, n);
    // The decorators run (app.route(...) is evaluated for what it does), then the definition.
    const calls: Stmt[] = n.children.filter((c) => c.type === 'decorator').map((d) => ({ kind: 'expr', span: ctx.span(d), expr: lowerExpr(ctx, firstNamed(d) ?? d) }));
    if (def.type === 'class_definition') return [...calls, ...classDefinition(ctx, def, decos)];
    return [...calls, ...functionStatement(ctx, def, { decorators: decos })];
  },
  import_statement: (ctx, n) => {
    lowerImport(ctx, n);
    return [];
  },
  import_from_statement: (ctx, n) => {
    lowerImportFrom(ctx, n);
    return [];
  },
  // assert t, msg: past it, t holds (as after `if not t: raise`).
  assert_statement: (ctx, n) => {
    const [test, message] = namedChildren(n);
    if (!test) return [];
    const raise: Stmt = { kind: 'throw', span: ctx.span(n), value: message ? lowerExpr(ctx, message) : undefined };
    return [{ kind: 'if', span: ctx.span(n), test: lowerExpr(ctx, test), then: [], else: [raise] }];
  },
  delete_statement: (ctx, n) => {
    // del lst[0] changes a list: it is no longer followed item by item.
    const visit = (node: SyntaxNode): void => {
      if (node.type === 'identifier') releaseList(ctx, ctx.text(node));
      node.children.forEach(visit);
    };
    visit(n);
    return [];
  },
  print_statement: (ctx, n) => namedChildren(n).map((c) => ({ kind: 'expr', span: ctx.span(c), expr: lowerExpr(ctx, c) })),
  exec_statement: (ctx, n) => namedChildren(n).map((c) => ({ kind: 'expr', span: ctx.span(c), expr: lowerExpr(ctx, c) })),
};

export function lowerStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return dispatchStatement(ctx, node, STATEMENTS, SKIPPED, lowerExpr) as Stmt[];
}

export function lowerBlock(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  return node.children.flatMap((child) => lowerStatement(ctx, child));
}
