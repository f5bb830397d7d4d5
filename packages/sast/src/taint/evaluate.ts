import type { Expr, Span } from '../ir/types.js';
import { matchSource } from '../rules/compile.js';
import { evaluateCall } from './calls.js';
import { CLEAN, mapTaint, sourceFact, union, withStep, type Fact, type Taint } from './facts.js';
import { analyzeFunction } from './functions.js';
import { bindPattern } from './bind.js';
import { checkAssignConstant, checkPropertyConstant, checkPropertySinks } from './sinks.js';
import { NOTHING, type Value } from './scope.js';
import type { Frame, ModuleState } from './types.js';

/** How an assignment names its target, so a concatenation's step can say "concatenated into `query`". */
export interface Hint {
  into?: string | undefined;
}

/** The module reference a specifier names: a scanned file as `<path>`, a package by its segments. */
export function moduleRef(state: ModuleState, spec: string): string[] {
  const target = state.adapter.resolveModule(spec, state.module.file, state.files);
  if (!('file' in target)) return target.package;
  state.deps.add(target.file);
  return [`<${target.file}>`];
}

/** The dotted path a value is known by: ['$req', 'query', 'id'], ['db', 'exec'], ['$res', 'status()', 'send']. */
export function pathOf(state: ModuleState, frame: Frame, expr: Expr): string[] | undefined {
  switch (expr.kind) {
    case 'name': {
      const ref = frame.scope.get(expr.name)?.ref;
      return ref ? [...ref] : [expr.name];
    }
    case 'member': {
      const base = pathOf(state, frame, expr.object);
      return base ? [...base, expr.property ?? '*'] : undefined;
    }
    case 'call': {
      const base = pathOf(state, frame, expr.callee);
      return base?.length ? [...base.slice(0, -1), `${base.at(-1)}()`] : undefined;
    }
    case 'module':
      return moduleRef(state, expr.module);
    default:
      return undefined;
  }
}

/** The key a name or a chain of constant members is stored under: 'id', 'req.body.id', 'this.db'. */
export function keyOf(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'member' && expr.property !== undefined) {
    const base = keyOf(expr.object);
    return base === undefined ? undefined : `${base}.${expr.property}`;
  }
  return undefined;
}

/** A source read at `span`, when `path` starts with a source pattern: "request parameter `id`". */
export function sourceAt(state: ModuleState, path: readonly string[], span: Span): Fact | undefined {
  const match = matchSource(state.rules, path);
  if (!match) return undefined;
  const field = path[match.length];
  const label = field !== undefined && field !== '*' ? `${match.source.label} \`${field.replace(/\(\)$/, '')}\`` : match.source.label;
  const text = state.src.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return sourceFact({ type: 'source', id: `s${span.start}:${match.source.kind}`, kind: match.source.kind, label, file: state.module.file, span, text });
}

/** A member of a value: the source it names, else the object's taint (field-insensitive past known paths). */
export function memberValue(state: ModuleState, object: Value, property: string | undefined, span: Span): Value {
  const path = object.ref ? [...object.ref, property ?? '*'] : undefined;
  if (property !== undefined && state.adapter.cleanMembers.has(property)) return { taint: CLEAN, ref: path };
  const source = path ? sourceAt(state, path, span) : undefined;
  if (source) return { taint: [source], ref: path };
  return { taint: mapTaint(object.taint, (f) => (f.key === undefined ? f : { ...f, key: undefined })), ref: path };
}

function member(state: ModuleState, frame: Frame, expr: Extract<Expr, { kind: 'member' }>): Value {
  const key = keyOf(expr);
  const known = key !== undefined ? frame.scope.get(key) : undefined;
  if (known) return known;
  if (expr.index) evaluate(state, frame, expr.index);
  const path = pathOf(state, frame, expr);
  if (expr.property !== undefined && state.adapter.cleanMembers.has(expr.property)) return { taint: CLEAN, ref: path };
  const source = path ? sourceAt(state, path, expr.span) : undefined;
  if (source) return { taint: [source], ref: path };
  const object = evaluate(state, frame, expr.object);
  return { taint: mapTaint(object.taint, (f) => (f.key === undefined ? f : { ...f, key: undefined })), ref: path };
}

function name(state: ModuleState, frame: Frame, expr: Extract<Expr, { kind: 'name' }>): Value {
  const bound = frame.scope.get(expr.name);
  if (bound) return bound;
  // A global: PHP's $_GET, the browser's location.
  const source = sourceAt(state, [expr.name], expr.span);
  return source ? { taint: [source], ref: [expr.name] } : NOTHING;
}

