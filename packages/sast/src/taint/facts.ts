import type { Span } from '../ir/types.js';

/** One step of a code flow: where, and what happened there ("concatenated into `query`"). */
export interface Step {
  file: string;
  span: Span;
  message: string;
}

/** Steps newest first, shared between facts: extending a flow is one allocation, not a copy. */
export interface Trail {
  readonly step: Step;
  readonly prev: Trail | undefined;
  readonly length: number;
}

export type Origin =
  | { type: 'source'; id: string; kind: string; label: string; file: string; span: Span; text: string }
  /** A parameter of the function being summarised: what callers pass in. */
  | { type: 'param'; id: string; index: number };

/** One way a value can carry untrusted data. */
export interface Fact {
  readonly origin: Origin;
  readonly trail: Trail | undefined;
  /** Classes (bits) it has been sanitised for. */
  readonly clean: number;
  /** It went into a string: no longer an object, so no operator injection. */
  readonly str: boolean;
  /** The constant text before it, when it was appended to a constant prefix (a fixed host makes a URL safe). */
  readonly lead: string | undefined;
  /** The object key it was stored under, when an object literal was built around it. */
  readonly key: string | undefined;
  /** It passed through a call the engine has no model for: it probably still carries the data, less surely. */
  readonly weak: boolean;
  /**
   * Classes it is clean for once it is put after constant text: a value checked for `..` is safe under a fixed
   * folder (`BASE + '/' + name`), not alone or joined as a path (an absolute name replaces the folder).
   */
  readonly cleanAfterPrefix?: number | undefined;
}

export type Taint = readonly Fact[];

export const CLEAN: Taint = Object.freeze([]) as Taint;
/** Beyond this a value's facts add cost, not findings. */
const MAX_FACTS = 6;
const MAX_TRAIL = 40;

export function paramFact(index: number): Fact {
  return { origin: { type: 'param', id: `p${index}`, index }, trail: undefined, clean: 0, str: false, lead: undefined, key: undefined, weak: false };
}

export function sourceFact(origin: Extract<Origin, { type: 'source' }>): Fact {
  return { origin, trail: undefined, clean: 0, str: false, lead: undefined, key: undefined, weak: false };
}

export function addStep(trail: Trail | undefined, step: Step): Trail {
  if (trail && trail.length >= MAX_TRAIL) return trail;
  return { step, prev: trail, length: (trail?.length ?? 0) + 1 };
}

export function stepsOf(trail: Trail | undefined): Step[] {
  const out: Step[] = [];
  for (let t = trail; t; t = t.prev) out.push(t.step);
  return out.reverse();
}

/** Appends `inner` (another function's steps, oldest first) to `outer`. */
export function joinTrails(outer: Trail | undefined, inner: Trail | undefined): Trail | undefined {
  let out = outer;
  for (const step of stepsOf(inner)) out = addStep(out, step);
  return out;
}

export function withStep(taint: Taint, step: Step): Taint {
  if (!taint.length) return taint;
  return taint.map((fact) => ({ ...fact, trail: addStep(fact.trail, step) }));
}

export function mapTaint(taint: Taint, fn: (fact: Fact) => Fact | undefined): Taint {
  if (!taint.length) return taint;
  const out: Fact[] = [];
  for (const fact of taint) {
    const mapped = fn(fact);
    if (mapped) out.push(mapped);
  }
  return out;
}

function sameFlow(a: Fact, b: Fact): boolean {
  return a.origin.id === b.origin.id && a.clean === b.clean && a.str === b.str && (a.cleanAfterPrefix ?? 0) === (b.cleanAfterPrefix ?? 0);
}

export function union(...taints: Taint[]): Taint {
  let out: Fact[] | undefined;
  let first: Taint | undefined;
  for (const taint of taints) {
    if (!taint.length) continue;
    if (!first) {
      first = taint;
      continue;
    }
    out ??= [...first];
    for (const fact of taint) if (out.length < MAX_FACTS && !out.some((f) => sameFlow(f, fact))) out.push(fact);
  }
  return out ?? first ?? CLEAN;
}

export function isTainted(taint: Taint): boolean {
  return taint.length > 0;
}
