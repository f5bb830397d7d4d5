import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { sarifText } from '../sarif/write-log.js';
import { convertReports, convertReportsTo } from './convert.js';

// The streamed convert must give what the whole-document path gives, byte for byte, or leave the log to it.
// Every case runs both paths on the same file in the same folder (real source files, a real secret key) and
// compares the bytes, at chunk sizes that put chunk boundaries everywhere.

type Obj = Record<string, unknown>;
let dir: string;
const secrets = { key: 'test-key-0123456789abcdef0123456789' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-convert-stream-'));
  await mkdir(join(dir, 'src'));
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'src', 'app.js'), 'const a = 1;\nquery("SELECT " + input);\n  query( "SELECT " +input );\nconst password = "changeme";\nconst token = "hunter2-real-value";\n');
  await writeFile(join(dir, 'README.md'), '# Setup\n\nexport API_TOKEN=s3cr3t-example-value\n');
});

const rules = [
  { id: 'sql', shortDescription: { text: 'SQL injection' }, properties: { tags: ['security', 'external/cwe/cwe-89'], 'security-severity': '8.8' } },
  { id: 'secret', shortDescription: { text: 'Hardcoded secret' }, properties: { tags: ['secret', 'external/cwe/cwe-798'], 'security-severity': '9.1' } },
];
const at = (uri: string, startLine?: number, extra: Obj = {}) => ({ physicalLocation: { artifactLocation: { uri }, ...(startLine ? { region: { startLine, ...extra } } : {}) } });

function results(n: number, tool = 'A'): Obj[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: i % 5 === 4 ? 'secret' : 'sql',
    ...(i % 3 === 0 ? { ruleIndex: 7 } : {}),
    level: ['error', 'warning', 'note'][i % 3],
    message: { text: `Finding ${i} of ${tool}: é中😀 "quoted" \\ line ${i}` },
    locations: [i % 7 === 0 ? at('src/app.js', 2 + (i % 3)) : i % 7 === 1 ? at('src/missing.js', 3) : i % 7 === 2 ? at('../outside.js', 1) : i % 7 === 3 ? at('README.md', 3) : at(`src/app.js`, 4, { snippet: { text: 'const password = "changeme";' } })],
    ...(i % 4 === 0 ? { properties: { tags: ['x'], __proto__: { polluted: true } } } : {}),
    ...(i % 6 === 0 ? { relatedLocations: [at('file:///etc/passwd')] } : {}),
  }));
}

function log(runs: Obj[], top: Obj = {}): Obj {
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs, ...top };
}

const run = (name: string, n: number, extra: Obj = {}): Obj => ({ tool: { driver: { name, rules } }, results: results(n, name), ...extra });

let counter = 0;
async function both(document: Obj | string, chunkBytes: number, format?: string) {
  const file = join(dir, `in-${++counter}.sarif`);
  await writeFile(file, typeof document === 'string' ? document : JSON.stringify(document));
  const reports = [{ file, format }];
  const wholeWarnings: string[] = [];
  const whole = await convertReports({ reports, baseDir: dir, secrets, warn: (m) => wholeWarnings.push(m) }).then(
    (converted) => Buffer.concat([...sarifText(converted)]).toString('utf8'),
    (error: unknown) => error as Error,
  );
  const out = join(dir, `out-${counter}.sarif`);
  const streamWarnings: string[] = [];
  const converted = await convertReportsTo({ reports, baseDir: dir, secrets, warn: (m) => streamWarnings.push(m), streamBytes: 0, chunkBytes }, out).catch((error: unknown) => error as Error);
  const stream = converted instanceof Error ? converted : await readFile(out, 'utf8');
  return { whole, stream, converted, wholeWarnings, streamWarnings, out };
}

const CHUNKS = [7, 61, 1024, 1 << 20];

