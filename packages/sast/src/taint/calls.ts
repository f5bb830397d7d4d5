import type { Expr, FunctionIR } from '../ir/types.js';
import { matchSource } from '../rules/compile.js';
import { evaluate, keyOf, pathOf, sourceAt } from './evaluate.js';
import { CLEAN, mapTaint, union, type Taint } from './facts.js';
import { applySummary, summaryOf } from './functions.js';
import { recordChecks } from './guards.js';
import { checkCallSinks } from './sinks.js';
import { joinValues, NOTHING, type Value } from './scope.js';
import type { Frame, ModuleState, Summary } from './types.js';

type Call = Extract<Expr, { kind: 'call' }>;

/** Results that are a yes/no or a position about their input, never the input itself. */
const CLEAN_RESULTS = /^(?:is[A-Z_]\w*|has[A-Z_]\w*|test|includes|startsWith|endsWith|indexOf|lastIndexOf|localeCompare|search|equals|compare|exists|existsSync)$/;

function methodName(call: Call): string | undefined {
  return call.callee.kind === 'member' ? call.callee.property : call.callee.kind === 'name' ? call.callee.name : undefined;
}

/** The function a call reaches in this module or, in the second pass, in another file of the scan. */
function resolveCallee(state: ModuleState, frame: Frame, call: Call, path: readonly string[] | undefined): { fn?: FunctionIR; closure?: Value['closure']; summary?: Summary } | undefined {
  if (call.callee.kind === 'name') {
    const bound = frame.scope.get(call.callee.name);
    if (bound?.fn) return { fn: bound.fn, closure: bound.closure };
  }
  if (call.callee.kind === 'member' && call.callee.object.kind === 'name' && call.callee.object.name === 'this' && call.callee.property) {
    const found = state.byName.get(call.callee.property);
    if (found?.length === 1) return { fn: found[0]! };
  }
  // A method called on an instance of a class of this module: Repo(db).find(x), repo.find(x).
  const head = path?.[0];
  if (path?.length === 2 && head?.endsWith('()')) {
    const method = state.classes.get(head.slice(0, -2))?.find((m) => m.name === path[1]);
    if (method) return { fn: method, closure: state.moduleScope };
  }
  if (path?.[0]?.startsWith('<')) {
    const key = `${path[0].slice(1, -1)}#${path.slice(1).join('.') || 'default'}`;
    const summary = state.imported.get(key);
    if (summary) return { summary };
  }
  return undefined;
}

function sanitizerMask(state: ModuleState, path: readonly string[]): number {
  if (state.rules.universal.match(path).length) return state.rules.allClasses;
  let mask = 0;
  for (const bits of state.rules.sanitizers.match(path)) mask |= bits;
  return mask;
}

/** Rule propagators: data moves from the named arguments (or receiver) to the result (or receiver). */
function propagate(state: ModuleState, frame: Frame, call: Call, path: readonly string[], receiver: Value | undefined, args: readonly Value[]): Taint | undefined {
  const specs = state.rules.propagators.match(path);
  if (!specs.length) return undefined;
  let out: Taint = CLEAN;
  for (const spec of specs) {
    const moved = union(...spec.from.flatMap((from) => (from === 'receiver' ? [receiver?.taint ?? CLEAN] : from === 'args' ? args.map((a) => a.taint) : [args[from]?.taint ?? CLEAN])));
    if (spec.to === 'return') out = union(out, moved);
    else if (call.callee.kind === 'member') storeInto(frame, call.callee.object, moved);
  }
  return out;
}

function storeInto(frame: Frame, target: Expr, taint: Taint): void {
  const key = keyOf(target);
  if (key === undefined || !taint.length) return;
  const old = frame.scope.get(key);
  frame.scope.set(key, old ? joinValues(old, { taint }) : { taint });
}

/** Methods whose result is what their callback returns, not the receiver's elements. */
const MAPPING = new Set(['map', 'flatMap', 'reduce', 'then', 'forEach', 'some', 'every', 'findIndex']);

/**
 * Callbacks of map/forEach/then get the receiver's elements: a call of the callback with them. The result is
 * the callbacks' returns (map, then) or the receiver's elements (filter, find), not both.
 */
function callbacks(state: ModuleState, frame: Frame, call: Call, receiver: Value | undefined, args: readonly Value[]): Taint | undefined {
  const method = methodName(call);
  if (!receiver || method === undefined || !state.adapter.elementCallbacks.has(method) || !args.some((a) => a.fn)) return undefined;
  let out: Taint = MAPPING.has(method) ? CLEAN : receiver.taint;
  for (const [i, arg] of args.entries()) {
    if (!arg.fn) continue;
    const summary = summaryOf(state, arg.fn, arg.closure);
    const element = { taint: mapTaint(receiver.taint, (f) => ({ ...f, key: undefined })) };
    out = union(out, applySummary(state, frame, summary, [element, element], [call.args[i]!.span], call.span));
  }
  return out;
}

