import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, resourceLimits } from 'node:worker_threads';
import { WorkerPool, type ChunkSink } from '../threads/worker-pool.js';
import { ShardWork, type Fallback, type ReadReply, type RunPlan, type ShardInit, type Summary } from './shard-work.js';

// Where a parallel merge's shards are worked on: worker threads (merge-worker.js beside this module), or this
// thread (running from the sources, or in a bundle without the worker file). Each thread does what it is asked in
// the order it is asked: a shard's plan, places and chunks come back after its reading.

export interface ShardHost {
  /** How many threads work on shards (a shard stays with the thread that read it). */
  readonly threads: number;
  read(thread: number, shard: number, file: string): Promise<ReadReply>;
  plan(thread: number, shard: number, plans: readonly RunPlan[]): Promise<Summary | Fallback>;
  places(thread: number, shard: number, keys: readonly number[]): Promise<string[][]>;
  counts(thread: number, shard: number, counts: Int32Array): void;
  /** A part's text in chunks; with worker threads it is asked for at once and buffered until read. */
  emit(thread: number, shard: number, run: number, first: boolean): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

export type Request =
  | { type: 'read'; id: number; shard: number; file: string }
  | { type: 'plan'; id: number; shard: number; plans: readonly RunPlan[] }
  | { type: 'places'; id: number; shard: number; keys: readonly number[] }
  | { type: 'counts'; id: number; shard: number; counts: Int32Array }
  | { type: 'emit'; id: number; shard: number; run: number; first: boolean }
  /** A chunk of that emit's was taken (not queued behind other requests: the emit waits for it). */
  | { type: 'taken'; id: number };

/** Chunks a thread sends ahead of the writer before it waits for one to be taken (a part is tens of MB). */
export const CHUNKS_AHEAD = 4;
/** A request before its id is given (Omit over the union, member by member). */
type Unnumbered = Request extends infer A ? (A extends Request ? Omit<A, 'id'> : never) : never;


class InThreadHost implements ShardHost {
  readonly threads = 1;
  private readonly work: ShardWork;

  constructor(init: ShardInit) {
    this.work = new ShardWork(init);
  }

  read(_thread: number, shard: number, file: string): Promise<ReadReply> {
    return this.work.read(shard, file);
  }

  async plan(_thread: number, shard: number, plans: readonly RunPlan[]): Promise<Summary | Fallback> {
    return this.work.plan(shard, plans);
  }

  async places(_thread: number, shard: number, keys: readonly number[]): Promise<string[][]> {
    return this.work.places(shard, keys);
  }

  counts(_thread: number, shard: number, counts: Int32Array): void {
    this.work.counts(shard, counts);
  }

  async *emit(_thread: number, shard: number, run: number, first: boolean): AsyncIterable<Uint8Array> {
    yield* this.work.emit(shard, run, first);
  }

  async close(): Promise<void> {}
}

/** A part's chunks as they arrive, read by one consumer. */
class ChunkQueue implements AsyncIterable<Uint8Array>, ChunkSink {
  private readonly chunks: Uint8Array[] = [];
  private done = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;

  /** `taken`: told each time the writer takes a chunk. */
  constructor(private readonly taken: () => void = () => undefined) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.wake?.();
  }

  end(error?: Error): void {
    this.done = true;
    this.error ??= error;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.chunks.length) {
        this.taken();
        yield this.chunks.shift()!;
      }
      else if (this.error) throw this.error;
      else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

class WorkerHost implements ShardHost {
  private readonly pool: WorkerPool;

  constructor(
    url: URL,
    init: ShardInit,
    readonly threads: number,
  ) {
    this.pool = new WorkerPool(url, threads, { name: 'merge', workerData: init, resourceLimits: shardLimits() });
  }

  private ask<T>(thread: number, request: Unnumbered, chunks?: ChunkQueue): Promise<T> {
    return this.pool.ask<T>(thread, request, [], chunks);
  }

  read(thread: number, shard: number, file: string): Promise<ReadReply> {
    return this.ask(thread, { type: 'read', shard, file });
  }

  plan(thread: number, shard: number, plans: readonly RunPlan[]): Promise<Summary | Fallback> {
    return this.ask(thread, { type: 'plan', shard, plans });
  }

  places(thread: number, shard: number, keys: readonly number[]): Promise<string[][]> {
    return this.ask(thread, { type: 'places', shard, keys });
  }

  counts(thread: number, shard: number, counts: Int32Array): void {
    void this.ask(thread, { type: 'counts', shard, counts });
  }

  emit(thread: number, shard: number, run: number, first: boolean): AsyncIterable<Uint8Array> {
    const id = this.pool.nextId;
    const chunks = new ChunkQueue(() => this.pool.tell(thread, { type: 'taken', id } satisfies Request));
    void this.ask(thread, { type: 'emit', shard, run, first }, chunks);
    return chunks;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * A shard's thread: the old generation of the thread that starts it (node's, or the CLI's worker's), and a young
 * generation of 64 MB. Parsed shards allocate fast: the default (16 MB semi-spaces) copies more survivors; the
 * CLI's 192 MB in two threads more raised the merge's peak above the whole path's (1.49 against 1.43 GB at 64).
 */
const SHARD_YOUNG_GENERATION_MB = 64;
function shardLimits(): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb?: number } {
  const old = isMainThread ? undefined : resourceLimits.maxOldGenerationSizeMb;
  return { maxYoungGenerationSizeMb: SHARD_YOUNG_GENERATION_MB, ...(old ? { maxOldGenerationSizeMb: old } : {}) };
}

/** Worker threads when there are two or more and the built worker is beside this module; else this thread. */
export function startShardHost(init: ShardInit, threads: number): ShardHost {
  const url = new URL('./merge-worker.js', import.meta.url);
  if (threads <= 1 || !existsSync(fileURLToPath(url))) return new InThreadHost(init);
  return new WorkerHost(url, init, threads);
}
