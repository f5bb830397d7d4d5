/**
 * Reads a large JSON (or JSON Lines) file in chunks and still lets V8's JSON.parse do nearly all the
 * parsing: a byte scan follows only the document's spine (brackets, commas, where strings start and end),
 * and every run of complete values inside a chunk (a batch of results, a whole rule) goes to JSON.parse in
 * one call. Containers that span chunks (the runs, the results array) are built up here.
 *
 * Against reading the file whole and parsing it: no copy of the bytes and no 400 MB string alive beside the
 * parsed value (a 1M-result SARIF log peaked at 2.2 GB that way), no V8 string limit (~512 MB), and about the
 * same speed. Against the byte-by-byte parser (json-stream.ts): about twice as fast. It does not explain
 * errors: anything it cannot read throws ChunkedJsonUnreadable, and the caller re-reads the file with the
 * exact parser for a message with its byte offset.
 */

export class ChunkedJsonUnreadable extends Error {
  override readonly name = 'ChunkedJsonUnreadable';
}

/** Nesting past the limit, found while scanning, at this absolute byte offset. */
export class ChunkedJsonTooDeep extends Error {
  override readonly name = 'ChunkedJsonTooDeep';
  constructor(readonly offset: number) {
    super(`nests deeper than the limit at byte ${offset}`);
  }
}

/**
 * A place of the document followed while it is read (the spine of a SARIF log: the log, its runs, each run's
 * results), for readers that process a document as it arrives. Containers on the spine are built as soon as
 * they open; a sink's elements are handed out in batches and never kept.
 */
export interface SpineNode {
  readonly array: boolean;
  /** For an object: the members to follow. */
  readonly members?: Readonly<Record<string, SpineNode>>;
  /** For an array: what its elements are. */
  readonly items?: SpineNode;
  /** An array whose elements are handed out (text events) instead of kept: never built here, not even one spanning chunks. */
  readonly sink?: boolean;
  /** Named nodes are told when they open and close. */
  readonly name?: string;
}

export type SpineEvent =
  /**
   * A named container opened: `value` is empty, `parent` the container it is in with the keys it had up to
   * and with this one (the events of a chunk are taken after the whole chunk was read, when the parent may
   * have more).
   */
  | { type: 'open'; name: string; value: unknown[] | Record<string, unknown>; parent?: { value: unknown[] | Record<string, unknown>; keys: string[] } }
  /**
   * A run of complete elements of a sink, in document order: the UTF-8 of a JSON array of them, in a buffer of
   * its own (transferable), which the consumer decodes and parses where it likes (another thread).
   */
  | { type: 'items'; name: string; items: Uint8Array }
  /** A named container closed: `value` is complete (a sink's array stays empty). */
  | { type: 'close'; name: string; value: unknown[] | Record<string, unknown> };

/** The document does not have the shape its spine expects (another kind of value, a member twice, a second top-level value). */
export class ChunkedJsonOffSpine extends Error {
  override readonly name = 'ChunkedJsonOffSpine';
}

