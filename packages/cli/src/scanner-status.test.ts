import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

function pipewarden(cwd: string, args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-status-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  for (const [name, text] of Object.entries({ '.gitignore': 'out/\n', ...files })) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

interface Invocation {
  executionSuccessful: boolean;
  exitCode?: number;
  commandLine?: string;
  startTimeUtc?: string;
  endTimeUtc?: string;
  toolExecutionNotifications?: { level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
}
interface Sarif {
  runs: { tool: { driver: { name: string } }; invocations?: Invocation[]; results: { ruleId: string }[] }[];
}

describe('a scanner that cannot read some files ran: its findings count, the files are named', () => {
  it('ESLint: a legacy script parses as a script, a broken file is not analysed, the eval is found (exit 1, partial)', async () => {
    const dir = await repo({
      'app.js': "import express from 'express';\nexport function run(req) { return eval(req.query.x); }\n",
      'legacy.js': 'var o = { a: 1 };\nwith (o) { eval(location.hash); }\nvar n = 010;\ndelete n;\n',
      'broken.js': 'function (broken {\n',
    });
    const run = pipewarden(dir, ['scan', '--scanners', 'eslint-security', '--out-dir', 'out']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/eslint-security: partial, 2 findings, 1 file not analysed/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as { verdict: string; scanners: { id: string; status: string; notAnalysed?: { file: string; reason: string }[] }[]; findings: { location: { path: string } }[] };
    expect(report.verdict).toBe('fail');
    expect(report.scanners.find((s) => s.id === 'eslint-security')).toMatchObject({ status: 'partial', notAnalysed: [{ file: 'broken.js', reason: expect.stringMatching(/Parsing error/) }] });
    expect(report.findings.map((f) => f.location.path).sort()).toEqual(['app.js', 'legacy.js']);
    const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary).toMatch(/eslint-security\*\* partial: 1 file not analysed: broken\.js/);
    const sarif = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as Sarif;
    const eslint = sarif.runs.find((r) => r.tool.driver.name === 'ESLint')!;
    expect(eslint.invocations?.[0]).toMatchObject({ executionSuccessful: true, exitCode: 1, commandLine: expect.stringMatching(/eslint-security\.js --output /) });
    expect(eslint.invocations![0]!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'warning', message: { text: expect.stringMatching(/^not analysed: Parsing error/) }, locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.js', uriBaseId: '%SRCROOT%' } } }] }),
    ]);
  });

  it('every run in results.sarif says how it went, a report given with --report included', async () => {
    const dir = await repo({ 'run.js': 'module.exports = (a) => eval(a.b);\n' });
    await writeFile(join(dir, 'given.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Other' } }, results: [] }] }));
    pipewarden(dir, ['scan', '--scanners', 'eslint-security,secretlint', '--report', 'given.sarif', '--out-dir', 'out']);
    const sarif = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as Sarif;
    expect(sarif.runs.length).toBeGreaterThanOrEqual(3);
    for (const run of sarif.runs) expect(typeof run.invocations?.[0]?.executionSuccessful, run.tool.driver.name).toBe('boolean');
    const eslint = sarif.runs.find((r) => r.tool.driver.name === 'ESLint')!.invocations![0]!;
    expect(Date.parse(eslint.endTimeUtc!)).toBeGreaterThanOrEqual(Date.parse(eslint.startTimeUtc!));
  });
});

describe('coverage: what the run checked and what it did not, per language and kind of check', () => {
  it('names each gap and its reason, in the console, summary.md and report.json', async () => {
    const dir = await repo({
      'web/app.js': 'module.exports = (req) => eval(req.query.x);\n',
      'web/package.json': '{"name":"web","dependencies":{"lodash":"4.17.0"}}\n',
      'api/index.php': '<?php echo $_GET["name"];\n',
      'api/requirements.txt': 'flask==0.12.2\n',
      // A Bandit that predates the Python it runs on: it runs, and is said to miss checks.
      'bin/bandit': '#!/bin/sh\nif [ "$1" = "--version" ]; then printf "bandit 1.6.2\\n  python version = 3.11.2 (main) [GCC 12.2.0]\\n"; exit 0; fi\nout=""; while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done\nprintf \'{"errors":[],"results":[],"metrics":{}}\' > "$out"\n',
      'tools/x.py': 'print(1)\n',
      '.gitignore': 'out/\nbin/\n',
    });
    await chmod(join(dir, 'bin', 'bandit'), 0o755);
    const run = pipewarden(dir, ['scan', '--scanners', 'eslint-security,secretlint,npm-audit,bandit', '--out-dir', 'out'], { PATH: `${join(dir, 'bin')}:${process.env.PATH}` });
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as { coverage: { what: string; status: string; checkedBy: string[]; why?: string }[] };
    const line = (what: string) => report.coverage.find((l) => l.what === what);
    expect(line('JavaScript/TypeScript code')).toMatchObject({ status: 'checked', checkedBy: ['eslint-security'] });
    expect(line('PHP code')).toMatchObject({ status: 'not checked', why: 'no SAST scanner of this run reads it' });
    expect(line('Python dependencies')).toMatchObject({ status: 'not checked', why: 'no scanner of this run reads it' });
    expect(line('npm dependencies (package.json without a lockfile)')).toMatchObject({ status: 'not checked' });
    expect(line('Python code')).toMatchObject({ status: 'partly checked', checkedBy: ['bandit'], why: expect.stringMatching(/Python 3\.11\.2.*Bandit before 1\.7\.0 sees no string constants/) });
    expect(line('Secrets in every file')).toMatchObject({ status: 'checked', checkedBy: ['secretlint'] });
    expect(run.stdout).toMatch(/^Not checked: PHP code \(1 file\): no SAST scanner of this run reads it$/m);
    expect(run.stdout).toMatch(/^Partly checked: Python code \(1 file\): bandit: it runs on Python 3\.11\.2/m);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toMatch(/\| PHP code \| 1 \| {2}\| ❌ not checked: no SAST scanner of this run reads it \|/);
  });
});
