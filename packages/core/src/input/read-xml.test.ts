// The parsing half of readDocument for XML: how deep it reads, and what names it reads (issue 22, 3a).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_DEPTH } from './json-stream.js';
import { readDocument } from './read-document.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-xml-'));
});

async function write(name: string, data: string): Promise<string> {
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

const nested = (name: string, depth: number) => `${`<${name}>`.repeat(depth)}x${`</${name}>`.repeat(depth)}`;

describe('XML nesting', () => {
  it('reads exactly as deep as JSON (one limit for our count and the parser\'s), and refuses one level more with the byte', async () => {
    // fast-xml-parser's own default stops at 101 levels: reading 1000 shows its limit is ours.
    const deepest = await readDocument(await write('deepest.xml', nested('a', DEFAULT_MAX_DEPTH)));
    let node = deepest.data as Record<string, unknown>;
    let depth = 0;
    while (typeof node === 'object' && 'a' in node) {
      node = node.a as Record<string, unknown>;
      depth++;
    }
    expect([depth, node]).toEqual([DEFAULT_MAX_DEPTH, 'x']);
    expect(await refusal(await write('one-more.xml', nested('a', DEFAULT_MAX_DEPTH + 1)))).toMatch(new RegExp(`nests deeper than ${DEFAULT_MAX_DEPTH} levels at byte ${3 * DEFAULT_MAX_DEPTH}$`));
  });

  it('takes its limit from maxDepth, for the count and the parser alike', async () => {
    expect((await readDocument(await write('five.xml', nested('a', 5)), { maxDepth: 5 })).kind).toBe('xml');
    expect(await refusal(await write('six.xml', nested('a', 6)), { maxDepth: 5 })).toMatch(/nests deeper than 5 levels at byte 15$/);
    // Between the parser's default (101) and ours: once an internal error with a stack.
    expect((await readDocument(await write('150.xml', nested('a', 150)))).kind).toBe('xml');
  });

  it('refuses a depth bomb of 100,000 elements without building it', async () => {
    expect(await refusal(await write('bomb.xml', `<?xml version="1.0"?>${nested('a', 100_000)}`))).toMatch(/nests deeper than 1000 levels at byte 3021$/);
  }, 60_000);

  it('counts elements of any script, and not the tag-like text of comments and CDATA', async () => {
    expect(await refusal(await write('deep-names.xml', nested('名前', 100_000)))).toMatch(/nests deeper than 1000 levels at byte 8000$/);
    // HTML in CDATA (Burp, ZAP) has unclosed <br>s by the thousand: text, not nesting.
    const html = `<report><issue><detail><![CDATA[${'<p>a<br>'.repeat(3000)}]]></detail><!-- ${'<b>'.repeat(3000)} --></issue></report>`;
    expect(await readDocument(await write('cdata.xml', html))).toMatchObject({ kind: 'xml', root: 'report' });
    // A ">" or "/>" inside a quoted attribute value neither closes the tag nor makes it empty.
    expect(await refusal(await write('quoted.xml', `${'<a t="x/>y">'.repeat(3)}${'</a>'.repeat(3)}`), { maxDepth: 2 })).toMatch(/nests deeper than 2 levels at byte 24$/);
  });
});

describe('XML names', () => {
  it('reads element and attribute names that are not ASCII as they are', async () => {
    const doc = await readDocument(await write('names.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<rapport version="1"><é a="1">x</é><名前 属性="値"/><ns:ñandú>y</ns:ñandú></rapport>'));
    expect(doc).toEqual({ kind: 'xml', root: 'rapport', data: { rapport: { '@_version': '1', é: { '@_a': '1', '#text': 'x' }, 名前: { '@_属性': '値' }, ñandú: 'y' } } });
    expect(await readDocument(await write('root.xml', '<名前><子>x</子></名前>'))).toEqual({ kind: 'xml', root: '名前', data: { 名前: { 子: 'x' } } });
  });

  it('refuses names XML does not allow, and names of JavaScript\'s object internals, with one line', async () => {
    expect(await refusal(await write('emoji.xml', '<r><😀>x</😀></r>'))).toMatch(/is not valid XML at line 1, column \d+: Tag '😀' is an invalid name/);
    expect(await refusal(await write('digit.xml', '<r><1a>x</1a></r>'))).toMatch(/is not valid XML at line 1/);
    expect(await refusal(await write('ctor.xml', '<r><constructor>1</constructor></r>'))).toMatch(/names an element or attribute "constructor", which is refused/);
    expect(await refusal(await write('proto.xml', '<r><__proto__><polluted>1</polluted></__proto__></r>'))).toMatch(/names an element or attribute "__proto__", which is refused/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
