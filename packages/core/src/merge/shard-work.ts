import { randomBytes } from 'node:crypto';
import { readReport } from '../formats/registry.js';
import { commonPrefixOf, dedupeDastRequests, dedupeFactsOf, joinRules, reindexRule, resolveArtifacts, runKeyOf, type DedupeFacts } from '../identity/dedupe.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { createRedactor } from '../sarif/redact-log.js';
import { severityFromScore, type Priority } from '../finding.js';
import { DEFAULT_SLA_DAYS, fixFactor, ownBag, placeOf, prevalenceFactor, prevalenceKey, priorityOf, riskBeforePrevalence } from '../risk/prioritize.js';
import { PROP, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';

// One shard of a parallel merge (merge-parallel.ts), in a worker thread or in this one: read, checked and redacted
// as readReport does for the whole path; joined into the runs before it as mergeLogs joins them (the plan); DAST
// requests folded, prioritized up to prevalence and written as JSON text with marks where what depends on the
// other shards goes (the risk, priority, rank, SLA and the prevalence factor). The objects are dropped then: a
// shard waits for the others as text, about its file's size, not as a heap of objects three times that.

/** What a worker is started with. */
export interface ShardInit {
  /** The command's secret keying: the same key in every thread gives the same hashes. */
  keying: SecretKeying;
}

/** One run of a shard as read: what joining it needs (its results stay in the shard's thread). */
export interface RunInfo {
  key: string;
  /** The run without its results: `results` holds their number (so the member keeps its place), or is absent. */
  skeleton: Run;
  /** Whether it holds a DAST result (those are folded per joined run: two shards' would be folded together). */
  dast: boolean;
}

/** The shard needs the whole path (said why; the user sees the same output either way). */
export interface Fallback {
  fallback: string;
}

export type ReadReply = { runs: RunInfo[]; warnings: string[] } | Fallback;

/** For each run of a shard: the rules of the run it is joined into, as they are before it (absent: it is the first). */
export interface RunPlan {
  into?: ReportingDescriptor[] | undefined;
}

/** Per run: its results after DAST folding and what cross-tool dedupe needs; per prevalence key: its places. */
export interface Summary {
  parts: { count: number; facts: DedupeFacts }[];
  keys: string[];
  /** Distinct places per key, and their common prefix, least and greatest (to tell shards' places apart). */
  counts: number[];
  prefixes: string[];
  lows: string[];
  highs: string[];
}

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
interface Batch {
  bytes: Buffer;
  cuts: Int32Array;
  kinds: Uint8Array;
}

/** Per result (absent ones too, never read): the risk before prevalence, a fix's points, KEV, the key's number. */
interface Part {
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

interface ShardState {
  runs?: Run[] | undefined;
  parts: (Part | undefined)[];
  /** Per key, its places (until the counts come: another shard may share some). */
  places: Set<string>[];
  counts?: Int32Array | undefined;
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
class ChunkWriter {
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

/** A result names no rule but points at one by index: which rule that is changes when runs are joined. */
function ruleByIndexOnly(result: Result): boolean {
  return (result.ruleId ?? result.rule?.id) === undefined && (result.ruleIndex ?? result.rule?.index) !== undefined;
}

export class ShardWork {
  private readonly keyer: SecretKeyer;
  private readonly shards = new Map<number, ShardState>();
  /** Stand-ins written where a slot goes ('#pw-…#' and the slot's letter), random per thread. */
  private readonly mark = `#pw-${randomBytes(12).toString('hex')}#`;
  private readonly quoted = `"${this.mark}`;
  private readonly marks = { rank: `${this.mark}r`, risk: `${this.mark}k`, priority: `${this.mark}p`, prevalence: `${this.mark}f`, sla: `${this.mark}s` };

  constructor(private readonly init: ShardInit) {
    this.keyer = createSecretKeyer(init.keying);
  }

  /** Reads, checks and redacts a shard as readReport does; the artifacts' indexes made URIs as mergeLogs does. */
  async read(shard: number, file: string): Promise<ReadReply> {
    const redactor = createRedactor(this.init.keying, this.keyer);
    const { log, warnings } = await readReport(file, 'sarif', { redactor });
    // A value found is masked in every other shard too (and changes what those say they redacted).
    if (redactor.found.size) return { fallback: 'a secret value was found' };
    const runs: RunInfo[] = [];
    for (const run of log.runs) {
      let dast = false;
      for (const result of run.results ?? []) {
        resolveArtifacts(run, result.locations);
        resolveArtifacts(run, result.relatedLocations);
        if (ruleByIndexOnly(result)) return { fallback: 'a result names its rule by index only' };
        if (result.properties?.[PROP.dast] !== undefined) dast = true;
      }
      delete run.artifacts;
      const skeleton = {} as Record<string, unknown>;
      for (const key in run) skeleton[key] = key === 'results' ? (run.results?.length ?? 0) : run[key as keyof Run];
      runs.push({ key: runKeyOf(run), skeleton: skeleton as unknown as Run, dast });
    }
    this.shards.set(shard, { runs: log.runs, parts: [], places: [] });
    return { runs, warnings };
  }

  /** Joins the shard's runs as planned, folds DAST requests, and writes its results as text with marks. */
  plan(shard: number, plans: readonly RunPlan[]): Summary {
    const state = this.shards.get(shard)!;
    const runs = state.runs!;
    state.runs = undefined;
    const keys = new Map<string, number>();
    const written = new Set<object>();
    const summary: Summary = { parts: [], keys: [], counts: [], prefixes: [], lows: [], highs: [] };
    runs.forEach((run, i) => {
      const lookup = join(run, plans[i]!);
      dedupeDastRequests({ version: '2.1.0', runs: [run] });
      summary.parts.push({ count: run.results?.length ?? 0, facts: dedupeFactsOf(run) });
      state.parts.push(this.write(run, lookup, keys, state.places, written));
    });
    summary.keys = [...keys.keys()];
    for (const places of state.places) {
      summary.counts.push(places.size);
      summary.prefixes.push(commonPrefixOf(places) ?? '');
      let low: string | undefined;
      let high: string | undefined;
      for (const place of places) {
        if (low === undefined || place < low) low = place;
        if (high === undefined || place > high) high = place;
      }
      summary.lows.push(low ?? '');
      summary.highs.push(high ?? '');
    }
    return summary;
  }

  /** The places of these keys (by number), for keys whose places several shards may share. */
  places(shard: number, keys: readonly number[]): string[][] {
    const state = this.shards.get(shard)!;
    return keys.map((key) => [...state.places[key]!]);
  }

  /** Every key's count of places over all shards, by the shard's key numbers. */
  counts(shard: number, counts: Int32Array): void {
    const state = this.shards.get(shard)!;
    state.counts = counts;
    state.places = [];
  }

  /** A run's results as the merged log's text, in chunks; `first`: its first result opens the run's results. */
  *emit(shard: number, run: number, first: boolean): Generator<Uint8Array> {
    const state = this.shards.get(shard)!;
    const part = state.parts[run]!;
    const counts = state.counts!;
    state.parts[run] = undefined;
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
    if (state.parts.every((p) => p === undefined)) this.shards.delete(shard);
    yield* out.end();
  }

  drop(shard: number): void {
    this.shards.delete(shard);
  }

  /** Each result prioritized up to prevalence and written with marks; its places counted by key. */
  private write(run: Run, lookup: Run, keys: Map<string, number>, places: Set<string>[], written: Set<object>): Part {
    const batches: Batch[] = [];
    const risks: number[] = [];
    const fixes: number[] = [];
    const kevs: number[] = [];
    const ids: number[] = [];
    const severity: number[] = [];
    const factorTexts: (Buffer | undefined)[] = [];
    const fixTexts: (Buffer | undefined)[] = [];
    const { quoted, marks } = this;
    // Joined once per batch: a string grown result by result is a rope of every result's text.
    let texts: string[] = [];
    let length = 0;
    let cuts: number[] = [];
    let kinds: number[] = [];
    const flush = () => {
      const text = texts.join('');
      const bytes = Buffer.from(text);
      // Pieces are cut in UTF-16 units; beyond ASCII each is measured again in bytes.
      if (bytes.length !== text.length) {
        let end = 0;
        texts.forEach((piece, i) => (cuts[i] = end += Buffer.byteLength(piece)));
      }
      batches.push({ bytes, cuts: Int32Array.from(cuts), kinds: Uint8Array.from(kinds) });
      texts = [];
      cuts = [];
      kinds = [];
      length = 0;
    };
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') {
        const json = JSON.stringify(result);
        texts.push(json);
        cuts.push((length += json.length));
        kinds.push(0);
        risks.push(0);
        fixes.push(0);
        kevs.push(0);
        ids.push(0);
        severity.push(0);
        factorTexts.push(undefined);
        fixTexts.push(undefined);
      } else {
        const key = prevalenceKey(result);
        let id = keys.get(key);
        if (id === undefined) {
          keys.set(key, (id = places.length));
          places.push(new Set());
        }
        places[id]!.add(placeOf(result));
        const risk = riskBeforePrevalence(lookup, result);
        const { tally } = risk;
        const before = tally.factors.length;
        const riskBefore = tally.risk;
        if (risk.rarer) fixFactor(tally, risk.props);
        risks.push(riskBefore);
        fixes.push(tally.factors.length > before ? tally.factors[before]!.points : 0);
        kevs.push(risk.kev ? 1 : 0);
        ids.push(id);
        if (result.rank === undefined && result.properties === undefined) {
          // Most results of a scanner's own log: prioritize adds rank and a bag at the end, written around the text.
          severity.push(SEVERITIES.indexOf(severityFromScore(risk.base)));
          factorTexts.push(factorsBytes(tally.factors.slice(0, before)));
          fixTexts.push(tally.factors.length > before ? Buffer.from(`,${JSON.stringify(tally.factors.slice(before)).slice(1, -1)}`) : undefined);
          const json = JSON.stringify(result);
          const piece = json.slice(0, -1);
          texts.push(piece);
          cuts.push((length += piece.length));
          kinds.push(X, 0);
          if (length >= BATCH) flush();
          continue;
        }
        severity.push(0);
        factorTexts.push(undefined);
        fixTexts.push(undefined);
        // The same members in the same order as prioritize writes them, the values that wait for the other shards marked.
        result.rank = marks.rank as unknown as number;
        const own = ownBag(result, written);
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
          const at = json.indexOf(quoted, from);
          const kind = json.charCodeAt(at + quoted.length);
          // The prevalence factor's mark goes with the comma before it: a count of one adds no factor.
          const piece = json.slice(from, kind === F ? at - 1 : at);
          texts.push(piece);
          cuts.push((length += piece.length));
          kinds.push(kind);
          from = at + quoted.length + 2;
        }
        const piece = json.slice(from);
        texts.push(piece);
        cuts.push((length += piece.length));
        kinds.push(0);
      }
      if (length >= BATCH) flush();
    }
    if (kinds.length) flush();
    return { batches, risk: Float64Array.from(risks), fix: Uint8Array.from(fixes), kev: Uint8Array.from(kevs), key: Int32Array.from(ids), severity: Uint8Array.from(severity), factors: factorTexts, fixes: fixTexts };
  }
}

/** The shard's run joined into an earlier one as mergeLogs joins it: rules re-indexed; returns the run its rules are looked up in. */
function join(run: Run, plan: RunPlan): Run {
  if (!plan.into) return run;
  const rules = [...plan.into];
  const index = joinRules(rules, run);
  for (const result of run.results ?? []) reindexRule(result, index);
  return { tool: { driver: { name: run.tool.driver.name, rules } } } as Run;
}
