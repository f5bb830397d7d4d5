import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { commonPrefixOf, joinRules, prefixesNest } from '../identity/dedupe.js';
import type { SecretKeying } from '../identity/secret-hash.js';
import { SARIF_SCHEMA_URI, type Log, type Run } from '../sarif/types.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import { LOG_SPINE, pieces } from '../sarif/write-log.js';
import { startShardHost, type ShardHost } from './shard-pool.js';
import type { RunInfo, RunPlan, Summary } from './shard-work.js';

// `pipewarden merge` with the shards read, redacted, prioritized and written in worker threads (shard-work.ts):
// this thread only joins the runs (their members but results), decides what crosses shards (cross-tool dedupe,
// DAST folding, prevalence) and writes. It writes what the whole path (read each, mergeLogs, finish, dedupe,
// prioritize, sarifText) writes, byte for byte, or gives up before anything is renamed into place and leaves
// the merge to that path: a secret value found (masked in every shard), findings that several tools could
// report as one (a package, or files named by more than one tool), DAST results of one run in two shards, a
// rule named by index only, any error (the whole path reports it as it always has).

export interface ParallelMergeOptions {
  /** The shards, in order (resolved paths). */
  files: readonly string[];
  output: string;
  keying: SecretKeying;
  /** Threads working on shards (default: one per core, at most four). */
  threads?: number | undefined;
  /** Told why the whole path is needed (for tests). */
  onFallback?: ((reason: string) => void) | undefined;
}

export interface ParallelMergeDone {
  runs: number;
  results: number;
  /** Threads that worked on shards (1: this one; no built worker beside this module, or one shard). */
  threads: number;
  /** Each shard's warnings, as the whole path says them. */
  warnings: string[][];
}

/**
 * Below this many bytes of shards in all, threads cost more than they save (ten shards of 10k results, 42 MB:
 * 1.8 s either way, a third more CPU and 40 MB more memory with two threads): the CLI merges in one thread.
 */
export const PARALLEL_MERGE_BYTES = 64 * 1024 * 1024;

/** Threads a parallel merge uses by default. */
export const defaultMergeThreads = (): number => Math.min(4, availableParallelism());

class Fallback extends Error {
  override readonly name = 'MergeFallback';
}

interface Part {
  shard: number;
  run: number;
}

interface Joined {
  run: Run;
  parts: Part[];
  /** How many of its parts hold DAST results. */
  dast: number;
}

/** The runs joined as mergeLogs joins them, without their results: the plan of each shard's runs. */
class RunJoiner {
  readonly runs: Joined[] = [];
  private readonly byKey = new Map<string, Joined>();

  add(shard: number, infos: readonly RunInfo[]): RunPlan[] {
    return infos.map((info, i) => {
      const run = info.skeleton;
      const count = (run.results as unknown as number | undefined) ?? 0;
      const into = this.byKey.get(info.key);
      if (!into) {
        const joined = { run, parts: count ? [{ shard, run: i }] : [], dast: info.dast ? 1 : 0 };
        this.byKey.set(info.key, joined);
        this.runs.push(joined);
        return {};
      }
      const rules = (into.run.tool.driver.rules ??= []);
      const plan = { into: rules.slice() };
      joinRules(rules, run);
      if (count) {
        // Where mergeLogs would make the member: after those the first run had.
        if (into.run.results === undefined) into.run.results = 0 as unknown as Run['results'];
        into.parts.push({ shard, run: i });
      }
      if (info.dast) into.dast++;
      if (run.invocations) into.run.invocations = [...(into.run.invocations ?? []), ...run.invocations];
      return plan;
    });
  }
}

interface Read {
  joiner: RunJoiner;
  summaries: Summary[];
  owner: number[];
  warnings: string[][];
}

/** Every shard read (at most one at a time per thread) and planned in order as soon as those before it are read. */
async function readAll(host: ShardHost, files: readonly string[]): Promise<Read> {
  const joiner = new RunJoiner();
  const owner: number[] = [];
  const infos: (RunInfo[] | undefined)[] = [];
  const warnings: string[][] = [];
  const summaries: Promise<Summary>[] = [];
  let next = 0;
  let planned = 0;
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const start = (thread: number): void => {
      if (next >= files.length) {
        if (active === 0) resolve();
        return;
      }
      const shard = next++;
      owner[shard] = thread;
      active++;
      host.read(thread, shard, files[shard]!).then((reply) => {
        active--;
        if ('fallback' in reply) return reject(new Fallback(reply.fallback));
        infos[shard] = reply.runs;
        warnings[shard] = reply.warnings;
        for (; planned < files.length && infos[planned]; planned++) {
          const s = planned;
          const summary = host.plan(owner[s]!, s, joiner.add(s, infos[s]!)).then((done) => {
            if ('fallback' in done) throw new Fallback(done.fallback);
            return done;
          });
          summary.catch(() => undefined);
          summaries[s] = summary;
          infos[s] = undefined;
        }
        start(thread);
      }, reject);
    };
    for (let thread = 0; thread < Math.min(host.threads, files.length); thread++) start(thread);
  });
  return { joiner, summaries: await Promise.all(summaries), owner, warnings };
}

/** Cross-tool dedupe joins nothing (as dedupe decides it), or the whole path is needed. */
function checkDedupe(read: Read): void {
  const facts = read.joiner.runs.flatMap((joined) => joined.parts.map(({ shard, run }) => read.summaries[shard]!.parts[run]!.facts));
  if (new Set(facts.map((fact) => fact.tool)).size < 2) return;
  // Package findings are keyed by vulnerability and package, and join only other tools' package findings.
  if (new Set(facts.filter((fact) => fact.packages).map((fact) => fact.tool)).size > 1) throw new Fallback('package findings of several tools');
  const byTool = new Map<string, (string | undefined)[]>();
  for (const fact of facts) byTool.set(fact.tool, [...(byTool.get(fact.tool) ?? []), fact.prefix]);
  if (prefixesNest([...byTool.values()].map(commonPrefixOf))) throw new Fallback('several tools may name one file');
}

