import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, InternalError } from '../errors.js';
import { WorkerPool, type ChunkSink } from './worker-pool.js';

// A worker as the pool's users write theirs: it answers { id, result } or { id, error }, streams { id, chunk }
// before its answer, and can be told to answer late, to die, or to run out of memory.
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const held = [];
parentPort.on('message', async (m) => {
  if (m.type === 'echo') return parentPort.postMessage({ id: m.id, result: { echo: m.value, tag: workerData.tag } });
  if (m.type === 'late') return setTimeout(() => parentPort.postMessage({ id: m.id, result: 'late' }), 50);
  if (m.type === 'fail') return parentPort.postMessage({ id: m.id, error: { name: 'TypeError', message: 'no such thing', stack: 'TypeError: no such thing\\n    at work (worker.mjs:9:9)' } });
  if (m.type === 'refuse') return parentPort.postMessage({ id: m.id, error: { name: 'InputError', message: 'is not a SARIF log', file: 'report.json', stack: 'InputError: is not a SARIF log' } });
  if (m.type === 'chunks') {
    for (let i = 0; i < 3; i++) { const chunk = new TextEncoder().encode('part' + i); parentPort.postMessage({ id: m.id, chunk }, [chunk.buffer]); }
    return parentPort.postMessage({ id: m.id, done: true });
  }
  if (m.type === 'note') return held.push(m.value);
  if (m.type === 'notes') return parentPort.postMessage({ id: m.id, result: held });
  if (m.type === 'exit') process.exit(3);
  if (m.type === 'hog') { const hog = []; for (;;) hog.push(new Array(1e5).fill(hog.length)); }
});
`;

let pool: WorkerPool | undefined;
afterEach(async () => pool?.close());

async function start(size: number, options: { outOfMemory?: string; oldGenerationMb?: number } = {}): Promise<WorkerPool> {
  const file = join(await mkdtemp(join(tmpdir(), 'pw-pool-')), 'worker.mjs');
  await writeFile(file, WORKER);
  pool = new WorkerPool(pathToFileURL(file), size, {
    name: 'test',
    workerData: { tag: 'given' },
    ...(options.oldGenerationMb ? { resourceLimits: { maxOldGenerationSizeMb: options.oldGenerationMb } } : {}),
    ...(options.outOfMemory ? { outOfMemory: options.outOfMemory } : {}),
  });
  return pool;
}

function sink(): ChunkSink & { text: string[]; ended?: Error | true } {
  const got: ChunkSink & { text: string[]; ended?: Error | true } = {
    text: [],
    push: (chunk) => got.text.push(new TextDecoder().decode(chunk)),
    end: (error) => (got.ended = error ?? true),
  };
  return got;
}

describe('WorkerPool', () => {
  it('matches answers to requests by id, whatever order they come back in, and gives each thread its data', async () => {
    const threads = await start(2);
    const late = threads.ask(0, { type: 'late' });
    const quick = threads.ask(0, { type: 'echo', value: 1 });
    const other = threads.ask(1, { type: 'echo', value: 2 });
    expect(await quick).toEqual({ echo: 1, tag: 'given' });
    expect(await other).toEqual({ echo: 2, tag: 'given' });
    expect(await late).toBe('late');
  });

  it("a worker's bug comes back as a bug with the worker's stack; a known error of the input as that error with its file; the thread goes on", async () => {
    const threads = await start(1);
    const bug = (await threads.ask(0, { type: 'fail' }).catch((error: unknown) => error)) as Error;
    expect(bug).toBeInstanceOf(Error);
    expect(bug).not.toBeInstanceOf(InternalError);
    expect(bug.message).toBe('test worker: TypeError: no such thing');
    expect(bug.stack).toContain('at work (worker.mjs:9:9)');
    const refused = (await threads.ask(0, { type: 'refuse' }).catch((error: unknown) => error)) as Error;
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).toLine()).toBe('report.json: is not a SARIF log');
    expect(await threads.ask(0, { type: 'echo', value: 'after' })).toMatchObject({ echo: 'after' });
  });

  it('close() fails what is still asked, and anything asked after it, instead of leaving it waiting', async () => {
    const threads = await start(2);
    const chunks = sink();
    const pending = threads.ask(0, { type: 'late' }, [], chunks);
    await threads.close();
    await expect(pending).rejects.toThrow('the test worker threads were stopped before they answered');
    expect(chunks.ended).toBeInstanceOf(Error);
    await expect(threads.ask(1, { type: 'echo', value: 1 })).rejects.toThrow('stopped before they answered');
  });

  it('streams chunks before the answer; broadcast and tell reach threads without an answer', async () => {
    const threads = await start(2);
    const chunks = sink();
    await threads.ask(1, { type: 'chunks' }, [], chunks);
    expect(chunks.text).toEqual(['part0', 'part1', 'part2']);
    expect(chunks.ended).toBe(true);
    threads.broadcast({ type: 'note', value: 'everyone' });
    threads.tell(1, { type: 'note', value: 'one' });
    expect(await threads.ask(0, { type: 'notes' })).toEqual(['everyone']);
    expect(await threads.ask(1, { type: 'notes' })).toEqual(['everyone', 'one']);
  });

  it('a thread that exits fails what it was given, its chunks, and everything asked of it later, at once', async () => {
    const threads = await start(2);
    const chunks = sink();
    const pending = threads.ask(0, { type: 'late' }, [], chunks);
    threads.tell(0, { type: 'exit' });
    await expect(pending).rejects.toThrow('a test worker thread stopped (exit code 3)');
    expect(chunks.ended).toBeInstanceOf(Error);
    await expect(threads.ask(0, { type: 'echo', value: 1 })).rejects.toThrow('a test worker thread stopped (exit code 3)');
    const later = sink();
    await expect(threads.ask(0, { type: 'chunks' }, [], later)).rejects.toThrow('stopped');
    expect(later.ended).toBeInstanceOf(Error);
    // The other thread is unaffected.
    expect(await threads.ask(1, { type: 'echo', value: 2 })).toMatchObject({ echo: 2 });
  });

  it('out of memory in a worker becomes the one line the pool was given', async () => {
    const threads = await start(1, { oldGenerationMb: 32, outOfMemory: 'out of memory testing: give node more' });
    await expect(threads.ask(0, { type: 'hog' })).rejects.toMatchObject({ name: 'InternalError', message: 'out of memory testing: give node more' });
  });
});
