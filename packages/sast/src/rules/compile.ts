import type { PropagatorSpec, RuleSpec, SinkSpec, ModelsFile, SourceSpec } from './schema.js';
import { compilePattern, PatternIndex, type PathPattern } from './patterns.js';

export interface CompiledRule {
  spec: RuleSpec;
  /** The rule's class as a bit: sanitizers set it on a value, and the class's sinks then ignore the value. */
  bit: number;
  acceptsKind(kind: string): boolean;
  safePrefix: RegExp | undefined;
  /** Sanitizers that hold only after certain constant text (a quoting context): each its own bit. */
  contextual: { bit: number; lead: RegExp }[];
  /** refines: the class (its rules) whose sanitizers must have cleaned the value for this rule to report it. */
  refines: CompiledRule[];
}

export interface CompiledSink {
  /** `<rule id>#<index of the sink in the rule>`: how summaries name it across files and threads. */
  key: string;
  rule: CompiledRule;
  spec: SinkSpec;
  receiver: RegExp | undefined;
  equals: RegExp | undefined;
  near: RegExp | undefined;
  unlessInside: RegExp | undefined;
  value: RegExp | undefined;
  ignoreKeys: ReadonlySet<string>;
}

export interface CompiledGuard {
  rule: CompiledRule;
  label: string;
}

export interface CompiledSource {
  pattern: PathPattern;
  kind: string;
  label: string;
  callback?: number | undefined;
  /** A regex that can only match a call's result (it ends in `\(\)$`): skipped for other paths without running it. */
  callOnly: boolean;
}

/** Everything the engine checks for one language, indexed for lookup by path. */
export interface CompiledRules {
  language: string;
  rules: CompiledRule[];
  /** Source patterns by their first segment ('$req', 'location'); wildcard-led ones under ''. */
  sources: Map<string, CompiledSource[]>;
  callSinks: PatternIndex<CompiledSink>;
  assignSinks: PatternIndex<CompiledSink>;
  propertySinks: Map<string, CompiledSink[]>;
  /** Call patterns that clean their result, with the classes they clean (bits). */
  sanitizers: PatternIndex<number>;
  /** Type and content checks (is-type tests) that clean a value, with the classes they clean. */
  typeSanitizers: Map<string, number>;
  /** Checks that clean a value for these classes once it is put after constant text (`prefixed: true`). */
  prefixedChecks: Map<string, number>;
  propagators: PatternIndex<PropagatorSpec>;
  /** Calls that only look like a check (guard rules), and the rules each guard rule watches, by watched rule id. */
  guards: PatternIndex<CompiledGuard>;
  guardedBy: Map<string, CompiledRule[]>;
  sinksByKey: Map<string, CompiledSink>;
  /** Calls that clean their result for every class. */
  universal: PatternIndex<true>;
  /** Every class bit of this language's rules. */
  allClasses: number;
}

