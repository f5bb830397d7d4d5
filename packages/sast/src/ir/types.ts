// The language-neutral program form the taint engine reads. A language adapter lowers its tree-sitter tree
// into it; the engine never sees a syntax node. It keeps only what moves data: names, member access, calls,
// string building, assignments, branches, returns. Everything else is `opaque` (evaluated, carries no taint).

/** Where a node is: offsets into the file's text, 1-based lines and columns (UTF-16 code units, SARIF's default). */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Expr =
  | { kind: 'literal'; span: Span; value: string | number | boolean | null }
  | { kind: 'name'; span: Span; name: string }
  /** a.b, a['b'] (property known) or a[i] (property undefined, index evaluated). */
  | { kind: 'member'; span: Span; object: Expr; property: string | undefined; index?: Expr | undefined }
  | { kind: 'call'; span: Span; callee: Expr; args: Expr[]; construct?: boolean }
  /** String building: +, template literals, f-strings, %, .format: the parts end up inside one string. */
  | { kind: 'concat'; span: Span; parts: Expr[] }
  /**
   * The value is one of its parts: a || b, a ?? b, await a, a as T. `logic` marks a boolean and/or whose parts
   * are tests: where `a and b` holds both hold, where `a or b` fails both fail (guards read it).
   */
  | { kind: 'union'; span: Span; parts: Expr[]; logic?: 'and' | 'or' | undefined }
  /** Evaluated for what happens inside (calls, assignments); the value itself carries no taint: a < b, !a, a - b. */
  | { kind: 'opaque'; span: Span; parts: Expr[] }
  | { kind: 'cond'; span: Span; test: Expr; then: Expr; else: Expr }
  /**
   * A test the engine knows: a type (typeof a === 'string', isinstance(a, str): 'string', 'number', …) or a check
   * of the content an adapter recognised (CHECKS in rules/schema.ts: `a in ALLOWED` is 'allow-list'). Where it holds
   * (or, negated, fails) the subject is clean for the classes whose rules accept that type or check. 'prefix' is
   * a.startswith(value): the classes whose `safePrefix` accepts `value` are clean.
   */
  | { kind: 'is-type'; span: Span; subject: Expr; type: string; negated: boolean; value?: string | undefined }
  | { kind: 'object'; span: Span; entries: ObjectEntry[] }
  | { kind: 'array'; span: Span; items: Expr[] }
  | { kind: 'function'; span: Span; fn: FunctionIR }
  /** x = v, and x += v (append: the old value stays in). */
  | { kind: 'assign'; span: Span; target: Pattern; value: Expr; append?: boolean }
  /** A module as a value: require('m'), import('m'). */
  | { kind: 'module'; span: Span; module: string };

export interface ObjectEntry {
  /** The key when constant; undefined for computed keys and spreads. */
  key: string | undefined;
  value: Expr;
  spread?: boolean;
  span: Span;
}

export type Pattern =
  | { kind: 'name'; span: Span; name: string }
  | { kind: 'member'; span: Span; object: Expr; property: string | undefined }
  | { kind: 'object'; span: Span; props: { key: string | undefined; value: Pattern; fallback?: Expr | undefined }[]; rest?: Pattern | undefined }
  | { kind: 'array'; span: Span; items: (Pattern | undefined)[]; rest?: Pattern | undefined }
  | { kind: 'none'; span: Span };

export type Stmt =
  | { kind: 'expr'; span: Span; expr: Expr }
  /** let/const/var and plain assignment statements; value undefined: declared without a value. */
  | { kind: 'assign'; span: Span; target: Pattern; value: Expr | undefined; fallback?: Expr | undefined }
  | { kind: 'if'; span: Span; test: Expr; then: Stmt[]; else: Stmt[] }
  /** Any loop: head runs once, body twice (loop-carried flows), `each` binds the element of an iterable. */
  | { kind: 'loop'; span: Span; head: Stmt[]; test?: Expr | undefined; body: Stmt[]; each?: { target: Pattern; iterable: Expr } | undefined }
  | { kind: 'return'; span: Span; value?: Expr | undefined }
  | { kind: 'throw'; span: Span; value?: Expr | undefined }
  | { kind: 'try'; span: Span; body: Stmt[]; handler: Stmt[]; param?: Pattern | undefined; finalizer: Stmt[] }
  /** Alternatives from one entry state: switch cases, match arms. */
  | { kind: 'branches'; span: Span; test?: Expr | undefined; arms: Stmt[][] }
  /** A function declaration: its name is bound for the whole scope (hoisted). */
  | { kind: 'function'; span: Span; fn: FunctionIR }
  | { kind: 'class'; span: Span; name: string | undefined; members: FunctionIR[]; fields: { name: string; value: Expr }[] };

/** A parameter. `ref` and `source` are how adapters mark what a framework passes in. */
export interface ParamIR {
  pattern: Pattern;
  /** The parameter's own name when it is a plain name. */
  name?: string | undefined;
  /** A role name the rules' patterns start with: '$req' (a request object), '$res' (a response object). */
  ref?: string | undefined;
  /** The parameter itself is untrusted input (Spring @RequestParam, a FastAPI query parameter). */
  source?: { kind: string; label: string } | undefined;
  fallback?: Expr | undefined;
  rest?: boolean;
}

export interface FunctionIR {
  /** Unique within its module. */
  id: number;
  /** Declared or inferred (const f = () => …, a method's name). */
  name?: string | undefined;
  span: Span;
  params: ParamIR[];
  body: Stmt[];
  /** Set for route handlers the adapter recognised by their registration (app.get(path, fn)), not only by names. */
  handler?: string | undefined;
}

/** A binding the module gets from another: import x from 'm', import { a as b } from 'm', from m import a. */
export interface ImportIR {
  local: string;
  module: string;
  /** '*': the module itself; 'default'; else the exported name. */
  imported: string;
}

/** What the module offers to others: a function (by id) or a top-level name. */
export interface ExportIR {
  name: string;
  fn?: number | undefined;
  local?: string | undefined;
}

export interface ModuleIR {
  /** Relative to the scanned root, POSIX. */
  file: string;
  language: string;
  body: Stmt[];
  /** Every function, nested ones too. */
  functions: FunctionIR[];
  imports: ImportIR[];
  exports: ExportIR[];
  /** For templates: the data names a template prints without escaping, with where. */
  rawOutputs?: RawOutput[];
}

/** A template printing a data name unescaped: `<%- name %>`, `{{ name|safe }}`, `${name}` in a JSP. */
export interface RawOutput {
  name: string;
  span: Span;
  /** How the code flow names the output: "printed unescaped by `{{ name|safe }}`" (default: by `<%-`). */
  via?: string | undefined;
}
