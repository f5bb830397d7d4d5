import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, hasShared, repoRoot, sharedNotice } from '../../../test-support/shared.js';
import { validateSarif } from '../../../test-support/sarif-schema.js';
import { hasTool } from '../../../test-support/tools.js';
import { demoExpected } from '../../../test-support/demo-app.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const DEMO = join(repoRoot, 'examples', 'vulnerable-app');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pipewarden(args: string[], cwd = repoRoot): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An error is exactly one line on stderr, `pipewarden: <file>: <problem>`, and never a stack trace. */
function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^pipewarden: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}


async function gitRepo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.test');
  git('config', 'user.name', 'Test');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
});

describe('pipewarden scan on the demo app', () => {
  let out: string;
  let run: Run;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pw-demo-'));
    run = pipewarden(['scan', 'examples/vulnerable-app', '--out-dir', out]);
  });

  it('fails the gate (exit 1) and says why', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Gate FAILED:/);
    expect(run.stdout).toMatch(/severity high or worse: \d+ \(at most 0\)/);
    expect(run.stdout).toMatch(/category secrets: 2 \(at most 0\)/);
  });

  it('prints at least 8 prioritized findings from at least 3 scanners, each with file and line', () => {
    const rows = run.stdout.split('\n').filter((line) => /^\s+P[0-4]\s/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) expect(row).toMatch(/examples\/vulnerable-app\/[\w./-]+:\d+/);
    const tools = new Set(rows.map((row) => row.trim().split(/\s+/)[3]));
    expect([...tools]).toEqual(expect.arrayContaining(['SAST', 'secretlint', 'ShellCheck'].filter((t) => t !== 'ShellCheck' || hasTool('shellcheck', ['--version'], 'apt-get install shellcheck'))));
    // Most urgent first.
    const risks = rows.map((row) => Number(row.trim().split(/\s+/)[1]));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(rows[0]).toMatch(/^\s+P0/);
    expect(run.stdout).toMatch(/Fix first:\n {2}1\. P0 risk \d+: /);
  });

  it('reports progress on stderr: each scanner, its time and its findings', () => {
    // ESLint's findings are the engine's on the same lines: joined into them, and said so rather than a bare 0.
    expect(run.stderr).toMatch(/eslint-security: ran, 0 findings \(\+3 merged into pipewarden-sast\) in \d+\.\d s/);
    expect(run.stderr).toMatch(/secretlint: ran, 2 findings in \d+\.\d s/);
  });

  it('writes results.sarif that is valid SARIF 2.1.0, with relative URIs and fingerprints', async () => {
    const log = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as { runs: { results: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] };
    const results = log.runs.flatMap((r) => r.results);
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const result of results) {
      expect(result.partialFingerprints['pipewarden/v1']).toMatch(/^[0-9a-f]{32}:\d+$/);
      expect(result.locations[0]!.physicalLocation.artifactLocation).toMatchObject({ uriBaseId: '%SRCROOT%', uri: expect.stringMatching(/^examples\/vulnerable-app\//) });
    }
    expect(JSON.stringify(log)).not.toContain(repoRoot);
    sharedNotice('validating results.sarif against the official SARIF schema');
    if (hasShared) expect(validateSarif(log).errors).toEqual([]);
  });

  it('writes summary.md with the verdict and the findings table', async () => {
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/## Pipewarden: ❌ gate failed/);
    expect(summary).toMatch(/\| P0 \| \d+ \| critical \|/);
    expect(summary).toMatch(/\*\*Why the gate failed:\*\*\n\n- \*\*severity high or worse\*\*: \d+ findings/);
    const demo = demoExpected();
    expect(summary).toContain(`| Open | ${demo.byPriority.join(' | ')} | ${demo.total} |`);
    expect(summary).toMatch(new RegExp(`### Top findings${demo.total > 10 ? ` \\(10 of ${demo.total}\\)` : ''}\n\n1\\. \\*\\*P0\\*\\* risk \\d+, critical, fix within 7 days: `));
    expect(summary).toMatch(/Fix first/);
    // A taint finding says where the data came from (its code flow's first step).
    expect(summary).toMatch(/`js-sql-injection` at .*; from request parameter \\`id\\` at `examples\/vulnerable-app\/server\.js:\d+`/);
    expect(summary).toMatch(/### Scanners/);
  });

  it('never prints, writes or keeps the secrets it found', async () => {
    const config = await readFile(join(DEMO, 'config.js'), 'utf8');
    const secrets = [...config.matchAll(/'([A-Za-z0-9/+_]{20,})'/g)].map((m) => m[1]!);
    expect(secrets.length).toBe(3);
    const outputs = [run.stdout, run.stderr, await readFile(join(out, 'results.sarif'), 'utf8'), await readFile(join(out, 'summary.md'), 'utf8'), await readFile(join(out, 'raw', 'secretlint.sarif'), 'utf8')];
    for (const secret of secrets) for (const output of outputs) expect(output).not.toContain(secret);
  });
});

describe('pipewarden scan in a git repository', () => {
  it('passes (exit 0) on clean code', async () => {
    const repo = await gitRepo({ 'src/add.js': 'export const add = (a, b) => a + b;\n' });
    const run = pipewarden(['scan', '--out-dir', join(repo, '.out')], repo);
    expect(run.stderr).not.toMatch(/pipewarden: [^w]/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 findings/);
    expect(run.stdout).toMatch(/Gate passed/);
  });

  it('with --staged scans only what is staged', async () => {
    const token = `ghp_${'Zx9'.repeat(12)}`;
    const repo = await gitRepo({ 'staged.js': `const t = '${token}';\n`, 'unstaged.js': `const u = '${token}';\n` });
    execFileSync('git', ['add', 'staged.js'], { cwd: repo });
    const run = pipewarden(['scan', '--stage', 'precommit', '--staged', '--out-dir', join(repo, '.out')], repo);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/staged\.js:1/);
    expect(run.stdout).not.toMatch(/unstaged\.js/);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('honours pipewarden.yml: a gate that tolerates what was found passes', async () => {
    const repo = await gitRepo({
      'app.js': 'const x = eval(process.argv[2]);\n',
      'pipewarden.yml': 'gate:\n  rules:\n    - severity: critical\n',
    });
    const run = pipewarden(['scan', '--out-dir', join(repo, '.out')], repo);
    expect(run.stdout).toMatch(/detect-eval-with-expression/);
    expect(run.code).toBe(0);
  });

  it('ingests an existing report with --scanners none', async () => {
    const repo = await gitRepo({ 'a.sh': 'cd $1\n' });
    await writeFile(join(repo, 'sc.json'), JSON.stringify({ comments: [{ file: 'a.sh', line: 1, endLine: 1, column: 1, endColumn: 6, level: 'error', code: 1000, message: 'made-up error for the test' }] }));
    const run = pipewarden(['scan', '--scanners', 'none', '--report', 'sc.json', '--out-dir', join(repo, '.out')], repo);
    expect(run.stdout).toMatch(/a\.sh:1 +SC1000/);
    expect(run.code).toBe(0);
  });
});

describe('bad input: one line, exit 2', () => {
  it('a missing directory', () => {
    expectOneLineError(pipewarden(['scan', 'no/such/dir']), /^pipewarden: no\/such\/dir: no such file or directory$/);
  });

  it('an unknown scanner and a bad stage, both reported at once', () => {
    expectOneLineError(pipewarden(['scan', 'examples/vulnerable-app', '--scanners', 'eslint-security,nmap', '--stage', 'nightly']), /--stage: "nightly" is not a stage.*; --scanners\[1\]: unknown scanner "nmap"/);
  });

  it('an unreadable or invalid config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-bad-config-'));
    expectOneLineError(pipewarden(['scan', 'examples/vulnerable-app', '--config', dir]), /: cannot read config: is a directory/);
    expectOneLineError(pipewarden(['scan', 'examples/vulnerable-app', '--config', join(dir, 'missing.yml')]), /missing\.yml: cannot read config: no such file or directory/);
    await writeFile(join(dir, 'bad.yml'), 'gate:\n  on_scanner_error: maybe\n');
    expectOneLineError(pipewarden(['scan', 'examples/vulnerable-app', '--config', join(dir, 'bad.yml')]), /bad\.yml: invalid configuration: gate\.on_scanner_error: expected one of "fail"\|"warn"$/);
  });

  it('a config with three mistakes: three lines, each with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-three-'));
    const file = join(dir, 'pipewarden.yml');
    await writeFile(file, 'gate:\n  rules:\n    - severity: high\n    - category: secrets\n    - risk: high\n  scop: new\nwaivers:\n  - rule: CVE-2021-44228\n    reason: WAF\n    owner: platform\n    expires: soon\n');
    const run = pipewarden(['scan', 'examples/vulnerable-app', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `pipewarden: ${file}: gate.rules[2].risk: expected a number, got a string`,
      `pipewarden: ${file}: gate: unknown key "scop"`,
      `pipewarden: ${file}: waivers[0].expires: expected a date as YYYY-MM-DD`,
    ]);
  });

  it('an unknown option or command', () => {
    expectOneLineError(pipewarden(['scan', '--fast']), /unknown option --fast/);
    expectOneLineError(pipewarden(['deploy']), /unknown command "deploy"/);
  });

  it('a truncated report given with --report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-trunc-'));
    await writeFile(join(dir, 'cut.sarif'), '{"version":"2.1.0","runs":[{"tool":{"dri');
    expectOneLineError(pipewarden(['scan', dir, '--scanners', 'none', '--report', join(dir, 'cut.sarif'), '--out-dir', join(dir, 'out')]), /cut\.sarif: is truncated/);
    expect(existsSync(join(dir, 'out', 'results.sarif'))).toBe(false);
  });
});

