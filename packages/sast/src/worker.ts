// A worker thread of the engine (engine/pool.ts): a LocalBackend answering the pool's requests in order.
import { parentPort, workerData } from 'node:worker_threads';
import { LocalBackend, type BackendInit } from './engine/backend.js';

const backend = new LocalBackend({ ...(workerData as BackendInit), sync: true });

parentPort?.on('message', (message: { id: number; type: 'first' | 'second'; paths?: string[]; jobs?: Parameters<LocalBackend['second']>[0] }) => {
  const work = message.type === 'first' ? backend.first(message.paths ?? []) : backend.second(message.jobs ?? []);
  work.then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: Error) => parentPort?.postMessage({ id: message.id, error: error.stack ?? String(error) }),
  );
});
