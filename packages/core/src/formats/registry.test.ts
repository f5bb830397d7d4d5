import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { detectFormat, formats, readReport } from './registry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-formats-'));
});

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function failure(file: string, format?: string): Promise<InputError> {
  const error = await readReport(file, format).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('format registry', () => {
  it('registers each format once, by a unique id', () => {
    const ids = formats.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['sarif', 'shellcheck']));
  });

  it('detects by content, not by file name', async () => {
    const file = await write('report.txt', JSON.stringify({ version: '2.1.0', runs: [] }));
    expect((await readReport(file)).format).toBe('sarif');
    const sc = await write('results.sarif', JSON.stringify({ comments: [{ file: 'a.sh', line: 1, column: 1, level: 'info', code: 2086, message: 'm' }] }));
    expect((await readReport(sc)).format).toBe('shellcheck');
  });

  it('refuses an unknown document, naming the known formats and --format', () => {
    expect(() => detectFormat({ kind: 'json', data: { hello: 'world' } }, 'odd.json')).toThrow(/unknown report format \(\d+ formats are known, see `pipewarden formats`\); name it with --format ID/);
  });

  it('refuses an ambiguous document, naming the candidates', () => {
    expect(() => detectFormat({ kind: 'json', data: { SchemaVersion: 2, Results: [], bomFormat: 'CycloneDX' } }, 'both.json')).toThrow(
      /ambiguous report format: could be trivy or cyclonedx; name it with --format ID/,
    );
  });

  it('refuses truncated, malformed, empty files and directories with the file named', async () => {
    const truncated = await failure(await write('cut.sarif', '{"version": "2.1.0", "runs": [{"tool": {"driver": {"na'));
    expect(truncated.toLine()).toMatch(/cut\.sarif: is truncated/);
    const malformed = await failure(await write('bad.json', '{"version": 2.1.0}'));
    expect(malformed.toLine()).toMatch(/bad\.json: is not valid JSON/);
    expect((await failure(await write('empty.json', '  \n'))).toLine()).toMatch(/empty\.json: is empty/);
    await mkdir(join(dir, 'folder.sarif'));
    expect((await failure(join(dir, 'folder.sarif'))).toLine()).toMatch(/folder\.sarif: is a directory/);
    expect((await failure(join(dir, 'missing.sarif'))).toLine()).toMatch(/missing\.sarif: no such file or directory/);
  });

  it('takes --format over detection and refuses an unknown format id', async () => {
    const file = await write('x.json', JSON.stringify({ version: '2.1.0', runs: [] }));
    await expect(readReport(file, 'shellcheck')).rejects.toThrow(/is not valid ShellCheck JSON/);
    await expect(readReport(file, 'nope')).rejects.toThrow(/unknown format "nope"/);
  });
});

describe('hostile shapes', () => {
  it('every format, given a document of the right outline but wrong types, parses it or refuses it with an InputError', async () => {
    const shapes: unknown[] = [
      { results: [{ check_id: 7, extra: 'x', path: {} }], errors: [] },
      { matches: [{ vulnerability: [], artifact: 'x' }] },
      { Results: [{ Target: 1, Vulnerabilities: 'nope', Misconfigurations: [null] }], SchemaVersion: 2 },
      { vulnerabilities: [{ identifiers: 'x', location: 5, severity: {} }], scan: { type: 'sast', scanner: 'x' } },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: 'no' }] }] },
      [{ RuleID: {}, File: [], StartLine: 'x' }],
      { bomFormat: 'CycloneDX', vulnerabilities: [{ ratings: 'x', affects: 3 }], components: 'x' },
      { data: { repository: { vulnerabilityAlerts: { nodes: [{ securityVulnerability: 'x' }] } } } },
    ];
    let refused = 0;
    for (const [i, data] of shapes.entries()) {
      const file = await write(`hostile-${i}.json`, JSON.stringify(data));
      for (const format of formats) {
        const outcome = await readReport(file, format.id).then(
          () => 'parsed',
          (error: unknown) => error,
        );
        if (outcome !== 'parsed') {
          expect(outcome, `${format.id} on shape ${i}`).toBeInstanceOf(InputError);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(shapes.length);
  });
});
