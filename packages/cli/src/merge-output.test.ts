// The bytes `pipewarden merge` writes, pinned: its reading, redaction, dedupe, prioritize and writer are tuned for
// volume (docs/performance.md), and a faster path must write what the plain one did. The shards are made here,
// seeded, with what those stages branch on: several tools on one file and line (joined), shards of one tool
// (runs joined, rules re-indexed), artifacts referenced by index, packages with CVSS, KEV, EPSS, context, dev
// dependencies and fixes, secrets in snippets and messages, generated tokens, a password in a URL, DAST requests
// on one route, absent results, property bags and ranks from an earlier run, escapes and non-ASCII text.
// PIPEWARDEN_UPDATE_GOLDEN=1 rewrites the expected files (review the diff: it is the product's output).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeInParallel } from '@pipewarden/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const GOLDEN = join(repoRoot, 'packages', 'cli', 'src', 'testdata', 'merge');
const UPDATE = process.env.PIPEWARDEN_UPDATE_GOLDEN === '1';
const KEY = 'golden-key-0123456789abcdef0123456789';

/** A small seeded generator (the same numbers on every machine). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['user', 'input', 'reaches', 'query', 'unsanitized', 'path', 'é', 'naïve', '日本', '😀', 'line\nbreak', 'tab\there', 'quote"d', 'back\\slash', '\u2028sep', '<b>html</b>'];
const TOKEN = 'q8Fz2LmX7vRk4TnB9wYc1HdJ6sPa3GeU';
const GITHUB = `ghp_${'Rk4TnB9wYc1H'.repeat(3)}`;

function sentence(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
}

type Json = Record<string, unknown>;

function codeShard(seed: number, tool: string, files: string[], count: number, extras: Partial<Json> = {}): Json {
  const rnd = seeded(seed);
  const rules = Array.from({ length: 6 }, (_, r) => ({
    id: `${tool}-R${r}`,
    shortDescription: { text: sentence(rnd, 4) },
    properties: { tags: ['security', `external/cwe/cwe-${[79, 89, 22, 798, 502, 78][r]}`], ...(r % 2 ? { 'security-severity': (rnd() * 10).toFixed(1) } : {}), ...(r === 4 ? { precision: 'medium' } : {}) },
    ...(r === 1 ? { helpUri: 'https://admin:Sup3rSecretPw@docs.example.com/rule' } : {}),
  }));
  const results = Array.from({ length: count }, (_, i) => {
    const r = i % rules.length;
    const uri = files[i % files.length]!;
    const line = 10 + (i % 5);
    return {
      ruleId: rules[r]!.id,
      ...(i % 4 === 0 ? { ruleIndex: r } : {}),
      level: (['error', 'warning', 'note', 'none'] as const)[i % 4],
      message: { text: `${sentence(rnd, 3 + (i % 5))}${i % 7 === 0 ? ` token ${TOKEN}` : ''}${r === 3 ? ` password "hunter2-${i}"` : ''}` },
      locations: [
        { physicalLocation: { artifactLocation: i % 3 === 0 ? { index: i % files.length } : { uri }, region: { startLine: line, ...(i % 2 ? { snippet: { text: `x = call(${sentence(rnd, 1)})` } } : {}) } } },
        ...(i % 5 === 0 ? [{ physicalLocation: { artifactLocation: { uri: 'lib/helper.js' }, region: { startLine: 3 } } }] : []),
      ],
      ...(i % 6 === 0 ? { rank: 12.5, properties: { 'pipewarden/risk': 1, 'pipewarden/factors': [], custom: { keep: [1, 2.5, -0, 1e21] } } } : {}),
      ...(i % 11 === 0 ? { baselineState: 'absent' } : {}),
      ...(i % 9 === 0 ? { partialFingerprints: { 'pipewarden/v1': `fp-${tool}-${i}` } } : {}),
    };
  });
  return {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: tool, version: '1.0.0', rules } }, artifacts: files.map((uri) => ({ location: { uri } })), results, ...extras }],
  };
}

function packageShard(seed: number, tool: string): Json {
  const rnd = seeded(seed);
  const results = Array.from({ length: 24 }, (_, i) => {
    const cve = `CVE-2021-${44000 + (i % 6)}`;
    return {
      ruleId: i % 5 === 0 ? `GHSA-aaaa-bbbb-${i % 6}` : cve,
      level: (['error', 'warning', 'note'] as const)[i % 3],
      message: { text: `${sentence(rnd, 4)} in pkg${i % 4}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: i % 2 ? 'package-lock.json' : 'services/api/package-lock.json' } } }],
      properties: {
        'security-severity': (rnd() * 10).toFixed(1),
        'pipewarden/ids': [cve, `GHSA-aaaa-bbbb-${i % 6}`],
        'pipewarden/package': { name: `pkg${i % 4}`, version: `1.${i % 3}.0`, ...(i % 2 ? { fixedVersions: ['1.9.0', '2.0.0', '2.1.0', '3.0.0'] } : {}) },
        ...(i % 3 === 0 ? { 'pipewarden/cvss': { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 } } : {}),
        ...(i % 4 === 0 ? { 'pipewarden/kev': { cve, dateAdded: '2021-12-10', knownRansomware: i % 8 === 0 } } : {}),
        ...(i % 5 === 1 ? { 'pipewarden/epss': { cve, epss: rnd(), percentile: 0.9 + rnd() / 10 } } : {}),
        ...(i % 6 === 2 ? { 'pipewarden/context': { environment: 'production', exposure: 'internet-facing', data_sensitivity: 'restricted', match: 'context[0]' } } : {}),
        ...(i % 7 === 3 ? { 'pipewarden/dev': true } : {}),
      },
    };
  });
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules: [] } }, properties: { 'pipewarden/category': 'sca' }, results }] };
}

function secretAndDastShard(): Json {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gitleaks', rules: [{ id: 'github-pat', shortDescription: { text: 'GitHub token' } }] } },
        results: [0, 1, 2].map((i) => ({
          ruleId: 'github-pat',
          message: { text: `GitHub token found: ${GITHUB}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.js' }, region: { startLine: 10 + i, snippet: { text: `const t = "${GITHUB}";` } } } }],
        })),
      },
      {
        tool: { driver: { name: 'ZAP', rules: [{ id: '40018', shortDescription: { text: 'SQL Injection' } }] } },
        properties: { 'pipewarden/category': 'dast' },
        results: [1, 2, 3].map((id) => ({
          ruleId: '40018',
          level: 'error',
          message: { text: 'SQL injection in id' },
          locations: [{ physicalLocation: { artifactLocation: { uri: `http://127.0.0.1/item?id=${id}` } } }],
          partialFingerprints: { 'pipewarden/v1': `dast-40018-item-id:${id}` },
          properties: { 'pipewarden/dast': { url: `http://127.0.0.1/item?id=${id}`, method: 'GET', parameter: 'id' } },
        })),
      },
      { tool: { driver: { name: 'Quiet' } }, results: [], invocations: [{ executionSuccessful: true }] },
    ],
  };
}

/** Shards as CI jobs write them: two tools on the same files (joined), one tool over two shards, packages, secrets. */
function shards(): Record<string, Json> {
  const files = ['src/a.js', 'src/b.js', 'src/ü b.js'];
  return {
    'a.sarif': codeShard(1, 'SynthSAST', files, 40),
    'b.sarif': codeShard(2, 'OtherSAST', files, 30),
    'c.sarif': codeShard(3, 'SynthSAST', ['services/x/main.js', 'src/a.js'], 25, { invocations: [{ executionSuccessful: true }] }),
    'd.sarif': packageShard(4, 'Trivy'),
    'e.sarif': packageShard(5, 'Grype'),
    'f.sarif': secretAndDastShard(),
  };
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-merge-golden-'));
  for (const [name, log] of Object.entries(shards())) writeFileSync(join(dir, name), JSON.stringify(log));
});

