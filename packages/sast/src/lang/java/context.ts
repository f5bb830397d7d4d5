import { BaseLowerContext } from '../lower-context.js';
import type { SyntaxNode } from '../../parse/syntax.js';

/** A compile-time constant the lowering can fold: `int num = 106;`, `String guess = "ABC";`. */
export type Constant = number | string | boolean;

/** What a list or map built in straight-line code holds, element by element (the syntax nodes put in). */
export type Collection = { kind: 'list'; items: (SyntaxNode | undefined)[]; depth: number } | { kind: 'map'; entries: Map<string, SyntaxNode>; depth: number };

/** One method being lowered: its local names, declared types, constants and collections. */
export interface MethodScope {
  locals: Set<string>;
  types: Map<string, string>;
  constants: Map<string, Constant>;
  /** Names assigned anywhere after their declaration: never constants. */
  reassigned: Set<string>;
  collections: Map<string, Collection | 'unknown'>;
  depth: number;
}

/** What lowering one Java file collects: functions, imports, exports, and what it knows of names. */
export class JavaContext extends BaseLowerContext {
  /** Simple name → qualified name, from single-type imports. */
  readonly imported = new Map<string, string>();
  /** Classes declared in this file (top level and nested). */
  readonly classes = new Set<string>();
  /** Fields of the class being lowered whose type gives them a role ($req, $res), by name. */
  fieldRoles = new Map<string, string>();
  fields = new Set<string>();
  method: MethodScope | undefined;
  pkg = '';

  isLocal(name: string): boolean {
    return this.method?.locals.has(name) === true;
  }

  /** A type as written → the name it is known by: imported simple names qualified, generics dropped. */
  qualify(type: string): string {
    const bare = type.replace(/<[\s\S]*$/, '').replace(/\[\]/g, '').trim();
    return this.imported.get(bare) ?? bare;
  }
}

/** A string literal's value (escapes kept as written). */
export function stringValue(ctx: JavaContext, node: SyntaxNode): string {
  const text = ctx.text(node);
  if (text.startsWith('"""')) return text.slice(3, -3);
  return text.length >= 2 ? text.slice(1, -1) : text;
}

/** The simple name of a type node: `java.util.List<String>` → `List`. */
export function simpleType(ctx: JavaContext, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  return ctx.text(node).replace(/<[\s\S]*$/, '').replace(/\[\]/g, '').trim().split('.').pop();
}
