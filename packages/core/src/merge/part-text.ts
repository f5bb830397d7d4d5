import { randomBytes } from 'node:crypto';
import { severityFromScore, type Priority } from '../finding.js';
import { DEFAULT_SLA_DAYS, ownBag, prevalenceFactor, priorityOf, type PartialRisk } from '../risk/prioritize.js';
import { PROP, type Result } from '../sarif/types.js';

// A run's results in a shard thread of a parallel merge (shard-work.ts), written before the counts of prevalence
// over all shards are known: each result's JSON text with what depends on them left out (slots), kept as UTF-8,
// and filled in when the run's turn to be written comes (emitPart).

/** Where a result's text holds a mark (the letter after it): rank, risk, priority, factor of prevalence, SLA days. */
const [R, K, P, F, S] = [...'rkpfs'].map((letter) => letter.charCodeAt(0)) as [number, number, number, number, number];
/** A result that had neither rank nor property bag: its text whole but its last brace, prioritize's members after it. */
const X = 'x'.charCodeAt(0);
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
// The members prioritize gives a result without a bag, in its order: rank and the bag up to its factors (the
// same for every result of one score, severity and priority), then the factors, then the rest of the bag.
const heads = new Map<number, Buffer>();
function headBytes(value: number, score: string, severity: number, priority: Priority): [Buffer, number, number] {
  const key = Number.isFinite(value) ? (value * 8 + severity) * 8 + Number(priority[1]) : -1;
  let bytes = heads.get(key);
  if (!bytes) {
    const text = `,"rank":${score},"properties":{${JSON.stringify(PROP.severity)}:"${SEVERITIES[severity]}",${JSON.stringify(PROP.risk)}:${score},${JSON.stringify(PROP.priority)}:"${priority}",${JSON.stringify(PROP.factors)}:[`;
    bytes = Buffer.from(text);
    if (key >= 0) heads.set(key, bytes);
  }
  return [bytes, 0, bytes.length];
}
const tails = new Map<Priority, Buffer>();
function tailBytes(priority: Priority): [Buffer, number, number] {
  let bytes = tails.get(priority);
  if (!bytes) tails.set(priority, (bytes = Buffer.from(`],${JSON.stringify(PROP.slaDays)}:${JSON.stringify(DEFAULT_SLA_DAYS[priority])}}}`)));
  return [bytes, 0, bytes.length];
}

/** The text of factors made once and shared (prioritize's severity factors), as bytes, made once each. */
const sharedFactorBytes = new WeakMap<object, Buffer>();
function factorsBytes(factors: readonly object[]): Buffer {
  if (factors.length === 1 && Object.isFrozen(factors[0])) {
    let bytes = sharedFactorBytes.get(factors[0]!);
    if (!bytes) sharedFactorBytes.set(factors[0]!, (bytes = Buffer.from(JSON.stringify(factors[0]))));
    return bytes;
  }
  return Buffer.from(JSON.stringify(factors).slice(1, -1));
}

/**
 * A run's results as JSON text without the marks, as UTF-8 (outside the thread's heap: a heap holding every
 * shard's text grows, and is collected, as if that were garbage): `cuts` ends each piece (a byte offset),
 * `kinds` lists each result's slots (the letters' char codes) and then 0.
 */
export interface Batch {
  bytes: Buffer;
  cuts: Int32Array;
  kinds: Uint8Array;
}

/** Per result (absent ones too, never read): the risk before prevalence, a fix's points, KEV, the key's number. */
export interface Part {
  batches: Batch[];
  risk: Float64Array;
  fix: Uint8Array;
  kev: Uint8Array;
  key: Int32Array;
  /** For results written whole (slot X): the severity's number, the factors before prevalence, a fix's factor. */
  severity: Uint8Array;
  factors: (Buffer | undefined)[];
  fixes: (Buffer | undefined)[];
}

/** About this many UTF-16 units of text per batch and per chunk sent. */
const BATCH = 1 << 20;

const prevalenceTexts = new Map<number, Buffer>();
/** The prevalence factor's text with the comma before it, as bytes and the range to copy. */
const prevalenceBytes = (count: number): [Buffer, number, number] => {
  let bytes = prevalenceTexts.get(count);
  if (bytes === undefined) {
    bytes = Buffer.from(`,${JSON.stringify(prevalenceFactor(count))}`);
    if (prevalenceTexts.size < 10_000) prevalenceTexts.set(count, bytes);
  }
  return [bytes, 0, bytes.length];
};