function merge(args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [CLI, 'merge', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PIPEWARDEN_SECRET_KEY: KEY, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr;
}

/** A shard of one service of a monorepo, as the parallel path takes it (no secret found, no file another tool names). */
function serviceShard(seed: number, tool: string, folder: string, count: number): Json {
  const rnd = seeded(seed);
  const rules = Array.from({ length: 4 }, (_, r) => ({ id: `R${r}`, properties: { tags: [`external/cwe/cwe-${[79, 89, 22, 78][r]}`], 'security-severity': (rnd() * 10).toFixed(1) } }));
  const results = Array.from({ length: count }, (_, i) => ({
    ruleId: `R${i % 4}`,
    ...(i % 3 === 0 ? { ruleIndex: i % 4 } : {}),
    level: (['error', 'warning', 'note'] as const)[i % 3],
    message: { text: sentence(rnd, 2 + (i % 4)).replaceAll('"', '') },
    locations: [{ physicalLocation: { artifactLocation: { uri: `${folder}/file${i % 5}.js` }, region: { startLine: 1 + (i % 30) } } }],
    ...(i % 8 === 0 ? { rank: 3, properties: { 'pipewarden/priority': 'P0', keep: true } } : {}),
    ...(i % 13 === 0 ? { baselineState: 'absent' } : {}),
  }));
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules } }, results }] };
}

