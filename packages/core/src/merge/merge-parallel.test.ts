import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../formats/registry.js';
import { dedupe, mergeLogs } from '../identity/dedupe.js';
import { prioritize } from '../risk/prioritize.js';
import { createRedactor } from '../sarif/redact-log.js';
import { SARIF_SCHEMA_URI } from '../sarif/types.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import { sarifText } from '../sarif/write-log.js';
import { mergeInParallel } from './merge-parallel.js';

// The parallel merge must write what the whole path writes (readReport each, mergeLogs, finish, dedupe, prioritize,
// sarifText), byte for byte, or leave the merge to it. From the sources its shards are worked on in this thread
// (no built worker beside the module); the CLI's tests run the built one with worker threads.

const keying = { key: 'parallel-merge-test-key-0123456789abcdef' };
type Json = Record<string, unknown>;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['user', 'input', 'reaches', 'query', 'é', '日本', '😀', 'line\nbreak', 'quote"d', 'back\\slash', '\u2028sep', '<b>x</b>'];

/** A code scanner's shard: rules in the shard's own order, results by id, index or both, artifacts by index. */
function codeShard(seed: number, tool: string, files: string[], count: number, options: { rules?: number[]; extras?: Json; absent?: boolean } = {}): Json {
  const rnd = seeded(seed);
  const ids = options.rules ?? [0, 1, 2, 3, 4, 5];
  const rules = ids.map((r) => ({
    id: `${tool}-R${r}`,
    shortDescription: { text: `rule ${r} ${WORDS[r % WORDS.length]}` },
    properties: { tags: ['security', `external/cwe/cwe-${[79, 89, 22, 95, 502, 78, 611][r % 7]}`], ...(r % 2 ? { 'security-severity': ((r * 1.7) % 10).toFixed(1) } : {}), ...(r === 4 ? { precision: 'medium' } : {}) },
  }));
  const results = Array.from({ length: count }, (_, i) => {
    const at = i % ids.length;
    const words = Array.from({ length: 2 + (i % 4) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
    return {
      ruleId: rules[at]!.id,
      ...(i % 4 === 0 ? { ruleIndex: at } : {}),
      ...(i % 7 === 0 ? { rule: { id: rules[at]!.id, index: at } } : {}),
      ...(i % 5 !== 0 ? { level: (['error', 'warning', 'note', 'none'] as const)[i % 4] } : {}),
      message: { text: `${words} #${i}` },
      locations: [{ physicalLocation: { artifactLocation: i % 3 === 0 ? { index: i % files.length } : { uri: files[i % files.length] }, region: { startLine: 10 + (i % 9) } } }],
      ...(i % 6 === 0 ? { rank: 12.5, properties: { 'pipewarden/risk': 1, custom: { keep: [1, 2.5, -0, 1e21] }, 'pipewarden/slaDays': 3 } } : {}),
      ...(options.absent && i % 11 === 0 ? { baselineState: 'absent' } : {}),
    };
  });
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool, version: '1.0.0', rules } }, artifacts: files.map((uri) => ({ location: { uri } })), results, ...options.extras }] };
}

