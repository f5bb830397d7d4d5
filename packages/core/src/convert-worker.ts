import { parentPort, workerData } from 'node:worker_threads';
import { BatchConverter, type BatchInit } from './pipeline/convert-batch.js';

// A worker thread of a streamed convert (pipeline/convert-pool.ts): converts the batches of results it is sent.
type Message = { type: 'run'; id: number; run: Parameters<BatchConverter['setRun']>[1] } | { type: 'batch'; runId: number; items: Uint8Array };

const converter = new BatchConverter(workerData as BatchInit);
const port = parentPort!;
port.on('message', (message: Message) => {
  if (message.type === 'run') {
    converter.setRun(message.id, message.run);
    return;
  }
  // Batches are converted one after the other (BatchConverter queues them), so replies go back in order.
  converter.convert(message.runId, message.items).then(
    (result) => port.postMessage({ result }, 'abort' in result ? [] : [result.bytes, result.places, result.slots, result.keys, result.has].map((array) => array.buffer as ArrayBuffer)),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
