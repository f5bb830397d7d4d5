import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../fixtures.js';
import { readLockYaml } from './lock-yaml.js';
import { yamlKeyLines } from './yaml-positions.js';

/** The fast reader keeps scalars as written; the YAML library turns some into numbers. */
function asWritten(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(asWritten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)]));
  return value;
}

describe('readLockYaml', () => {
  const samples = [
    ...fixtureFiles('npm/pnpm-v9'),
    ...fixtureFiles('npm/pnpm-v6'),
    ...fixtureFiles('npm/berry').filter((f) => f.path === 'yarn.lock'),
    {
      path: 'pnpm-lock.yaml (this repository)',
      text: readFileSync(fileURLToPath(new URL('../../../../../pnpm-lock.yaml', import.meta.url)), 'utf8'),
    },
  ];

  it.each(samples.map((s) => [s.path, s.text]))('reads %s as the YAML library does, with the same key lines', (_path, text) => {
    const fast = readLockYaml(text);
    expect(fast).toBeDefined();
    expect(fast!.data).toEqual(asWritten(parse(text)));
    expect(fast!.lines).toEqual(yamlKeyLines(text));
  });

  it('declines what it does not read, so that the full parser decides', () => {
    expect(readLockYaml('a: &x 1\nb: *x\n')).toBeUndefined();
    expect(readLockYaml('a: |\n  text\n')).toBeUndefined();
    expect(readLockYaml('a:\n\tb: 1\n')).toBeUndefined();
    expect(readLockYaml('a: [1, 2\n')).toBeUndefined();
    expect(readLockYaml("a: 'open\n")).toBeUndefined();
    expect(readLockYaml('a:\n  - name: x\n')).toBeUndefined();
    expect(readLockYaml('  a: 1\nb: 2\n')).toBeUndefined();
    expect(readLockYaml('just text\n')).toBeUndefined();
  });

  it('reads sequences, flow collections, booleans and nulls', () => {
    expect(readLockYaml("a:\n  - x\n  - 'y z'\nb: {c: 1, 'd': [e, f]}\ng: true\nh:\ni: ~\n")?.data).toEqual({
      a: ['x', 'y z'],
      b: { c: '1', d: ['e', 'f'] },
      g: true,
      h: null,
      i: null,
    });
  });
});
