import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import type { Run } from '../sarif/types.js';
import { BatchConverter, type BatchInit, type BatchReply } from './convert-batch.js';

/** Where a streamed convert's batches are converted: worker threads, or this thread. */
export interface BatchRunner {
  /** The run that the next batches belong to (sent to every thread before them). */
  setRun(id: number, run: Run): void;
  /** Converts a batch: the UTF-8 of a JSON array of results, handed over (a worker takes the buffer). */
  convert(runId: number, items: Uint8Array): Promise<BatchReply>;
  close(): Promise<void>;
}

type Reply = { result?: BatchReply; error?: string };

interface Waiting {
  resolve: (reply: BatchReply) => void;
  reject: (error: Error) => void;
}

/**
 * Batches go to the workers in turn; each worker keeps its own caches (files read, rules asked about) and
 * answers its batches in the order it got them, so its replies settle its queue front first.
 */
class WorkerRunner implements BatchRunner {
  private readonly workers: { worker: Worker; queue: Waiting[]; dead?: Error }[];
  private turn = 0;
  private closing = false;

  constructor(url: URL, init: BatchInit, threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const entry: { worker: Worker; queue: Waiting[]; dead?: Error } = { worker: new Worker(url, { workerData: init }), queue: [] };
      entry.worker.on('message', ({ result, error }: Reply) => {
        const waiting = entry.queue.shift();
        if (error !== undefined) waiting?.reject(new Error(`convert worker: ${error}`));
        else waiting?.resolve(result!);
      });
      // A worker that dies fails what it was given and everything given to it later: nothing waits for it.
      const die = (error: Error) => {
        entry.dead ??= error;
        for (const waiting of entry.queue.splice(0)) waiting.reject(entry.dead);
      };
      entry.worker.on('error', (error: Error & { code?: string }) =>
        die(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InternalError('out of memory converting in a worker thread: give node more with NODE_OPTIONS=--max-old-space-size=<MB>', { cause: error }) : error),
      );
      entry.worker.on('exit', (code) => {
        if (!this.closing) die(new InternalError(`a convert worker thread stopped (exit code ${code})`));
      });
      return entry;
    });
  }

  setRun(id: number, run: Run): void {
    for (const { worker } of this.workers) worker.postMessage({ type: 'run', id, run });
  }

  convert(runId: number, items: Uint8Array): Promise<BatchReply> {
    const entry = this.workers[this.turn++ % this.workers.length]!;
    if (entry.dead) return Promise.reject(entry.dead);
    return new Promise<BatchReply>((resolve, reject) => {
      entry.queue.push({ resolve, reject });
      entry.worker.postMessage({ type: 'batch', runId, items }, [items.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

class InThreadRunner implements BatchRunner {
  private readonly converter: BatchConverter;

  constructor(init: BatchInit) {
    this.converter = new BatchConverter(init);
  }

  setRun(id: number, run: Run): void {
    this.converter.setRun(id, run);
  }

  convert(runId: number, items: Uint8Array): Promise<BatchReply> {
    return this.converter.convert(runId, items);
  }

  async close(): Promise<void> {}
}

/** How many threads convert batches by default: one per core the process may use (at most four). */
export const defaultConvertThreads = () => Math.min(4, availableParallelism());

/**
 * Workers when there are cores to spare and a built worker beside this module; else this thread (running
 * from the sources, in a bundle without the worker file, or with `threads` at 1 or less).
 */
export function startBatchRunner(init: BatchInit, threads: number): BatchRunner {
  const url = new URL('./convert-worker.js', import.meta.url);
  if (threads <= 1 || !existsSync(fileURLToPath(url))) return new InThreadRunner(init);
  return new WorkerRunner(url, init, threads);
}
