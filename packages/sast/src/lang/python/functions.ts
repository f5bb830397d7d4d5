import type { FunctionIR, ParamIR, Pattern, Stmt } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext, type FunctionScope } from './context.js';
import { lowerExpr } from './expressions.js';
import { isRouteDecorator, markDjangoRequest, markRoute, type ParamInfo } from './handlers.js';
import { releaseList } from './lists.js';
import { lowerBlock } from './statements.js';

export function lowerPattern(ctx: LowerContext, node: SyntaxNode): Pattern {
  const span = ctx.span(node);
  switch (node.type) {
    case 'identifier': {
      const name = ctx.text(node);
      return { kind: 'name', span, name: ctx.scope?.self === name ? 'this' : name };
    }
    case 'attribute':
    case 'subscript': {
      // lst[0] = x changes a followed list: it is no longer known item by item.
      const base = node.type === 'subscript' ? fieldOf(node, 'value') : undefined;
      if (base?.type === 'identifier') releaseList(ctx, ctx.text(base));
      const lowered = lowerExpr(ctx, node);
      return lowered.kind === 'member' ? { kind: 'member', span, object: lowered.object, property: lowered.property } : { kind: 'none', span };
    }
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'expression_list': {
      let rest: Pattern | undefined;
      const items: Pattern[] = [];
      for (const child of namedChildren(node)) {
        if (child.type === 'list_splat_pattern' || child.type === 'list_splat') rest = lowerPattern(ctx, firstNamed(child) ?? child);
        else items.push(lowerPattern(ctx, child));
      }
      return { kind: 'array', span, items, rest };
    }
    case 'parenthesized_expression':
    case 'as_pattern_target':
    case 'list_splat_pattern': {
      const inner = firstNamed(node);
      return inner ? lowerPattern(ctx, inner) : { kind: 'none', span };
    }
    default:
      return { kind: 'none', span };
  }
}

/** Names a function binds: its parameters and every assignment target in its body (not nested functions). */
function boundNames(ctx: LowerContext, body: SyntaxNode | undefined, params: ParamInfo[]): FunctionScope {
  const locals = new Set<string>(params.map((p) => p.name).filter((n): n is string => n !== undefined));
  const counts = new Map<string, number>();
  const numbers = new Map<string, number>();
  const targets = (node: SyntaxNode, value: SyntaxNode | undefined) => {
    if (node.type === 'identifier') {
      const name = ctx.text(node);
      locals.add(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (value && (value.type === 'integer' || value.type === 'float')) numbers.set(name, Number(ctx.text(value).replace(/_/g, '')));
      else numbers.delete(name);
      return;
    }
    for (const child of namedChildren(node)) if (child.type !== 'attribute' && child.type !== 'subscript') targets(child, undefined);
  };
  const visit = (node: SyntaxNode) => {
    for (const child of node.children) {
      if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') {
        const name = fieldOf(child, 'name');
        if (name) targets(name, undefined);
        continue;
      }
      if (child.type === 'assignment' || child.type === 'augmented_assignment') {
        const left = fieldOf(child, 'left');
        if (left) targets(left, child.type === 'assignment' ? fieldOf(child, 'right') : undefined);
        if (child.type === 'augmented_assignment' && left?.type === 'identifier') counts.set(ctx.text(left), 2);
      } else if (child.type === 'for_statement' || child.type === 'for_in_clause') {
        const left = fieldOf(child, 'left');
        if (left) targets(left, undefined);
      } else if (child.type === 'as_pattern_target' || child.type === 'named_expression') {
        const name = child.type === 'named_expression' ? fieldOf(child, 'name') : firstNamed(child);
        if (name) targets(name, undefined);
      } else if (child.type === 'global_statement' || child.type === 'nonlocal_statement') {
        for (const n of namedChildren(child)) counts.set(ctx.text(n), 2);
      }
      visit(child);
    }
  };
  if (body) visit(body);
  const constants = new Map<string, number>();
  for (const [name, value] of numbers) if (counts.get(name) === 1 && !params.some((p) => p.name === name)) constants.set(name, value);
  return { locals, constants, respond: false, known: new Map(), defs: new Map(), requestNames: new Set(), entityParsers: new Set(), argv: new Map(), lists: new Map(), depth: 0 };
}

interface Lowered {
  param: ParamIR | undefined;
  info: ParamInfo;
}

