import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { grammarsDir, type GrammarFile } from '../grammars.js';
import { adapterFor } from '../lang/registry.js';
import { Parsers } from '../parse/parsers.js';
import type { Backend, BackendInit, SecondJob } from './backend.js';
import type { FirstPass, SecondPass } from './file-analyzer.js';

/** Files per request: small enough to balance uneven files across workers, large enough to amortise messages. */
const CHUNK = 16;

type Reply = { id: number; result?: unknown; error?: string };

/**
 * Worker threads, each with its own parsers: they pull chunks of files in the first pass and keep what
 * they lowered, so the second pass of a file goes back to the worker that parsed it.
 */
class WorkerPool implements Backend {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly owner = new Map<string, number>();
  private nextId = 0;

  constructor(url: URL, init: BackendInit, threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(url, { workerData: init });
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.error !== undefined) waiting?.reject(new Error(`sast worker: ${reply.error}`));
    else waiting?.resolve(reply.result);
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  private request<T>(worker: number, message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.workers[worker]!.postMessage({ ...message, id });
    });
  }

  async first(paths: readonly string[]): Promise<FirstPass[]> {
    const out: FirstPass[] = [];
    let next = 0;
    await Promise.all(this.workers.map(async (_, worker) => {
      while (next < paths.length) {
        const chunk = paths.slice(next, (next += CHUNK));
        for (const path of chunk) this.owner.set(path, worker);
        out.push(...(await this.request<FirstPass[]>(worker, { type: 'first', paths: chunk })));
      }
    }));
    const order = new Map(paths.map((p, i) => [p, i]));
    return out.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  }

  async second(jobs: readonly SecondJob[]): Promise<SecondPass[]> {
    const byWorker = new Map<number, SecondJob[]>();
    for (const job of jobs) {
      const worker = this.owner.get(job.path) ?? 0;
      byWorker.set(worker, [...(byWorker.get(worker) ?? []), job]);
    }
    const replies = await Promise.all([...byWorker].map(([worker, list]) => this.request<SecondPass[]>(worker, { type: 'second', jobs: list })));
    return replies.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** A pool, or undefined when there is no built worker next to this module (running from the sources). */
export async function startPool(init: BackendInit, threads: number, paths: readonly string[]): Promise<Backend | undefined> {
  const url = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const grammars = paths.map((path) => adapterFor(path)?.grammar).filter((g): g is GrammarFile => g !== undefined && g !== 'lexed');
  const modules = await Parsers.compile(init.grammarsDir ?? grammarsDir(), grammars);
  return new WorkerPool(url, { ...init, modules }, threads);
}
