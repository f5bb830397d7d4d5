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
