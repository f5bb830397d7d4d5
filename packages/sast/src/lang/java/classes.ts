import type { Expr, FunctionIR, ParamIR, Stmt } from '../../ir/types.js';
import { fieldOf, fieldsOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { assignedNames, declaredNames } from './constants.js';
import { JavaContext, simpleType, stringValue, type MethodScope } from './context.js';
import { lowerExpr } from './expressions.js';
import { MAPPING_ANNOTATIONS, roleOfType, sourceOfAnnotation } from './handlers.js';
import { lowerBlock } from './statements.js';

const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'local_class_declaration']);

/** Annotations on a declaration: name (last segment) and its first string value (`@RequestParam("id")`, `value = "id"`). */
export function annotationsOf(ctx: JavaContext, node: SyntaxNode): { name: string; value: string | undefined; args: SyntaxNode | undefined }[] {
  const modifiers = node.children.find((c) => c.type === 'modifiers');
  if (!modifiers) return [];
  return modifiers.children.filter((c) => c.type === 'annotation' || c.type === 'marker_annotation').map((a) => {
    const name = fieldOf(a, 'name');
    const args = fieldOf(a, 'arguments');
    let value: string | undefined;
    for (const arg of args ? namedChildren(args) : []) {
      if (arg.type === 'string_literal') value ??= stringValue(ctx, arg);
      else if (arg.type === 'element_value_pair') {
        const key = fieldOf(arg, 'key');
        const v = fieldOf(arg, 'value');
        if (key && v?.type === 'string_literal' && /^(?:value|name)$/.test(ctx.text(key))) value ??= stringValue(ctx, v);
      }
    }
    return { name: name ? ctx.text(name).split('.').pop()! : '', value, args };
  });
}

function newScope(ctx: JavaContext, node: SyntaxNode): MethodScope {
  const locals = declaredNames(ctx, node);
  // A method of an anonymous or local class still sees the enclosing method's locals.
  for (const name of ctx.method?.locals ?? []) locals.add(name);
  return { locals, types: new Map(ctx.method?.types ?? []), constants: new Map(), reassigned: assignedNames(ctx, node), collections: new Map(), depth: 0 };
}

function lowerParams(ctx: JavaContext, list: SyntaxNode | undefined, spring: boolean): ParamIR[] {
  if (!list) return [];
  return namedChildren(list).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter').map((p): ParamIR => {
    const nameNode = fieldOf(p, 'name') ?? namedChildren(p).find((c) => c.type === 'variable_declarator' || c.type === 'identifier');
    const idNode = nameNode?.type === 'variable_declarator' ? fieldOf(nameNode, 'name') : nameNode;
    const name = idNode ? ctx.text(idNode) : '_';
    const typeNode = fieldOf(p, 'type') ?? namedChildren(p).find((c) => c.type.endsWith('type') || c.type === 'type_identifier');
    const type = simpleType(ctx, typeNode);
    if (typeNode && ctx.method) ctx.method.types.set(name, ctx.text(typeNode));
    const pattern = { kind: 'name' as const, span: ctx.span(idNode ?? p), name };
    const role = roleOfType(type);
    if (role) return { pattern, name, ref: role };
    for (const annotation of annotationsOf(ctx, p)) {
      const source = sourceOfAnnotation(annotation.name, annotation.value ?? (annotation.name === 'RequestBody' ? undefined : name));
      if (source) return { pattern, name, source };
    }
    // Spring binds a mapping method's plain parameters from the request by name.
    if (spring && type && /^(?:String|Map|List|MultiValueMap|Optional)$/.test(type)) {
      return { pattern, name, source: sourceOfAnnotation('RequestParam', name) };
    }
    return { pattern, name, rest: p.type === 'spread_parameter' };
  });
}

/** A method or constructor: its own scope of locals, constants and collections. */
export function lowerMethod(ctx: JavaContext, node: SyntaxNode, className: string | undefined): FunctionIR {
  const saved = ctx.method;
  ctx.method = newScope(ctx, node);
  try {
    const nameNode = fieldOf(node, 'name');
    const name = nameNode ? ctx.text(nameNode) : className;
    const annotations = annotationsOf(ctx, node);
    const spring = annotations.some((a) => MAPPING_ANNOTATIONS.has(a.name));
    const fn: FunctionIR = { id: ctx.id(), name, span: ctx.span(node), params: lowerParams(ctx, fieldOf(node, 'parameters'), spring), body: [] };
    ctx.functions.push(fn);
    if (spring) fn.handler = annotations.find((a) => MAPPING_ANNOTATIONS.has(a.name))!.name;
    else if (fn.params.some((p) => p.ref === '$req')) fn.handler = name;
    const body = fieldOf(node, 'body');
    if (body) fn.body = lowerBlock(ctx, body);
    return fn;
  } finally {
    ctx.method = saved;
  }
}