interface Frame {
  array: boolean;
  /** The container as built so far, once it spans a chunk boundary; until then its bytes are simply scanned. */
  value: unknown[] | Record<string, unknown> | undefined;
  /** Window offset of the opening bracket (while not materialized). */
  start: number;
  /** Window offset where this frame's not yet parsed members begin; -1 while a materialized child is open. */
  pending: number;
  /** Window offset of the last comma at this frame's depth at or after `pending`, else -1. */
  lastComma: number;
  /** Whether the bytes at `pending` follow a member already taken (so they must start with a comma). */
  afterMember: boolean;
  /** The key under which the open (materialized) child goes, for an object frame. */
  key?: string | undefined;
  /** Its place on the spine, when it is on it. */
  spine?: SpineNode | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // A report's "__proto__" is data, as JSON.parse makes it: never the object's prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function parseSlice(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ChunkedJsonUnreadable('a piece of the document is not valid JSON');
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Where the window text between two offsets lies without surrounding white space, and without the comma that
 * must lead it when it follows a member already taken (undefined: nothing there). A missing, doubled or
 * dangling comma is refused here, since JSON.parse only ever sees the text between them.
 */
function memberRange(window: Buffer, from: number, to: number, afterMember: boolean, valueFollows = false): [number, number] | undefined {
  let a = from;
  let b = to;
  while (a < b && isSpace(window[a]!)) a++;
  while (b > a && isSpace(window[b - 1]!)) b--;
  if (a === b) {
    // Right before a value that follows a member, the comma cannot be missing.
    if (afterMember && valueFollows) throw new ChunkedJsonUnreadable('a missing comma');
    return undefined;
  }
  const comma = window[a] === 0x2c;
  if (comma !== afterMember) throw new ChunkedJsonUnreadable(comma ? 'a comma where a value belongs' : 'a missing comma');
  if (comma) {
    a++;
    while (a < b && isSpace(window[a]!)) a++;
    if (a === b && !valueFollows) throw new ChunkedJsonUnreadable('a comma with no value after it');
  }
  return a === b ? undefined : [a, b];
}

/** The same as text. */
function members(window: Buffer, from: number, to: number, afterMember: boolean, valueFollows = false): string {
  const range = memberRange(window, from, to, afterMember, valueFollows);
  return range ? window.toString('utf8', range[0], range[1]) : '';
}

export interface ChunkedJsonOptions {
  maxDepth: number;
  /** Where reading starts (after a BOM and leading white space). */
  start: number;
  chunkBytes?: number;
}

/**
 * The scanner itself: chunks go in (push), values come out (finish), and with a spine, events as it goes
 * (take them after each push).
 */
export class ChunkedJsonScanner {
  private readonly values: unknown[] = [];
  private readonly stack: Frame[] = [];
  /**
   * The containers open inside an element of a sink, by their opening bracket: such an element is never built
   * here (its bytes are handed out whole), so it needs no Frame; a Frame per container of a million results
   * was 700 MB of garbage, and the collector marking the reading thread's heap every few batches.
   */
  private opaque = new Uint8Array(64);
  private opaqueDepth = 0;
  /** The memory the window lies in (from its start). */
  private store = Buffer.alloc(0);
  /** The bytes not yet consumed; window[0] is at file offset `base`. */
  private window = Buffer.alloc(0);
  /** Absolute file offset of window[0]. */
  private base: number;
  private pos = 0;
  private events: SpineEvent[] = [];

  constructor(
    private readonly options: ChunkedJsonOptions,
    private readonly spine?: SpineNode,
  ) {
    this.base = options.start;
  }

  /** The events since the last call (only with a spine). */
  take(): SpineEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Reads the next chunk of the file. */
  push(chunk: Buffer): void {
    const { store, at } = this.room(chunk.length);
    chunk.copy(store, at);
    this.filled(chunk.length);
  }

