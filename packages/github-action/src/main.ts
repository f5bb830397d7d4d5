import { getHeapStatistics } from 'node:v8';
import { SHARE_ENV, Worker } from 'node:worker_threads';

/**
 * The runner's entry point (action.yml runs.main → dist/index.js). The Action runs in a worker thread with a
 * larger young generation, as the CLI's scan does: most of what a large scan allocates dies young, and with
 * V8's default (16 MB semi-spaces) a scan of 100k results with its baseline spent a fifth of its time in the
 * garbage collector. `--max-semi-space-size` cannot be set once node runs, and action.yml cannot pass node
 * flags; a worker's resource limits can. This file is all the main thread loads (the Action is in action.js, so
 * its 8 MB are parsed once, by the worker); it exits with the worker's code.
 */
const YOUNG_GENERATION_MB = 192;

/** A workflow command's message, as @actions/core escapes it: one line, whatever the error holds. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function runInWorker(): void {
  const heapMb = Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20);
  const worker = new Worker(new URL('./action.js', import.meta.url), {
    // One environment: what a step exports (core.exportVariable) is seen by both threads.
    env: SHARE_ENV,
    // The same old generation as this thread (node's default, or --max-old-space-size in NODE_OPTIONS).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb },
  });
  let code: number | undefined;
  worker.on('message', (message: { code: number }) => {
    code = message.code;
  });
  worker.on('error', (error: Error & { code?: string }) => {
    const text =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `Pipewarden ran out of memory: give node more with NODE_OPTIONS=--max-old-space-size=<MB> in the step's env`
        : `Pipewarden internal error: ${error.stack ?? error.message}`;
    process.stdout.write(`::error::${escapeData(text)}\n`);
    code = 2;
  });
  worker.on('exit', (exitCode) => {
    // A worker that ends without its code (its work never settled) fails the step, and says so.
    if (code === undefined) process.stdout.write(`::error::Pipewarden stopped before it finished (exit code ${exitCode})\n`);
    process.exitCode = code ?? (exitCode || 2);
  });
}

runInWorker();
