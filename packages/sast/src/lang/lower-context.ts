import type { ExportIR, Expr, FunctionIR, ImportIR, Span } from '../ir/types.js';
import type { SourceText, SyntaxNode } from '../parse/syntax.js';

/** What lowering any file collects besides the statements (every function, the imports and exports), and the helpers every language's lowering uses. */
export class BaseLowerContext {
  readonly functions: FunctionIR[] = [];
  readonly imports: ImportIR[] = [];
  readonly exports: ExportIR[] = [];
  private nextId = 0;

  constructor(
    readonly src: SourceText,
    readonly file: string,
  ) {}

  id(): number {
    return this.nextId++;
  }

  span(node: SyntaxNode): Span {
    return this.src.spanOf(node);
  }

  text(node: SyntaxNode): string {
    return this.src.slice(node);
  }

  opaque(node: SyntaxNode, parts: Expr[] = []): Expr {
    return { kind: 'opaque', span: this.span(node), parts };
  }
}

/**
 * A statement by its node type: the language's own lowering, nothing for the skipped kinds and anonymous
 * tokens, and an expression statement for anything else (an expression where a statement goes, an unknown form).
 */
export function dispatchStatement<C extends BaseLowerContext, S>(
  ctx: C,
  node: SyntaxNode,
  table: Readonly<Record<string, ((ctx: C, node: SyntaxNode) => S[]) | undefined>>,
  skipped: ReadonlySet<string>,
  lowerExpr: (ctx: C, node: SyntaxNode) => Expr,
): (S | { kind: 'expr'; span: Span; expr: Expr })[] {
  if (skipped.has(node.type) || !node.named) return [];
  const lower = table[node.type];
  if (lower) return lower(ctx, node);
  return [{ kind: 'expr', span: ctx.span(node), expr: lowerExpr(ctx, node) }];
}
