import type { FunctionIR, ParamIR, Pattern, Stmt } from '../../ir/types.js';
import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext } from './context.js';
import { bareName, lowerExpr } from './expressions.js';
import { roleOfType } from './handlers.js';
import { lowerBlock } from './statements.js';

const PARAMETERS = new Set(['simple_parameter', 'variadic_parameter', 'property_promotion_parameter']);

function param(ctx: LowerContext, node: SyntaxNode): ParamIR {
  const nameNode = fieldOf(node, 'name');
  const name = nameNode ? ctx.text(nameNode).replace(/^[&$]+/, '') : undefined;
  const pattern: Pattern = name ? { kind: 'name', span: ctx.span(nameNode!), name } : { kind: 'none', span: ctx.span(node) };
  const type = fieldOf(node, 'type');
  const fallback = fieldOf(node, 'default_value');
  const out: ParamIR = { pattern, name, fallback: fallback ? lowerExpr(ctx, fallback) : undefined, rest: node.type === 'variadic_parameter' };
  const ref = type ? roleOfType(bareName(ctx.text(type).replace(/^\?/, '').trim())) : undefined;
  if (ref) out.ref = ref;
  return out;
}

/**
 * A function, method, closure or arrow function. A constructor also returns `$this`, so that `new C($x)` gives
 * an object carrying what the constructor stored in it.
 */
export function lowerFunction(ctx: LowerContext, node: SyntaxNode, opts: { name?: string | undefined; constructorOf?: string | undefined }): FunctionIR {
  const params = fieldOf(node, 'parameters');
  const bodyNode = fieldOf(node, 'body');
  const fn: FunctionIR = {
    id: ctx.id(),
    name: opts.name,
    span: ctx.span(node),
    params: params ? namedChildren(params).filter((p) => PARAMETERS.has(p.type)).map((p) => param(ctx, p)) : [],
    body: [],
  };
  ctx.functions.push(fn);
  const saved = new Map(ctx.constants);
  let body: Stmt[] = [];
  if (bodyNode?.type === 'compound_statement') body = lowerBlock(ctx, bodyNode);
  else if (bodyNode) body = [{ kind: 'return', span: ctx.span(bodyNode), value: lowerExpr(ctx, bodyNode) }];
  ctx.constants.clear();
  for (const [k, v] of saved) ctx.constants.set(k, v);
  if (opts.constructorOf) {
    const span = ctx.span(node);
    // Promoted constructor parameters (public function __construct(private $x)) are stored in $this.
    const promoted = params ? namedChildren(params).filter((p) => p.type === 'property_promotion_parameter') : [];
    for (const p of promoted) {
      const name = fieldOf(p, 'name');
      if (!name) continue;
      const key = ctx.text(name).replace(/^[&$]+/, '');
      body.unshift({ kind: 'assign', span, target: { kind: 'member', span, object: { kind: 'name', span, name: 'this' }, property: key }, value: { kind: 'name', span, name: key } });
    }
    // The object carries what the constructor stored in it, nested fields too ($this->input['k'] = $v).
    const fields = [...new Set([...ctx.text(node).matchAll(/\$this->(\w+)/g)].map((m) => m[1]!))];
    const self = { kind: 'name' as const, span, name: 'this' };
    body.push({ kind: 'return', span, value: { kind: 'union', span, parts: [self, ...fields.map((f) => ({ kind: 'member' as const, span, object: self, property: f }))] } });
  }
  fn.body = body;
  return fn;
}
