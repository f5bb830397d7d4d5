import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, resourceLimits, Worker } from 'node:worker_threads';
import { InternalError } from '../errors.js';
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

export type Reply = { id: number; result?: unknown; error?: string; chunk?: Uint8Array; done?: boolean };

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
class ChunkQueue implements AsyncIterable<Uint8Array> {
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

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  chunks?: ChunkQueue;
}

class WorkerHost implements ShardHost {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; dead?: Error }[];
  private ids = 0;
  private closing = false;

  constructor(
    url: URL,
    init: ShardInit,
    readonly threads: number,
  ) {
    this.workers = Array.from({ length: threads }, () => {
      const entry: { worker: Worker; pending: Map<number, Pending>; dead?: Error } = { worker: new Worker(url, { workerData: init, resourceLimits: shardLimits() }), pending: new Map() };
      entry.worker.on('message', (reply: Reply) => {
        const pending = entry.pending.get(reply.id);
        if (!pending) return;
        if (reply.chunk) return pending.chunks!.push(reply.chunk);
        entry.pending.delete(reply.id);
        if (reply.error !== undefined) {
          const error = new InternalError(`merge worker: ${reply.error}`);
          pending.chunks?.end(error);
          pending.reject(error);
        } else {
          pending.chunks?.end();
          pending.resolve(reply.result);
        }
      });
      // A worker that dies fails what it was given: nothing waits for it.
      const die = (error: Error) => {
        entry.dead ??= error;
        for (const pending of entry.pending.values()) {
          pending.chunks?.end(entry.dead);
          pending.reject(entry.dead);
        }
        entry.pending.clear();
      };
      entry.worker.on('error', die);
      entry.worker.on('exit', (code) => {
        if (!this.closing) die(new InternalError(`a merge worker thread stopped (exit code ${code})`));
      });
      return entry;
    });
  }

  private ask<T>(thread: number, request: Unnumbered, chunks?: ChunkQueue): Promise<T> {
    const entry = this.workers[thread]!;
    if (entry.dead) {
      chunks?.end(entry.dead);
      const failed = Promise.reject(entry.dead);
      // As below: callers that only read the chunks drop this promise; the failure reaches them through the chunks.
      failed.catch(() => undefined);
      return failed;
    }
    const id = this.ids++;
    const settled = new Promise<T>((resolve, reject) => entry.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, chunks }));
    // Settled when awaited, or through the chunks: a failure meanwhile is not an unhandled rejection.
    settled.catch(() => undefined);
    entry.worker.postMessage({ ...request, id });
    return settled;
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
    const id = this.ids;
    const entry = this.workers[thread]!;
    const chunks = new ChunkQueue(() => {
      if (!entry.dead) entry.worker.postMessage({ type: 'taken', id } satisfies Request);
    });
    void this.ask(thread, { type: 'emit', shard, run, first }, chunks);
    return chunks;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
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