/** One SCA tool's findings: CVSS, KEV, EPSS, context, dev dependencies and fixes (one tool: nothing to join). */
function packageShard(seed: number, tool: string): Json {
  const rnd = seeded(seed);
  // Which results carry which member: [every n-th (from the offset), member, its value].
  const members: [number, number, string, (cve: string, i: number) => unknown][] = [
    [3, 0, 'pipewarden/cvss', () => ({ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 })],
    [4, 0, 'pipewarden/kev', (cve, i) => ({ cve, dateAdded: '2021-12-10', knownRansomware: i % 8 === 0 })],
    [5, 1, 'pipewarden/epss', (cve) => ({ cve, epss: rnd(), percentile: 0.9 + rnd() / 10 })],
    [6, 2, 'pipewarden/context', () => ({ environment: 'staging', exposure: 'internal', data_sensitivity: 'confidential', match: 'context[1]' })],
    [7, 3, 'pipewarden/dev', () => true],
  ];
  const results = Array.from({ length: 20 }, (_, i) => {
    const cve = `CVE-2022-${1000 + (i % 5)}`;
    const properties: Json = { 'security-severity': (rnd() * 10).toFixed(1), 'pipewarden/package': { name: `lib${i % 3}`, version: `2.${i % 4}.1`, ...(i % 3 ? {} : { fixedVersions: ['2.9.0'] }) } };
    for (const [every, offset, member, value] of members) if (i % every === offset) properties[member] = value(cve, i);
    const uri = i % 2 ? 'yarn.lock' : 'apps/web/yarn.lock';
    return { ruleId: cve, level: 'warning', message: { text: `vulnerable lib${i % 3}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }], properties };
  });
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules: [] } }, properties: { 'pipewarden/category': 'sca' }, results }] };
}

let dir: string;
const write = (name: string, log: Json) => {
  writeFileSync(join(dir, name), JSON.stringify(log));
  return join(dir, name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-merge-parallel-'));
});

/** The whole path, as `pipewarden merge` runs it without threads. */
async function whole(files: string[], output: string): Promise<void> {
  const redactor = createRedactor(keying);
  const logs = [];
  for (const file of files) logs.push((await readReport(file, 'sarif', { redactor })).log);
  const log = mergeLogs(logs);
  redactor.finish(log);
  dedupe(log);
  prioritize(log);
  log.$schema = SARIF_SCHEMA_URI;
  await writeFileAtomic(output, sarifText(log));
}

async function parallel(files: string[], output: string, threads = 2): Promise<string | undefined> {
  let reason: string | undefined;
  const done = await mergeInParallel({ files, output, keying, threads, onFallback: (why) => (reason = why) });
  return done ? undefined : (reason ?? 'no reason');
}

async function expectSameBytes(name: string, files: string[]): Promise<string> {
  await whole(files, join(dir, `${name}.whole.sarif`));
  expect(await parallel(files, join(dir, `${name}.parallel.sarif`))).toBeUndefined();
  const text = readFileSync(join(dir, `${name}.parallel.sarif`), 'utf8');
  expect(text === readFileSync(join(dir, `${name}.whole.sarif`), 'utf8'), `${name}: the parallel merge differs from the whole path`).toBe(true);
  return text;
}

describe('mergeInParallel', () => {
  it('joins shards of one tool as mergeLogs does: rules joined and re-indexed, places counted over shards', async () => {
    const files = ['src/a.js', 'src/b.js', 'src/ü b.js'];
    const text = await expectSameBytes('one-tool', [
      write('t1.sarif', codeShard(1, 'Synth', files, 40, { absent: true })),
      // Rules in another order, some new: re-indexed into the first run's; the same files (prevalence by exact union).
      write('t2.sarif', codeShard(2, 'Synth', [...files].reverse(), 30, { rules: [5, 3, 6, 1], extras: { invocations: [{ executionSuccessful: true }] } })),
      write('t3.sarif', codeShard(3, 'Synth', ['src/c.js'], 12, { rules: [0, 6] })),
    ]);
    const log = JSON.parse(text) as { runs: { tool: { driver: { rules: unknown[] } }; results: unknown[]; invocations: unknown[] }[] };
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver.rules).toHaveLength(7);
    expect(log.runs[0]!.results).toHaveLength(82);
    expect(log.runs[0]!.invocations).toHaveLength(1);
    expect(text).toMatch(/found in \d+ places/);
  });

  it('writes the shards of a monorepo (a tool and a folder each) and one tool’s packages as the whole path does', async () => {
    await expectSameBytes('monorepo', [
      write('m1.sarif', codeShard(4, 'SynthA', ['services/a/x.js', 'services/a/y.js'], 25)),
      write('m2.sarif', codeShard(5, 'SynthB', ['services/b/x.js'], 25, { absent: true })),
      write('m3.sarif', packageShard(6, 'Trivy')),
      write('m4.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'Quiet' } }, results: [] }, { tool: { driver: { name: 'Silent' } } }] }),
    ]);
  });

  it('keeps a merge of one shard, and of one thread, to the same bytes', async () => {
    const one = write('o1.sarif', codeShard(7, 'Solo', ['lib/a.js'], 9));
    await expectSameBytes('single', [one]);
    await whole([one, one], join(dir, 'twice.whole.sarif'));
    expect(await parallel([one, one], join(dir, 'twice.parallel.sarif'), 1)).toBeUndefined();
    expect(readFileSync(join(dir, 'twice.parallel.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'twice.whole.sarif'), 'utf8'));
  });

  it('leaves to the whole path what crosses shards, and writes nothing then', async () => {
    const secret = codeShard(8, 'Leaky', ['src/k.js'], 3);
    const run = (secret.runs as Json[])[0]!;
    run.results = [{ ruleId: 'Leaky-R0', message: { text: 'Possible hardcoded password: "Sup3r-Secret-Value"' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/k.js' }, region: { startLine: 1 } } }] }];
    (run.tool as Json).driver = { name: 'Leaky', rules: [{ id: 'Leaky-R0', properties: { tags: ['external/cwe/cwe-798'] } }] };
    const cases: [string, string[], RegExp][] = [
      ['secret', [write('s1.sarif', secret), write('s2.sarif', codeShard(9, 'Other', ['src/k.js'], 3))], /secret value/],
      ['same file', [write('f1.sarif', codeShard(10, 'ToolA', ['src/same.js'], 5)), write('f2.sarif', codeShard(11, 'ToolB', ['src/same.js'], 5))], /several tools/],
      ['packages', [write('p1.sarif', packageShard(12, 'Trivy')), write('p2.sarif', packageShard(13, 'Grype'))], /package/],
      ['unreadable', [write('u1.sarif', codeShard(14, 'Synth', ['a.js'], 2)), join(dir, 'missing.sarif')], /missing\.sarif|no such file|ENOENT|not found/i],
      // An extension's rule by an index past the driver's rules: on the whole path it finds the rule a later
      // shard appends (and its severity), so its score can only be known there.
      [
        'extension rule',
        [
          write('e1.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'Ext', rules: [] } }, results: [{ ruleId: 'x', ruleIndex: 0, rule: { id: 'x', index: 0, toolComponent: { index: 0 } }, message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/e.js' }, region: { startLine: 1 } } }] }] }] }),
          write('e2.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'Ext', rules: [{ id: 'y', properties: { 'security-severity': '9.8' } }] } }, results: [] }] }),
        ],
        /rule index is past/,
      ],
    ];
    for (const [name, files, why] of cases) {
      const output = join(dir, `${name}.sarif`);
      expect(await parallel(files, output), name).toMatch(why);
      expect(existsSync(output), name).toBe(false);
    }
  });

  it('folds DAST requests of one run in one shard, and leaves two shards’ to the whole path', async () => {
    const dast = (ids: number[]) => ({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'ZAP', rules: [{ id: '40018' }] } },
          properties: { 'pipewarden/category': 'dast' },
          results: ids.map((id) => ({
            ruleId: '40018',
            message: { text: 'SQL injection' },
            locations: [{ physicalLocation: { artifactLocation: { uri: `http://127.0.0.1/item?id=${id}` } } }],
            partialFingerprints: { 'pipewarden/v1': `dast-40018-item-id:${id}` },
            properties: { 'pipewarden/dast': { url: `http://127.0.0.1/item?id=${id}`, method: 'GET', parameter: 'id' } },
          })),
        },
      ],
    });
    const text = await expectSameBytes('dast', [write('d1.sarif', dast([1, 2, 3])), write('d2.sarif', codeShard(15, 'Synth', ['src/a.js'], 4))]);
    expect(text).toContain('"pipewarden/requests"');
    expect(await parallel([write('d3.sarif', dast([1])), write('d4.sarif', dast([2]))], join(dir, 'dast2.sarif'))).toMatch(/DAST/);
  });
});
