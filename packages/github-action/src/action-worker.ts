import { parentPort } from 'node:worker_threads';
import { run } from './run.js';

// The Action itself, in the worker thread that dist/index.js (main.ts) starts: its exit code goes back to it.
parentPort!.postMessage({ code: await run() });