/**
 * Bytes written into chunks of about BATCH bytes, each with memory of its own (never Buffer's shared pool), so a
 * worker can hand it over without a copy. Small writes are made byte by byte: a native call each cost more.
 */
export class ChunkWriter {
  private chunk = Buffer.allocUnsafeSlow(BATCH);
  private used = 0;
  private readonly done: Uint8Array[] = [];

  private room(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    if (this.used) this.done.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafeSlow(Math.max(BATCH, bytes));
    this.used = 0;
  }

  copy(source: Buffer, from: number, to: number): void {
    this.room(to - from);
    this.used += source.copy(this.chunk, this.used, from, to);
  }

  /** Text known to be ASCII (numbers, priorities, separators). */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.chunk[this.used++] = text.charCodeAt(i);
  }

  *full(): Generator<Uint8Array> {
    while (this.done.length) yield this.done.shift()!;
  }

  *end(): Generator<Uint8Array> {
    yield* this.full();
    if (this.used) yield this.chunk.subarray(0, this.used);
    this.used = 0;
  }
}

/** Stand-ins written where a slot goes ('#pw-…#' and the slot's letter), random per thread. */
export interface Marks {
  quoted: string;
  rank: string;
  risk: string;
  priority: string;
  prevalence: string;
  sla: string;
}

export function createMarks(): Marks {
  const mark = `#pw-${randomBytes(12).toString('hex')}#`;
  return { quoted: `"${mark}`, rank: `${mark}r`, risk: `${mark}k`, priority: `${mark}p`, prevalence: `${mark}f`, sla: `${mark}s` };
}

/** A run's results written one by one into a Part. */
export class PartBuilder {
  private readonly batches: Batch[] = [];
  private readonly risks: number[] = [];
  private readonly fixes: number[] = [];
  private readonly kevs: number[] = [];
  private readonly ids: number[] = [];
  private readonly severity: number[] = [];
  private readonly factorTexts: (Buffer | undefined)[] = [];
  private readonly fixTexts: (Buffer | undefined)[] = [];
  // Joined once per batch: a string grown result by result is a rope of every result's text.
  private texts: string[] = [];
  private length = 0;
  private cuts: number[] = [];
  private kinds: number[] = [];

  constructor(
    private readonly marks: Marks,
    private readonly written: Set<object>,
  ) {}

  /** A result prioritize skips: its text as it is. */
  absent(result: Result): void {
    this.piece(JSON.stringify(result), 0);
    this.numbers(0, 0, false, 0);
    this.whole(undefined);
    this.endResult();
  }

  /**
   * A prioritized result: `risk` up to prevalence, its tally's factors after `before` a fix's (added by the caller,
   * as prioritize adds it after prevalence), `key` the number of its prevalence key.
   */
  scored(result: Result, risk: PartialRisk, before: number, riskBefore: number, key: number): void {
    const { tally } = risk;
    this.numbers(riskBefore, tally.factors.length > before ? tally.factors[before]!.points : 0, risk.kev, key);
    if (result.rank === undefined && result.properties === undefined) {
      // Most results of a scanner's own log: prioritize adds rank and a bag at the end, written around the text.
      this.whole({ severity: SEVERITIES.indexOf(severityFromScore(risk.base)), factors: factorsBytes(tally.factors.slice(0, before)), fix: tally.factors.length > before ? Buffer.from(`,${JSON.stringify(tally.factors.slice(before)).slice(1, -1)}`) : undefined });
      this.piece(JSON.stringify(result).slice(0, -1), X);
      this.kinds.push(0);
      this.endResult();
      return;
    }
    this.whole(undefined);
    const { marks } = this;
    // The same members in the same order as prioritize writes them, the values that wait for the other shards marked.
    result.rank = marks.rank as unknown as number;
    const own = ownBag(result, this.written);
    own[PROP.severity] = severityFromScore(risk.base);
    own[PROP.risk] = marks.risk;
    own[PROP.priority] = marks.priority;
    const factors: unknown[] = tally.factors.slice(0, before);
    factors.push(marks.prevalence);
    for (let f = before; f < tally.factors.length; f++) factors.push(tally.factors[f]);
    own[PROP.factors] = factors;
    own[PROP.slaDays] = marks.sla;
    result.properties = own;
    const json = JSON.stringify(result);
    let from = 0;
    for (let slot = 0; slot < 5; slot++) {
      const at = json.indexOf(marks.quoted, from);
      const kind = json.charCodeAt(at + marks.quoted.length);
      // The prevalence factor's mark goes with the comma before it: a count of one adds no factor.
      this.piece(json.slice(from, kind === F ? at - 1 : at), kind);
      from = at + marks.quoted.length + 2;
    }
    this.piece(json.slice(from), 0);
    this.endResult();
  }

