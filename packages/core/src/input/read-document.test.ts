import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, hasShared, sharedNotice } from '../../../../test-support/shared.js';
import { InputError } from '../errors.js';
import { JsonStreamParser, JsonSyntaxError } from './json-stream.js';
import { readDocument } from './read-document.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-input-'));
});

async function write(name: string, data: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
}

async function refusal(file: string, options = {}): Promise<string> {
  const error = await readDocument(file, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  const line = (error as InputError).toLine();
  expect(line.startsWith(`${file}: `)).toBe(true);
  expect(line).not.toContain('\n');
  return line;
}

/** Every path through readDocument, fast (whole file) and streaming (in chunks). */
const MODES = [
  ['whole', {}],
  ['chunked', { inMemoryBytes: 0 }],
  ['chunked, a boundary every 3 bytes', { inMemoryBytes: 0, chunkBytes: 3 }],
] as const;

describe.each(MODES)('readDocument (%s)', (_, options) => {
  it('reads JSON, JSON with a BOM, JSON with CRLF line ends, and JSON Lines', async () => {
    expect(await readDocument(await write('a.json', '{"a": [1, 2.5e3, -0.5, true, null, "x\\u00e9\\n"]}'), options)).toEqual({
      kind: 'json',
      data: { a: [1, 2500, -0.5, true, null, 'xé\n'] },
    });
    expect((await readDocument(await write('bom.json', '\uFEFF{"a": 1}'), options)).data).toEqual({ a: 1 });
    expect((await readDocument(await write('crlf.json', '{\r\n  "a": "b"\r\n}\r\n'), options)).data).toEqual({ a: 'b' });
    expect(await readDocument(await write('lines.jsonl', '{"n": 1}\r\n\r\n{"n": 2}\n'), options)).toEqual({ kind: 'jsonl', data: [{ n: 1 }, { n: 2 }] });
  });

  it('keeps "__proto__" as data, never as a prototype', async () => {
    const doc = await readDocument(await write('proto.json', '{"__proto__": {"polluted": true}}'), options);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.data)).toBe(Object.prototype);
    const nested = await readDocument(await write('proto-nested.json', '{"runs": [{"a": 1}, {"__proto__": {"polluted": true}, "b": [1, 2]}], "__proto__": [3]}'), options);
    expect(Object.getPrototypeOf(nested.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(nested.data)).toEqual(['runs', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads nested containers, escapes and multi-byte characters wherever a chunk ends', async () => {
    const value = {
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'a"b\\', rules: [] } }, results: Array.from({ length: 40 }, (_, i) => ({ ruleId: `R${i}`, message: { text: `é中😀 "q" \\ ${'x'.repeat(i)}` }, n: [i, 3 - i / 4, [], {}, [[i]]] })) },
        { tool: { driver: { name: 'b' } }, results: [] },
      ],
      numbers: Array.from({ length: 100 }, (_, i) => i * 1.5),
      empty: {},
    };
    const text = JSON.stringify(value, null, 1);
    expect((await readDocument(await write('nested.json', text), options)).data).toEqual(value);
    expect(await readDocument(await write('nested.jsonl', `${JSON.stringify(value)}\n[1,{"a":[2]}]\n`), options)).toEqual({ kind: 'jsonl', data: [value, [1, { a: [2] }]] });
  });

  it('refuses truncated JSON, saying so with the byte offset', async () => {
    expect(await refusal(await write('cut.json', '{"runs": [{"tool": {"driver": {"name": "x"'), options)).toMatch(/is truncated.*at byte \d+/);
    expect(await refusal(await write('cut-string.json', '{"a": "never closed'), options)).toMatch(/is truncated/);
  });

  it('names the byte offset of a syntax error', async () => {
    expect(await refusal(await write('bad.json', '{"a": 1,, "b": 2}'), options)).toMatch(/is not valid JSON at byte 8: expected a property name/);
    expect(await refusal(await write('trailing.json', '[1, 2,]'), options)).toMatch(/at byte 6: expected a value, found "\]"/);
    expect(await refusal(await write('leading.json', '[,1, 2]'), options)).toMatch(/at byte 1: expected a value/);
    expect(await refusal(await write('missing.json', '{"a": [{"b": 1} {"c": 2}]}'), options)).toMatch(/is not valid JSON at byte 16/);
    expect(await refusal(await write('double.json', '{"a": [{"b": 1},, {"c": 2}]}'), options)).toMatch(/is not valid JSON at byte 16/);
  });

  it('refuses 100,000 levels of nesting with the offset where the limit is passed', async () => {
    expect(await refusal(await write('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)), options)).toMatch(/nests deeper than 1000 levels at byte 1000/);
  });

  it('reads a 100 MB single string, and refuses one that is not closed', async () => {
    const big = 'x'.repeat(100 * 1024 * 1024);
    const doc = await readDocument(await write('string.json', `"${big}"`), options);
    expect((doc.data as string).length).toBe(big.length);
    expect(await refusal(await write('open-string.json', `"${big}`), options)).toMatch(/is truncated/);
  });
});

describe('readDocument refuses what is not a text report', () => {
  it('empty, white space only, binary, UTF-16, neither JSON nor XML, a directory, a missing file', async () => {
    expect(await refusal(await write('empty.json', ''))).toMatch(/: is empty$/);
    expect(await refusal(await write('blank.json', ' \n\r\n\t'))).toMatch(/is empty \(only white space\)/);
    expect(await refusal(await write('bin.json', Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe, 0x00])))).toMatch(/is a binary file/);
    expect(await refusal(await write('utf16.json', Buffer.from('\uFEFF{"a":1}', 'utf16le')))).toMatch(/is UTF-16 encoded/);
    expect(await refusal(await write('csv.json', 'a,b,c\n1,2,3\n'))).toMatch(/is neither JSON nor XML \(it starts with "a" at byte 0\)/);
    expect(await refusal(dir)).toMatch(/is a directory/);
    expect(await refusal(join(dir, 'nope.json'))).toMatch(/no such file or directory/);
  });

  it('reads XML and refuses malformed XML and entity declarations (XML bombs, XXE)', async () => {
    const doc = await readDocument(await write('ok.xml', '<?xml version="1.0"?>\n<report version="2"><item id="1">a &amp; b</item></report>'));
    expect(doc).toMatchObject({ kind: 'xml', root: 'report', data: { report: { '@_version': '2', item: { '@_id': '1', '#text': 'a & b' } } } });
    expect(await refusal(await write('bad.xml', '<report><item></report>'))).toMatch(/is not valid XML at line 1/);
    expect(await refusal(await write('bomb.xml', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><r>&b;</r>'))).toMatch(/declares XML entities/);
    expect(await refusal(await write('xxe.xml', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'))).toMatch(/declares XML entities/);
  });
});

describe('JsonStreamParser', () => {
  it('gives the same values whatever the chunk boundaries', () => {
    const text = JSON.stringify({ s: 'a"b\\c\u00e9\u4e2d😀', n: [0, -1.5e-3, 12345678901234], t: true, f: false, z: null, e: {}, a: [] });
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const parser = new JsonStreamParser();
      for (let i = 0; i < bytes.length; i += size) parser.write(bytes.subarray(i, i + size));
      expect(parser.end()).toEqual([JSON.parse(text)]);
    }
  });

  it('reports errors as JsonSyntaxError with the offset', () => {
    const parser = new JsonStreamParser();
    expect(() => parser.write(Buffer.from('{"a": tru }'))).toThrow(JsonSyntaxError);
  });
});

describe.skipIf(!hasShared)('the streaming path on the real corpus', () => {
  sharedNotice('streaming parser checks on ../shared/corpus');
  it('reads every JSON report exactly as JSON.parse does', async () => {
    const { readFile } = await import('node:fs/promises');
    const folders = ['trivy', 'semgrep', 'gitleaks', 'anchore_grype', 'snyk', 'sarif', 'npm_audit', 'cyclonedx'];
    let checked = 0;
    for (const folder of folders) {
      for (const file of corpusFiles(folder).filter((f) => /\.(json|sarif)$/.test(f))) {
        const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          continue;
        }
        expect((await readDocument(file, { inMemoryBytes: 0 })).data, file).toEqual(expected);
        expect((await readDocument(file, { inMemoryBytes: 0, chunkBytes: 4096 })).data, file).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
