import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistoryLine, readHistoryFile } from './file.js';
import type { HistoryLine } from './line.js';

const line = (time: string): HistoryLine => ({
  v: 1,
  time,
  repo: 'acme/web',
  stage: 'commit',
  verdict: 'pass',
  baseline: false,
  counts: { total: 0, byPriority: {}, byCategory: {}, byScanner: {} },
  new: 0,
  fixed: 0,
  waived: 0,
  scanners: [],
  findings: { new: [], fixed: [], waived: [] },
});

describe('the history file', () => {
  it('is made by the first line, grows by one line per run, and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-history-file-'));
    const file = join(dir, 'deep', 'history.jsonl');
    await appendHistoryLine(file, line('2026-11-01T10:00:00.000Z'));
    await appendHistoryLine(file, line('2026-11-02T10:00:00.000Z'));
    const read = await readHistoryFile(file);
    expect(read.lines.map((l) => l.time)).toEqual(['2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z']);
    expect(read.skipped).toEqual([]);
    expect(await readdir(join(dir, 'deep'))).toEqual(['history.jsonl']);
  });

  it('after a truncated last line, the new line starts a line of its own: only the broken one is skipped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-history-file-'));
    const file = join(dir, 'history.jsonl');
    await writeFile(file, `${JSON.stringify(line('2026-11-01T10:00:00.000Z'))}\n${JSON.stringify(line('2026-11-02T10:00:00.000Z')).slice(0, 40)}`);
    await appendHistoryLine(file, line('2026-11-03T10:00:00.000Z'));
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(4);
    const read = await readHistoryFile(file, 'history.jsonl');
    expect(read.lines.map((l) => l.time)).toEqual(['2026-11-01T10:00:00.000Z', '2026-11-03T10:00:00.000Z']);
    expect(read.skipped).toEqual([{ file: 'history.jsonl', line: 2, problem: expect.stringMatching(/^not valid JSON .*truncated or corrupt$/) }]);
  });
});
