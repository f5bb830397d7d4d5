import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hexWords, KeyTable } from './key-table.js';

const digest = (i: number) => createHash('sha256').update(String(i)).digest('hex').slice(0, 32);

describe('KeyTable', () => {
  it('counts each key as a Map of its hex digits would, across growth', () => {
    const table = new KeyTable();
    const expected = new Map<string, number>();
    const words = new Uint32Array(4);
    // 5,000 distinct keys, each seen one to three times, interleaved: the table grows several times.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5000; i++) {
        if (round > i % 3) continue;
        const key = digest(i);
        hexWords(key, words, 0);
        const n = (expected.get(key) ?? 0) + 1;
        expected.set(key, n);
        expect(table.next(words, 0)).toBe(n);
      }
    }
  });

  it('tells apart keys that share their first words (filed in the same slot)', () => {
    const table = new KeyTable();
    const keys = [
      [7, 1, 2, 3],
      [7, 1, 2, 4],
      [7, 9, 2, 3],
      [7 + 1024, 1, 2, 3],
    ].map((key) => Uint32Array.from(key));
    expect(keys.map((key) => table.next(key, 0))).toEqual([1, 1, 1, 1]);
    expect(keys.map((key) => table.next(key, 0))).toEqual([2, 2, 2, 2]);
    // A key read at an offset in a larger array.
    const batch = Uint32Array.from([0, 0, 0, 0, 7, 1, 2, 4]);
    expect(table.next(batch, 4)).toBe(3);
  });
});
