import { describe, expect, it } from 'vitest';
import { prettyJson } from './json-text.js';

const joined = (value: unknown, batch?: number) => [...prettyJson(value, batch)].join('');

describe('prettyJson', () => {
  const awkward = {
    empty: {},
    none: [],
    gone: undefined,
    fn: () => 1,
    when: new Date(Date.UTC(2026, 10, 30)),
    own: { toJSON: () => ({ replaced: true }) },
    text: 'two\nlines "quoted" \u2028 and </script>',
    numbers: [1, -0, Number.NaN, Infinity, 1e21, 0.1],
    holes: [undefined, () => 1, null, [[]], [{}], { a: [{ b: [undefined] }] }],
    nested: { a: { b: { c: { d: { e: [1, { f: 'g' }] } } } } },
    unicode: 'é 😀 \ud800',
  };

  it('writes what JSON.stringify(value, null, 2) writes, whatever the batch', () => {
    for (const batch of [1, 2, 3, 1000]) expect(joined(awkward, batch)).toBe(JSON.stringify(awkward, null, 2));
    const values = [[], {}, null, 'x', 3, [undefined], { a: undefined }, { a: undefined, b: 1 }, { a: () => 1 }, [awkward, awkward], { list: [awkward, undefined, awkward] }, { toJSON: () => [1] }, new Date(0)];
    for (const value of values) for (const batch of [1, 2]) expect(joined(value, batch)).toBe(JSON.stringify(value, null, 2));
    expect(joined(undefined)).toBe(String(JSON.stringify(undefined)));
  });

  it('hands a long array over in batches, the same text joined', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ id: `finding-${i}`, message: 'x'.repeat(100), locations: [{ uri: `src/${i}.js`, line: i }] }));
    const report = { version: '1', findings, fixed: [] };
    const pieces = [...prettyJson(report, 1000)];
    // The opening and the version, twenty batches, the closing of the array, the empty fixed, the end.
    expect(pieces.length).toBe(2 + 20 + 1 + 2);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(300_000);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
