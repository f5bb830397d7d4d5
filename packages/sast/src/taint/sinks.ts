import type { Expr, Span } from '../ir/types.js';
import { cleanFor, type CompiledRule, type CompiledSink } from '../rules/compile.js';
import { addStep, type Fact } from './facts.js';
import { conditionHolds, constantMatches, contextHolds } from './sink-conditions.js';
import type { Value } from './scope.js';
import type { Frame, ModuleState, SinkSite } from './types.js';

/** Whether a fact still matters at this sink: a source the rule cares about, not sanitised for its class, in the shape the sink needs. */
export function admits(rule: CompiledRule, sink: CompiledSink, fact: Fact): boolean {
  if (fact.origin.type === 'source' && !rule.acceptsKind(fact.origin.kind)) return false;
  if (cleanFor(rule, fact.clean, fact.lead)) return false;
  // A refining rule reports only what the refined class's sanitizers let through as clean.
  if (rule.spec.refines !== undefined && !rule.refines.some((r) => cleanFor(r, fact.clean, fact.lead))) return false;
  if (sink.spec.object && fact.str) return false;
  if (sink.spec.string && !fact.str) return false;
  if (fact.key !== undefined && sink.ignoreKeys.has(fact.key)) return false;
  if (rule.safePrefix && fact.lead !== undefined && rule.safePrefix.test(fact.lead)) return false;
  return true;
}

/** A fact reaching a sink: a finding when it comes from a source, a summary entry when from a parameter. */
export function reachSink(state: ModuleState, frame: Frame, sink: CompiledSink, fact: Fact, site: SinkSite): void {
  if (!admits(sink.rule, sink, fact)) return;
  const trail = addStep(fact.trail, { file: site.file, span: site.span, message: `passed to \`${site.callee}\` (${site.label})` });
  if (fact.origin.type === 'source') {
    state.findings.push({ ruleId: sink.rule.spec.id, file: site.file, sink: site, origin: fact.origin, trail, weak: fact.weak });
  } else if (frame.fn) {
    frame.sinks.push({ param: fact.origin.index, sink: sink.key, fact, site });
  }
}