/** x -> …, (a, b) -> { … }: a function in the enclosing method's scope. */
export function lowerLambda(ctx: JavaContext, node: SyntaxNode): Expr {
  const params = fieldOf(node, 'parameters');
  const names = !params ? [] : params.type === 'identifier' ? [params] : namedChildren(params).map((p) => (p.type === 'identifier' ? p : fieldOf(p, 'name'))).filter((p): p is SyntaxNode => p !== undefined);
  const fn: FunctionIR = { id: ctx.id(), span: ctx.span(node), params: names.map((n) => ({ pattern: { kind: 'name', span: ctx.span(n), name: ctx.text(n) }, name: ctx.text(n) })), body: [] };
  ctx.functions.push(fn);
  const body = fieldOf(node, 'body');
  if (body?.type === 'block') fn.body = lowerBlock(ctx, body);
  else if (body) fn.body = [{ kind: 'return', span: ctx.span(body), value: lowerExpr(ctx, body) }];
  return { kind: 'function', span: ctx.span(node), fn };
}

/** new Runnable() { public void run() { … } }: its methods, as functions analysed where the object is made. */
export function lowerAnonymousClass(ctx: JavaContext, body: SyntaxNode): Expr[] {
  return namedChildren(body).filter((m) => m.type === 'method_declaration').map((m) => ({ kind: 'function', span: ctx.span(m), fn: lowerMethod(ctx, m, undefined) }));
}

/** A class (interface, enum, record) and the classes nested in it, each a class statement. */
export function lowerClass(ctx: JavaContext, node: SyntaxNode, topLevel = false): Stmt[] {
  const nameNode = fieldOf(node, 'name');
  const name = nameNode ? ctx.text(nameNode) : undefined;
  const body = fieldOf(node, 'body');
  const savedFields = ctx.fields;
  const savedRoles = ctx.fieldRoles;
  ctx.fields = new Set(savedFields);
  ctx.fieldRoles = new Map(savedRoles);
  const members: FunctionIR[] = [];
  const fields: { name: string; value: Expr }[] = [];
  const nestedStmts: Stmt[] = [];
  const items = body ? body.children.flatMap((c) => (c.type === 'enum_body_declarations' ? c.children : [c])) : [];
  try {
    for (const item of items) {
      if (item.type !== 'field_declaration' && item.type !== 'constant_declaration') continue;
      const type = simpleType(ctx, fieldOf(item, 'type'));
      for (const declarator of fieldsOf(item, 'declarator')) {
        const fieldName = fieldOf(declarator, 'name');
        if (!fieldName) continue;
        ctx.fields.add(ctx.text(fieldName));
        const role = roleOfType(type);
        if (role) ctx.fieldRoles.set(ctx.text(fieldName), role);
      }
    }
    const isPublic = topLevel && /\bpublic\b/.test(ctx.text(node.children.find((c) => c.type === 'modifiers') ?? { start: 0, end: 0 } as SyntaxNode));
    for (const item of items) {
      if (item.type === 'method_declaration' || item.type === 'constructor_declaration' || item.type === 'compact_constructor_declaration') {
        const fn = lowerMethod(ctx, item, name);
        members.push(fn);
        if (isPublic && item.type === 'method_declaration' && fn.name && !ctx.exports.some((e) => e.name === fn.name)) ctx.exports.push({ name: fn.name, fn: fn.id });
      } else if (item.type === 'field_declaration' || item.type === 'constant_declaration') {
        for (const declarator of fieldsOf(item, 'declarator')) {
          const fieldName = fieldOf(declarator, 'name');
          const value = fieldOf(declarator, 'value');
          if (fieldName && value) fields.push({ name: ctx.text(fieldName), value: lowerExpr(ctx, value) });
        }
      } else if (item.type === 'static_initializer' || item.type === 'block') {
        const block = item.type === 'block' ? item : item.children.find((c) => c.type === 'block');
        if (block) {
          const saved = ctx.method;
          ctx.method = newScope(ctx, block);
          const fn: FunctionIR = { id: ctx.id(), name: undefined, span: ctx.span(item), params: [], body: lowerBlock(ctx, block) };
          ctx.method = saved;
          ctx.functions.push(fn);
          members.push(fn);
        }
      } else if (CLASS_TYPES.has(item.type)) {
        nestedStmts.push(...lowerClass(ctx, item));
      }
    }
  } finally {
    ctx.fields = savedFields;
    ctx.fieldRoles = savedRoles;
  }
  return [{ kind: 'class', span: ctx.span(node), name, members, fields }, ...nestedStmts];
}

/** Every class declared in the file, nested ones too: their methods are called as this.method(). */
export function collectClasses(ctx: JavaContext, node: SyntaxNode): void {
  if (CLASS_TYPES.has(node.type)) {
    const name = fieldOf(node, 'name');
    if (name) ctx.classes.add(ctx.text(name));
  }
  for (const child of node.children) if (child.named) collectClasses(ctx, child);
}
