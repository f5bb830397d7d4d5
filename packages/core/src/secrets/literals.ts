// Just enough lexing to find a string literal and where it is: a line-based scan that knows quotes,
// escapes and comments, not a parser. Columns are JavaScript string indexes (UTF-16 code units), as SARIF counts them.

/** How a file writes comments: C-like (//, /*), hash (#), or both (PHP, Terraform). */
export type CommentStyle = 'c' | 'hash' | 'both' | 'none';

export interface Literal {
  value: string;
  /** 0-based line and column of the value's first character (after the quote). */
  line: number;
  column: number;
  /** 0-based line and exclusive column where the value ends (before the closing quote). */
  endLine: number;
  endColumn: number;
  /** Where scanning goes on after the closing quote, on endLine. */
  next: number;
}

/** Lines a multi-line literal (a template literal, a Python triple-quoted string) may run over. */
const MAX_LITERAL_LINES = 200;

function commentAt(line: string, at: number, style: CommentStyle): boolean {
  if ((style === 'c' || style === 'both') && line.startsWith('//', at) && line[at - 1] !== ':') return true;
  if ((style === 'c' || style === 'both') && line.startsWith('/*', at)) return true;
  return (style === 'hash' || style === 'both') && line[at] === '#' && (at === 0 || /\s/.test(line[at - 1]!));
}

/** Where the line's string literals are, as [start, end) ranges (the quotes included), up to a comment. */
export function stringSpans(line: string, style: CommentStyle): [number, number][] {
  return scan(line, style).spans;
}

/** Where a comment starts on the line (a JSDoc continuation line is one from its start), or the line's length. */
export function commentStart(line: string, style: CommentStyle): number {
  if ((style === 'c' || style === 'both') && /^\s*\*(?!\/)/.test(line)) return 0;
  return scan(line, style).comment;
}

function scan(line: string, style: CommentStyle): { spans: [number, number][]; comment: number } {
  const spans: [number, number][] = [];
  let at = 0;
  while (at < line.length) {
    const char = line[at]!;
    if (commentAt(line, at, style)) return { spans, comment: at };
    if (char === '"' || char === "'" || char === '`') {
      let end = at + 1;
      while (end < line.length && line[end] !== char) end += line[end] === '\\' ? 2 : 1;
      spans.push([at, Math.min(end + 1, line.length)]);
      at = end + 1;
    } else {
      at++;
    }
  }
  return { spans, comment: line.length };
}

export function insideSpan(spans: readonly [number, number][], at: number): boolean {
  return spans.some(([start, end]) => at > start && at < end);
}

/** The literal starting at `at` (optionally after a Python prefix such as b, r, f), or undefined. */
export function readLiteral(lines: readonly string[], index: number, at: number): Literal | undefined {
  const line = lines[index]!;
  const prefix = /^[bBrRuUfF]{1,2}(?=["'])/.exec(line.slice(at, at + 3))?.[0].length ?? 0;
  const start = at + prefix;
  const quote = line[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  const triple = quote !== '`' && line.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  const open = start + close.length;
  // Single-quoted strings end on their line; template literals and triple-quoted strings may go on.
  const multiline = triple || quote === '`';
  for (let n = index, from = open; n < Math.min(lines.length, index + (multiline ? MAX_LITERAL_LINES : 1)); n++, from = 0) {
    const text = lines[n]!;
    let end = from;
    while (end < text.length && !text.startsWith(close, end)) end += text[end] === '\\' ? 2 : 1;
    if (end < text.length) {
      const value = n === index ? text.slice(open, end) : [line.slice(open), ...lines.slice(index + 1, n), text.slice(0, end)].join('\n');
      return { value, line: index, column: open, endLine: n, endColumn: end, next: end + close.length };
    }
  }
  return undefined;
}

/**
 * Where argument `n` (0-based) of the call whose "(" is at `open` starts, skipping nested brackets and
 * strings; undefined when the call has fewer arguments on this line.
 */
export function argumentStart(line: string, open: number, n: number): number | undefined {
  let depth = 0;
  let argument = 0;
  for (let at = open + 1; at < line.length; at++) {
    const char = line[at]!;
    if (char === '"' || char === "'" || char === '`') {
      let end = at + 1;
      while (end < line.length && line[end] !== char) end += line[end] === '\\' ? 2 : 1;
      if (argument === n && depth === 0) return at;
      at = end;
      continue;
    }
    if (argument === n && depth === 0 && !/\s/.test(char)) return at;
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) {
      if (depth === 0) return undefined;
      depth--;
    } else if (char === ',' && depth === 0) argument++;
  }
  return undefined;
}

