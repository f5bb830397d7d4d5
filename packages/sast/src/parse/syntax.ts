import type { Tree } from 'web-tree-sitter';
import type { Span } from '../ir/types.js';

/**
 * A syntax node copied out of the WebAssembly tree in one cursor walk. Adapters lower from these: every
 * call on a web-tree-sitter Node crosses into wasm and allocates, and lowering looks at most nodes several
 * times. After the copy the tree is freed, so only the small JavaScript form lives for the run.
 */
export interface SyntaxNode {
  type: string;
  /** The field this node fills in its parent (tree-sitter's field names: 'function', 'arguments', …). */
  field: string | undefined;
  named: boolean;
  start: number;
  end: number;
  children: SyntaxNode[];
}

/** Lines and columns from offsets, by binary search over the line starts (cheaper than asking wasm per node). */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  spanOf(node: { start: number; end: number }): Span {
    return this.span(node.start, node.end);
  }

  slice(node: { start: number; end: number }): string {
    return this.text.slice(node.start, node.end);
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}

const KEYWORD = /^[a-z_]+$/;

/** Copies the tree, skipping comments (they hold no data flow and are often most of a file's nodes). */
export function copyTree(tree: Tree): SyntaxNode {
  const cursor = tree.walk();
  const language = tree.language;
  const types = new Map<number, string>();
  const fields = new Map<number, string | undefined>();
  const typeOf = (id: number) => {
    let type = types.get(id);
    if (type === undefined) types.set(id, (type = language.types[id] ?? cursor.nodeType));
    return type;
  };
  const fieldOf = (id: number) => {
    if (id === 0) return undefined;
    if (!fields.has(id)) fields.set(id, language.fields[id] ?? undefined);
    return fields.get(id);
  };
  // Every cursor read copies the cursor into wasm memory: read as little as each node needs. Anonymous
  // tokens without a field are punctuation or keywords: punctuation is dropped, keywords keep only their type.
  const visit = (type: string, field: string | undefined, named: boolean): SyntaxNode => {
    const node: SyntaxNode = { type, field, named, start: cursor.startIndex, end: cursor.endIndex, children: [] };
    if (cursor.gotoFirstChild()) {
      do {
        const childType = typeOf(cursor.nodeTypeId);
        if (childType === 'comment') continue;
        const childField = fieldOf(cursor.currentFieldId);
        const childNamed = cursor.nodeIsNamed;
        if (!childNamed && childField === undefined) {
          if (KEYWORD.test(childType)) node.children.push({ type: childType, field: undefined, named: false, start: node.start, end: node.start, children: [] });
          continue;
        }
        node.children.push(visit(childType, childField, childNamed));
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return node;
  };
  try {
    return visit(typeOf(cursor.nodeTypeId), undefined, true);
  } finally {
    cursor.delete();
  }
}

/** The child filling a field. */
export function fieldOf(node: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const child of node.children) if (child.field === name) return child;
  return undefined;
}

/** Every child filling a field (tree-sitter repeats a field for lists). */
export function fieldsOf(node: SyntaxNode, name: string): SyntaxNode[] {
  return node.children.filter((child) => child.field === name);
}

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((child) => child.named);
}

export function firstNamed(node: SyntaxNode): SyntaxNode | undefined {
  return node.children.find((child) => child.named);
}