/** Whether these shards' places of one key cannot meet: none's common prefix starts another's, or their ranges are apart. */
function apart(summaries: readonly Summary[], holders: readonly Part[]): boolean {
  if (!prefixesNest(holders.map(({ shard, run: key }) => summaries[shard]!.prefixes[key]!))) return true;
  const ranges = holders.map(({ shard, run: key }) => [summaries[shard]!.lows[key]!, summaries[shard]!.highs[key]!] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranges.every((range, i) => i === 0 || ranges[i - 1]![1] < range[0]);
}

/** Each key's number of distinct places over all shards, sent to each shard by its own key numbers. */
async function sendCounts(host: ShardHost, read: Read): Promise<void> {
  const { summaries } = read;
  // For each key, the shards holding it (`run` here is the key's number in that shard).
  const holders = new Map<string, Part[]>();
  summaries.forEach((summary, shard) =>
    summary.keys.forEach((key, id) => {
      const held = holders.get(key);
      if (held) held.push({ shard, run: id });
      else holders.set(key, [{ shard, run: id }]);
    }),
  );
  const totals = new Map<string, number>();
  const exact = new Map<number, number[]>();
  for (const [key, held] of holders) {
    if (held.length === 1 || apart(summaries, held)) totals.set(key, held.reduce((n, { shard, run: id }) => n + summaries[shard]!.counts[id]!, 0));
    else
      for (const { shard, run: id } of held) {
        // Pushed, not spread: a copy per key made many shared keys quadratic.
        const ids = exact.get(shard);
        if (ids) ids.push(id);
        else exact.set(shard, [id]);
      }
  }
  if (exact.size) {
    const union = new Map<string, Set<string>>();
    await Promise.all(
      [...exact].map(async ([shard, ids]) => {
        const lists = await host.places(read.owner[shard]!, shard, ids);
        ids.forEach((id, i) => {
          const key = summaries[shard]!.keys[id]!;
          let set = union.get(key);
          if (!set) union.set(key, (set = new Set()));
          for (const place of lists[i]!) set.add(place);
        });
      }),
    );
    for (const [key, set] of union) totals.set(key, set.size);
  }
  summaries.forEach((summary, shard) => host.counts(read.owner[shard]!, shard, Int32Array.from(summary.keys, (key) => totals.get(key)!)));
}

/** The merged log's text: the joined runs' members here, each run's results from the threads holding them. */
async function* mergedText(host: ShardHost, read: Read): AsyncGenerator<string | Uint8Array> {
  const tag = `\u0000pw-results-${randomBytes(8).toString('hex')}-`;
  const marks = new Map<string, Joined>();
  read.joiner.runs.forEach((joined, i) => {
    if (joined.parts.length) {
      joined.run.results = `${tag}${i}` as unknown as Run['results'];
      marks.set(JSON.stringify(joined.run.results), joined);
    } else if (joined.run.results !== undefined) joined.run.results = [];
  });
  const log = { version: '2.1.0', runs: read.joiner.runs.map((joined) => joined.run), $schema: SARIF_SCHEMA_URI } as Log;
  // A few parts are asked for ahead, so every thread has one to write while this one writes the file.
  const order = read.joiner.runs.flatMap((joined) => joined.parts.map((part, i) => ({ ...part, first: i === 0 })));
  const asked: AsyncIterable<Uint8Array>[] = [];
  const ask = (upTo: number) => {
    for (let i = asked.length; i < Math.min(upTo, order.length); i++) asked.push(host.emit(read.owner[order[i]!.shard]!, order[i]!.shard, order[i]!.run, order[i]!.first));
  };
  let at = 0;
  for (const piece of pieces(log, LOG_SPINE)) {
    const joined = marks.get(piece);
    if (!joined) {
      yield piece;
      continue;
    }
    yield '[';
    for (let n = 0; n < joined.parts.length; n++, at++) {
      ask(at + host.threads);
      yield* asked[at]!;
      asked[at] = undefined as unknown as AsyncIterable<Uint8Array>;
    }
    yield '\n]';
  }
  yield '\n';
}

/**
 * Merges the shards into `output` in worker threads, or returns undefined when the whole path must do it
 * (nothing is written then).
 */
export async function mergeInParallel(options: ParallelMergeOptions): Promise<ParallelMergeDone | undefined> {
  // A thread per shard at most: a thread with none would only be started and stopped.
  const host = startShardHost({ keying: options.keying }, Math.min(options.threads ?? defaultMergeThreads(), options.files.length));
  try {
    const read = await readAll(host, options.files);
    if (read.joiner.runs.some((joined) => joined.dast > 1)) throw new Fallback('DAST results of one run in two shards');
    checkDedupe(read);
    await sendCounts(host, read);
    const results = read.joiner.runs.reduce((n, joined) => n + joined.parts.reduce((m, { shard, run }) => m + read.summaries[shard]!.parts[run]!.count, 0), 0);
    await writeFileAtomic(options.output, mergedText(host, read));
    return { runs: read.joiner.runs.length, results, threads: host.threads, warnings: read.warnings };
  } catch (error) {
    // Whatever went wrong (the input's problem, a thread that died), the whole path does it again and says it as it always has.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    options.onFallback?.(cause instanceof Error ? cause.message : String(cause));
    return undefined;
  } finally {
    await host.close();
  }
}