describe('convert as the log is read', () => {
  const streamable: [string, Obj | string][] = [
    ['one run', log([run('A', 40)])],
    ['several runs of one tool and of others (occurrences count on across runs)', log([run('A', 30), run('A', 30), run('B', 5)])],
    ['runs without results, with results null or empty', log([{ tool: { driver: { name: 'A' } } }, { tool: { driver: { name: 'A', rules } }, results: null }, run('A', 0), run('A', 3)])],
    ['members after the results (invocations naming files, automation details), the report named in new properties', log([run('A', 12, { invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ message: { text: 'x' }, locations: [at(`file://${'/x'}/src/app.js`)] }] }], automationDetails: { id: 'ci/1' } })])],
    ['properties and artifacts before the results', log([{ tool: { driver: { name: 'Semgrep', rules } }, properties: { note: 'kept' }, artifacts: [{ location: { uri: 'src/app.js' } }], results: results(9) }])],
    ['results by rule index only, a driver without rules, duplicate rules', log([{ tool: { driver: { name: 'A', rules: [...rules, rules[0]] } }, results: [{ ruleIndex: 1, message: { text: 'by index' } }, { message: { text: 'no rule' } }] }, { tool: { driver: { name: 'C' } }, results: [{ message: { text: 'nothing' } }] }])],
    ['log members after the runs, newline sequences repeated', `\uFEFF  ${JSON.stringify({ runs: [{ newlineSequences: ['\n', '\n'], ...run('A', 4) }], version: '2.1.0', properties: { x: 1 } }, null, 2)}`],
    ['a finding met more than nine times (occurrence numbers of two digits), of code and without a file', log([{ tool: { driver: { name: 'D', rules } }, results: Array.from({ length: 25 }, (_, i) => ({ ruleId: 'sql', message: { text: 'same' }, locations: [i % 2 ? at('src/app.js', 2) : at('gone/x.js', 9)] })) }])],
    ['a log with no runs', log([])],
    ['runs null', { version: '2.1.0', runs: null }],
  ];

  it.each(CHUNKS)('gives the same bytes as the whole path, streamed, with a chunk every %i bytes', async (chunkBytes) => {
    for (const [name, document] of streamable) {
      const { whole, stream, converted, wholeWarnings, streamWarnings } = await both(document, chunkBytes);
      expect(whole, name).not.toBeInstanceOf(Error);
      expect(stream, name).toBe(whole);
      expect(streamWarnings, name).toEqual(wholeWarnings);
      expect(converted, name).toMatchObject({ streamed: true });
    }
  });

  it('writes occurrence numbers of two digits and more as the whole path does', async () => {
    const same = Array.from({ length: 120 }, () => ({ ruleId: 'sql', message: { text: 'same' }, locations: [at('src/app.js', 2)] }));
    const { whole, stream, converted } = await both(log([{ tool: { driver: { name: 'D', rules } }, results: same }]), 1024);
    expect(converted).toMatchObject({ streamed: true });
    expect(stream).toBe(whole);
    expect(stream).toMatch(/:9"/);
    expect(stream).toMatch(/:120"/);
  });

  const leftToWholePath: [string, Obj | string, string | RegExp][] = [
    ['results before their tool', log([{ results: results(3), tool: { driver: { name: 'A', rules } } }]), 'before its tool'],
    ['a rule named only by a result', log([{ tool: { driver: { name: 'A', rules } }, results: [...results(3), { ruleId: 'unlisted', message: { text: 'x' } }] }]), 'does not list'],
    ['a secret value in a message (masked everywhere, in earlier results too)', log([{ tool: { driver: { name: 'A', rules } }, results: [...results(3), { ruleId: 'sql', message: { text: `token ghp_${'a1B2'.repeat(9)} leaked` } }] }]), 'masked everywhere'],
    ['a result the reader repairs (a warning)', log([{ tool: { driver: { name: 'A', rules } }, results: [...results(3), { ruleId: 'sql', level: 'info', message: { text: 'x' } }] }]), 'does not pass'],
    ['properties after the results', log([{ tool: { driver: { name: 'A', rules } }, results: results(3), properties: { 'pipewarden/category': 'secrets' } }]), 'properties comes after'],
    ['a run named twice', `{"version":"2.1.0","runs":[${JSON.stringify(run('A', 2))}],"runs":[${JSON.stringify(run('B', 2))}]}`, 'named twice'],
    ['results named twice', `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"A"}},"results":[{"message":{"text":"a"}}],"results":null}]}`, 'named twice'],
    ['a run that is not an object', `{"version":"2.1.0","runs":[${JSON.stringify(run('A', 2))},null]}`, 'not an object'],
    ['another format', { SchemaVersion: 2, ArtifactName: 'app', Results: [] }, /no runs|does not pass/],
    ['another SARIF version', { version: '2.0.0', runs: [run('A', 2)] }, 'does not pass'],
    ['an artifact with contents', log([{ tool: { driver: { name: 'A', rules } }, artifacts: [{ location: { uri: 'src/app.js' }, contents: { text: 'x' } }], results: results(3) }]), 'contents'],
  ];

  it.each(CHUNKS)('leaves a log to the whole path when its order or shape needs it, with the same bytes and warnings (chunk %i)', async (chunkBytes) => {
    for (const [name, document, why] of leftToWholePath) {
      const { whole, stream, converted, wholeWarnings, streamWarnings } = await both(document, chunkBytes);
      expect(stream, name).toEqual(whole);
      expect(streamWarnings, name).toEqual(wholeWarnings);
      if (!(converted instanceof Error)) expect(converted.notStreamed, name).toMatch(why);
    }
  });

  it('refuses a broken log with the whole path\'s one line, leaving nothing behind', async () => {
    const broken = [JSON.stringify(log([run('A', 20)])).slice(0, -40), `${JSON.stringify(log([run('A', 20)]))}]`, JSON.stringify(log([{ tool: { driver: {} }, results: results(2) }]))];
    for (const document of broken) {
      const { whole, stream, out } = await both(document, 64, 'sarif');
      expect(whole).toBeInstanceOf(InputError);
      expect(stream).toBeInstanceOf(InputError);
      expect((stream as Error).message).toBe((whole as Error).message);
      expect(await readdir(dir)).not.toContain(out.split('/').at(-1));
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('gives up on a large report of another kind within its first megabyte, not after reading it whole', async () => {
    const results = Array.from({ length: 7000 }, (_, i) => ({ Target: `app/file${i}.js`, Vulnerabilities: [{ VulnerabilityID: `CVE-2024-${1000 + i}`, PkgName: 'left-pad', InstalledVersion: '1.0.0', Severity: 'HIGH', Title: 'x'.repeat(100) }] }));
    const { converted } = await both({ SchemaVersion: 2, ArtifactName: 'app', ArtifactType: 'filesystem', Results: results }, 64 * 1024);
    expect(converted).toMatchObject({ streamed: false, notStreamed: 'no runs in the first megabyte' });
  });

  it('streams only one SARIF report at or above the size given', async () => {
    const file = join(dir, 'small.sarif');
    await writeFile(file, JSON.stringify(log([run('A', 3)])));
    const out = join(dir, 'small.out.sarif');
    expect(await convertReportsTo({ reports: [{ file }], baseDir: dir, secrets, streamBytes: 1 << 30 }, out)).toMatchObject({ streamed: false, notStreamed: undefined, runs: 1, results: 3 });
    expect(await convertReportsTo({ reports: [{ file }, { file }], baseDir: dir, secrets, streamBytes: 0 }, out)).toMatchObject({ streamed: false, runs: 2, results: 6 });
    expect(await convertReportsTo({ reports: [{ file, format: 'semgrep' }], baseDir: dir, secrets, streamBytes: 0 }, out).catch((e: unknown) => e)).toBeInstanceOf(InputError);
  });
});