  finish(): Part {
    if (this.kinds.length) this.flush();
    return { batches: this.batches, risk: Float64Array.from(this.risks), fix: Uint8Array.from(this.fixes), kev: Uint8Array.from(this.kevs), key: Int32Array.from(this.ids), severity: Uint8Array.from(this.severity), factors: this.factorTexts, fixes: this.fixTexts };
  }

  /** A piece of text and what follows it: a slot's kind, or 0 at the result's end. */
  private piece(text: string, kind: number): void {
    this.texts.push(text);
    this.cuts.push((this.length += text.length));
    this.kinds.push(kind);
  }

  private numbers(risk: number, fix: number, kev: boolean, key: number): void {
    this.risks.push(risk);
    this.fixes.push(fix);
    this.kevs.push(kev ? 1 : 0);
    this.ids.push(key);
  }

  private whole(texts: { severity: number; factors: Buffer; fix: Buffer | undefined } | undefined): void {
    this.severity.push(texts?.severity ?? 0);
    this.factorTexts.push(texts?.factors);
    this.fixTexts.push(texts?.fix);
  }

  private endResult(): void {
    if (this.length >= BATCH) this.flush();
  }

  private flush(): void {
    const text = this.texts.join('');
    const bytes = Buffer.from(text);
    // Pieces are cut in UTF-16 units; beyond ASCII each is measured again in bytes.
    if (bytes.length !== text.length) {
      let end = 0;
      this.texts.forEach((piece, i) => (this.cuts[i] = end += Buffer.byteLength(piece)));
    }
    this.batches.push({ bytes, cuts: Int32Array.from(this.cuts), kinds: Uint8Array.from(this.kinds) });
    this.texts = [];
    this.cuts = [];
    this.kinds = [];
    this.length = 0;
  }
}

/** A run's results as the merged log's text, in chunks, with every key's count of places; `first`: they open the run's results. */
export function* emitPart(part: Part, counts: Int32Array, first: boolean): Generator<Uint8Array> {
    const out = new ChunkWriter();
    let result = 0;
    for (let b = 0; b < part.batches.length; b++) {
      const { bytes, cuts, kinds } = part.batches[b]!;
      // Each batch let go once written: the part's text shrinks as its output grows.
      part.batches[b] = undefined as unknown as Batch;
      let cut = 0;
      let from = 0;
      for (let k = 0; k < kinds.length; k++, result++) {
        out.ascii(result === 0 && first ? '\n' : ',\n');
        out.copy(bytes, from, (from = cuts[cut++]!));
        if (kinds[k] === 0) continue;
        const count = counts[part.key[result]!]!;
        let risk = part.risk[result]!;
        if (count > 1) risk += prevalenceFactor(count).points;
        if (part.fix[result]) risk += part.fix[result]!;
        const value = Math.round(Math.min(100, Math.max(0, risk)));
        const score = JSON.stringify(value);
        const priority = priorityOf(value, part.kev[result] === 1);
        if (kinds[k] === X) {
          k++;
          out.copy(...headBytes(value, score, part.severity[result]!, priority));
          const factors = part.factors[result]!;
          out.copy(factors, 0, factors.length);
          if (count > 1) out.copy(...prevalenceBytes(count));
          const fix = part.fixes[result];
          if (fix) out.copy(fix, 0, fix.length);
          out.copy(...tailBytes(priority));
        }
        for (; kinds[k] !== 0; k++) {
          const kind = kinds[k];
          if (kind === R || kind === K) out.ascii(score);
          else if (kind === P) out.ascii(`"${priority}"`);
          else if (kind === S) out.ascii(JSON.stringify(DEFAULT_SLA_DAYS[priority]));
          else if (count > 1) out.copy(...prevalenceBytes(count));
          out.copy(bytes, from, (from = cuts[cut++]!));
        }
        yield* out.full();
      }
    }
  yield* out.end();
}
