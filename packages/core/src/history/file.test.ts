import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistoryLine, readHistoryFile } from './file.js';
import type { HistoryLine } from './line.js';
import { loadTrendHistory, trendOf } from './record.js';

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

  it('read for the trend, a line keeps when, where and its counts: its findings are neither kept nor checked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-history-file-'));
    const file = join(dir, 'history.jsonl');
    const snapshot = (time: string, fp: unknown): HistoryLine =>
      ({ ...line(time), branch: 'main', counts: { total: 2, byPriority: { P1: 2 }, byCategory: { sast: 2 }, byScanner: { semgrep: 2 } }, new: 2, findings: { new: [{ fp, p: 'P1', c: 'sast', s: 'semgrep', r: 'x' }], fixed: [], waived: [] } }) as HistoryLine;
    await writeFile(file, [snapshot('2026-11-01T10:00:00.000Z', 'a'.repeat(32)), snapshot('2026-11-02T10:00:00.000Z', 42), { ...line('2026-11-03T10:00:00.000Z'), counts: 'none' }].map((l) => JSON.stringify(l)).join('\n'));
    const warnings: string[] = [];
    const read = await loadTrendHistory({ file, shown: 'history.jsonl' }, (message) => warnings.push(message));
    // The second line's finding is malformed, which the trend does not read; the third line's counts are.
    expect(read.lines.map((l) => Object.keys(l).sort())).toEqual([
      ['branch', 'counts', 'repo', 'stage', 'time', 'v'],
      ['branch', 'counts', 'repo', 'stage', 'time', 'v'],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^history\.jsonl:3: not a Pipewarden history line: counts: /)]);
    expect(trendOf(read.lines, 'acme/web', 'commit')).toEqual([
      { date: '2026-11-01T10:00:00.000Z', byPriority: { P1: 2 } },
      { date: '2026-11-02T10:00:00.000Z', byPriority: { P1: 2 } },
    ]);
    // The whole reader (metrics, the dashboard) still refuses the malformed finding.
    expect((await readHistoryFile(file)).skipped.map((s) => s.line)).toEqual([2, 3]);
  });
});

