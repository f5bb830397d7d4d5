#!/usr/bin/env node
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import manifest from '../package.json' with { type: 'json' };

/**
 * The commands that read and write logs of any size run in a worker thread with a larger young generation:
 * most of what 100k results allocate dies young, and with V8's default (16 MB semi-spaces) a scan of 100k
 * results with its baseline spent a fifth of its time in the garbage collector. The main thread only starts
 * the worker, passes signals on and exits with its code. (`--max-semi-space-size` cannot be set once node runs,
 * and flags on the shebang line are not portable; a worker's resource limits can.)
 */
const IN_WORKER = new Set(['scan', 'convert', 'merge', 'gate', 'report']);
/** 64 MB semi-spaces: at 100k results a sixth less CPU than the default, for about 70 MB more memory. */
const YOUNG_GENERATION_MB = 192;

interface WorkerInput {
  argv: string[];
  stderrIsTTY: boolean;
}

type WorkerMessage = { code: number } | { stopped: true };

const SIGNALS = [
  ['SIGTERM', 143],
  ['SIGINT', 130],
  ['SIGHUP', 129],
] as const;

if (!isMainThread) {
  await runInWorker(workerData as WorkerInput);
} else {
  const argv = process.argv.slice(2);
  // The version is answered before the CLI's modules load (zod schemas, every format, the GitLab client):
  // a pipeline's `pipewarden --version` costs node's start and nothing more.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version')) {
    process.stdout.write(`${manifest.version}\n`);
  } else if (IN_WORKER.has(argv[0] ?? '')) {
    runWorker(argv);
  } else {
    await runHere(argv);
  }
}

async function runHere(argv: string[]): Promise<void> {
  const { main, stopAllCommands } = await import('./main.js');
  // A cancelled CI job (SIGTERM), Ctrl-C (SIGINT) or a closed terminal: scanners run in process groups of their
  // own, so they would not get the signal; every one is stopped, with what it started, before Pipewarden exits.
  for (const [signal, code] of SIGNALS) {
    process.once(signal, () => {
      process.stderr.write(`pipewarden: stopped by ${signal}: the scanners it started are stopped\n`);
      void stopAllCommands().finally(() => process.exit(code));
    });
  }
  process.exitCode = await runMain(main, argv, process.stderr.isTTY === true);
}

type Main = (typeof import('./main.js'))['main'];

async function runMain(main: Main, argv: string[], stderrIsTTY: boolean): Promise<number> {
  const stderr = { write: (text: string) => process.stderr.write(text), isTTY: stderrIsTTY };
  return main(argv, { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr }).catch((error: unknown) => {
    // Not a known error: a bug of ours. Show it whole so it can be reported, and exit 2.
    process.stderr.write(`pipewarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  });
}

/** The main thread of a volume command: the worker does the work; signals go to it, its code is the exit code. */
function runWorker(argv: string[]): void {
  const heapMb = Math.ceil(getHeapStatistics().heap_size_limit / 2 ** 20);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { argv, stderrIsTTY: process.stderr.isTTY === true } satisfies WorkerInput,
    // The same old generation as this thread (node's default, or --max-old-space-size when given).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb },
  });
  let code: number | undefined;
  let stopping: { signal: string; code: number } | undefined;
  worker.on('message', (message: WorkerMessage) => {
    if ('code' in message) code = message.code;
    else if (stopping) process.exit(stopping.code);
  });
  worker.on('error', (error: Error & { code?: string }) => {
    process.stderr.write(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `pipewarden: out of memory (${heapMb} MB): give node more with NODE_OPTIONS=--max-old-space-size=<MB>\n`
        : `pipewarden: internal error: ${error.stack ?? error.message}\n`,
    );
    code = 2;
  });
  worker.on('exit', (exitCode) => {
    process.exitCode = stopping?.code ?? code ?? (exitCode || 2);
  });
  for (const [signal, exitCode] of SIGNALS) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = { signal, code: exitCode };
      process.stderr.write(`pipewarden: stopped by ${signal}: the scanners it started are stopped\n`);
      worker.postMessage({ stop: signal });
      // A worker busy in a long computation answers late; its scanners' grace period is 2 s.
      setTimeout(() => process.exit(exitCode), 10_000).unref();
    });
  }
}

async function runInWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const { main, stopAllCommands } = await import('./main.js');
  port.on('message', (message: { stop?: string }) => {
    if (message.stop) void stopAllCommands().finally(() => port.postMessage({ stopped: true } satisfies WorkerMessage));
  });
  // The port alone does not keep the worker alive: it ends when the command does.
  port.unref();
  const code = await runMain(main, input.argv, input.stderrIsTTY);
  port.postMessage({ code } satisfies WorkerMessage);
}
