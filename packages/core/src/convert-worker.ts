import { parentPort, workerData } from 'node:worker_threads';
import type { ConvertRequest } from './pipeline/convert-pool.js';
import { BatchConverter, type BatchInit } from './pipeline/convert-batch.js';
import { failureOf, type PoolReply } from './threads/worker-pool.js';

// A worker thread of a streamed convert (pipeline/convert-pool.ts): converts the batches of results it is sent.
const converter = new BatchConverter(workerData as BatchInit);
const port = parentPort!;
port.on('message', (message: ConvertRequest) => {
  if (message.type === 'run') {
    converter.setRun(message.runId, message.run);
    return;
  }
  const { id } = message;
  // Batches are converted one after the other (BatchConverter queues them); the answer's arrays are handed over.
  converter.convert(message.runId, message.items).then(
    (result) => port.postMessage({ id, result } satisfies PoolReply, 'abort' in result ? [] : [result.bytes, result.places, result.slots, result.keys, result.has].map((array) => array.buffer as ArrayBuffer)),
    (error: unknown) => port.postMessage({ id, error: failureOf(error) } satisfies PoolReply),
  );
});
