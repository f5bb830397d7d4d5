import type { Span } from '../ir/types.js';
import { addStep, type Fact } from './facts.js';
import type { Value } from './scope.js';
import type { CheckSite, Frame, ModuleState, TaintFinding } from './types.js';

export function originKey(fact: Fact): string {
  return fact.origin.type === 'source' ? `${fact.origin.file}:${fact.origin.id}` : '';
}

/** A check seen on a fact: kept for the module's sources, and in the summary for the function's parameters. */
export function noteCheck(state: ModuleState, frame: Frame, fact: Fact, check: CheckSite): void {
  const origin = fact.origin;
  if (origin.type === 'param') {
    if (frame.fn && !frame.checks.some((c) => c.param === origin.index && c.check.span.start === check.span.start)) frame.checks.push({ param: origin.index, check });
    return;
  }
  const key = originKey(fact);
  const list = state.checks.get(key) ?? [];
  if (!list.some((c) => c.file === check.file && c.span.start === check.span.start)) list.push(check);
  state.checks.set(key, list);
}

/** value.includes(x), value.indexOf(x): a guard rule's weak check, when the receiver carries data. */
export function recordChecks(state: ModuleState, frame: Frame, path: readonly string[], receiver: Value | undefined, span: Span): void {
  if (!receiver?.taint.length) return;
  const guards = state.rules.guards.match(path);
  if (!guards.length) return;
  const text = state.src.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  for (const guard of guards) {
    const check: CheckSite = { rule: guard.rule.spec.id, file: state.module.file, span, text, label: guard.label };
    for (const fact of receiver.taint) noteCheck(state, frame, fact, check);
  }
}

/** Flows of guarded rules whose data passed a weak check: reported at the check, the flow running through it. */
export function guardFindings(state: ModuleState): TaintFinding[] {
  const out: TaintFinding[] = [];
  for (const finding of state.findings) {
    const guards = state.rules.guardedBy.get(finding.ruleId);
    if (!guards) continue;
    for (const check of state.checks.get(`${finding.origin.file}:${finding.origin.id}`) ?? []) {
      if (!guards.some((g) => g.spec.id === check.rule)) continue;
      out.push({
        ruleId: check.rule,
        file: check.file,
        sink: { file: check.file, span: check.span, callee: check.text, label: check.label },
        origin: finding.origin,
        trail: addStep(finding.trail, { file: check.file, span: check.span, message: `it was only checked by \`${check.text}\`` }),
        weak: finding.weak,
      });
    }
  }
  return out;
}
