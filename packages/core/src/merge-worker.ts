import { parentPort, workerData } from 'node:worker_threads';
import { CHUNKS_AHEAD, type Request } from './merge/shard-pool.js';
import { ShardWork, type ShardInit } from './merge/shard-work.js';
import { failureOf, type PoolReply } from './threads/worker-pool.js';

// A worker thread of a parallel merge (merge/shard-pool.ts): works on the shards it is given, one request after
// the other, so its replies come back in the order it was asked.
const work = new ShardWork(workerData as ShardInit);
const port = parentPort!;
const post = (reply: PoolReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

async function handle(request: Request): Promise<void> {
  const { id } = request;
  try {
    switch (request.type) {
      case 'taken':
        return;
      case 'read':
        return post({ id, result: await work.read(request.shard, request.file) });
      case 'plan':
        return post({ id, result: work.plan(request.shard, request.plans) });
      case 'places':
        return post({ id, result: work.places(request.shard, request.keys) });
      case 'counts':
        work.counts(request.shard, request.counts);
        return post({ id, done: true });
      case 'emit':
        // Each chunk has memory of its own (ShardWork's ChunkWriter): handed over, not copied. At most a few wait
        // for the writer: the rest of the part stays here as its text, not as output piled up in the reading thread.
        current = id;
        ahead = 0;
        for (const chunk of work.emit(request.shard, request.run, request.first)) {
          post({ id, chunk }, [chunk.buffer as ArrayBuffer]);
          if (++ahead >= CHUNKS_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
        }
        current = undefined;
        return post({ id, done: true });
    }
  } catch (error) {
    post({ id, error: failureOf(error) });
  }
}

/** The emit under way, its chunks not yet taken by the writer, and how to wake it. */
let current: number | undefined;
let ahead = 0;
let wake: (() => void) | undefined;

let queue = Promise.resolve();
port.on('message', (request: Request) => {
  if (request.type === 'taken') {
    if (request.id !== current) return;
    ahead--;
    const resume = wake;
    wake = undefined;
    resume?.();
    return;
  }
  queue = queue.then(() => handle(request));
});
