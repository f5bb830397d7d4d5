import { readReport } from '../formats/registry.js';
import { commonPrefixOf, dedupeDastRequests, dedupeFactsOf, joinRules, reindexRule, resolveArtifacts, runKeyOf, type DedupeFacts } from '../identity/dedupe.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { createRedactor } from '../sarif/redact-log.js';
import { fixFactor, placeOf, prevalenceKey, riskBeforePrevalence } from '../risk/prioritize.js';
import { PROP, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';
import { createMarks, emitPart, PartBuilder, type Part } from './part-text.js';

// One shard of a parallel merge (merge-parallel.ts), in a worker thread or in this one: read, checked and redacted
// as readReport does for the whole path; joined into the runs before it as mergeLogs joins them (the plan); DAST
// requests folded, prioritized up to prevalence and written as JSON text with slots where what depends on the
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

interface ShardState {
  runs?: Run[] | undefined;
  parts: (Part | undefined)[];
  /** Per key, its places (until the counts come: another shard may share some). */
  places: Set<string>[];
  counts?: Int32Array | undefined;
}

/** About this many UTF-16 units of text per batch and per chunk sent. */
const BATCH = 1 << 20;

/** A result names no rule but points at one by index: which rule that is changes when runs are joined. */
function ruleByIndexOnly(result: Result): boolean {
  return (result.ruleId ?? result.rule?.id) === undefined && (result.ruleIndex ?? result.rule?.index) !== undefined;
}

export class ShardWork {
  private readonly keyer: SecretKeyer;
  private readonly shards = new Map<number, ShardState>();
  private readonly marks = createMarks();

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
        // An index past its run's rules (an extension's rule, which the SARIF reader leaves as it is) would find a
        // rule that a later shard appends on the whole path, and none here.
        if (ruleIndexOutside(run, result)) return { fallback: "a result's rule index is past its run's rules" };
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
    state.parts[run] = undefined;
    yield* emitPart(part, state.counts!, first);
    if (state.parts.every((p) => p === undefined)) this.shards.delete(shard);
  }

  drop(shard: number): void {
    this.shards.delete(shard);
  }

  /** Each result prioritized up to prevalence and written with marks; its places counted by key. */
  private write(run: Run, lookup: Run, keys: Map<string, number>, places: Set<string>[], written: Set<object>): Part {
    const part = new PartBuilder(this.marks, written);
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') {
        part.absent(result);
        continue;
      }
      const key = prevalenceKey(result);
      let id = keys.get(key);
      if (id === undefined) {
        keys.set(key, (id = places.length));
        places.push(new Set());
      }
      places[id]!.add(placeOf(result));
      const risk = riskBeforePrevalence(lookup, result);
      const before = risk.tally.factors.length;
      const riskBefore = risk.tally.risk;
      if (risk.rarer) fixFactor(risk.tally, risk.props);
      part.scored(result, risk, before, riskBefore, id);
    }
    return part.finish();
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

function ruleIndexOutside(run: Run, result: Result): boolean {
  const index = result.ruleIndex ?? result.rule?.index;
  return index !== undefined && index >= 0 && run.tool.driver.rules?.[index] === undefined;
}