function globToRegex(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function addSource(sources: Map<string, CompiledSource[]>, { pattern, kind, label, callback }: SourceSpec): void {
  const compiled = compilePattern(pattern);
  const first = pattern.startsWith('re:') || pattern.startsWith('*') ? '' : pattern.split('.')[0]!;
  const list = sources.get(first) ?? [];
  list.push({ pattern: compiled, kind, label, callback, callOnly: pattern.startsWith('re:') && pattern.endsWith('\\(\\)$') });
  sources.set(first, list);
}

/**
 * A sanitizer with a `lead` condition sets a bit of its own, "went through this call", shared by every rule that
 * names the call; each rule then decides by the value's context whether that call cleaned it.
 */
function contextClass(call: string): string {
  return `call ${call}`;
}

/** Class names to bits, in order of first appearance (the same rule list gives the same bits in every worker). */
export function classBits(rules: readonly RuleSpec[]): Map<string, number> {
  const bits = new Map<string, number>();
  const add = (name: string, at: string) => {
    if (bits.has(name)) return;
    // JavaScript's bitwise operators work on 32 bits: 1 << 31 is the last one (negative, which & and | accept).
    if (bits.size >= 32) throw new Error(`more than 32 rule classes and sanitizer contexts (at ${at}): sanitizer bits would overflow`);
    bits.set(name, 1 << bits.size);
  };
  for (const rule of rules) {
    add(rule.class, rule.id);
    for (const s of rule.sanitizers) if (s.lead !== undefined) add(contextClass(s.call!), rule.id);
  }
  return bits;
}

/** Whether a fact is clean for a rule: sanitised for its class, or by a sanitizer whose context matches. */
export function cleanFor(rule: CompiledRule, clean: number, lead: string | undefined): boolean {
  if ((clean & rule.bit) !== 0) return true;
  return rule.contextual.some((c) => (clean & c.bit) !== 0 && c.lead.test(lead ?? ''));
}

function compileSink(rule: CompiledRule, spec: SinkSpec, index: number, into: CompiledRules): void {
  const sink: CompiledSink = {
    key: `${rule.spec.id}#${index}`,
    rule,
    spec,
    receiver: spec.receiver ? new RegExp(spec.receiver) : undefined,
    equals: spec.when?.equals ? new RegExp(spec.when.equals, 'i') : undefined,
    near: spec.near ? new RegExp(spec.near, 'i') : undefined,
    unlessInside: spec.unlessInside ? new RegExp(spec.unlessInside, 'i') : undefined,
    value: spec.value ? new RegExp(spec.value, 'i') : undefined,
    ignoreKeys: new Set(spec.ignoreKeys),
  };
  into.sinksByKey.set(sink.key, sink);
  if (spec.call) into.callSinks.add(compilePattern(spec.call), sink);
  else if (spec.assign) into.assignSinks.add(compilePattern(spec.assign), sink);
  else if (spec.property) into.propertySinks.set(spec.property, [...(into.propertySinks.get(spec.property) ?? []), sink]);
}

export function compileRules(language: string, rules: readonly RuleSpec[], models: readonly ModelsFile[], bits: Map<string, number>): CompiledRules {
  const out: CompiledRules = {
    language,
    rules: [],
    sources: new Map(),
    callSinks: new PatternIndex(),
    assignSinks: new PatternIndex(),
    propertySinks: new Map(),
    sanitizers: new PatternIndex(),
    typeSanitizers: new Map(),
    prefixedChecks: new Map(),
    propagators: new PatternIndex(),
    guards: new PatternIndex(),
    guardedBy: new Map(),
    sinksByKey: new Map(),
    universal: new PatternIndex(),
    allClasses: 0,
  };
  for (const file of models) {
    if (file.language !== language) continue;
    for (const s of file.sources) addSource(out.sources, s);
    for (const p of file.sanitizers) out.universal.add(compilePattern(p), true);
    for (const p of file.propagators) out.propagators.add(compilePattern(p.call), p);
  }
  for (const spec of rules) {
    // Route rules look at the app as a whole (src/routes/): their sinks are registrations, not data sinks.
    if (spec.language !== language || spec.mode === 'route') continue;
    const bit = bits.get(spec.class)!;
    const kinds = [...spec.sources, ...spec.extraSources.map((s) => s.kind)].map(globToRegex);
    const contextual = spec.sanitizers.filter((s) => s.lead !== undefined).map((s) => ({ bit: bits.get(contextClass(s.call!))!, lead: new RegExp(s.lead!) }));
    const rule: CompiledRule = { spec, bit, acceptsKind: (kind) => kinds.some((k) => k.test(kind)), safePrefix: spec.safePrefix ? new RegExp(spec.safePrefix, 'i') : undefined, contextual, refines: [] };
    out.rules.push(rule);
    out.allClasses |= bit;
    for (const c of contextual) out.allClasses |= c.bit;
    for (const s of spec.extraSources) addSource(out.sources, s);
    spec.sinks.forEach((sink, index) => compileSink(rule, sink, index, out));
    for (const sanitizer of spec.sanitizers) {
      if (sanitizer.call) out.sanitizers.add(compilePattern(sanitizer.call), sanitizer.lead === undefined ? bit : bits.get(contextClass(sanitizer.call))!);
      const test = sanitizer.type ?? sanitizer.check;
      const into = sanitizer.prefixed ? out.prefixedChecks : out.typeSanitizers;
      if (test) into.set(test, (into.get(test) ?? 0) | bit);
    }
    for (const propagator of spec.propagators) out.propagators.add(compilePattern(propagator.call), propagator);
    for (const guard of spec.guards) out.guards.add(compilePattern(guard.call), { rule, label: guard.label });
    for (const id of spec.guarded) out.guardedBy.set(id, [...(out.guardedBy.get(id) ?? []), rule]);
  }
  for (const rule of out.rules) if (rule.spec.refines) rule.refines = out.rules.filter((r) => r.spec.class === rule.spec.refines);
  return out;
}

/** The source a path starts with (longest match), and how many segments it covers. */
export function matchSource(rules: CompiledRules, path: readonly string[]): { source: CompiledSource; length: number } | undefined {
  let best: { source: CompiledSource; length: number } | undefined;
  for (const list of [rules.sources.get(path[0] ?? ''), rules.sources.get('')]) {
    for (const source of list ?? []) {
      if (source.callOnly && !path.at(-1)?.endsWith('()')) continue;
      const length = source.pattern.prefix(path);
      if (length > 0 && (!best || length > best.length)) best = { source, length };
    }
  }
  return best;
}
