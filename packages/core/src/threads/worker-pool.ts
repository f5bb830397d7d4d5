import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { ConfigError, InputError, InternalError } from '../errors.js';

// One pool for the worker threads core starts for a command's heavy parts (a streamed convert's batches, a
// parallel merge's shards). Requests carry an id and replies name it, so a thread may answer in any order and
// stream chunks before its answer; a thread that dies fails everything it was given, at once and later, so
// nothing waits for it.

/** A worker's failure as it crosses back (an Error object does not cross whole: its class is lost). */
export interface WorkerFailure {
  name: string;
  message: string;
  stack?: string | undefined;
  /** A known error's file (PipewardenError's). */
  file?: string | undefined;
}

/** What a worker sends back: the answer to request `id`, its failure, or one chunk of a streamed answer. */
export type PoolReply = { id: number; result?: unknown; error?: WorkerFailure; chunk?: Uint8Array; done?: boolean };

/** Where a streamed answer's chunks go as they arrive. */
export interface ChunkSink {
  push(chunk: Uint8Array): void;
  end(error?: Error): void;
}

export interface PoolOptions {
  /** The kind of work, in messages: "convert" gives "convert worker: …", "a convert worker thread stopped …". */
  name: string;
  workerData: unknown;
  resourceLimits?: ResourceLimits;
  /** What a worker running out of memory becomes; without it, V8's error as it is. */
  outOfMemory?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  chunks?: ChunkSink | undefined;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  dead?: Error;
}

export class WorkerPool {
  private readonly threads: Thread[];
  private ids = 0;

  constructor(url: URL, size: number, private readonly options: PoolOptions) {
    this.threads = Array.from({ length: size }, () => this.start(url));
  }

  get size(): number {
    return this.threads.length;
  }

  /** Sends `request` (with an id added) to thread `index`; settles with its answer. `transfer` is handed over, not copied. */
  ask<T>(index: number, request: object, transfer: readonly Transferable[] = [], chunks?: ChunkSink): Promise<T> {
    const thread = this.threads[index]!;
    if (thread.dead) {
      chunks?.end(thread.dead);
      return quiet(Promise.reject(thread.dead));
    }
    const id = this.ids++;
    const settled = quiet(new Promise<T>((resolve, reject) => thread.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, chunks })));
    thread.worker.postMessage({ ...request, id }, transfer as Transferable[]);
    return settled;
  }

  /** The id the next `ask` will get (a streamed answer's follow-up messages name it). */
  get nextId(): number {
    return this.ids;
  }

  /** A message that gets no answer, to every thread still alive (what each needs before the requests that follow). */
  broadcast(message: object): void {
    for (const thread of this.threads) if (!thread.dead) thread.worker.postMessage(message);
  }

  /** A message that gets no answer, to one thread, unless it died. */
  tell(index: number, message: object): void {
    const thread = this.threads[index]!;
    if (!thread.dead) thread.worker.postMessage(message);
  }

  /** Stops every thread; what was still asked of them, and anything asked later, fails (nothing waits forever). */
  async close(): Promise<void> {
    const closed = new InternalError(`the ${this.options.name} worker threads were stopped before they answered`);
    for (const thread of this.threads) this.fail(thread, closed);
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }

  private fail(thread: Thread, error: Error): void {
    thread.dead ??= error;
    for (const pending of thread.pending.values()) {
      pending.chunks?.end(thread.dead);
      pending.reject(thread.dead);
    }
    thread.pending.clear();
  }

  private start(url: URL): Thread {
    const { name, workerData, resourceLimits, outOfMemory } = this.options;
    const thread: Thread = { worker: new Worker(url, { workerData, ...(resourceLimits ? { resourceLimits } : {}) }), pending: new Map() };
    thread.worker.on('message', (reply: PoolReply) => {
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      if (reply.chunk) return pending.chunks?.push(reply.chunk);
      thread.pending.delete(reply.id);
      if (reply.error !== undefined) {
        const error = rebuilt(reply.error, name);
        pending.chunks?.end(error);
        pending.reject(error);
      } else {
        pending.chunks?.end();
        pending.resolve(reply.result);
      }
    });
    const die = (error: Error) => this.fail(thread, error);
    thread.worker.on('error', (error: Error & { code?: string }) =>
      die(outOfMemory && error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InternalError(outOfMemory, { cause: error }) : error),
    );
    // After close() the thread is already failed, so its exit changes nothing.
    thread.worker.on('exit', (code) => die(new InternalError(`a ${name} worker thread stopped (exit code ${code})`)));
    return thread;
  }
}

/**
 * The promise, marked handled: a caller that reads a streamed answer's chunks may drop it, and one awaited later
 * still gets the failure; neither is an unhandled rejection meanwhile.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A worker's failure, for its reply. */
export function failureOf(error: unknown): WorkerFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: error.name, message: error.message, stack: error.stack, file: (error as { file?: unknown }).file as string | undefined };
}

// The known errors a worker may raise about the user's input or config: said as the command itself would say them.
const KNOWN: Record<string, new (message: string, details: { file?: string | undefined }) => Error> = { InputError, ConfigError };

/**
 * The failure as this thread raises it: a known error of the user's input as that error (one line naming its file),
 * anything else as what it is, a bug, with the worker's stack (the CLI prints it whole so it can be reported).
 */
function rebuilt(failure: WorkerFailure, name: string): Error {
  const Known = KNOWN[failure.name];
  if (Known) return new Known(failure.message, { file: failure.file });
  const error = new Error(`${name} worker: ${failure.name}: ${failure.message}`);
  if (failure.stack) error.stack = `${name} worker: ${failure.stack}`;
  return error;
}
