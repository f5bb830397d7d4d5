/** The lines a reason points at: runs of consecutive line numbers. */
export type LineRange = [number, number];

export function rangesOf(lines: Iterable<number>): LineRange[] {
  const sorted = [...new Set(lines)].filter((n) => n > 0).sort((a, b) => a - b);
  const out: LineRange[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** "3", "3–7", "3–7, 12". */
export function describeRanges(ranges: readonly LineRange[]): string {
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Lines (1-based) whose text matches. */
export function linesMatching(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (pattern.test(line)) out.push(index + 1);
  });
  return out;
}
