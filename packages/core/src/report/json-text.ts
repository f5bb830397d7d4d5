/**
 * The layout of Pipewarden's JSON reports (`report.json`, GitLab's reports): the top-level members indented
 * as `JSON.stringify(value, null, 2)` would, except top-level arrays, which list one compact item per line.
 * A report of 100k findings was 225 MB indented and its indentation a fifth of the scan's writing; one item
 * per line keeps it greppable and diffable line by line, as `results.sarif` (one result per line) is.
 *
 * It is a stream of pieces, a few hundred items at a time: the whole report is never one string.
 */
/**
 * An array member that a report writes item by item: each item is made when its batch is written, so a report's
 * 100k findings are never all alive at once (they die young instead of filling the old generation, which was
 * a good part of a large scan's garbage collection). Anything else that serializes it (`JSON.stringify`)
 * gets the whole array.
 */
export class LazyArray<T = unknown, U = unknown> {
  constructor(
    readonly items: readonly T[],
    readonly make: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.items.map((item) => this.make(item));
  }
}

/** How a report builder makes a long list: whole (the default, for callers that read the report) or lazily (to be written). */
export type ListOf = <T, U>(items: readonly T[], make: (item: T) => U) => U[] | LazyArray<T, U>;
export const eagerList: ListOf = (items, make) => items.map((item) => make(item));
export const lazyList: ListOf = (items, make) => new LazyArray(items, make);

export function* reportJson(value: unknown, batch = 256): Generator<string> {
  if (!plainObject(value)) {
    yield String(JSON.stringify(value, null, 2));
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const opening = `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(member) || member instanceof LazyArray) {
      const items: readonly unknown[] = Array.isArray(member) ? member : member.items;
      const make = member instanceof LazyArray ? member.make : undefined;
      if (!items.length) {
        yield `${opening}[]`;
        first = false;
        continue;
      }
      yield `${opening}[`;
      for (let i = 0; i < items.length; i += batch) {
        let text = '';
        const end = Math.min(items.length, i + batch);
        // An item JSON leaves out (undefined, a function) is null in an array, as JSON.stringify writes it.
        for (let j = i; j < end; j++) text += `${j ? ',' : ''}\n    ${JSON.stringify(make ? make(items[j]) : items[j]) ?? 'null'}`;
        yield text;
      }
      yield '\n  ]';
    } else {
      const text = JSON.stringify({ k: member }, null, 2);
      // A member JSON leaves out (undefined, a function) leaves the wrapper empty.
      if (text === '{}') continue;
      yield `${opening}${text.slice(MEMBER_HEAD.length, text.length - MEMBER_TAIL.length)}`;
    }
    first = false;
  }
  yield first ? '{}' : '\n}';
}

/** A JSON report as the file holds it: the layout above and a final newline. */
export function* reportJsonFile(value: unknown): Generator<string> {
  yield* reportJson(value);
  yield '\n';
}

const MEMBER_HEAD = '{\n  "k": ';
const MEMBER_TAIL = '\n}';

/** An object JSON.stringify walks member by member: not an array, no toJSON of its own. */
function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
