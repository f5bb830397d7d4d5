import type { ModuleIR } from '../ir/types.js';
import type { LanguageAdapter } from '../lang/types.js';
import type { SourceText } from '../parse/syntax.js';
import type { CompiledRules } from '../rules/compile.js';
import { moduleRef } from './evaluate.js';
import { execute } from './execute.js';
import { CLEAN } from './facts.js';
import { summaryOf } from './functions.js';
import { guardFindings } from './guards.js';
import { Scope } from './scope.js';
import type { Frame, ModuleState, RenderEvent, Summary, TaintFinding } from './types.js';

export interface ModuleInput {
  module: ModuleIR;
  adapter: LanguageAdapter;
  rules: CompiledRules;
  src: SourceText;
  /** Every file of the scan, for resolving imports. */
  files: ReadonlySet<string>;
  /** Other files' export summaries by `<file>#<name>`: empty in the first pass. */
  imported?: ReadonlyMap<string, Summary>;
}

export interface ModuleResult {
  findings: TaintFinding[];
  /** This module's exported functions' summaries, by export name. */
  exports: Map<string, Summary>;
  deps: string[];
  renders: RenderEvent[];
}

function importRef(state: ModuleState, module: string, imported: string): string[] {
  const ref = moduleRef(state, module);
  if (imported === '*') return ref;
  // A package's default export is the package (express(), escapeHtml()); a file's is its `default`.
  if (imported === 'default') return ref[0]?.startsWith('<') ? [...ref, 'default'] : ref;
  return [...ref, imported];
}

/** One module: its top level, then every function not reached from it, each as an entry point. */
export function analyzeModule(input: ModuleInput): ModuleResult {
  const moduleScope = new Scope(undefined);
  const byName = new Map<string, ModuleIR['functions']>();
  for (const fn of input.module.functions) if (fn.name) byName.set(fn.name, [...(byName.get(fn.name) ?? []), fn]);
  const state: ModuleState = {
    ...input,
    imported: input.imported ?? new Map(),
    summaries: new Map(),
    findings: [],
    byName,
    classes: new Map(input.module.body.flatMap((stmt) => (stmt.kind === 'class' && stmt.name ? [[stmt.name, stmt.members] as const] : []))),
    moduleScope,
    deps: new Set(),
    renders: [],
    checks: new Map(),
  };
  for (const imp of input.module.imports) moduleScope.set(imp.local, { taint: CLEAN, ref: importRef(state, imp.module, imp.imported) });
  const frame: Frame = { fn: undefined, scope: moduleScope, returns: CLEAN, sinks: [], checks: [] };
  execute(state, frame, input.module.body);
  for (const fn of input.module.functions) if (!state.summaries.has(fn.id)) summaryOf(state, fn, moduleScope);
  const exports = new Map<string, Summary>();
  const byId = new Map(input.module.functions.map((fn) => [fn.id, fn]));
  for (const exp of input.module.exports) {
    const fn = exp.fn !== undefined ? byId.get(exp.fn) : exp.local !== undefined ? moduleScope.get(exp.local)?.fn : undefined;
    const summary = fn ? state.summaries.get(fn.id) : undefined;
    if (summary && summary !== 'pending') exports.set(exp.name, summary);
  }
  return { findings: [...state.findings, ...guardFindings(state)], exports, deps: [...state.deps], renders: state.renders };
}
