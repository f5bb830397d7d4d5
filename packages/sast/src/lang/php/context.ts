import { BaseLowerContext } from '../lower-context.js';
import type { SyntaxNode } from '../../parse/syntax.js';

/** What lowering one PHP file collects besides the statements: every function, and what the file's classes declare. */
export class LowerContext extends BaseLowerContext {
  /** Method names declared by the file's classes: `$obj->m()` of one of them also reaches the method's summary. */
  readonly methods = new Set<string>();
  /** Classes with a constructor in this file: `new C(…)` calls it (lowered to return `$this`). */
  readonly constructors = new Set<string>();
  /** Variables assigned a constant string (a regex kept in `$re`), by name; null once assigned anything else. */
  readonly constants = new Map<string, string | null>();
  /** The HTML the file prints outside `<?php ?>` before each offset: text nodes in order. */
  readonly html: { start: number; text: string }[] = [];

  /** The HTML printed before `offset` (the last 2,000 characters are enough to know the context). */
  htmlBefore(offset: number): string {
    let out = '';
    for (const t of this.html) if (t.start < offset) out += t.text;
    return out.slice(-2000);
  }
}

/** A PHP string literal's value: single-quoted text as written, double-quoted without interpolation. */
export function stringValue(ctx: LowerContext, node: SyntaxNode): string {
  const text = ctx.text(node);
  const m = /^[bB]?(['"])([\s\S]*)\1$/.exec(text);
  return m ? m[2]!.replace(/\\(['"\\])/g, '$1') : text;
}