function defaultResult(state: ModuleState, frame: Frame, call: Call, receiver: Value | undefined, args: readonly Value[]): Taint {
  const method = methodName(call);
  if (method !== undefined && CLEAN_RESULTS.test(method)) return CLEAN;
  if (method !== undefined && call.callee.kind === 'member' && !receiver?.taint.length && state.adapter.lookups.test(method)) return CLEAN;
  if (method !== undefined && call.callee.kind === 'member' && state.adapter.mutators.has(method)) storeInto(frame, call.callee.object, union(...args.map((a) => a.taint)));
  const fromReceiver = receiver && method !== undefined && state.adapter.stringMethods.has(method) ? mapTaint(receiver.taint, (f) => ({ ...f, str: true })) : receiver?.taint ?? CLEAN;
  const fromArgs = mapTaint(union(...args.map((a) => a.taint)), (f) => (f.weak ? f : { ...f, weak: true }));
  return union(fromReceiver, fromArgs);
}

/** A call that is itself a source (req.get('host')): the pattern must name the call, not only its receiver. */
function callSource(state: ModuleState, call: Call, path: readonly string[]): Taint | undefined {
  if (matchSource(state.rules, path)?.length !== path.length) return undefined;
  const fact = sourceAt(state, path, call.span);
  if (!fact || fact.origin.type !== 'source') return undefined;
  const first = call.args[0];
  // The name read (req.get('host')), not a whole SQL statement.
  if (first?.kind === 'literal' && typeof first.value === 'string' && /^[\w.-]{1,60}$/.test(first.value) && !fact.origin.label.includes('`')) {
    return [{ ...fact, origin: { ...fact.origin, label: `${fact.origin.label} \`${first.value}\`` } }];
  }
  return [fact];
}

/**
 * An instance's path, which method calls on it resolve by: `Repo()` for a class of this module, `<mod.py>.Wrapper()`
 * where the file exports `Wrapper()` (a class's constructor).
 */
function instanceOf(state: ModuleState, callPath: readonly string[] | undefined): string[] | undefined {
  const head = callPath?.[0];
  if (!callPath || !head) return undefined;
  if (callPath.length === 1) return state.classes.has(head.slice(0, -2)) ? [...callPath] : undefined;
  if (!head.startsWith('<')) return undefined;
  return state.imported.has(`${head.slice(1, -1)}#${callPath.slice(1).join('.')}`) ? [...callPath] : undefined;
}

/** db.all(sql, (err, rows) => …): the source's data is the callback's parameter `param`, as well as the result. */
function handToCallback(state: ModuleState, frame: Frame, call: Call, args: readonly Value[], taint: Taint, param: number): void {
  const index = args.findLastIndex((a) => a.fn);
  const fn = args[index];
  if (!fn?.fn) return;
  const params = Array.from({ length: param + 1 }, (_, i) => (i === param ? { taint } : NOTHING));
  applySummary(state, frame, summaryOf(state, fn.fn, fn.closure), params, params.map(() => call.args[index]!.span), call.span);
}

export function evaluateCall(state: ModuleState, frame: Frame, call: Call): Value {
  const path = pathOf(state, frame, call.callee);
  const receiver = call.callee.kind === 'member' ? evaluate(state, frame, call.callee.object) : undefined;
  const args = call.args.map((arg) => evaluate(state, frame, arg));
  if (path) recordChecks(state, frame, path, receiver, call.span);
  const isSink = path !== undefined && checkCallSinks(state, frame, path, call, args);
  const callPath = path?.length ? [...path.slice(0, -1), `${path.at(-1)}()`] : undefined;
  // A sink can also be a source: the rows an SQL query gives back are stored data (stored XSS).
  const source = callPath ? callSource(state, call, callPath) : undefined;
  if (source) {
    const callback = matchSource(state.rules, callPath!)?.source.callback;
    if (callback !== undefined) handToCallback(state, frame, call, args, source, callback);
    return { taint: source, ref: callPath };
  }
  // A sink's result is what the sink gives back (rows, a response), not the data passed in.
  if (isSink) return NOTHING;
  const mask = path ? sanitizerMask(state, path) : 0;
  if (mask === state.rules.allClasses && mask !== 0) return NOTHING;
  const callee = resolveCallee(state, frame, call, path);
  let taint: Taint;
  if (callee) {
    const summary = callee.summary ?? summaryOf(state, callee.fn!, callee.closure);
    taint = applySummary(state, frame, summary, args, call.args.map((a) => a.span), call.span);
    // A method of an instance may return what the instance was built with (fields are not followed across
    // methods): the receiver's data comes along, less surely, as it did before the method was known.
    if (receiver?.taint.length && path?.length && path[path.length - 2]?.endsWith('()')) taint = union(taint, mapTaint(receiver.taint, (f) => (f.weak ? f : { ...f, weak: true })));
  } else {
    taint = callbacks(state, frame, call, receiver, args) ?? (path && propagate(state, frame, call, path, receiver, args)) ?? defaultResult(state, frame, call, receiver, args);
  }
  if (mask) taint = mapTaint(taint, (f) => ({ ...f, clean: f.clean | mask }));
  // util.promisify(exec) is still exec; an instance of another file's class is known by it (its methods are exported as `Class().method`).
  const ref = path?.at(-1) === 'promisify' ? args[0]?.ref : instanceOf(state, callPath);
  return { taint, ref };
}
