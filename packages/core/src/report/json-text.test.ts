import { describe, expect, it } from 'vitest';
import { prettyJson } from './json-text.js';

const joined = (value: unknown, depth?: number) => [...prettyJson(value, depth)].join('');

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

  it('writes what JSON.stringify(value, null, 2) writes, at every depth it walks', () => {
    for (const depth of [0, 1, 2, 3, 6, 20]) expect(joined(awkward, depth)).toBe(JSON.stringify(awkward, null, 2));
    for (const value of [[], {}, null, 'x', 3, [undefined], { a: undefined }, [awkward, awkward]]) expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('hands a large document over in pieces of about a megabyte, the same text joined', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ id: `finding-${i}`, message: 'x'.repeat(100), locations: [{ uri: `src/${i}.js`, line: i }] }));
    const report = { version: '1', findings, fixed: [] };
    const pieces = [...prettyJson(report)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(0, -1).every((piece) => piece.length >= 1024 * 1024 && piece.length < 1024 * 1024 + 4096)).toBe(true);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