describe.skipIf(!hasShared)('pipewarden convert on the real SARIF corpus', () => {
  sharedNotice('convert on ../shared/corpus/sarif');
  for (const file of corpusFiles('sarif', '.sarif')) {
    it(`${basename(file)}: valid SARIF out, or exit 2 with one line`, async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'pw-convert-')), 'out.sarif');
      const run = pipewarden(['convert', file, '-o', out]);
      if (run.code === 0) {
        expect(validateSarif(JSON.parse(await readFile(out, 'utf8'))).errors).toEqual([]);
      } else {
        expectOneLineError(run, new RegExp(`^pipewarden: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not valid SARIF 2\\.1\\.0: `));
        expect(existsSync(out)).toBe(false);
      }
    });
  }
});

describe('informational commands', () => {
  it('--version, --help, formats and scanners', async () => {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    expect(pipewarden(['--version']).stdout.trim()).toBe(manifest.version);
    const help = pipewarden(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/scan \[DIR\]/);
    expect(pipewarden(['scan', '--help']).stdout).toMatch(/--report FILE\[:FORMAT\]/);
    expect(pipewarden(['formats']).stdout).toMatch(/^sarif\s+SARIF 2\.1\.0/m);
    const scanners = pipewarden(['scanners']).stdout;
    expect(scanners).toMatch(/^eslint-security\s+sast\s+precommit,commit\s+installed \d+\.\d+\.\d+/m);
    expect(scanners).toMatch(/^secretlint\s+secrets/m);
    expect(scanners).toMatch(/^shellcheck\s+sast/m);
  });
});
