import type { FunctionIR, ParamIR, Pattern } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext, stringValue, typeName } from './context.js';
import { lowerExpr } from './expressions.js';
import { assignRolesByName, decoratedParam, markHandler, roleOfType } from './handlers.js';
import { lowerBlock } from './statements.js';

export interface FunctionHint {
  /** The name it is bound to: const f = () => …, { f: function () {} }. */
  name?: string | undefined;
  /** The object key it is the value of (Hapi's `handler:`). */
  property?: string | undefined;
}

function objectPattern(ctx: LowerContext, node: SyntaxNode): Pattern {
  const props: Extract<Pattern, { kind: 'object' }>['props'] = [];
  let rest: Pattern | undefined;
  for (const child of namedChildren(node)) {
    if (child.type === 'shorthand_property_identifier_pattern') {
      props.push({ key: ctx.text(child), value: { kind: 'name', span: ctx.span(child), name: ctx.text(child) } });
    } else if (child.type === 'object_assignment_pattern') {
      const left = fieldOf(child, 'left');
      const right = fieldOf(child, 'right');
      if (left) props.push({ key: ctx.text(left), value: lowerPattern(ctx, left), fallback: right ? lowerExpr(ctx, right) : undefined });
    } else if (child.type === 'pair_pattern') {
      const key = fieldOf(child, 'key');
      const value = fieldOf(child, 'value');
      if (!key || !value) continue;
      const name = key.type === 'string' ? stringValue(ctx, key) : key.type === 'computed_property_name' ? undefined : ctx.text(key);
      const fallback = value.type === 'assignment_pattern' ? fieldOf(value, 'right') : undefined;
      props.push({ key: name, value: lowerPattern(ctx, value), fallback: fallback ? lowerExpr(ctx, fallback) : undefined });
    } else if (child.type === 'rest_pattern') {
      rest = lowerPattern(ctx, firstNamed(child) ?? child);
    }
  }
  return { kind: 'object', span: ctx.span(node), props, rest };
}

function arrayPattern(ctx: LowerContext, node: SyntaxNode): Pattern {
  const items: (Pattern | undefined)[] = [];
  let rest: Pattern | undefined;
  for (const child of namedChildren(node)) {
    if (child.type === 'rest_pattern') rest = lowerPattern(ctx, firstNamed(child) ?? child);
    else items.push(lowerPattern(ctx, child));
  }
  return { kind: 'array', span: ctx.span(node), items, rest };
}

export function lowerPattern(ctx: LowerContext, node: SyntaxNode): Pattern {
  const span = ctx.span(node);
  switch (node.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return { kind: 'name', span, name: ctx.text(node) };
    case 'member_expression':
    case 'subscript_expression': {
      const lowered = lowerExpr(ctx, node);
      if (lowered.kind === 'member') return { kind: 'member', span, object: lowered.object, property: lowered.property };
      return { kind: 'none', span };
    }
    case 'object_pattern':
      return objectPattern(ctx, node);
    case 'array_pattern':
      return arrayPattern(ctx, node);
    case 'assignment_pattern':
    case 'object_assignment_pattern': {
      const left = fieldOf(node, 'left');
      return left ? lowerPattern(ctx, left) : { kind: 'none', span };
    }
    case 'parenthesized_expression':
    case 'non_null_expression':
    case 'as_expression':
    case 'rest_pattern': {
      const inner = firstNamed(node);
      return inner ? lowerPattern(ctx, inner) : { kind: 'none', span };
    }
    default:
      return { kind: 'none', span };
  }
}

function lowerParam(ctx: LowerContext, node: SyntaxNode): ParamIR | undefined {
  let target = node;
  let type: string | undefined;
  let fallback: SyntaxNode | undefined;
  let rest = false;
  if (node.type === 'required_parameter' || node.type === 'optional_parameter') {
    target = fieldOf(node, 'pattern') ?? node;
    type = typeName(ctx, fieldOf(node, 'type'));
    fallback = fieldOf(node, 'value');
  }
  if (target.type === 'assignment_pattern') {
    fallback = fieldOf(target, 'right');
    target = fieldOf(target, 'left') ?? target;
  }
  if (target.type === 'rest_pattern') {
    rest = true;
    target = firstNamed(target) ?? target;
  }
  if (target.type === 'this') return undefined;
  const pattern = lowerPattern(ctx, target);
  const decorated = decoratorOf(ctx, node);
  return {
    pattern,
    name: pattern.kind === 'name' ? pattern.name : undefined,
    ref: decorated?.ref ?? roleOfType(type),
    source: decorated?.source,
    fallback: fallback ? lowerExpr(ctx, fallback) : undefined,
    rest,
  };
}

/** @Query('id') id, @Body() dto, @Req() req: NestJS hands request data in by parameter decorators. */
function decoratorOf(ctx: LowerContext, param: SyntaxNode): ReturnType<typeof decoratedParam> {
  for (const decorator of param.children.filter((c) => c.type === 'decorator')) {
    const call = firstNamed(decorator);
    const fn = call?.type === 'call_expression' ? fieldOf(call, 'function') : undefined;
    if (!call || fn?.type !== 'identifier') continue;
    const first = namedChildren(fieldOf(call, 'arguments') ?? call)[0];
    const found = decoratedParam(ctx.text(fn), first?.type === 'string' ? stringValue(ctx, first) : undefined);
    if (found) return found;
  }
  return undefined;
}

function paramsOf(ctx: LowerContext, node: SyntaxNode): ParamIR[] {
  const single = fieldOf(node, 'parameter');
  if (single) return [{ pattern: lowerPattern(ctx, single), name: ctx.text(single) }];
  const list = fieldOf(node, 'parameters');
  if (!list) return [];
  return namedChildren(list)
    .map((param) => lowerParam(ctx, param))
    .filter((p): p is ParamIR => p !== undefined);
}

/** Any function form: declaration, expression, arrow, method. Registered in the context's function list. */
export function lowerFunction(ctx: LowerContext, node: SyntaxNode, hint: FunctionHint): FunctionIR {
  const name = fieldOf(node, 'name');
  const fn: FunctionIR = { id: ctx.id(), name: name ? ctx.text(name) : hint.name, span: ctx.span(node), params: paramsOf(ctx, node), body: [] };
  ctx.functions.push(fn);
  assignRolesByName(fn.params);
  if (hint.property === 'handler') markHandler(fn, 'handler');
  const body = fieldOf(node, 'body');
  if (body?.type === 'statement_block') fn.body = lowerBlock(ctx, body);
  else if (body) fn.body = [{ kind: 'return', span: ctx.span(body), value: lowerExpr(ctx, body) }];
  return fn;
}
