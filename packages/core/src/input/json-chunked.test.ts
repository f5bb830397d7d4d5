import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChunkedJsonTooDeep, ChunkedJsonUnreadable, type SpineNode } from './json-chunked.js';
import { readJsonAlongSpine, readJsonChunked } from './json-chunked-read.js';

// readDocument falls back to the exact parser whenever this reader gives up, so its own tests are here:
// valid documents must come out of this reader itself, at every chunk size, never through the fallback.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-chunked-'));
});

async function read(text: string, chunkBytes: number): Promise<unknown[]> {
  const file = join(dir, `doc-${chunkBytes}.json`);
  await writeFile(file, text);
  return readJsonChunked(file, { start: 0, maxDepth: 1000, chunkBytes });
}

const SIZES = [1, 2, 3, 5, 8, 13, 64, 4096];
const sarifLike = {
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'a"b\\', rules: [{ id: 'R', properties: { tags: ['x'] } }] } },
      results: Array.from({ length: 30 }, (_, i) => ({ ruleId: `R${i}`, message: { text: `é中😀 "q" \\ ${'x'.repeat(i)}` }, n: [i, 3 - i / 4, [], {}, [[i]], null, true] })),
    },
    { tool: { driver: { name: 'b' } }, results: [] },
  ],
  empty: {},
  list: [[], [[]], [{}], 'a,b', '[{'],
};

describe('readJsonChunked', () => {
  it.each(SIZES)('reads what JSON.parse reads, compact and indented, with a chunk every %i bytes', async (size) => {
    expect(await read(JSON.stringify(sarifLike), size)).toEqual([sarifLike]);
    expect(await read(JSON.stringify(sarifLike, null, 2), size)).toEqual([sarifLike]);
    expect(await read(`${JSON.stringify(sarifLike)}\n[1, {"a": [2]}]\n{}\n`, size)).toEqual([sarifLike, [1, { a: [2] }], {}]);
  });

  it.each(SIZES)('keeps "__proto__" as data with a chunk every %i bytes', async (size) => {
    const [value] = await read('{"x": [{"__proto__": {"polluted": 1}}, 2], "__proto__": {"polluted": 2}}', size);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value)).toEqual(['x', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(SIZES)('gives up on broken documents with a chunk every %i bytes (the exact parser then says where)', async (size) => {
    for (const bad of ['[1, 2,]', '{"a": [{"b": 1}{"c": 2}]}', '[,1]', '{"a": [{"b": 1} {"c": 2}]}', '{"a": [{"b": 1},, {"c": 2}]}', '{"a": 1', '[{"a": "open]', '{"a": [1}', '{"a": 1},', '"top"', '{"a" 1}']) {
      await expect(read(bad, size), bad).rejects.toBeInstanceOf(ChunkedJsonUnreadable);
    }
  });

  it('refuses nesting past the limit with the byte offset', async () => {
    const file = join(dir, 'deep.json');
    await writeFile(file, `${'['.repeat(50)}${']'.repeat(50)}`);
    const error = await readJsonChunked(file, { start: 0, maxDepth: 10, chunkBytes: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkedJsonTooDeep);
    expect((error as ChunkedJsonTooDeep).offset).toBe(10);
  });
});

const SPINE: SpineNode = { array: false, name: 'log', members: { runs: { array: true, name: 'runs', items: { array: false, name: 'run', members: { results: { array: true, sink: true, name: 'results' } } } } } };

/** The elements of every sink, as handed out (parsed here), and the top-level value. */
async function alongSpine(text: string, chunkBytes: number, maxDepth = 1000): Promise<{ items: unknown[]; value: unknown }> {
  const file = join(dir, `spine-${chunkBytes}.json`);
  await writeFile(file, text);
  const items: unknown[] = [];
  const events = readJsonAlongSpine(file, SPINE, { start: 0, maxDepth, chunkBytes });
  for (;;) {
    const next = await events.next();
    if (next.done) return { items, value: next.value };
    for (const event of next.value.events) if (event.type === 'items') items.push(...(JSON.parse(Buffer.from(event.items).toString('utf8')) as unknown[]));
  }
}

describe('readJsonAlongSpine', () => {
  it.each(SIZES)('hands out the elements of a sink as JSON.parse reads them, with a chunk every %i bytes', async (size) => {
    const { items, value } = await alongSpine(JSON.stringify(sarifLike, null, 1), size);
    expect(items).toEqual([...sarifLike.runs[0]!.results]);
    expect(value).toEqual({ ...sarifLike, runs: sarifLike.runs.map((run) => ({ ...run, results: [] })) });
  });

  it.each(SIZES)('gives up on broken elements of a sink with a chunk every %i bytes', async (size) => {
    for (const bad of ['{"runs": [{"results": [{"a": [1}]}]}', '{"runs": [{"results": [{"a": {"b": [2]]}}]}]}', '{"runs": [{"results": [{"a": [[{}]]', '{"runs": [{"results": [{"a": "x"}, {"b": ["open]}]}]}']) {
      await expect(alongSpine(bad, size), bad).rejects.toBeInstanceOf(ChunkedJsonUnreadable);
    }
  });

  it('refuses nesting past the limit inside an element of a sink, with the byte offset', async () => {
    const prefix = '{"runs": [{"results": [';
    const error = await alongSpine(`${prefix}${'['.repeat(50)}${']'.repeat(50)}]}]}`, 7, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkedJsonTooDeep);
    // The log, the runs, the run and the results are four levels: the sixth bracket inside is the eleventh.
    expect((error as ChunkedJsonTooDeep).offset).toBe(prefix.length + 6);
  });
});
