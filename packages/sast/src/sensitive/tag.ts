import { adapterFor } from '../lang/registry.js';
import { Parsers } from '../parse/parsers.js';
import { SourceText } from '../parse/syntax.js';
import type { FunctionIR, ModuleIR, Span } from '../ir/types.js';
import { KIND_WHY, SENSITIVE_APIS, SENSITIVE_NAMES, type SensitiveKind } from './apis.js';

/** A function (or a top-level line) that does something security-sensitive, and how we know. */
export interface SensitiveTag {
  file: string;
  kind: SensitiveKind;
  /** The function's name, when the code is in one. */
  function?: string | undefined;
  /** 1-based lines of the function (or of the call, at top level). */
  startLine: number;
  endLine: number;
  /** The evidence: "calls bcrypt.compare", "imports jsonwebtoken", "is named login". */
  evidence: string;
  /** Why that kind matters, in words. */
  why: string;
}

interface Call {
  dotted: string;
  module?: string | undefined;
  span: Span;
}

/** `a.b.c` of a callee made of names and members; undefined for anything computed. */
function dottedOf(expr: unknown): string | undefined {
  const node = expr as { kind?: string; name?: string; object?: unknown; property?: string; callee?: unknown };
  if (node.kind === 'name') return node.name;
  if (node.kind === 'member' && node.property) {
    const object = dottedOf(node.object);
    return object ? `${object}.${node.property}` : node.property;
  }
  // new X().y(), f().g(): the call's own callee names the chain.
  if (node.kind === 'call') return dottedOf(node.callee);
  return undefined;
}

/** Every node of the module, once each, wherever it is nested. */
function walk(module: ModuleIR, each: (node: { kind?: string } & Record<string, unknown>) => void): void {
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    each(value as { kind?: string } & Record<string, unknown>);
    for (const child of Object.values(value)) visit(child);
  };
  visit(module.body);
  visit(module.functions);
}

/** Local names bound to a module: imports, and `const x = require('m')` / `const { a } = require('m')`. */
function moduleBindings(module: ModuleIR): Map<string, string> {
  const bound = new Map(module.imports.map((i) => [i.local, i.module]));
  walk(module, (node) => {
    const value = node.value as { kind?: string; module?: string } | undefined;
    if (node.kind !== 'assign' || value?.kind !== 'module' || !value.module) return;
    const target = node.target as { kind: string; name?: string; props?: { value: { kind: string; name?: string } }[] };
    if (target.kind === 'name' && target.name) bound.set(target.name, value.module);
    for (const prop of target.props ?? []) if (prop.value.kind === 'name' && prop.value.name) bound.set(prop.value.name, value.module);
  });
  return bound;
}

/** Every call in the module, once each, with the module its callee's first name is bound to. */
function callsOf(module: ModuleIR): Call[] {
  const imports = moduleBindings(module);
  const calls = new Map<number, Call>();
  walk(module, (node) => {
    if (node.kind === 'call' && node.span) {
      const dotted = dottedOf(node.callee);
      const span = node.span as Span;
      if (dotted && !calls.has(span.start)) calls.set(span.start, { dotted, module: imports.get(dotted.split('.')[0]!), span });
    }
  });
  return [...calls.values()];
}

/** The innermost function around a span. */
function enclosing(functions: readonly FunctionIR[], span: Span): FunctionIR | undefined {
  let best: FunctionIR | undefined;
  for (const fn of functions) {
    if (fn.span.start <= span.start && span.end <= fn.span.end && (!best || fn.span.end - fn.span.start < best.span.end - best.span.start)) best = fn;
  }
  return best;
}

/** The tags of one lowered module: per function and kind, the first evidence found. */
export function tagModule(module: ModuleIR): SensitiveTag[] {
  const tags = new Map<string, SensitiveTag>();
  const add = (kind: SensitiveKind, fn: FunctionIR | undefined, span: Span, evidence: string) => {
    const key = `${fn?.id ?? `line${span.line}`}/${kind}`;
    if (tags.has(key)) return;
    const where = fn?.span ?? span;
    tags.set(key, { file: module.file, kind, function: fn?.name, startLine: where.line, endLine: where.endLine, evidence, why: KIND_WHY[kind] });
  };
  for (const call of callsOf(module)) {
    for (const api of SENSITIVE_APIS) {
      const byModule = api.module && call.module !== undefined && api.module.test(call.module);
      if (byModule || api.callee?.test(call.dotted)) {
        add(api.kind, enclosing(module.functions, call.span), call.span, byModule ? `calls ${call.dotted} (${call.module})` : `calls ${call.dotted}`);
      }
    }
  }
  for (const fn of module.functions) {
    for (const named of SENSITIVE_NAMES) if (fn.name && named.name.test(fn.name)) add(named.kind, fn, fn.span, `is named ${fn.name}`);
  }
  return [...tags.values()].sort((a, b) => a.startLine - b.startLine || a.kind.localeCompare(b.kind));
}

/**
 * Security-sensitive functions of the given files, from what their code calls (the same parse and lowering
 * the taint analysis uses). Files no adapter reads, and files that fail to parse, yield no tags.
 */
export async function tagSensitiveCode(sources: readonly { path: string; text: string }[], options: { grammarsDir?: string | undefined } = {}): Promise<SensitiveTag[]> {
  const parsers = new Parsers(options.grammarsDir);
  const out: SensitiveTag[] = [];
  try {
    for (const file of sources) {
      const found = adapterFor(file.path);
      if (!found || found.adapter.kind === 'template') continue;
      const source = new SourceText(file.text);
      let module: ModuleIR;
      try {
        module = found.grammar === 'lexed' ? found.adapter.lex!(source, file.path) : found.adapter.lower(await parsers.parse(found.grammar, found.adapter.preprocess?.(file.text) ?? file.text), source, file.path);
      } catch {
        continue;
      }
      out.push(...tagModule(module));
    }
  } finally {
    parsers.dispose();
  }
  return out;
}
