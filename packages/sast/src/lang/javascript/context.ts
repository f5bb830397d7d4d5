import { BaseLowerContext } from '../lower-context.js';
import type { SyntaxNode } from '../../parse/syntax.js';

/** What lowering one file collects besides the statements: every function, the imports and exports. */
export class LowerContext extends BaseLowerContext {}

/** A string literal's value: the text between its quotes (escapes kept as written; patterns never need them). */
export function stringValue(ctx: LowerContext, node: SyntaxNode): string {
  const text = ctx.text(node);
  return text.length >= 2 ? text.slice(1, -1) : text;
}

/** A TypeScript annotation's type name without generics or the `: `: `Request<P>` → `Request`. */
export function typeName(ctx: LowerContext, annotation: SyntaxNode | undefined): string | undefined {
  if (!annotation) return undefined;
  const text = ctx.text(annotation).replace(/^:\s*/, '');
  return text.replace(/<[\s\S]*$/, '').trim() || undefined;
}