  /**
   * Makes room for up to `length` more bytes after what is still needed, and says where they go: the caller
   * reads them there, then calls filled(). The window's memory is reused from chunk to chunk (a buffer per
   * chunk, and another to join it to the rest, made the collector mark the heap every few megabytes).
   */
  room(length: number): { store: Buffer; at: number } {
    const stack = this.stack;
    // Keep only what is still needed: from the innermost frame's unparsed members on (or the open string).
    let keep: number;
    if (stack.length) {
      // From the deepest container built on (an element of a sink being read is not built: its bytes stay).
      const deepest = this.materialize();
      keep = Math.min(deepest.pending, this.pos);
      for (const frame of stack) {
        if (frame.value === undefined) frame.start -= keep;
        if (frame.pending >= 0) frame.pending -= keep;
        if (frame.lastComma >= 0) frame.lastComma -= keep;
      }
    } else {
      keep = this.pos;
    }
    const kept = this.window.length - keep;
    if (kept + length > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.store.length, kept + length));
      this.window.copy(grown, 0, keep);
      this.store = grown;
    } else {
      this.store.copyWithin(0, keep, this.window.length);
    }
    this.window = this.store.subarray(0, kept);
    this.base += keep;
    this.pos -= keep;
    return { store: this.store, at: kept };
  }

  /** Takes the `length` bytes read where room() said. */
  filled(length: number): void {
    this.window = this.store.subarray(0, this.window.length + length);
    this.scan(false);
  }

  /** The top-level values, once the whole file was pushed. */
  finish(): unknown[] {
    this.scan(true);
    if (this.stack.length || this.opaqueDepth) throw new ChunkedJsonUnreadable('the document is truncated');
    return this.values;
  }

  /** Parses the complete members of a frame in [from, to); up to a comma (`toComma`) there must be one, or one taken just before ("[,1]" has none). */
  private addMembers(frame: Frame, from: number, to: number, toComma: boolean): void {
    const range = memberRange(this.window, from, to, frame.afterMember);
    if (!range) {
      if (toComma && !frame.afterMember) throw new ChunkedJsonUnreadable('a comma with no value before it');
      return;
    }
    if (frame.spine?.sink) {
      // Bytes of their own, in brackets: the consumer (another thread) decodes and parses them as they are.
      const [a, b] = range;
      const items = new Uint8Array(b - a + 2);
      items[0] = 0x5b;
      this.window.copy(items, 1, a, b);
      items[b - a + 1] = 0x5d;
      this.events.push({ type: 'items', name: frame.spine.name ?? '', items });
      return;
    }
    const text = this.window.toString('utf8', range[0], range[1]);
    if (frame.array) {
      const items = parseSlice(`[${text}]`) as unknown[];
      const target = frame.value as unknown[];
      for (const item of items) target.push(item);
    } else {
      const parsed = parseSlice(`{${text}}`) as Record<string, unknown>;
      const target = frame.value as Record<string, unknown>;
      for (const key of Object.keys(parsed)) setMember(target, key, parsed[key]);
    }
  }

  private attach(parent: Frame | undefined, value: unknown[] | Record<string, unknown>): void {
    if (!parent) this.values.push(value);
    else if (parent.array) (parent.value as unknown[]).push(value);
    else setMember(parent.value as Record<string, unknown>, parent.key!, value);
  }

  /**
   * Turns every open frame into a container, outermost first, so the window before the innermost one can go;
   * an element of a sink open has no frame (it stays bytes). Returns the deepest frame built.
   */
  private materialize(): Frame {
    const stack = this.stack;
    const window = this.window;
    const depth = stack.length;
    for (let d = 0; d < stack.length; d++) {
      const frame = stack[d]!;
      const parent = stack[d - 1];
      if (frame.value !== undefined) continue;
      if (parent) {
        // The parent's complete members before this child, then (for an object) the child's own key.
        const from = parent.pending;
        const split = parent.lastComma >= from;
        if (split) this.addMembers(parent, from, parent.lastComma, true);
        if (!parent.array) {
          const head = members(window, split ? parent.lastComma : from, frame.start, split || parent.afterMember, true);
          const colon = head.lastIndexOf(':');
          if (colon < 0) throw new ChunkedJsonUnreadable('an object member has no key');
          const key = parseSlice(head.slice(0, colon));
          if (typeof key !== 'string') throw new ChunkedJsonUnreadable('an object key is not a string');
          // A member on the spine named twice would be the later one's (as JSON.parse reads it): not followable.
          if (parent.spine?.members?.[key] && Object.hasOwn(parent.value!, key)) throw new ChunkedJsonOffSpine(`"${key}" is named twice`);
          parent.key = key;
        } else if (members(window, split ? parent.lastComma : from, frame.start, split || parent.afterMember, true) !== '') {
          throw new ChunkedJsonUnreadable('a value before an array element');
        }
        parent.pending = -1;
        parent.lastComma = -1;
      }
      frame.value = frame.array ? [] : {};
      this.attach(parent, frame.value);
      frame.pending = frame.start + 1;
      frame.afterMember = false;
    }
    // The innermost frame's complete members too, or an array of small values would be carried ever longer.
    const innermost = stack[depth - 1]!;
    if (innermost.lastComma >= innermost.pending) {
      this.addMembers(innermost, innermost.pending, innermost.lastComma, true);
      innermost.pending = innermost.lastComma;
      innermost.lastComma = -1;
      innermost.afterMember = true;
    }
    return innermost;
  }

  /** A container opening under a spine container: built now, so its members are followed (or handed out) as they come. */
  private enterSpine(frame: Frame, parent: Frame | undefined): void {
    if (!parent && this.values.length) throw new ChunkedJsonOffSpine('more than one top-level value');
    this.materialize();
    const node = !parent ? this.spine : parent.array ? parent.spine!.items : parent.spine!.members?.[parent.key!];
    if (!node) return;
    if (node.array !== frame.array) throw new ChunkedJsonOffSpine(`expected ${node.array ? 'an array' : 'an object'}${node.name ? ` for ${node.name}` : ''}`);
    frame.spine = node;
    if (node.name) this.events.push({ type: 'open', name: node.name, value: frame.value!, ...(parent ? { parent: { value: parent.value!, keys: Object.keys(parent.value!) } } : {}) });
  }

  private onClose(frame: Frame, at: number): void {
    const parent = this.stack.at(-1);
    if (frame.value !== undefined) {
      this.addMembers(frame, frame.pending, at, false);
      if (parent) {
        parent.pending = at + 1;
        parent.lastComma = -1;
        parent.afterMember = true;
      }
      if (frame.spine?.name) this.events.push({ type: 'close', name: frame.spine.name, value: frame.value });
    } else if (!parent) {
      this.values.push(parseSlice(this.window.toString('utf8', frame.start, at + 1)));
    }
    // Otherwise it stays bytes in its parent's pending members, parsed with them.
  }

  /** A container opened inside an element of a sink: only its kind is kept, to match its closing bracket. */
  private openOpaque(bracket: number): void {
    if (this.opaqueDepth === this.opaque.length) {
      const grown = new Uint8Array(2 * this.opaque.length);
      grown.set(this.opaque);
      this.opaque = grown;
    }
    this.opaque[this.opaqueDepth++] = bracket;
  }

  private scan(final: boolean): boolean {
    const buf = this.window;
    const stack = this.stack;
    const end = buf.length;
    let i = this.pos;
    while (i < end) {
      const c = buf[i]!;
      if (c === QUOTE) {
        let close = buf.indexOf(QUOTE, i + 1);
        for (;;) {
          if (close < 0) break;
          let slashes = 0;
          for (let k = close - 1; buf[k] === BACKSLASH; k--) slashes++;
          if (slashes % 2 === 0) break;
          close = buf.indexOf(QUOTE, close + 1);
        }
        if (close < 0) {
          if (final) throw new ChunkedJsonUnreadable('a string is not closed');
          this.pos = i;
          return false;
        }
        if (stack.length === 0) throw new ChunkedJsonUnreadable('a top-level string');
        i = close + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (stack.length + this.opaqueDepth >= this.options.maxDepth) throw new ChunkedJsonTooDeep(this.base + i);
        const parent = stack[stack.length - 1];
        if (this.opaqueDepth > 0 || parent?.spine?.sink) {
          this.openOpaque(c);
        } else {
          const frame: Frame = { array: c === 0x5b, value: undefined, start: i, pending: -1, lastComma: -1, afterMember: false };
          stack.push(frame);
          if (this.spine && (parent ? parent.spine !== undefined && !parent.spine.sink : true)) this.enterSpine(frame, parent);
        }
      } else if (c === 0x7d || c === 0x5d) {
        if (this.opaqueDepth > 0) {
          if ((this.opaque[--this.opaqueDepth] === 0x5b) !== (c === 0x5d)) throw new ChunkedJsonUnreadable('brackets do not match');
        } else {
          const frame = stack.pop();
          if (!frame || frame.array !== (c === 0x5d)) throw new ChunkedJsonUnreadable('brackets do not match');
          this.onClose(frame, i);
        }
      } else if (c === 0x2c) {
        if (this.opaqueDepth === 0) {
          const frame = stack[stack.length - 1];
          if (!frame) throw new ChunkedJsonUnreadable('a comma between top-level values');
          frame.lastComma = i;
        }
      } else if (stack.length === 0 && !isSpace(c)) {
        throw new ChunkedJsonUnreadable('a top-level value that is not an object or array');
      }
      i++;
    }
    this.pos = i;
    return true;
  }
}
