import { randomBytes } from 'node:crypto';
import { readReport } from '../formats/registry.js';
import { commonPrefixOf, dedupeDastRequests, dedupeFactsOf, joinRules, reindexRule, resolveArtifacts, runKeyOf, type DedupeFacts } from '../identity/dedupe.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { createRedactor } from '../sarif/redact-log.js';
import { severityFromScore } from '../finding.js';
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

/**
 * A run's results as JSON text without the marks, as UTF-8 (outside the thread's heap: a heap holding every
 * shard's text grows, and is collected, as if that were garbage): `cuts` ends each piece (in UTF-16 units of the
 * text), `kinds` lists each result's slots (the letters' char codes) and then 0.
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
}

interface ShardState {
  runs?: Run[] | undefined;
  parts: (Part | undefined)[];
  /** Per key, its places: a set while the shard is written, then one JSON text until the counts come. */
  places: Set<string>[];
  lines: string[];
  counts?: Int32Array | undefined;
}

/** About this many UTF-16 units of text per batch and per chunk sent. */
const BATCH = 1 << 20;

const prevalenceTexts = new Map<number, string>();
const prevalenceText = (count: number): string => {
  let text = prevalenceTexts.get(count);
  if (text === undefined) {
    text = JSON.stringify(prevalenceFactor(count));
    if (prevalenceTexts.size < 10_000) prevalenceTexts.set(count, text);
  }
  return text;
};

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
    this.shards.set(shard, { runs: log.runs, parts: [], places: [], lines: [] });
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
    // Kept until the counts come, for keys whose places another shard may share: as one text each, not as strings in sets.
    state.lines = state.places.map((places) => JSON.stringify([...places]));
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
    state.places = [];
    return summary;
  }

  /** The places of these keys (by number), for keys whose places several shards may share. */
  places(shard: number, keys: readonly number[]): string[][] {
    const state = this.shards.get(shard)!;
    return keys.map((key) => JSON.parse(state.lines[key]!) as string[]);
  }

  /** Every key's count of places over all shards, by the shard's key numbers. */
  counts(shard: number, counts: Int32Array): void {
    const state = this.shards.get(shard)!;
    state.counts = counts;
    state.lines = [];
  }

  /** A run's results as the merged log's text, in chunks; `first`: its first result opens the run's results. */
  *emit(shard: number, run: number, first: boolean): Generator<Uint8Array> {
    const state = this.shards.get(shard)!;
    const part = state.parts[run]!;
    const counts = state.counts!;
    state.parts[run] = undefined;
    let out = '';
    let result = 0;
    for (const batch of part.batches) {
      const { cuts, kinds } = batch;
      const text = batch.bytes.toString();
      let cut = 0;
      let from = 0;
      for (let k = 0; k < kinds.length; k++, result++) {
        out += result === 0 && first ? '\n' : ',\n';
        if (kinds[k] === 0) {
          out += text.slice(from, (from = cuts[cut++]!));
          continue;
        }
        const count = counts[part.key[result]!]!;
        let risk = part.risk[result]!;
        if (count > 1) risk += prevalenceFactor(count).points;
        if (part.fix[result]) risk += part.fix[result]!;
        const value = Math.round(Math.min(100, Math.max(0, risk)));
        const score = JSON.stringify(value);
        const priority = priorityOf(value, part.kev[result] === 1);
        out += text.slice(from, (from = cuts[cut++]!));
        for (; kinds[k] !== 0; k++) {
          const kind = kinds[k];
          if (kind === R || kind === K) out += score;
          else if (kind === P) out += `"${priority}"`;
          else if (kind === S) out += JSON.stringify(DEFAULT_SLA_DAYS[priority]);
          else if (count > 1) out += `,${prevalenceText(count)}`;
          out += text.slice(from, (from = cuts[cut++]!));
        }
        if (out.length >= BATCH) {
          yield Buffer.from(out);
          out = '';
        }
      }
    }
    if (state.parts.every((p) => p === undefined)) this.shards.delete(shard);
    if (out) yield Buffer.from(out);
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
    const { quoted, marks } = this;
    // Joined once per batch: a string grown result by result is a rope of every result's text.
    let texts: string[] = [];
    let length = 0;
    let cuts: number[] = [];
    let kinds: number[] = [];
    const flush = () => {
      batches.push({ bytes: Buffer.from(texts.join('')), cuts: Int32Array.from(cuts), kinds: Uint8Array.from(kinds) });
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
    return { batches, risk: Float64Array.from(risks), fix: Uint8Array.from(fixes), kev: Uint8Array.from(kevs), key: Int32Array.from(ids) };
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