/** String building: every tainted part is now inside a string, after whatever constant text preceded it. */
function concat(state: ModuleState, frame: Frame, expr: Extract<Expr, { kind: 'concat' }>, hint: Hint): Value {
  let lead = '';
  let out: Taint = CLEAN;
  const message = hint.into ? `concatenated into \`${hint.into}\`` : 'concatenated into a string';
  for (const part of expr.parts) {
    if (part.kind === 'literal') {
      lead += String(part.value ?? '');
      continue;
    }
    const value = evaluate(state, frame, part);
    if (!value.taint.length) {
      lead += '{const}';
      continue;
    }
    const prefix = lead;
    const facts = mapTaint(value.taint, (f) => ({ ...f, str: true, key: undefined, lead: f.lead ?? (prefix || undefined), clean: prefix && f.cleanAfterPrefix ? f.clean | f.cleanAfterPrefix : f.clean }));
    out = union(out, withStep(facts, { file: state.module.file, span: part.span, message }));
    lead += '{taint}';
  }
  return { taint: out };
}

function object(state: ModuleState, frame: Frame, expr: Extract<Expr, { kind: 'object' }>): Value {
  let out: Taint = CLEAN;
  for (const entry of expr.entries) {
    if (entry.key !== undefined && entry.value.kind === 'literal') checkPropertyConstant(state, frame, entry.key, entry.value);
    const value = evaluate(state, frame, entry.value);
    if (!value.taint.length) continue;
    if (entry.key !== undefined) checkPropertySinks(state, frame, entry.key, value, entry.value.span);
    out = union(out, entry.spread ? value.taint : mapTaint(value.taint, (f) => ({ ...f, key: entry.key })));
  }
  return { taint: out };
}

function assign(state: ModuleState, frame: Frame, expr: Extract<Expr, { kind: 'assign' }>): Value {
  const target = expr.target;
  if (target.kind === 'member' && expr.value.kind === 'literal') checkAssignConstant(state, frame, pathOf(state, frame, { ...target, kind: 'member' }), expr.value);
  let value = evaluate(state, frame, expr.value, { into: target.kind === 'name' ? target.name : undefined });
  if (expr.append && (target.kind === 'name' || target.kind === 'member')) {
    const old = evaluate(state, frame, target.kind === 'name' ? { kind: 'name', span: target.span, name: target.name } : { ...target, kind: 'member' });
    value = { ...value, taint: union(old.taint, mapTaint(value.taint, (f) => ({ ...f, str: true }))) };
  }
  bindPattern(state, frame, target, value, expr.value.kind === 'concat' || expr.append === true);
  return value;
}

export function evaluate(state: ModuleState, frame: Frame, expr: Expr, hint: Hint = {}): Value {
  switch (expr.kind) {
    case 'literal':
      return NOTHING;
    case 'name':
      return name(state, frame, expr);
    case 'member':
      return member(state, frame, expr);
    case 'call':
      return evaluateCall(state, frame, expr);
    case 'concat':
      return concat(state, frame, expr, hint);
    case 'union': {
      const values = expr.parts.map((part) => evaluate(state, frame, part, hint));
      return { taint: union(...values.map((v) => v.taint)), ref: values.find((v) => v.ref)?.ref, fn: values.find((v) => v.fn)?.fn, closure: values.find((v) => v.fn)?.closure };
    }
    case 'cond': {
      evaluate(state, frame, expr.test);
      const [a, b] = [evaluate(state, frame, expr.then, hint), evaluate(state, frame, expr.else, hint)];
      return { taint: union(a.taint, b.taint), ref: a.ref ?? b.ref };
    }
    case 'opaque':
      for (const part of expr.parts) evaluate(state, frame, part);
      return NOTHING;
    case 'is-type':
      evaluate(state, frame, expr.subject);
      return NOTHING;
    case 'object':
      return object(state, frame, expr);
    case 'array':
      return { taint: union(...expr.items.map((item) => evaluate(state, frame, item).taint)) };
    case 'function':
      analyzeFunction(state, expr.fn, frame.scope);
      return { taint: CLEAN, fn: expr.fn, closure: frame.scope };
    case 'assign':
      return assign(state, frame, expr);
    case 'module':
      return { taint: CLEAN, ref: moduleRef(state, expr.module) };
  }
}
