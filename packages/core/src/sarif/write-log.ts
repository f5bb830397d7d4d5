import type { Log } from './types.js';

const CHUNK = 1 << 20;

/**
 * Packs texts into 1 MB buffers as UTF-8. Each text is encoded straight into the buffer: building one long
 * string of a chunk first and encoding it afterwards cost more than serializing the results did.
 */
class Packer {
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  /** Adds text; returns the full chunks it displaced (a text never straddles two chunks, so each decodes alone). */
  add(text: string): Uint8Array[] {
    const out: Uint8Array[] = [];
    // At most 3 bytes per UTF-16 unit: if that may not fit, the chunk goes first.
    if (this.used + text.length * 3 > CHUNK && this.used > 0) out.push(this.take());
    if (text.length * 3 > CHUNK) out.push(Buffer.from(text));
    else this.used += this.buffer.write(text, this.used);
    return out;
  }

  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    return chunk;
  }
}

/** Which members are written piece by piece; `[]` is an array's elements; anything else goes to JSON.stringify whole. */
export interface Spine {
  readonly [member: string]: Spine | null;
}
const EACH: Spine = { '[]': null };
// The parts of a log that grow with the scan: results, rules (a scanner can have 100,000) and artifacts.
/** How a run is written: its results, artifacts and rules one a line. */
export const RUN_SPINE: Spine = { results: EACH, artifacts: EACH, tool: { driver: { rules: EACH } } };
export const LOG_SPINE: Spine = { runs: { '[]': RUN_SPINE } };

/** About this many UTF-16 units of elements are joined before they go to the packer (a write per element cost a third of writing). */
const BATCH = 64 * 1024;

/** JSON text of a value in pieces along the spine, each array element on its own line. */
export function* pieces(value: unknown, spine: Spine | null | undefined): Generator<string> {
  if (!spine || typeof value !== 'object' || value === null) {
    yield JSON.stringify(value);
  } else if (Array.isArray(value)) {
    if (spine['[]'] === null) yield* elements(value);
    else {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield i ? ',\n' : '\n';
        yield* pieces(value[i] ?? null, spine['[]']);
      }
      yield value.length ? '\n]' : ']';
    }
  } else {
    const object = value as Record<string, unknown>;
    let first = true;
    yield '{';
    for (const key of Object.keys(object)) {
      if (object[key] === undefined) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(object[key], spine[key]);
    }
    yield '}';
  }
}

/** An array whose elements are each stringified whole (results, rules, artifacts): the same text, in batches. */
function* elements(array: readonly unknown[]): Generator<string> {
  let batch = '[';
  for (let i = 0; i < array.length; i++) {
    batch += (i ? ',\n' : '\n') + JSON.stringify(array[i] ?? null);
    if (batch.length >= BATCH) {
      yield batch;
      batch = '';
    }
  }
  yield batch + (array.length ? '\n]' : ']');
}

/**
 * A SARIF log as UTF-8 in chunks of about 1 MB, each result (and rule) on its own line (greppable,
 * diffable): a million results never become one string (V8 caps strings at about 512 MB), and the log is
 * not pretty-printed (that doubled convert's time and the file's size).
 */
export function* sarifText(log: Log): Generator<Uint8Array> {
  const packer = new Packer();
  for (const piece of pieces(log, LOG_SPINE)) yield* packer.add(piece);
  yield* packer.add('\n');
  yield packer.take();
}
