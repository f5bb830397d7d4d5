import type { Expr, Stmt } from '../../ir/types.js';
import { fieldOf, fieldsOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext } from './context.js';
import { argumentsOf, conditionTest, lowerExpr, lowerTarget, output } from './expressions.js';
import { lowerFunction } from './functions.js';

type LowerStmt = (ctx: LowerContext, node: SyntaxNode) => Stmt[];

const SKIPPED = new Set([
  'php_tag', 'php_end_tag', 'text', 'text_interpolation', 'comment', 'empty_statement', 'break_statement', 'continue_statement', 'global_declaration',
  'namespace_use_declaration', 'const_declaration', 'interface_declaration', 'declare_statement', 'goto_statement', 'named_label_statement',
]);
const CLASS_LIKE = new Set(['class_declaration', 'trait_declaration', 'enum_declaration']);

/** A statement's body: a block, `: … endif;`, or one statement. */
function body(ctx: LowerContext, node: SyntaxNode | undefined): Stmt[] {
  if (!node) return [];
  if (node.type === 'compound_statement' || node.type === 'colon_block' || node.type === 'switch_block') return lowerBlock(ctx, node);
  return lowerStatement(ctx, node);
}

function condition(ctx: LowerContext, node: SyntaxNode): Expr {
  const test = fieldOf(node, 'condition');
  if (!test) return ctx.opaque(node);
  // if (preg_match('/^\d+$/', $x)) / if (in_array($x, ['a', 'b'], true)): a test the engine knows.
  const inner = test.type === 'parenthesized_expression' ? firstNamed(test) : test;
  return (inner && conditionTest(ctx, inner)) ?? lowerExpr(ctx, test);
}

function ifStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  // if / elseif / else: the else-ifs nest into the else branch.
  const alternatives = fieldsOf(node, 'alternative');
  const build = (index: number): Stmt[] => {
    const alt = alternatives[index];
    if (!alt) return [];
    if (alt.type === 'else_clause') return body(ctx, fieldOf(alt, 'body') ?? firstNamed(alt));
    return [{ kind: 'if', span: ctx.span(alt), test: condition(ctx, alt), then: body(ctx, fieldOf(alt, 'body')), else: build(index + 1) }];
  };
  return [{ kind: 'if', span: ctx.span(node), test: condition(ctx, node), then: body(ctx, fieldOf(node, 'body')), else: build(0) }];
}

function echo(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const arg = firstNamed(node);
  const args = !arg ? [] : arg.type === 'sequence_expression' ? namedChildren(arg).map((c) => lowerExpr(ctx, c)) : [lowerExpr(ctx, arg)];
  return args.map((a) => ({ kind: 'expr', span: a.span, expr: output(ctx, node, ctx.src.span(node.start, node.start + 4), [a]) }));
}

function expressionStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const inner = firstNamed(node);
  if (!inner) return [];
  if (inner.type === 'throw_expression') {
    const value = firstNamed(inner);
    return [{ kind: 'throw', span: ctx.span(node), value: value ? lowerExpr(ctx, value) : undefined }];
  }
  // die() / exit() written as calls end the branch.
  if (inner.type === 'function_call_expression' && /^(?:die|exit)$/i.test(ctx.text(fieldOf(inner, 'function') ?? inner))) {
    return [{ kind: 'throw', span: ctx.span(node), value: { kind: 'opaque', span: ctx.span(inner), parts: argumentsOf(ctx, fieldOf(inner, 'arguments')) } }];
  }
  return [{ kind: 'expr', span: ctx.span(node), expr: lowerExpr(ctx, inner) }];
}

function forStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const head = fieldsOf(node, 'initialize').map((n): Stmt => ({ kind: 'expr', span: ctx.span(n), expr: lowerExpr(ctx, n) }));
  const test = fieldsOf(node, 'condition')[0];
  const loopBody = body(ctx, fieldOf(node, 'body'));
  for (const update of fieldsOf(node, 'update')) loopBody.push({ kind: 'expr', span: ctx.span(update), expr: lowerExpr(ctx, update) });
  return [{ kind: 'loop', span: ctx.span(node), head, test: test ? lowerExpr(ctx, test) : undefined, body: loopBody }];
}

function foreachStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const parts = namedChildren(node).filter((c) => c.field !== 'body');
  const [iterable, binding] = parts;
  const loopBody = body(ctx, fieldOf(node, 'body') ?? parts[2]);
  if (!iterable || !binding) return [{ kind: 'loop', span: ctx.span(node), head: [], body: loopBody }];
  // foreach ($rows as $key => $value): the value is an element; the key is data of the array too.
  const [keyNode, valueNode] = binding.type === 'pair' ? namedChildren(binding) : [undefined, binding];
  const target = valueNode ? lowerTarget(ctx, valueNode) : undefined;
  const key = keyNode ? lowerTarget(ctx, keyNode) : undefined;
  const iter = lowerExpr(ctx, iterable);
  const head: Stmt[] = [];
  if (key) loopBody.unshift({ kind: 'assign', span: ctx.span(keyNode!), target: key, value: { kind: 'member', span: iter.span, object: iter, property: undefined } });
  return [{ kind: 'loop', span: ctx.span(node), head, body: loopBody, each: target ? { target, iterable: iter } : undefined }];
}

function switchStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const block = fieldOf(node, 'body');
  const arms = (block ? namedChildren(block) : [])
    .filter((c) => c.type === 'case_statement' || c.type === 'default_statement')
    .map((c) => namedChildren(c).filter((s) => s.field !== 'value').flatMap((s) => lowerStatement(ctx, s)));
  if (!arms.length) arms.push([]);
  if (!(block ? namedChildren(block) : []).some((c) => c.type === 'default_statement')) arms.push([]);
  return [{ kind: 'branches', span: ctx.span(node), test: condition(ctx, node), arms }];
}

function tryStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const catches = node.children.filter((c) => c.type === 'catch_clause');
  const finalizer = node.children.find((c) => c.type === 'finally_clause');
  const handler = catches.flatMap((c) => body(ctx, fieldOf(c, 'body')));
  const name = catches[0] ? fieldOf(catches[0], 'name') : undefined;
  return [{
    kind: 'try',
    span: ctx.span(node),
    body: body(ctx, fieldOf(node, 'body')),
    handler,
    param: name ? lowerTarget(ctx, name) : undefined,
    finalizer: finalizer ? body(ctx, fieldOf(finalizer, 'body')) : [],
  }];
}

/**
 * A class: its methods are functions bound by their names (so `$obj->method()` reaches them), its constructor is
 * bound as `new <Class>` and returns `$this`. Properties' defaults are evaluated; fields across methods are not
 * followed beyond what the constructor stores.
 */
function classDeclaration(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const nameNode = fieldOf(node, 'name');
  const className = nameNode ? ctx.text(nameNode) : undefined;
  const decls = fieldOf(node, 'body');
  const out: Stmt[] = [];
  for (const member of decls ? namedChildren(decls) : []) {
    if (member.type !== 'method_declaration') continue;
    const method = fieldOf(member, 'name');
    const methodName = method ? ctx.text(method) : undefined;
    const isConstructor = methodName?.toLowerCase() === '__construct' && className !== undefined;
    const fn = lowerFunction(ctx, member, { name: isConstructor ? `new ${className}` : methodName, constructorOf: isConstructor ? className : undefined });
    out.push({ kind: 'function', span: ctx.span(member), fn });
  }
  return out;
}

const LOWER: Record<string, LowerStmt> = {
  expression_statement: expressionStatement,
  echo_statement: echo,
  compound_statement: (ctx, n) => lowerBlock(ctx, n),
  colon_block: (ctx, n) => lowerBlock(ctx, n),
  if_statement: ifStatement,
  while_statement: (ctx, n) => [{ kind: 'loop', span: ctx.span(n), head: [], test: condition(ctx, n), body: body(ctx, fieldOf(n, 'body')) }],
  do_statement: (ctx, n) => [{ kind: 'loop', span: ctx.span(n), head: [], test: condition(ctx, n), body: body(ctx, fieldOf(n, 'body')) }],
  for_statement: forStatement,
  foreach_statement: foreachStatement,
  switch_statement: switchStatement,
  try_statement: tryStatement,
  return_statement: (ctx, n) => {
    const value = firstNamed(n);
    return [{ kind: 'return', span: ctx.span(n), value: value ? lowerExpr(ctx, value) : undefined }];
  },
  exit_statement: (ctx, n) => [{ kind: 'throw', span: ctx.span(n), value: { kind: 'opaque', span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr(ctx, c)) } }],
  unset_statement: (ctx, n) => namedChildren(n).flatMap((c): Stmt[] => {
    const target = lowerTarget(ctx, c);
    return target ? [{ kind: 'assign', span: ctx.span(c), target, value: { kind: 'literal', span: ctx.span(c), value: null } }] : [];
  }),
  function_definition: (ctx, n) => {
    const name = fieldOf(n, 'name');
    return [{ kind: 'function', span: ctx.span(n), fn: lowerFunction(ctx, n, { name: name ? ctx.text(name) : undefined }) }];
  },
  namespace_definition: (ctx, n) => body(ctx, fieldOf(n, 'body')),
  static_variable_declaration: (ctx, n) => namedChildren(n).flatMap((v): Stmt[] => {
    const name = fieldOf(v, 'name');
    const value = fieldOf(v, 'value');
    const target = name ? lowerTarget(ctx, name) : undefined;
    return target ? [{ kind: 'assign', span: ctx.span(v), target, value: value ? lowerExpr(ctx, value) : undefined }] : [];
  }),
};

export function lowerStatement(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  if (SKIPPED.has(node.type)) return [];
  if (CLASS_LIKE.has(node.type)) return classDeclaration(ctx, node);
  const lower = LOWER[node.type];
  if (lower) return lower(ctx, node);
  if (!node.named) return [];
  return [{ kind: 'expr', span: ctx.span(node), expr: lowerExpr(ctx, node) }];
}

/** The statements of a block; `<?= $x ?>` (an expression right after the short echo tag) is output. */
export function lowerBlock(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const out: Stmt[] = [];
  let shortEcho: SyntaxNode | undefined;
  for (const child of node.children) {
    // `?> html <?=` is one text_interpolation node ending with the opening tag.
    const tag = child.type === 'php_tag' ? child : child.type === 'text_interpolation' ? child.children.at(-1) : undefined;
    if (tag) {
      shortEcho = tag.type === 'php_tag' && ctx.text(tag) === '<?=' ? tag : undefined;
      continue;
    }
    if (shortEcho && child.type === 'expression_statement') {
      const inner = firstNamed(child);
      if (inner) out.push({ kind: 'expr', span: ctx.span(child), expr: output(ctx, child, ctx.span(shortEcho), [lowerExpr(ctx, inner)]) });
      shortEcho = undefined;
      continue;
    }
    shortEcho = undefined;
    out.push(...lowerStatement(ctx, child));
  }
  return out;
}
