import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared } from '../../../../test-support/shared.js';
import { validateSarif } from '../../../../test-support/sarif-schema.js';
import { checkSarifLog } from '../sarif/validate.js';
import { readReport } from './registry.js';
import { RegionNotes, fileLocation, lineNumber, notingRegions, regionNumbers, type RegionProblem } from './toolkit.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-toolkit-'));
});

async function write(name: string, data: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
}

describe('line and column numbers', () => {
  it('are safe whole numbers from 1, read from numbers or their text', () => {
    expect([7, '7', ' 12 ', 9007199254740991].map(lineNumber)).toEqual([7, 7, 12, 9007199254740991]);
    for (const value of [0, -5, 2.5, 1e308, 9007199254740992, NaN, Infinity, '12abc', 'x', '', true, {}, [3], null, undefined]) expect(lineNumber(value), String(value)).toBeUndefined();
  });

  it('drop what is not one, note it, and let a start line that is not one take the region with it', () => {
    const notes: RegionProblem[] = [];
    const note = (problem: RegionProblem) => notes.push(problem);
    expect(regionNumbers({ startLine: 3, endLine: '5', startColumn: 2.5, endColumn: 'x' }, note)).toEqual({ startLine: 3, endLine: 5 });
    expect(regionNumbers({ startLine: 1e308, endLine: 4, startColumn: 1 }, note)).toEqual({});
    expect(regionNumbers({ startLine: 7, endLine: 3 }, note)).toEqual({ startLine: 7 });
    expect(notes).toEqual([
      { member: 'startColumn', value: 2.5, kind: 'invalid' },
      { member: 'endColumn', value: 'x', kind: 'invalid' },
      { member: 'startLine', value: 1e308, kind: 'invalid' },
      { member: 'endLine', value: 3, kind: 'reversed', startLine: 7 },
    ]);
  });

  it('read 0, null and "" as "no line" in a tool\'s report, but as numbers SARIF cannot carry in SARIF', () => {
    const notes: RegionProblem[] = [];
    expect(regionNumbers({ startLine: 0, endLine: null, startColumn: '' }, (p) => notes.push(p), true)).toEqual({});
    expect(notes).toEqual([]);
    expect(regionNumbers({ startLine: 4, endColumn: 0 }, (p) => notes.push(p))).toEqual({ startLine: 4 });
    expect(notes).toEqual([{ member: 'endColumn', value: 0, kind: 'invalid' }]);
  });

  it('reach fileLocation\'s notes while a report is parsed, and nothing is noted outside a parse', () => {
    const notes: RegionProblem[] = [];
    const location = notingRegions(
      (p) => notes.push(p),
      () => fileLocation('a.js', { startLine: '12abc', endLine: 14 }),
    );
    expect(location).toEqual({ physicalLocation: { artifactLocation: { uri: 'a.js' } } });
    expect(notes).toEqual([{ member: 'startLine', value: '12abc', kind: 'invalid' }]);
    expect(fileLocation('a.js', { startLine: -5 })).toEqual({ physicalLocation: { artifactLocation: { uri: 'a.js' } } });
    expect(notes).toHaveLength(1);
    // Put back even when the parse throws.
    expect(() => notingRegions(() => undefined, () => { throw new Error('boom'); })).toThrow('boom');
    fileLocation('a.js', { startLine: 2.5 });
    expect(notes).toHaveLength(1);
  });

  it('keep what fileLocation kept before: an end line before the start and a span-less end column are left out', () => {
    expect(fileLocation('a.js', { startLine: 5, endLine: 3, startColumn: 4, endColumn: 2 })?.physicalLocation?.region).toEqual({ startLine: 5, startColumn: 4 });
    expect(fileLocation('a.js', { startLine: 5, endLine: 6, startColumn: 4, endColumn: 2 })?.physicalLocation?.region).toEqual({ startLine: 5, endLine: 6, startColumn: 4, endColumn: 2 });
    expect(fileLocation('a.js', { startLine: '5', snippet: 'x' })?.physicalLocation?.region).toEqual({ startLine: 5, snippet: { text: 'x' } });
  });

  it('are warned of once per kind, with a count and the first few, never echoing a long value', () => {
    const notes = new RegionNotes();
    for (let i = 0; i < 1200; i++) notes.add({ member: 'startLine', value: -i - 1, kind: 'invalid' });
    notes.add({ member: 'endColumn', value: 'y'.repeat(100_000), kind: 'invalid' });
    expect(notes.lines()).toEqual([
      '1200 start lines are not line numbers (startLine -1, startLine -2, startLine -3, …); left those findings without a line (they keep their files)',
      'endColumn "yyyyyyyyyyyyyyyyyyyyyyyy…" is not a line or column number; dropped it',
    ]);
  });
});

describe('reports whose line numbers are not ones', () => {
  const semgrep = (lines: unknown[]) =>
    JSON.stringify({
      version: '1.50.0',
      errors: [],
      results: lines.map((line, i) => ({ check_id: `rule-${i}`, path: 'src/a.js', start: { line, col: 1 }, end: { line, col: 2 }, extra: { message: 'm', severity: 'ERROR', metadata: {} } })),
    }).replace('"__1e308__"', '1e308');

  async function converts(file: string, format?: string): Promise<string[]> {
    const report = await readReport(file, format);
    // Nothing we write is refused when read back, by our check or by the official schema.
    expect(() => checkSarifLog(JSON.parse(JSON.stringify(report.log)), file)).not.toThrow();
    if (hasShared) expect(validateSarif(JSON.parse(JSON.stringify(report.log))).errors).toEqual([]);
    return report.warnings;
  }

  it('convert, leaving the findings without a line and saying so once (JSON)', async () => {
    const file = await write('semgrep.json', semgrep(['__1e308__', -5, 2.5, 'x', '12abc', 3]));
    const report = await readReport(file);
    expect(report.log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.region?.startLine)).toEqual([undefined, undefined, undefined, undefined, undefined, 3]);
    expect(await converts(file)).toEqual([
      '5 start lines are not line numbers (startLine 1e+308, startLine -5, startLine 2.5, …); left those findings without a line (they keep their files)',
    ]);
  });

  it('convert from XML attributes (cppcheck)', async () => {
    const file = await write(
      'cppcheck.xml',
      '<?xml version="1.0"?><results version="2"><cppcheck version="2.10"/><errors><error id="nullPointer" severity="error" msg="m" verbose="m" cwe="476" file0="a.c"><location file="a.c" line="1e308" column="-1"/></error></errors></results>',
    );
    expect(await converts(file)).toEqual(['startLine "1e308" is not a line number; left the finding without a line (it keeps its file)']);
  });

  it('convert from ShellCheck, whose regions are built without fileLocation', async () => {
    const file = await write('shellcheck.json', JSON.stringify({ comments: [{ file: 'a.sh', line: 7, endLine: 3, column: 2.5, endColumn: 4, level: 'warning', code: 2164, message: 'm' }] }));
    const report = await readReport(file);
    expect(report.log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 7, endColumn: 4 });
    expect(await converts(file)).toEqual([
      'startColumn 2.5 is not a line or column number; dropped it',
      'endLine 3 is before startLine 7; dropped the end line',
    ]);
  });
});
