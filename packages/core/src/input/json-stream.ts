/**
 * An incremental JSON parser fed in chunks of bytes. It never holds the whole document as one string (so
 * reports beyond V8's ~512 MB string limit can be read), keeps an explicit stack instead of recursing (so
 * hostile nesting cannot overflow), and reports errors with the byte offset where they occur.
 *
 * Several top-level values separated by white space are accepted as JSON Lines.
 */

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const enum S {
  Value,
  AfterValue,
  ObjectKeyOrEnd,
  ObjectKey,
  Colon,
  String,
  Number,
  Literal,
}

type Frame = { array: unknown[]; object?: undefined; key?: undefined } | { array?: undefined; object: Record<string, unknown>; key: string | undefined };

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };

export interface JsonStreamOptions {
  /** Deepest nesting accepted; deeper documents are refused, never parsed. */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 1000;

export class JsonStreamParser {
  private state: S = S.Value;
  private readonly stack: Frame[] = [];
  private readonly maxDepth: number;
  private offset = 0;
  /** Pieces of the string or number being read, and whether the string holds escapes. */
  private parts: Buffer[] = [];
  private partStart = -1;
  private escaped = false;
  private inEscape = false;
  private tokenStart = 0;
  private stringIsKey = false;
  private literal = '';
  /** Top-level values read so far. */
  readonly values: unknown[] = [];

  constructor(options: JsonStreamOptions = {}) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  private fail(message: string, at = this.offset): never {
    throw new JsonSyntaxError(message, at);
  }

  private push(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.values.push(value);
    } else if (top.array) {
      top.array.push(value);
    } else {
      setKey(top.object, top.key!, value);
      top.key = undefined;
    }
    this.state = S.AfterValue;
  }

  private open(frame: Frame, value: unknown): void {
    if (this.stack.length >= this.maxDepth) this.fail(`nests deeper than ${this.maxDepth} levels`);
    const top = this.stack[this.stack.length - 1];
    if (!top) this.values.push(value);
    else if (top.array) top.array.push(value);
    else {
      setKey(top.object, top.key!, value);
      top.key = undefined;
    }
    this.stack.push(frame);
  }

  private takeToken(chunk: Buffer, end: number): string {
    if (this.partStart >= 0 && end > this.partStart) this.parts.push(chunk.subarray(this.partStart, end));
    const raw = this.parts.length === 1 ? this.parts[0]!.toString('utf8') : Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.partStart = -1;
    return raw;
  }

