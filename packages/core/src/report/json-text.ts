/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as a stream of pieces: each long array member of the
 * object (a report's findings) goes out a few hundred items at a time. A report of 100k findings was one string
 * of over 100 MB, then a Buffer of it, before a byte reached the disk.
 *
 * Each batch is stringified by JSON.stringify itself, wrapped as the member of an object, so it comes out at
 * the indentation it has in the whole document; only the wrapper's first and last lines are cut off.
 */
export function* prettyJson(value: unknown, batch = 256): Generator<string> {
  if (!plainObject(value)) {
    yield String(JSON.stringify(value, null, 2));
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const opening = `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(member) && member.length > batch) {
      yield `${opening}[`;
      for (let i = 0; i < member.length; i += batch) {
        const text = JSON.stringify({ k: member.slice(i, i + batch) }, null, 2);
        yield `${i ? ',' : ''}\n${text.slice(ARRAY_HEAD.length, text.length - ARRAY_TAIL.length)}`;
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

const ARRAY_HEAD = '{\n  "k": [\n';
const ARRAY_TAIL = '\n  ]\n}';
const MEMBER_HEAD = '{\n  "k": ';
const MEMBER_TAIL = '\n}';

/** An object JSON.stringify walks member by member: not an array, no toJSON of its own. */
function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
