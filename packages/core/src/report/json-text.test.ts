import { describe, expect, it } from 'vitest';
import { LazyArray, eagerList, lazyList, reportJson } from './json-text.js';

const joined = (value: unknown, batch?: number) => [...reportJson(value, batch)].join('');

describe('reportJson', () => {
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

  it('reads back as the same value JSON.stringify writes, whatever the batch', () => {
    for (const batch of [1, 2, 3, 1000]) expect(JSON.parse(joined(awkward, batch))).toEqual(JSON.parse(JSON.stringify(awkward)));
    const values = [[], {}, null, 'x', 3, [undefined], { a: undefined }, { a: undefined, b: 1 }, { a: () => 1 }, [awkward, awkward], { list: [awkward, undefined, awkward] }, { toJSON: () => [1] }, new Date(0)];
    for (const value of values) for (const batch of [1, 2]) expect(joined(value, batch)).toBe(plainObject(value) ? expectedLayout(value) : JSON.stringify(value, null, 2));
    expect(joined(undefined)).toBe(String(JSON.stringify(undefined)));
  });

  it('indents the top level and lists each item of a top-level array on a line of its own', () => {
    const text = joined({ version: '1', counts: { total: 2 }, findings: [{ id: 'a', at: [1, 2] }, { id: 'b' }], fixed: [] });
    expect(text).toBe('{\n  "version": "1",\n  "counts": {\n    "total": 2\n  },\n  "findings": [\n    {"id":"a","at":[1,2]},\n    {"id":"b"}\n  ],\n  "fixed": []\n}');
  });

  it('writes a lazy array as the array it stands for, making each item only as its batch is written', () => {
    const source = Array.from({ length: 1000 }, (_, i) => i);
    let made = 0;
    const make = (i: number) => {
      made++;
      return i % 7 ? { n: i, text: `item ${i} "quoted"` } : undefined;
    };
    const lazy = { version: '1', findings: lazyList(source, make), none: lazyList([], make) };
    const eager = { version: '1', findings: eagerList(source, make), none: eagerList([], make) };
    made = 0;
    const pieces = reportJson(lazy, 100);
    pieces.next();
    pieces.next();
    // The head and the array's opening are out, no item made yet; then one batch of 100.
    expect(made).toBe(0);
    pieces.next();
    expect(made).toBe(100);
    expect([...reportJson(lazy, 100)].join('')).toBe([...reportJson(eager, 100)].join(''));
    expect(lazy.findings).toBeInstanceOf(LazyArray);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it('hands a long array over in batches, one line per item', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ id: `finding-${i}`, message: 'x'.repeat(100), locations: [{ uri: `src/${i}.js`, line: i }] }));
    const report = { version: '1', findings, fixed: [] };
    const pieces = [...reportJson(report, 1000)];
    // The opening and the version, twenty batches, the closing of the array, the empty fixed, the end.
    expect(pieces.length).toBe(2 + 20 + 1 + 2);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(300_000);
    const text = pieces.join('');
    expect(JSON.parse(text)).toEqual(report);
    expect(text.split('\n').filter((line) => line.startsWith('    {"id":"finding-')).length).toBe(20_000);
  });
});

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The layout spelled out member by member, independently of the generator. */
function expectedLayout(value: Record<string, unknown>): string {
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function') continue;
    if (Array.isArray(member)) members.push(`  ${JSON.stringify(key)}: ${member.length ? `[\n${member.map((item) => `    ${JSON.stringify(item) ?? 'null'}`).join(',\n')}\n  ]` : '[]'}`);
    else members.push(`  ${JSON.stringify(key)}: ${JSON.stringify(member, null, 2).replace(/\n/g, '\n  ')}`);
  }
  return members.length ? `{\n${members.join(',\n')}\n}` : '{}';
}
