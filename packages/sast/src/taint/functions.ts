import type { FunctionIR, Span } from '../ir/types.js';
import { bindPattern } from './bind.js';
import { evaluate } from './evaluate.js';
import { execute } from './execute.js';
import { addStep, CLEAN, joinTrails, paramFact, sourceFact, union, type Fact, type Taint } from './facts.js';
import { noteCheck } from './guards.js';
import { reachSink } from './sinks.js';
import { Scope, type Value } from './scope.js';
import type { Frame, ModuleState, Summary, SummarySink } from './types.js';

function paramValue(state: ModuleState, fn: FunctionIR, index: number): Value {
  const param = fn.params[index]!;
  if (param.ref) return { taint: CLEAN, ref: [param.ref] };
  if (param.source) {
    const span = param.pattern.span;
    const { kind, label } = param.source;
    return { taint: [sourceFact({ type: 'source', id: `s${span.start}:${kind}`, kind, label, file: state.module.file, span, text: state.src.text.slice(span.start, span.end) })] };
  }
  return { taint: [paramFact(index)] };
}

function dedupeSinks(sinks: SummarySink[]): SummarySink[] {
  const seen = new Set<string>();
  return sinks.filter((s) => {
    const key = `${s.param}|${s.sink}|${s.site.span.start}|${s.fact.clean}|${s.fact.str}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A function walked once, as an entry point: its own sources (a route handler's request) give findings,
 * its parameters give its summary. Memoised per function; a recursive call sees an empty summary.
 */
export function summaryOf(state: ModuleState, fn: FunctionIR, closure?: Scope): Summary {
  const cached = state.summaries.get(fn.id);
  if (cached === 'pending') return { name: fn.name ?? 'function', file: state.module.file, returns: CLEAN, sinks: [], checks: [] };
  if (cached) return cached;
  state.summaries.set(fn.id, 'pending');
  const frame: Frame = { fn, scope: new Scope(closure ?? state.moduleScope), returns: CLEAN, sinks: [], checks: [] };
  fn.params.forEach((param, index) => {
    let value = paramValue(state, fn, index);
    if (param.fallback) value = { ...value, taint: union(value.taint, evaluate(state, frame, param.fallback).taint) };
    bindPattern(state, frame, param.pattern, value, true);
  });
  execute(state, frame, fn.body);
  const summary: Summary = { name: fn.name ?? 'function', file: state.module.file, returns: frame.returns, sinks: dedupeSinks(frame.sinks), checks: frame.checks };
  state.summaries.set(fn.id, summary);
  return summary;
}

export function analyzeFunction(state: ModuleState, fn: FunctionIR, closure: Scope): void {
  summaryOf(state, fn, closure);
}

/** A caller's fact passed through a callee's parameter: the callee's treatment added to the caller's. */
function through(outer: Fact, inner: Fact, pass: { file: string; span: Span; message: string }): Fact {
  return {
    origin: outer.origin,
    trail: joinTrails(addStep(outer.trail, pass), inner.trail),
    clean: outer.clean | inner.clean,
    str: outer.str || inner.str,
    lead: inner.lead ?? outer.lead,
    cleanAfterPrefix: (outer.cleanAfterPrefix ?? 0) | (inner.cleanAfterPrefix ?? 0) || undefined,
    key: inner.key ?? outer.key,
    weak: outer.weak || inner.weak,
  };
}

/**
 * A call of a summarised function: what it returns of its arguments, and the sinks its parameters reach
 * (findings for tainted arguments, or entries of the caller's own summary for the caller's parameters).
 */
export function applySummary(state: ModuleState, frame: Frame, summary: Summary, args: readonly Value[], argSpans: readonly Span[], callSpan: Span): Taint {
  const file = state.module.file;
  const pass = (index: number) => ({ file, span: argSpans[index] ?? callSpan, message: `passed to \`${summary.name}\`` });
  const returned = { file, span: callSpan, message: `returned by \`${summary.name}\`` };
  const out: Fact[] = [];
  for (const inner of summary.returns) {
    if (inner.origin.type === 'source') {
      out.push({ ...inner, trail: addStep(inner.trail, returned) });
      continue;
    }
    const index = inner.origin.index;
    for (const outer of args[index]?.taint ?? []) {
      const fact = through(outer, inner, pass(index));
      out.push({ ...fact, trail: addStep(fact.trail, returned) });
    }
  }
  for (const { param, check } of summary.checks) for (const outer of args[param]?.taint ?? []) noteCheck(state, frame, outer, check);
  for (const hit of summary.sinks) {
    const sink = state.rules.sinksByKey.get(hit.sink);
    if (!sink) continue;
    for (const outer of args[hit.param]?.taint ?? []) reachSink(state, frame, sink, through(outer, hit.fact, pass(hit.param)), hit.site);
  }
  return union(out);
}
