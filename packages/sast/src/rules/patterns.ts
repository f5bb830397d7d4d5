// Dotted path patterns (see schema.ts): compiled once, matched against the engine's value paths, which are
// arrays of segments: ['$req', 'query', 'id'], ['child_process', 'exec'], ['$res', 'status()', 'send'].

export interface PathPattern {
  readonly text: string;
  /** The literal last segment, for indexing; undefined when it is a wildcard or a regex. */
  readonly last: string | undefined;
  /** How many leading segments of the path it matches: the longest, or -1. */
  prefix(path: readonly string[]): number;
  matches(path: readonly string[]): boolean;
}

function matchFrom(pattern: readonly string[], pi: number, path: readonly string[], si: number, whole: boolean, best: number): number {
  if (pi === pattern.length) return whole ? (si === path.length ? si : best) : Math.max(best, si);
  const segment = pattern[pi]!;
  if (segment === '**') {
    let found = best;
    for (let k = si; k <= path.length; k++) found = Math.max(found, matchFrom(pattern, pi + 1, path, k, whole, found));
    return found;
  }
  if (si >= path.length) return best;
  if (segment !== '*' && segment !== path[si]) return best;
  return matchFrom(pattern, pi + 1, path, si + 1, whole, best);
}

export function compilePattern(text: string): PathPattern {
  if (text.startsWith('re:')) {
    const regex = new RegExp(text.slice(3));
    return {
      text,
      last: undefined,
      prefix: (path) => (regex.test(path.join('.')) ? path.length : -1),
      matches: (path) => regex.test(path.join('.')),
    };
  }
  const segments = text.split('.');
  const last = segments.at(-1);
  // Every literal segment must be in the path: a cheap test that turns most paths away before matching.
  const literals = segments.filter((s) => s !== '*' && s !== '**');
  const possible = (path: readonly string[]) => literals.every((s) => path.includes(s));
  return {
    text,
    last: last === '*' || last === '**' ? undefined : last,
    prefix: (path) => (possible(path) ? matchFrom(segments, 0, path, 0, false, -1) : -1),
    matches: (path) => possible(path) && matchFrom(segments, 0, path, 0, true, -1) === path.length,
  };
}

/** Patterns indexed by their last segment, so a call is checked against a handful, not every rule's. */
export class PatternIndex<T> {
  private readonly byLast = new Map<string, { pattern: PathPattern; value: T }[]>();
  private readonly other: { pattern: PathPattern; value: T }[] = [];

  add(pattern: PathPattern, value: T): void {
    const key = pattern.last;
    if (key === undefined) this.other.push({ pattern, value });
    else {
      const list = this.byLast.get(key) ?? [];
      list.push({ pattern, value });
      this.byLast.set(key, list);
    }
  }

  /** Every value whose pattern matches the whole path. */
  match(path: readonly string[]): T[] {
    const out: T[] = [];
    const last = path.at(-1);
    for (const entry of (last !== undefined ? this.byLast.get(last) : undefined) ?? []) if (entry.pattern.matches(path)) out.push(entry.value);
    for (const entry of this.other) if (entry.pattern.matches(path)) out.push(entry.value);
    return out;
  }

  get size(): number {
    return this.other.length + [...this.byLast.values()].reduce((n, list) => n + list.length, 0);
  }
}
