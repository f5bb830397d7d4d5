import { streamRegular } from '../files/safe-read.js';

// GitHub code scanning's primaryLocationLineHash: for every line, a rolling polynomial hash (base 37,
// 64-bit wrap-around) over the next 100 characters of the file with spaces and tabs dropped and line
// ends folded to "\n", starting at the line's first character; identical hashes get ":1", ":2", … in
// file order. Implemented from that description and checked against codeql-action's reference data.

const BLOCK = 100;
const BASE = 37n;
const MASK = (1n << 64n) - 1n;
const TAB = 9;
const SPACE = 32;
const LF = 10;
const CR = 13;
const EOF_CHAR = 65535;

function computeFirstMod(): bigint {
  let value = 1n;
  for (let i = 0; i < BLOCK; i++) value = (value * BASE) & MASK;
  return value;
}
const FIRST_MOD = computeFirstMod();

/** Hashes every line of a text; the map goes from 1-based line number to "hash:occurrence". */
export class LineHasher {
  private readonly window = new Array<number>(BLOCK).fill(0);
  private readonly lineNumbers = new Array<number>(BLOCK).fill(-1);
  private hash = 0n;
  private index = 0;
  private lineNumber = 0;
  private lineStart = true;
  private prevCR = false;
  private readonly counts = new Map<string, number>();
  readonly hashes = new Map<number, string>();

  private output(): void {
    const value = this.hash.toString(16);
    const count = (this.counts.get(value) ?? 0) + 1;
    this.counts.set(value, count);
    this.hashes.set(this.lineNumbers[this.index]!, `${value}:${count}`);
    this.lineNumbers[this.index] = -1;
  }

  private update(current: number): void {
    const begin = this.window[this.index]!;
    this.window[this.index] = current;
    this.hash = (BASE * this.hash + BigInt(current) - FIRST_MOD * BigInt(begin)) & MASK;
    this.index = (this.index + 1) % BLOCK;
  }

  private process(code: number): void {
    let current = code;
    if (current === SPACE || current === TAB || (this.prevCR && current === LF)) {
      this.prevCR = false;
      return;
    }
    if (current === CR) {
      current = LF;
      this.prevCR = true;
    } else {
      this.prevCR = false;
    }
    if (this.lineNumbers[this.index] !== -1) this.output();
    if (this.lineStart) {
      this.lineStart = false;
      this.lineNumber++;
      this.lineNumbers[this.index] = this.lineNumber;
    }
    if (current === LF) this.lineStart = true;
    this.update(current);
  }

  /** Feeds text (UTF-16 code units, as JavaScript strings hold them). */
  write(text: string): void {
    for (let i = 0; i < text.length; i++) this.process(text.charCodeAt(i));
  }

  end(): Map<number, string> {
    this.process(EOF_CHAR);
    for (let i = 0; i < BLOCK; i++) {
      if (this.lineNumbers[this.index] !== -1) this.output();
      this.update(0);
    }
    return this.hashes;
  }
}

export function lineHashesOf(text: string): Map<number, string> {
  const hasher = new LineHasher();
  hasher.write(text);
  return hasher.end();
}

/** Hashes a file as it streams; undefined when it cannot be read (or is not a regular file, or leaves `within`). */
export async function lineHashesOfFile(path: string, within?: string): Promise<Map<number, string> | undefined> {
  const hasher = new LineHasher();
  try {
    for await (const chunk of await streamRegular(path, { encoding: 'utf8', within })) hasher.write(chunk as string);
  } catch {
    return undefined;
  }
  return hasher.end();
}
