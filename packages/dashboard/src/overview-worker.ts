import { parentPort, workerData } from 'node:worker_threads';
import type { MetricsOptions } from '@pipewarden/core';
import { openStore } from '@pipewarden/store';
import { overviewOf } from './data.js';

/**
 * The overview reads every run of every repository: done in a thread of its own, on a connection of its own,
 * so the pages keep answering while it works.
 */
const { store: url, cwd, options } = workerData as { store: string; cwd: string; options: MetricsOptions };
const store = await openStore(url, cwd);
try {
  // The state first: a run added while the lines are read makes the next check see a change, never miss one.
  const state = await store.state();
  const overview = overviewOf(await store.lines(), options);
  parentPort!.postMessage({ state, overview });
} finally {
  await store.close();
}
