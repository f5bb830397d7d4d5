import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-atomic.js';
import { sarifText } from './write-log.js';
import type { Log } from './types.js';

const big: Log = {
  version: '2.1.0',
  runs: [
    { tool: { driver: { name: 'A' } }, results: Array.from({ length: 30_000 }, (_, i) => ({ ruleId: `R${i % 7}`, message: { text: `finding ${i} ${'é€😀'.repeat(i % 20)}` } })) },
    { tool: { driver: { name: 'B' } }, invocations: [{ executionSuccessful: false }] },
    { tool: { driver: { name: 'C' } }, results: [] },
  ],
  properties: { note: 'kept' },
};

describe('sarifText', () => {
  it('streams a log in chunks that parse back to the same log, one result per line', () => {
    const chunks = [...sarifText(big)];
    expect(chunks.length).toBeGreaterThan(1);
    // Whole results per chunk: each decodes alone (stdout gets them as text), multi-byte characters included.
    for (const chunk of chunks) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(chunk)).not.toThrow();
    const text = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(text)).toEqual(big);
    expect(text.split('\n').filter((line) => line.startsWith('{"ruleId"'))).toHaveLength(30_000);
  });

  it('leaves a run without results without them (the tool did not analyse), not with an empty list', () => {
    const back = JSON.parse(Buffer.concat([...sarifText(big)]).toString('utf8')) as Log;
    expect(back.runs[1]).not.toHaveProperty('results');
    expect(back.runs[2]!.results).toEqual([]);
  });

  it('is written through writeFileAtomic as chunks, with no temp file left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-write-log-'));
    await writeFileAtomic(join(dir, 'out.sarif'), sarifText(big));
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'))).toEqual(big);
    expect(readdirSync(dir)).toEqual(['out.sarif']);
  });

  it('writes any mix of text pieces and bytes, small or large, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-write-log-'));
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 5000; i++) pieces.push(i % 7 === 0 ? Buffer.from(`<${i}é>`) : i % 500 === 0 ? `${'x'.repeat(300_000)}${i}` : `[${i}€😀]`);
    await writeFileAtomic(join(dir, 'mixed.txt'), pieces);
    const expected = pieces.map((piece) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'))).join('');
    expect(readFileSync(join(dir, 'mixed.txt'), 'utf8') === expected).toBe(true);
  });

  it('leaves nothing when the target cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-write-log-'));
    await expect(writeFileAtomic(join(dir, 'out.sarif', 'deeper'), sarifText(big))).resolves.toBeUndefined();
    await expect(writeFileAtomic(join(dir, 'out.sarif'), sarifText(big))).rejects.toThrow('cannot write');
    expect(readdirSync(dir)).toEqual(['out.sarif']);
  });
});