function typeText(ctx: LowerContext, node: SyntaxNode | undefined): string | undefined {
  return node ? ctx.text(node).replace(/\[[\s\S]*$/, '').trim() : undefined;
}

function lowerParam(ctx: LowerContext, node: SyntaxNode): Lowered {
  const none = { param: undefined, info: { name: undefined, type: undefined, defaultCall: undefined } };
  let nameNode: SyntaxNode | undefined;
  let type: SyntaxNode | undefined;
  let value: SyntaxNode | undefined;
  let rest = false;
  switch (node.type) {
    case 'identifier':
      nameNode = node;
      break;
    case 'typed_parameter': {
      const inner = firstNamed(node);
      type = fieldOf(node, 'type');
      if (inner?.type === 'list_splat_pattern' || inner?.type === 'dictionary_splat_pattern') {
        rest = true;
        nameNode = firstNamed(inner);
      } else nameNode = inner;
      break;
    }
    case 'default_parameter':
    case 'typed_default_parameter':
      nameNode = fieldOf(node, 'name');
      type = fieldOf(node, 'type');
      value = fieldOf(node, 'value');
      break;
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      rest = true;
      nameNode = firstNamed(node);
      break;
    default:
      return none;
  }
  if (!nameNode) return none;
  const name = ctx.text(nameNode);
  const callee = value?.type === 'call' ? fieldOf(value, 'function') : undefined;
  const info: ParamInfo = { name, type: typeText(ctx, type), defaultCall: callee ? ctx.text(callee) : undefined };
  // A FastAPI default (Query(None)) is not data the handler falls back to.
  const fallback = value && !info.defaultCall ? lowerExpr(ctx, value) : undefined;
  return { param: { pattern: { kind: 'name', span: ctx.span(nameNode), name }, name, fallback, rest }, info };
}

export interface FunctionHint {
  decorators?: string[];
  /** A method of a class: its first parameter is the instance. */
  method?: boolean;
  /** The class is a Django class-based view (or DRF view). */
  view?: boolean;
}

/** The path of routes that match one fixed path each (`@app.route('/about')`), else undefined. */
function staticRoute(decorators: string[]): string | undefined {
  const paths = decorators.map((d) => /^@?\s*[\w.]+\.\w+\(\s*['"]([^'"<>{}]*)['"]\s*[,)]/.exec(d)?.[1]);
  return paths.every((p) => p !== undefined && p.startsWith('/')) ? paths[0] : undefined;
}

/** A def, async def or lambda: registered in the context's function list. */
export function lowerFunction(ctx: LowerContext, node: SyntaxNode, hint: FunctionHint = {}): FunctionIR {
  const name = fieldOf(node, 'name');
  const list = fieldOf(node, 'parameters');
  const lowered = (list ? namedChildren(list) : []).map((p) => lowerParam(ctx, p)).filter((p) => p.param);
  const decorators = hint.decorators ?? [];
  const isStatic = decorators.some((d) => /^@\s*staticmethod\b/.test(d));
  let self: string | undefined;
  if (hint.method && !isStatic && lowered.length) self = lowered.shift()!.info.name;
  const fn: FunctionIR = { id: ctx.id(), name: name ? ctx.text(name) : undefined, span: ctx.span(node), params: lowered.map((l) => l.param!), body: [] };
  ctx.functions.push(fn);
  const body = fieldOf(node, 'body');
  const scope = boundNames(ctx, body, lowered.map((l) => l.info));
  scope.self = self;
  for (const l of lowered) if (l.info.name && ctx.isRequestType(l.info.type)) scope.requestNames.add(l.info.name);
  const route = decorators.find(isRouteDecorator);
  if (route) {
    markRoute(fn, route.replace(/^@\s*/, ''), lowered.map((l) => l.info), ctx.fastapi);
    scope.respond = !ctx.fastapi;
    scope.staticPath = ctx.fastapi ? undefined : staticRoute(decorators.filter(isRouteDecorator));
  } else if (!hint.method || hint.view) markDjangoRequest(fn.params);
  ctx.scopes.push(scope);
  try {
    if (node.type === 'lambda') fn.body = body ? [{ kind: 'return', span: ctx.span(body), value: lowerExpr(ctx, body) }] : [];
    else if (body) fn.body = lowerBlock(ctx, body);
  } finally {
    ctx.scopes.pop();
  }
  return fn;
}

export function lowerLambda(ctx: LowerContext, node: SyntaxNode): FunctionIR {
  return lowerFunction(ctx, node);
}

/** `return x` of a Flask route handler: the response body, `$return(x)` for the rules. */
export function responseReturn(ctx: LowerContext, node: SyntaxNode, value: SyntaxNode | undefined): Stmt[] {
  const span = ctx.span(node);
  if (!value) return [{ kind: 'return', span }];
  if (!ctx.scope?.respond) return [{ kind: 'return', span, value: lowerExpr(ctx, value) }];
  // return body, status, headers: the first item is the body; the others are evaluated for what they do.
  const items = value.type === 'expression_list' || (value.type === 'tuple' && namedChildren(value).length > 1) ? namedChildren(value) : [value];
  const rest: Stmt[] = items.slice(1).map((item) => ({ kind: 'expr', span: ctx.span(item), expr: lowerExpr(ctx, item) }));
  const body = lowerExpr(ctx, items[0]!);
  return [...rest, { kind: 'return', span, value: { kind: 'call', span: ctx.span(value), callee: { kind: 'name', span, name: '$return' }, args: [body] } }];
}