function text(state: ModuleState, span: Span): string {
  return state.src.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

function isConstant(expr: Expr): boolean {
  if (expr.kind === 'literal') return true;
  if (expr.kind === 'concat' || expr.kind === 'union') return expr.parts.every(isConstant);
  if (expr.kind === 'cond') return isConstant(expr.then) && isConstant(expr.else);
  return false;
}

/** A call-mode rule: the sink with a value that is not a constant is the finding; the value itself is its only step. */
export function reportCall(state: ModuleState, sink: CompiledSink, arg: Expr, callee: string): void {
  const site: SinkSite = { file: state.module.file, span: arg.span, callee, label: sink.spec.label };
  // A secret's text stays out of every output: the finding names the argument's place instead.
  const shown = sink.spec.redact ? `the argument of \`${callee}\` (not shown: it holds a secret)` : `\`${text(state, arg.span)}\``;
  const origin = { type: 'source' as const, id: `c${arg.span.start}`, kind: 'code', label: shown, file: state.module.file, span: arg.span, text: sink.spec.redact ? callee : text(state, arg.span) };
  state.findings.push({ ruleId: sink.rule.spec.id, file: site.file, sink: site, origin, trail: addStep(undefined, { file: site.file, span: site.span, message: `passed to \`${callee}\` (${site.label})` }), weak: false });
}

/**
 * res.render('view', { name: tainted }): each tainted key of the data, for the templates to match.
 * request.setAttribute('name', tainted) (`render: attribute`): one key, for the template the request is forwarded to.
 */
function renderSink(state: ModuleState, sink: CompiledSink, call: Extract<Expr, { kind: 'call' }>, args: readonly Value[]): void {
  // `args: [template, data]` where they are not the first two (Django's render(request, 'page.html', context)).
  const [at, dataAt] = sink.spec.args.length === 2 ? (sink.spec.args as [number, number]) : [0, 1];
  const name = call.args[at];
  const value = args[dataAt];
  if (name?.kind !== 'literal' || typeof name.value !== 'string') return;
  const site: SinkSite = { file: state.module.file, span: call.args[dataAt]?.span ?? call.span, callee: text(state, call.callee.span), label: sink.spec.label };
  // request.getRequestDispatcher('/WEB-INF/x.jsp'): where this file's request attributes are printed.
  if (sink.spec.render === 'target') {
    state.renders.push({ sink: sink.key, template: name.value, key: '', fact: undefined, site });
    return;
  }
  if (!value?.taint.length) return;
  const attribute = sink.spec.render === 'attribute';
  for (const fact of value.taint) {
    const key = attribute ? name.value : fact.key;
    if (fact.origin.type !== 'source' || key === undefined || !admits(sink.rule, sink, { ...fact, key: undefined })) continue;
    state.renders.push({ sink: sink.key, template: attribute ? sink.spec.templates ?? '*' : name.value, key, fact: { ...fact, key }, site });
  }
}

function receiverOf(path: readonly string[]): string | undefined {
  return path.at(-2)?.replace(/\(\)$/, '');
}

/** Checks a call against the sinks; true when it is one (whether or not tainted data reached it). */
export function checkCallSinks(state: ModuleState, frame: Frame, path: readonly string[], call: Extract<Expr, { kind: 'call' }>, args: readonly Value[]): boolean {
  const sinks = state.rules.callSinks.match(path);
  if (!sinks.length) return false;
  const receiver = receiverOf(path);
  let matched = false;
  for (const sink of sinks) {
    if (sink.receiver && (receiver === undefined || !sink.receiver.test(receiver))) continue;
    if (!conditionHolds(sink, call.args)) continue;
    if (!contextHolds(state, frame, sink, call.span)) continue;
    matched = true;
    // A call rule whose condition names the harm itself (a weak algorithm's name), or that has no argument to
    // check (new Random().nextInt()): the call is the finding.
    if (sink.rule.spec.mode === 'call' && (sink.spec.when !== undefined || !sink.spec.args.length)) {
      reportCall(state, sink, call.args[sink.spec.when?.arg ?? 0] ?? call, text(state, call.callee.span));
      continue;
    }
    if (sink.spec.render) {
      renderSink(state, sink, call, args);
      continue;
    }
    // A call-mode sink without arguments: the call itself is the signal (hashlib.md5(), random.random()).
    if (sink.rule.spec.mode === 'call' && sink.spec.args.length === 0) {
      reportCall(state, sink, call, text(state, call.callee.span));
      continue;
    }
    for (const index of sink.spec.args) {
      const value = args[index];
      const arg = call.args[index];
      if (arg && sink.rule.spec.mode === 'call') {
        if (!isConstant(arg)) reportCall(state, sink, arg, text(state, call.callee.span));
        continue;
      }
      if (!value?.taint.length || !arg) continue;
      const site: SinkSite = { file: state.module.file, span: arg.span, callee: text(state, call.callee.span), label: sink.spec.label };
      for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
    }
  }
  return matched;
}

export function checkAssignSinks(state: ModuleState, frame: Frame, path: readonly string[], value: Value, span: Span): void {
  if (!value.taint.length) return;
  for (const sink of state.rules.assignSinks.match(path)) {
    const site: SinkSite = { file: state.module.file, span, callee: text(state, span), label: sink.spec.label };
    for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
  }
}

export function checkPropertySinks(state: ModuleState, frame: Frame, key: string, value: Value, span: Span): void {
  const sinks = state.rules.propertySinks.get(key);
  if (!sinks) return;
  for (const sink of sinks) {
    const site: SinkSite = { file: state.module.file, span, callee: key, label: sink.spec.label };
    for (const fact of value.taint) reachSink(state, frame, sink, fact, site);
  }
}

/** A call-mode property or assignment sink given a constant it names: { rejectUnauthorized: false }, NODE_TLS_REJECT_UNAUTHORIZED = '0'. */
export function checkPropertyConstant(state: ModuleState, frame: Frame, key: string, value: Expr): void {
  for (const sink of state.rules.propertySinks.get(key) ?? []) {
    if (sink.rule.spec.mode === 'call' && constantMatches(sink, value) && contextHolds(state, frame, sink, value.span)) reportCall(state, sink, value, key);
  }
}

export function checkAssignConstant(state: ModuleState, frame: Frame, path: readonly string[] | undefined, value: Expr): void {
  if (!path || value.kind !== 'literal') return;
  for (const sink of state.rules.assignSinks.match(path)) {
    if (sink.rule.spec.mode === 'call' && constantMatches(sink, value) && contextHolds(state, frame, sink, value.span)) reportCall(state, sink, value, path.join('.'));
  }
}