function expectGolden(output: string, golden: string): void {
  const actual = readFileSync(join(dir, output), 'utf8');
  if (UPDATE || !existsSync(join(GOLDEN, golden))) {
    if (!UPDATE) throw new Error(`${golden} is missing: run with PIPEWARDEN_UPDATE_GOLDEN=1`);
    writeFileSync(join(GOLDEN, golden), actual);
  }
  // Byte for byte: the writer's layout (one result per line) and member order are part of the output.
  expect(actual === readFileSync(join(GOLDEN, golden), 'utf8'), `${output} differs from testdata/merge/${golden}`).toBe(true);
}

describe('pipewarden merge output', () => {
  it('writes the same bytes for shards of several tools, packages, secrets and DAST requests', () => {
    const stderr = merge(['a.sarif', 'b.sarif', 'c.sarif', 'd.sarif', 'e.sarif', 'f.sarif', '-o', 'merged.sarif']);
    expect(stderr).toMatch(/reported by several tools, joined/);
    const text = readFileSync(join(dir, 'merged.sarif'), 'utf8');
    for (const secret of [TOKEN, GITHUB, 'Sup3rSecretPw', 'hunter2-3']) expect(text).not.toContain(secret);
    expectGolden('merged.sarif', 'merged.sarif');
  });

  it('writes the same bytes with worker threads (shards of services, one tool joined over two) as in one thread', async () => {
    const services = { 's1.sarif': serviceShard(7, 'SynthSAST', 'services/api', 60), 's2.sarif': serviceShard(8, 'SynthSAST', 'services/web', 50), 's3.sarif': serviceShard(9, 'Lint', 'tools/ci', 40), 's4.sarif': shards()['d.sarif']! };
    for (const [name, log] of Object.entries(services)) writeFileSync(join(dir, name), JSON.stringify(log));
    const names = Object.keys(services);
    const one = merge([...names, '-o', 'one-thread.sarif'], { PIPEWARDEN_MERGE_THREADS: '1' });
    const two = merge([...names, '-o', 'two-threads.sarif'], { PIPEWARDEN_MERGE_THREADS: '2' });
    expect(two.replace('two-threads', 'one-thread')).toBe(one);
    expect(readFileSync(join(dir, 'two-threads.sarif'), 'utf8') === readFileSync(join(dir, 'one-thread.sarif'), 'utf8')).toBe(true);
    // The built core starts worker threads (merge-worker.js beside it) and takes these shards without falling back.
    let fallback: string | undefined;
    const done = await mergeInParallel({ files: names.map((name) => join(dir, name)), output: join(dir, 'workers.sarif'), keying: { key: KEY }, threads: 2, onFallback: (why) => (fallback = why) });
    expect(fallback).toBeUndefined();
    expect(done?.threads).toBe(2);
    expect(readFileSync(join(dir, 'workers.sarif'), 'utf8') === readFileSync(join(dir, 'one-thread.sarif'), 'utf8')).toBe(true);
    // And what the parallel path leaves to the whole one (secrets found, tools on one file) gives the golden bytes too.
    merge(['a.sarif', 'b.sarif', 'c.sarif', 'd.sarif', 'e.sarif', 'f.sarif', '-o', 'threads.sarif'], { PIPEWARDEN_MERGE_THREADS: '2' });
    expectGolden('threads.sarif', 'merged.sarif');
  });

  it('refuses a thread count that is not a number, in one line', () => {
    const run = spawnSync(process.execPath, [CLI, 'merge', 'a.sarif', '-o', 'x.sarif'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_MERGE_THREADS: 'two' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('pipewarden: PIPEWARDEN_MERGE_THREADS: must be a whole number of threads\n');
    // Each thread may take the whole heap: a thousand would be killed by the kernel, not report it.
    const many = spawnSync(process.execPath, [CLI, 'merge', 'a.sarif', '-o', 'x.sarif'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_MERGE_THREADS: '1000' } });
    expect(many.status).toBe(2);
    expect(many.stderr).toBe('pipewarden: PIPEWARDEN_MERGE_THREADS: at most 16 threads\n');
  });

  it('writes the same bytes when matching against a baseline', () => {
    merge(['a.sarif', 'b.sarif', 'd.sarif', '-o', 'base.sarif']);
    merge(['c.sarif', 'b.sarif', 'e.sarif', 'f.sarif', '--baseline', 'base.sarif', '-o', 'matched.sarif']);
    expectGolden('matched.sarif', 'matched.sarif');
  });
});