  write(chunk: Buffer): void {
    const length = chunk.length;
    if (this.state === S.String || this.state === S.Number || this.state === S.Literal) this.partStart = 0;
    for (let i = 0; i < length; i++, this.offset++) {
      const c = chunk[i]!;
      switch (this.state) {
        case S.String: {
          if (this.inEscape) {
            this.inEscape = false;
          } else if (c === 0x5c) {
            this.inEscape = true;
            this.escaped = true;
          } else if (c === 0x22) {
            const raw = this.takeToken(chunk, i);
            let text: string;
            try {
              text = this.escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
            } catch {
              this.fail('has an invalid escape in a string', this.tokenStart);
            }
            if (this.stringIsKey) {
              (this.stack[this.stack.length - 1] as { key: string | undefined }).key = text;
              this.state = S.Colon;
            } else {
              this.push(text);
            }
          } else if (c < 0x20) {
            this.fail(c === 0x0a ? 'has a line break inside a string (unterminated string?)' : 'has a control character inside a string');
          }
          continue;
        }
        case S.Number: {
          if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x65 || c === 0x45) continue;
          const raw = this.takeToken(chunk, i);
          if (!NUMBER.test(raw)) this.fail(`has an invalid number "${raw.slice(0, 40)}"`, this.tokenStart);
          this.push(Number(raw));
          break; // fall through to handle c in AfterValue
        }
        case S.Literal: {
          if (c >= 0x61 && c <= 0x7a) {
            this.literal += String.fromCharCode(c);
            if (this.literal.length > 5) this.fail(`has an unexpected word "${this.literal}…"`, this.tokenStart);
            continue;
          }
          if (!(this.literal in LITERALS)) this.fail(`has an unexpected word "${this.literal}"`, this.tokenStart);
          this.push(LITERALS[this.literal]);
          break;
        }
      }
      // Outside tokens: white space, structure, and the start of tokens.
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      switch (this.state) {
        case S.Value:
        case S.ObjectKeyOrEnd:
        case S.ObjectKey: {
          if (this.state !== S.Value) {
            if (c === 0x7d && this.state === S.ObjectKeyOrEnd) {
              this.stack.pop();
              this.state = S.AfterValue;
              continue;
            }
            if (c !== 0x22) this.fail(`expected a property name in double quotes, found ${describe(c)}`);
            this.beginString(i, true);
            continue;
          }
          if (c === 0x7b) {
            const object: Record<string, unknown> = {};
            this.open({ object, key: undefined }, object);
            this.state = S.ObjectKeyOrEnd;
          } else if (c === 0x5b) {
            const array: unknown[] = [];
            this.open({ array }, array);
            this.state = S.Value;
            this.arrayJustOpened = true;
            continue;
          } else if (c === 0x5d && this.arrayJustOpened) {
            this.stack.pop();
            this.state = S.AfterValue;
          } else if (c === 0x22) {
            this.beginString(i, false);
          } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
            this.state = S.Number;
            this.tokenStart = this.offset;
            this.partStart = i;
          } else if (c >= 0x61 && c <= 0x7a) {
            this.state = S.Literal;
            this.tokenStart = this.offset;
            this.literal = String.fromCharCode(c);
          } else {
            this.fail(`expected a value, found ${describe(c)}`);
          }
          this.arrayJustOpened = false;
          continue;
        }
        case S.Colon:
          if (c !== 0x3a) this.fail(`expected ":" after a property name, found ${describe(c)}`);
          this.state = S.Value;
          this.arrayJustOpened = false;
          continue;
        case S.AfterValue: {
          const top = this.stack[this.stack.length - 1];
          if (!top) {
            // Another top-level value: JSON Lines.
            this.state = S.Value;
            this.arrayJustOpened = false;
            i--;
            this.offset--;
            continue;
          }
          if (c === 0x2c) {
            this.state = top.array ? S.Value : S.ObjectKey;
            this.arrayJustOpened = false;
          } else if (c === 0x5d && top.array) {
            this.stack.pop();
          } else if (c === 0x7d && top.object) {
            this.stack.pop();
          } else {
            this.fail(`expected "," or "${top.array ? ']' : '}'}", found ${describe(c)}`);
          }
          continue;
        }
      }
    }
    if (this.state === S.String || this.state === S.Number) {
      if (this.partStart >= 0 && this.partStart < length) this.parts.push(Buffer.from(chunk.subarray(this.partStart)));
      this.partStart = -1;
    }
  }

  private arrayJustOpened = false;

  private beginString(i: number, isKey: boolean): void {
    this.state = S.String;
    this.stringIsKey = isKey;
    this.escaped = false;
    this.inEscape = false;
    this.tokenStart = this.offset;
    this.partStart = i + 1;
    this.parts = [];
  }

  /** Finishes the document; returns the top-level values (one for JSON, several for JSON Lines). */
  end(): unknown[] {
    if (this.state === S.Number) {
      const raw = this.takeToken(Buffer.alloc(0), 0);
      if (!NUMBER.test(raw)) this.fail(`has an invalid number "${raw.slice(0, 40)}"`, this.tokenStart);
      this.push(Number(raw));
    } else if (this.state === S.Literal) {
      if (!(this.literal in LITERALS)) this.fail(`has an unexpected word "${this.literal}"`, this.tokenStart);
      this.push(LITERALS[this.literal]);
    }
    if (this.state === S.String) this.fail('is truncated: a string is not closed', this.tokenStart);
    if (this.stack.length > 0 || this.state !== S.AfterValue) {
      if (this.values.length === 0 && this.stack.length === 0) this.fail('holds no JSON value');
      this.fail('is truncated: the JSON ends before it is complete');
    }
    return this.values;
  }
}

/** As JSON.parse does: "__proto__" stays a plain data property, never the prototype. */
function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

function describe(c: number): string {
  if (c >= 0x21 && c <= 0x7e) return `"${String.fromCharCode(c)}"`;
  return `byte 0x${c.toString(16).padStart(2, '0')}`;
}
