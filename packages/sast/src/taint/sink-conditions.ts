import type { Expr, ModuleIR, Span, Stmt } from '../ir/types.js';
import type { CompiledSink } from '../rules/compile.js';
import type { Frame, ModuleState } from './types.js';

// Conditions a sink puts on the code around it: other arguments (`when`), the call's own line or function
// (`near`), the `if` it sits in (`unlessInside`), a constant assigned (`value`).

type ObjectExpr = Extract<Expr, { kind: 'object' }>;

const isFalse = (e: Expr | undefined) => e !== undefined && e.kind === 'literal' && !e.value;

/**
 * The entry at a dotted key of an object literal (`cookie.secure`): `found` the entry, `missing` when the key
 * is surely absent, else unknown (a spread, or a level that is not an object literal).
 */
function entryAt(object: ObjectExpr, key: string): { found?: Expr; missing: boolean } {
  const [first, ...rest] = key.split('.');
  const entry = object.entries.find((e) => e.key === first);
  if (!entry) return { missing: !object.entries.some((e) => e.spread) };
  if (!rest.length) return { found: entry.value, missing: false };
  if (entry.value.kind !== 'object') return { missing: false };
  return entryAt(entry.value, rest.join('.'));
}

function literalMatches(expr: Expr | undefined, pattern: RegExp): boolean {
  if (!expr) return false;
  if (expr.kind === 'literal') return (typeof expr.value === 'string' || typeof expr.value === 'boolean' || typeof expr.value === 'number') && pattern.test(String(expr.value));
  if (expr.kind === 'array') return expr.items.some((item) => literalMatches(item, pattern));
  return false;
}

/** The condition a sink puts on another argument: spawn(…, { shell: true }), setHeader('Location', …). */
export function conditionHolds(sink: Pick<CompiledSink, 'spec' | 'equals'>, args: readonly Expr[]): boolean {
  const when = sink.spec.when;
  if (!when) return true;
  const arg = args[when.arg];
  // `lacks` needs the argument to be there: update(filter, update) has two, Sequelize's instance.update(values) one.
  if (when.lacks !== undefined) return arg !== undefined && (arg.kind !== 'object' || entryAt(arg, when.lacks).found === undefined);
  // Keyword arguments (Python) arrive as one object literal: verify=False, secure=False.
  if (when.falsy !== undefined) return arg?.kind === 'object' && isFalse(entryAt(arg, when.falsy).found);
  if (when.unset !== undefined) {
    if (arg === undefined) return true;
    if (arg.kind !== 'object') return false;
    const at = entryAt(arg, when.unset);
    return at.found === undefined ? at.missing : isFalse(at.found);
  }
  if (!arg) return false;
  if (when.has !== undefined) {
    if (arg.kind !== 'object') return false;
    const found = entryAt(arg, when.has).found;
    return found !== undefined && !isFalse(found);
  }
  if (when.key !== undefined) return arg.kind === 'object' && sink.equals !== undefined && literalMatches(entryAt(arg, when.key).found, sink.equals);
  if (sink.equals) return arg.kind === 'literal' && (typeof arg.value === 'string' || typeof arg.value === 'boolean') && sink.equals.test(String(arg.value));
  return true;
}

/** The `if` statements of a module, by the span they cover, with their condition's text; computed once. */
const ifsOf = new WeakMap<ModuleIR, { span: Span; test: string }[]>();

function collectIfs(stmts: readonly Stmt[], text: string, out: { span: Span; test: string }[]): void {
  for (const stmt of stmts) {
    switch (stmt.kind) {
      case 'if':
        out.push({ span: stmt.span, test: text.slice(stmt.test.span.start, stmt.test.span.end) });
        collectIfs(stmt.then, text, out);
        collectIfs(stmt.else, text, out);
        break;
      case 'loop':
        collectIfs([...stmt.head, ...stmt.body], text, out);
        break;
      case 'try':
        collectIfs([...stmt.body, ...stmt.handler, ...stmt.finalizer], text, out);
        break;
      case 'branches':
        for (const arm of stmt.arms) collectIfs(arm, text, out);
        break;
      default:
        break;
    }
  }
}

function enclosingIfs(state: ModuleState, span: Span): string[] {
  let ifs = ifsOf.get(state.module);
  if (!ifs) {
    ifs = [];
    collectIfs(state.module.body, state.src.text, ifs);
    for (const fn of state.module.functions) collectIfs(fn.body, state.src.text, ifs);
    ifsOf.set(state.module, ifs);
  }
  return ifs.filter((i) => i.span.start <= span.start && span.end <= i.span.end).map((i) => i.test);
}

/** The whole line (or lines) a span is on. */
function linesOf(text: string, span: Span): string {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const end = text.indexOf('\n', span.end);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * `near`: the call's line or its function's name says what the value is for (`const resetToken = …`,
 * `function makeSessionId()`); `unlessInside`: no `if` around the call tests what the regex names (NODE_ENV).
 */
export function contextHolds(state: ModuleState, frame: Frame, sink: CompiledSink, span: Span): boolean {
  if (sink.near && !sink.near.test(linesOf(state.src.text, span)) && !(frame.fn?.name !== undefined && sink.near.test(frame.fn.name))) return false;
  if (sink.unlessInside && enclosingIfs(state, span).some((test) => sink.unlessInside!.test(test))) return false;
  return true;
}

/** `value`: a constant given to a property or assignment sink, matching the sink's regex (rejectUnauthorized: false). */
export function constantMatches(sink: CompiledSink, expr: Expr): boolean {
  return sink.value !== undefined && expr.kind === 'literal' && expr.value !== null && sink.value.test(String(expr.value));
}
