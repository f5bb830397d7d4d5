import type { FunctionIR, ModuleIR, Span } from '../ir/types.js';
import type { LanguageAdapter } from '../lang/types.js';
import type { SourceText } from '../parse/syntax.js';
import type { CompiledRules } from '../rules/compile.js';
import type { Fact, Origin, Step, Taint, Trail } from './facts.js';
import type { Scope } from './scope.js';

/** Where data does harm: the argument (or assigned value) at a sink, and what the sink is. */
export interface SinkSite {
  file: string;
  span: Span;
  /** The sink as written, white space folded: `db.query`, `res.status(500).send`. */
  callee: string;
  /** What it does, from the rule: "SQL query". */
  label: string;
}

/** A parameter of a function reaches a sink inside it: callers that pass tainted data in have a finding. */
export interface SummarySink {
  param: number;
  /** The compiled sink's key (`<rule id>#<index>`). */
  sink: string;
  /** The parameter's fact at the sink: what the callee did to it (sanitised, stringified) and its steps. */
  fact: Fact;
  site: SinkSite;
}

/** Where a value went through a call that only looks like a check (a guard rule's `guards`). */
export interface CheckSite {
  /** The guard rule. */
  rule: string;
  file: string;
  span: Span;
  /** The check as written: `url.includes(allowedUrl)`. */
  text: string;
  label: string;
}

/** What calling a function does with its arguments, computed once per function. */
export interface Summary {
  name: string;
  file: string;
  /** Facts reaching its return: parameters (origin 'param') and sources it reads itself. */
  returns: Taint;
  sinks: SummarySink[];
  /** Parameters it checks only weakly (isRedirectAllowed(url) doing url.includes(…)). */
  checks: { param: number; check: CheckSite }[];
}

export type SourceOrigin = Extract<Origin, { type: 'source' }>;

/** A finding about an app as a whole (a route rule's unprotected routes): one per rule and app. */
export interface AppFinding {
  /** The app's folder: with the rule, the finding's identity, so routes added or removed keep it. */
  root: string;
  /** The places it covers (each unprotected route), as related locations; at most a cap of them. */
  places: Step[];
  /** Places left out past the cap. */
  more: number;
  /** The first step of its flow: the app's creation, or its first route. */
  start: string;
}

export interface TaintFinding {
  ruleId: string;
  file: string;
  sink: SinkSite;
  origin: SourceOrigin;
  /** Every step from the source to the sink, the sink included. */
  trail: Trail;
  weak: boolean;
  app?: AppFinding | undefined;
}

/** Tainted data handed to a template under a key: a finding where the template prints that key unescaped. */
export interface RenderEvent {
  /** The render sink's key (`<rule id>#<index>`). */
  sink: string;
  /** The template as named in the call: 'search', 'pages/search.ejs'; '*.jsp' for any of that extension (a request attribute). */
  template: string;
  key: string;
  /** Undefined for a forward (`render: target`): it only names the template the file's request attributes go to. */
  fact: Fact | undefined;
  site: SinkSite;
}

/** One function being walked: its scope, and what it returns and passes to sinks from its parameters. */
export interface Frame {
  fn: FunctionIR | undefined;
  scope: Scope;
  returns: Taint;
  sinks: SummarySink[];
  checks: { param: number; check: CheckSite }[];
}

/** One module's analysis: read-only inputs and what it collects. */
export interface ModuleState {
  module: ModuleIR;
  adapter: LanguageAdapter;
  rules: CompiledRules;
  src: SourceText;
  files: ReadonlySet<string>;
  /** Summaries of other files' exports, by `<file>#<name>` (empty in the first pass). */
  imported: ReadonlyMap<string, Summary>;
  summaries: Map<number, Summary | 'pending'>;
  findings: TaintFinding[];
  /** Functions by name, for this.method() calls. */
  byName: Map<string, FunctionIR[]>;
  /** The module's top-level classes' methods, by class name: calls on an instance (`Repo(db).find(x)`) reach them. */
  classes: Map<string, FunctionIR[]>;
  /** The module's top-level scope: imports, top-level names; every function's scope chain ends here. */
  moduleScope: Scope;
  /** Files of the scan this module refers to (imports, require). */
  deps: Set<string>;
  renders: RenderEvent[];
  /** Weak checks each source's data went through, by `<file>:<origin id>`. */
  checks: Map<string, CheckSite[]>;
}
