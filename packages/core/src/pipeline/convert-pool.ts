import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Run } from '../sarif/types.js';
import { WorkerPool } from '../threads/worker-pool.js';
import { BatchConverter, type BatchInit, type BatchReply } from './convert-batch.js';

/** Where a streamed convert's batches are converted: worker threads, or this thread. */
export interface BatchRunner {
  /** The run that the next batches belong to (sent to every thread before them). */
  setRun(id: number, run: Run): void;
  /** Converts a batch: the UTF-8 of a JSON array of results, handed over (a worker takes the buffer). */
  convert(runId: number, items: Uint8Array): Promise<BatchReply>;
  close(): Promise<void>;
}

/** What convert-worker.js is sent: a run, which gets no answer, or a batch, answered under the pool's id. */
export type ConvertRequest = { type: 'run'; runId: number; run: Run } | { type: 'batch'; id: number; runId: number; items: Uint8Array };

/** Batches go to the workers in turn; each worker keeps its own caches (files read, rules asked about). */
class WorkerRunner implements BatchRunner {
  private readonly pool: WorkerPool;
  private turn = 0;

  constructor(url: URL, init: BatchInit, threads: number) {
    this.pool = new WorkerPool(url, threads, {
      name: 'convert',
      workerData: init,
      outOfMemory: 'out of memory converting in a worker thread: give node more with NODE_OPTIONS=--max-old-space-size=<MB>',
    });
  }

  setRun(id: number, run: Run): void {
    this.pool.broadcast({ type: 'run', runId: id, run } satisfies ConvertRequest);
  }

  convert(runId: number, items: Uint8Array): Promise<BatchReply> {
    return this.pool.ask<BatchReply>(this.turn++ % this.pool.size, { type: 'batch', runId, items }, [items.buffer as ArrayBuffer]);
  }

  close(): Promise<void> {
    return this.pool.close();
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
