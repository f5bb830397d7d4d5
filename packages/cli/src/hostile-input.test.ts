// Input made to hurt (issue 22, 3a, 3b, 3f): no crash, no hang. A report or config that cannot be read is one line
// naming the file and exit 2; line numbers that are not ones are dropped with a warning, never written.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasShared, repoRoot } from '../../../test-support/shared.js';
import { validateSarif } from '../../../test-support/sarif-schema.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

let dir: string;

function pipewarden(args: string[]): { code: number | null; stdout: string; stderr: string } {
  // Offline, with a cache of its own: tests never reach beyond loopback. A hang fails here, not at vitest's timeout.
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_CACHE_DIR: join(dir, '.cache') } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOneLineError(result: { code: number | null; stderr: string }, file: string, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`pipewarden: ${file}: `)).toBe(true);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

async function write(name: string, data: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-hostile-'));
});

const nested = (name: string, depth: number) => `<?xml version="1.0"?>${`<${name}>`.repeat(depth)}${`</${name}>`.repeat(depth)}`;

describe('XML reports', () => {
  it('a depth bomb of 100,000 nested elements: one line, exit 2, no hang, nothing written', async () => {
    const file = await write('deep.xml', nested('a', 100_000));
    const run = pipewarden(['convert', file, '-o', 'out.sarif']);
    expectOneLineError(run, file, /nests deeper than 1000 levels at byte 3021$/);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
  });

  it('deeper than fast-xml-parser\'s own default (101) but within ours: read, not an internal error', async () => {
    const file = await write('150.xml', nested('a', 150));
    expectOneLineError(pipewarden(['convert', file]), file, /unknown report format/);
  });

  it('tag names that are not ASCII: read as they are (a known format converts, an unknown one is named as such)', async () => {
    const cppcheck = await write(
      'cppcheck.xml',
      '<?xml version="1.0" encoding="UTF-8"?><results version="2"><cppcheck version="2.10"/><errors><error id="nullPointer" severity="error" msg="Null pointer dereference: 名前" verbose="Null pointer dereference: 名前" cwe="476" file0="名前.c"><location file="名前.c" line="3" column="5"/><é a="1">x</é><名前 属性="値"/></error></errors></results>',
    );
    const run = pipewarden(['convert', cppcheck, '-o', 'out.sarif']);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    const log = JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(log.runs[0]!.results[0]!.message.text).toContain('名前');
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(3);

    const unknown = await write('names.xml', '<?xml version="1.0" encoding="UTF-8"?><報告><名前 属性="1">x</名前></報告>');
    expectOneLineError(pipewarden(['convert', unknown]), unknown, /unknown report format/);
    const deep = await write('deep-names.xml', nested('名前', 100_000));
    expectOneLineError(pipewarden(['convert', deep]), deep, /nests deeper than 1000 levels at byte 8021$/);
    const ctor = await write('ctor.xml', '<r><constructor>1</constructor></r>');
    expectOneLineError(pipewarden(['convert', ctor]), ctor, /names an element or attribute "constructor", which is refused/);
  });
});

describe('YAML alias bombs ("billion laughs") in pipewarden.yml', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
  const refused = /is refused: its aliases repeat anchored content more than 100 times \(a YAML "billion laughs" bomb\)$/;

  it('given with --config, to scan and to gate: one line, exit 2, no hang', async () => {
    const config = await write('bomb.yml', `${bomb}\n`);
    const scan = pipewarden(['scan', '--config', 'bomb.yml', '--scanners', 'none', '--out-dir', 'out']);
    expectOneLineError(scan, config, refused);
    const log = await write('empty.sarif', JSON.stringify({ version: '2.1.0', runs: [] }));
    expectOneLineError(pipewarden(['gate', log, '--config', config]), config, refused);
  });

  it('as the scanned repository\'s own pipewarden.yml, found by scan', async () => {
    const repo = join(dir, 'repo');
    await mkdir(repo);
    await writeFile(join(repo, 'pipewarden.yml'), `${bomb}\n`);
    const run = pipewarden(['scan', repo, '--scanners', 'none', '--out-dir', 'out']);
    expectOneLineError(run, join(repo, 'pipewarden.yml'), refused);
  });
});

describe('line numbers that are not line numbers', () => {
  it('1e308, -5, 2.5 and "x" in a report: converts with a warning, and writes SARIF that is valid and reads back', async () => {
    const results = ['__1e308__', -5, 2.5, 'x', 4].map((line, i) => ({ check_id: `rule-${i}`, path: 'src/a.js', start: { line, col: 1 }, end: { line, col: 2 }, extra: { message: 'm', severity: 'ERROR', metadata: {} } }));
    const file = await write('semgrep.json', JSON.stringify({ version: '1.50.0', errors: [], results }).replace('"__1e308__"', '1e308'));
    const run = pipewarden(['convert', file, '-o', 'out.sarif']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `pipewarden: warning: ${file}: 4 start lines are not line numbers (startLine 1e+308, startLine -5, startLine 2.5, …); left those findings without a line (they keep their files)`,
    );
    const log = JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { region?: { startLine: number } } }[] }[] }[] };
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region?.startLine)).toEqual([undefined, undefined, undefined, undefined, 4]);
    if (hasShared) expect(validateSarif(log).errors).toEqual([]);
    // What we wrote, we read back without a repair.
    const again = pipewarden(['merge', 'out.sarif', '-o', 'merged.sarif']);
    expect({ code: again.code, warnings: again.stderr.split('\n').filter((line) => line.includes('warning')) }).toEqual({ code: 0, warnings: [] });
  });

  it('in a SARIF log: repaired with a warning naming the places, not refused', async () => {
    const region = (r: object) => [{ physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: r } }];
    const file = await write(
      'tool.sarif',
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'T' } }, results: [{ ruleId: 'R', message: { text: 'm' }, locations: region({ startLine: 0 }) }, { ruleId: 'R', message: { text: 'm' }, locations: region({ startLine: 9, endLine: 2 }) }] }],
      }),
    );
    const run = pipewarden(['convert', file, '-o', 'out.sarif']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`pipewarden: warning: ${file}: run 0 result 0: startLine 0 is not a line number; left the finding without a line (it keeps its file)`);
    expect(run.stderr).toContain(`pipewarden: warning: ${file}: run 0 result 1: endLine 2 is before startLine 9; dropped the end line`);
    if (hasShared) expect(validateSarif(JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8'))).errors).toEqual([]);
  });
});

describe('a log larger than the memory node is given', () => {
  it('ends with one line naming the limit and how to raise it, exit 2, no stack, nothing written', async () => {
    const results = Array.from({ length: 40_000 }, (_, i) => ({ ruleId: `R${i % 50}`, level: 'warning', message: { text: `finding ${i} ${'x'.repeat(200)}` }, locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.js` }, region: { startLine: 1 + (i % 300) } } }] }));
    await write('big.sarif', JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Big' } }, results }] }));
    const run = spawnSync(process.execPath, [CLI, 'convert', 'big.sarif', '-o', 'out.sarif'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', NODE_OPTIONS: '--max-old-space-size=40' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pipewarden: out of memory \(\d+ MB\): give node more with NODE_OPTIONS=--max-old-space-size=<MB>$/)]);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
  });
});
