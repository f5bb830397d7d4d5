import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

interface SarifResult {
  ruleId: string;
  baselineState?: string;
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
}

function pipewarden(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function results(file: string): Promise<SarifResult[]> {
  const log = JSON.parse(await readFile(file, 'utf8')) as { runs: { results?: SarifResult[] }[] };
  return log.runs.flatMap((run) => run.results ?? []);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=T', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

// Two real ESLint findings (eval: high, child_process: high) in a small module.
const APP = `'use strict';
const { exec } = require('child_process');

function run(command) {
  return exec(command);
}

function calc(expression) {
  return eval(expression);
}

module.exports = { run, calc };
`;

let repo: string;
let baseline: string;

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), text);
}

/** Scans with the baseline; returns the states of the results and the exit code. */
async function againstBaseline(extra: string[] = []): Promise<{ code: number | null; states: Record<string, number>; stdout: string }> {
  const out = join(repo, '.out', String(Math.random()).slice(2));
  const run = pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--baseline', baseline, '--out-dir', out, ...extra]);
  const states: Record<string, number> = {};
  for (const result of await results(join(out, 'results.sarif'))) states[result.baselineState ?? 'none'] = (states[result.baselineState ?? 'none'] ?? 0) + 1;
  return { code: run.code, states, stdout: run.stdout };
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'pw-identity-'));
  git(repo, 'init', '-q');
  await write('.gitignore', '.out/\n');
  await write('lib/app.js', APP);
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  const out = join(repo, '.out', 'base');
  const first = pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--out-dir', out]);
  expect(first.code).toBe(1);
  baseline = join(repo, 'baseline.sarif');
  await writeFile(baseline, await readFile(join(out, 'results.sarif')));
  expect((await results(baseline)).map((r) => r.ruleId).sort()).toEqual(['security/detect-child-process', 'security/detect-eval-with-expression']);
});

describe('baseline: the same findings stay unchanged, and the gate holds the line', () => {
  it('with nothing changed', async () => {
    const { code, states } = await againstBaseline();
    expect(states).toEqual({ unchanged: 2 });
    expect(code).toBe(0);
  });

  it('with 20 lines inserted above the findings', async () => {
    await write('lib/app.js', APP.replace("'use strict';\n", `'use strict';\n${'// a comment line\n'.repeat(20)}`));
    expect((await againstBaseline()).states).toEqual({ unchanged: 2 });
  });

  it('with the file renamed', async () => {
    await mkdir(join(repo, 'src'));
    git(repo, 'mv', 'lib/app.js', 'src/server.js');
    expect((await againstBaseline()).states).toEqual({ unchanged: 2 });
  });

  it('with white space reformatted', async () => {
    await write('lib/app.js', APP.replace(/^ {2}/gm, '\t\t').replace('eval(expression)', 'eval( expression )').replace('exec(command)', 'exec (command)'));
    expect((await againstBaseline()).states).toEqual({ unchanged: 2 });
  });

  it('with the findings reordered', async () => {
    const calc = 'function calc(expression) {\n  return eval(expression);\n}\n\n';
    await write('lib/app.js', APP.replace(calc, '').replace('function run(', `${calc}function run(`));
    expect((await againstBaseline()).states).toEqual({ unchanged: 2 });
  });

  it('after a rebase onto a moved main', async () => {
    git(repo, 'checkout', '-qb', 'feature');
    await write('lib/app.js', APP.replace('module.exports', '// feature work\nmodule.exports'));
    git(repo, 'commit', '-qam', 'feature');
    git(repo, 'checkout', '-q', 'main');
    await write('lib/app.js', `// header added on main\n${APP}`);
    git(repo, 'commit', '-qam', 'main moves');
    git(repo, 'checkout', '-q', 'feature');
    git(repo, 'rebase', '-q', 'main');
    expect((await againstBaseline()).states).toEqual({ unchanged: 2 });
  });

  it('reports a new finding as new (and fails the gate) and a removed one as absent (fixed)', async () => {
    await write('lib/app.js', APP.replace('return eval(expression);', 'return Number(expression);').replace('module.exports', "function list(dir) {\n  return exec('ls ' + dir);\n}\n\nmodule.exports"));
    const { code, states, stdout } = await againstBaseline();
    expect(states).toEqual({ unchanged: 1, new: 1, absent: 1 });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Against the baseline: 1 new, 1 unchanged, 0 updated, 1 fixed\./);
  });

  it('refuses a baseline that is not SARIF with one line', async () => {
    await writeFile(join(repo, 'bad.sarif'), '{"version": "2.1.0", "runs": [');
    const run = pipewarden(repo, ['scan', '--scanners', 'none', '--baseline', 'bad.sarif']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^pipewarden: bad\.sarif: baseline is truncated/);
  });
});

