/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as a stream of pieces of about 1 MB: plain objects and
 * arrays are walked (to `depth` levels) and their members stringified one at a time. A report of 100k
 * findings was one string of over 100 MB, then a Buffer of it, before a byte reached the disk.
 */
export function* prettyJson(value: unknown, depth = 3): Generator<string> {
  let chunk = '';
  for (const piece of walk(value, '', depth)) {
    chunk += piece;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const CHUNK = 1024 * 1024;
const STEP = '  ';

/** A value JSON.stringify would walk itself in the same way: an array, or an object without toJSON. */
function container(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** One member as JSON.stringify writes it at this indentation; undefined where it leaves the member out. */
function text(value: unknown, indent: string): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  // Strings in JSON never hold a raw line break: every one is the layout's, shifted to this depth.
  return json === undefined || !indent ? json : json.replace(/\n/g, `\n${indent}`);
}

function* walk(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth <= 0 || !container(value)) {
    yield text(value, indent) ?? 'null';
    return;
  }
  const inner = indent + STEP;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const item = value[i];
      if (container(item)) yield* walk(item, inner, depth - 1);
      else yield text(item, inner) ?? 'null';
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (container(member)) {
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* walk(member, inner, depth - 1);
    } else {
      const json = text(member, inner);
      if (json === undefined) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: ${json}`;
    }
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}