describe('diff-aware scope', () => {
  it('gates only what the change added; the rest is reported as out of scope', async () => {
    git(repo, 'checkout', '-qb', 'feature');
    await write('lib/new.js', "module.exports = (input) => eval(input);\n");
    const out = join(repo, '.out', 'diff');
    // Incremental: ESLint reads only the changed file; the baseline carries the rest over, out of scope.
    const run = pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--diff-base', 'main', '--baseline', baseline, '--out-dir', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/eslint-security [\d.]+: scanning 1 file\b/);
    const scoped = await results(join(out, 'results.sarif'));
    const where = (r: SarifResult) => `${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}:${r.properties?.['pipewarden/scope']}`;
    expect(scoped.map(where).sort()).toEqual(['lib/app.js:out', 'lib/app.js:out', 'lib/new.js:in']);
    expect(run.stdout).toMatch(/severity high or worse: 1 \(at most 0\), e\.g\. lib\/new\.js:1/);

    // A change that touches no flagged line passes with added; file and nofilter take in the whole file.
    await rename(join(repo, 'lib', 'new.js'), join(repo, 'new.txt'));
    await write('lib/app.js', APP.replace('module.exports', '// only a comment\nmodule.exports'));
    expect(pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--diff-base', 'main', '--out-dir', join(out, '2')]).code).toBe(0);
    // diff_context takes the hunk's three lines of context: the eval on line 9 is in it, the exec on line 5 is not.
    expect(pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--diff-base', 'main', '--diff-filter', 'diff_context', '--out-dir', join(out, '3')]).code).toBe(1);
    expect((await results(join(out, '3', 'results.sarif'))).map((r) => `${r.ruleId}:${r.properties?.['pipewarden/scope']}`).sort()).toEqual([
      'security/detect-child-process:out',
      'security/detect-eval-with-expression:in',
    ]);
    expect(pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--diff-base', 'main', '--diff-filter', 'file', '--out-dir', join(out, '4')]).code).toBe(1);
    expect(pipewarden(repo, ['scan', '--scanners', 'eslint-security', '--diff-base', 'main', '--diff-filter', 'nofilter', '--out-dir', join(out, '5')]).code).toBe(1);
  });
});

describe('shards and merge', () => {
  it('two shards merged give the same findings, with the same fingerprints, as one scan', async () => {
    for (let i = 0; i < 12; i++) await write(`pkg${i}/index.js`, `module.exports = (x) => eval(x + ${i});\nrequire('child_process').exec(process.argv[${i}]);\n`);
    await write('pkg0/secret.js', `module.exports = '${'ghp_'}${'Ab1'.repeat(12)}';\n`);
    const out = join(repo, '.out');
    const whole = pipewarden(repo, ['scan', '--out-dir', join(out, 'whole')]);
    const one = pipewarden(repo, ['scan', '--shard', '1/2', '--out-dir', join(out, 's1')]);
    const two = pipewarden(repo, ['scan', '--shard', '2/2', '--out-dir', join(out, 's2')]);
    expect([whole.code, one.code, two.code]).toEqual([1, 1, 1]);
    const merge = pipewarden(repo, ['merge', join(out, 's1', 'results.sarif'), join(out, 's2', 'results.sarif'), '-o', join(out, 'merged.sarif')]);
    expect(merge.code).toBe(0);
    const fingerprints = async (file: string) => (await results(file)).map((r) => `${r.ruleId} ${r.partialFingerprints?.['pipewarden/v1']}`).sort();
    const expected = await fingerprints(join(out, 'whole', 'results.sarif'));
    expect(expected.length).toBe(12 * 2 + 2 + 1);
    expect(await fingerprints(join(out, 'merged.sarif'))).toEqual(expected);
    // Each shard did part of the work.
    const partOne = (await results(join(out, 's1', 'results.sarif'))).length;
    expect(partOne).toBeGreaterThan(0);
    expect(partOne).toBeLessThan(expected.length);
  });
});
