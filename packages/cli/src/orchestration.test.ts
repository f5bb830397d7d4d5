import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

let dir: string;
let bin: string;

function pipewarden(args: string[], env: Record<string, string> = {}, cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Alive means running: a killed child can linger as a zombie where nothing reaps it. */
function running(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-orch-'));
  bin = join(dir, 'bin');
  await mkdir(bin);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  await writeFile(join(dir, '.gitignore'), 'bin/\nout/\npid\n');
  await writeFile(join(dir, 'run.sh'), 'echo $1\n');
  // A shellcheck that answers --version like the real one, then hangs with a child of its own.
  await writeFile(join(bin, 'shellcheck'), `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "ShellCheck - shell script analysis tool"; echo "version: 0.9.0"; exit 0; fi\nsleep 600 &\necho $! > "${join(dir, 'pid')}"\nwait\n`);
  await chmod(join(bin, 'shellcheck'), 0o755);
});

describe('a scanner that hangs', () => {
  it('is stopped at its timeout with its children, recorded as a failed run, and the gate fails closed (exit 2)', async () => {
    await writeFile(join(dir, 'pipewarden.yml'), 'scanners:\n  shellcheck:\n    timeout: 2\n');
    const run = pipewarden(['scan', '--scanners', 'shellcheck', '--out-dir', 'out'], { PATH: `${bin}:${process.env.PATH}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pipewarden: shellcheck: did not run: timed out after 2 s; it was stopped with the processes it started$/m);
    const child = Number(await readFile(join(dir, 'pid'), 'utf8'));
    expect(running(child)).toBe(false);
    const log = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as { runs: { tool: { driver: { name: string } }; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    const failed = log.runs.find((r) => r.tool.driver.name === 'ShellCheck')!;
    expect(failed.invocations[0]!.executionSuccessful).toBe(false);
    expect(failed.invocations[0]!.toolExecutionNotifications[0]!.message.text).toMatch(/timed out after 2 s/);
    // One verdict everywhere: the exit code, the console, summary.md, report.json, the SARIF log and the history line.
    expect(run.stdout).toMatch(/^ERROR: 1 scanner could not run \(gate\.on_scanner_error: fail\):\n  - shellcheck did not run: timed out after 2 s/m);
    expect(run.stdout).not.toMatch(/Gate passed/);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toMatch(/^## Pipewarden: ⚠️ error: a scanner could not run\n/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as { verdict: string; errors: string[] };
    expect(report).toMatchObject({ verdict: 'error', errors: [expect.stringMatching(/^shellcheck did not run: timed out/)] });
    expect((log as unknown as { properties: Record<string, { status?: string }> }).properties['pipewarden/verdict']?.status).toBe('error');
    expect(await readFile(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/<h1 id="verdict">Error: a scanner could not run<\/h1>/);
    const history = (await readFile(join(dir, 'out', 'history.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { verdict: string });
    expect(history.at(-1)?.verdict).toBe('error');
  });

  it('a cancelled job (SIGTERM, SIGINT) stops every scanner it started, with their children, before it exits', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      await rm(join(dir, 'pid'), { force: true });
      const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'shellcheck', '--out-dir', 'out'], { cwd: dir, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', PATH: `${bin}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The scanner is running when its child wrote its pid.
      while (!existsSync(join(dir, 'pid')) || !(await readFile(join(dir, 'pid'), 'utf8')).trim()) await new Promise((r) => setTimeout(r, 50));
      const scannerChild = Number(await readFile(join(dir, 'pid'), 'utf8'));
      expect(running(scannerChild)).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toMatch(new RegExp(`pipewarden: stopped by ${signal}: the scanners it started are stopped`));
      expect(running(scannerChild)).toBe(false);
    }
  });

  it('with on_scanner_error: warn, the gate passes with a warning', async () => {
    await writeFile(join(dir, 'pipewarden.yml'), 'scanners:\n  shellcheck:\n    timeout: 1\ngate:\n  on_scanner_error: warn\n');
    const run = pipewarden(['scan', '--scanners', 'shellcheck', '--out-dir', 'out'], { PATH: `${bin}:${process.env.PATH}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning: shellcheck did not run: timed out after 1 s/);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toMatch(/\| shellcheck \| 0\.9\.0 \| failed: timed out after 1 s/);
  });
});

describe('a scanner that applies but is not installed', () => {
  it('is listed as skipped with its install hint, in the output and the summary', async () => {
    const emptyPath = join(dir, 'empty-path');
    await mkdir(emptyPath);
    const run = pipewarden(['scan', join(repoRoot, 'examples', 'vulnerable-app'), '--out-dir', join(dir, 'out')], { PATH: emptyPath });
    expect(run.stdout).toMatch(/warning: shellcheck was skipped: shellcheck is not on PATH; install it with `apt-get install shellcheck`/);
    expect(await readFile(join(dir, 'out', 'summary.md'), 'utf8')).toMatch(/\| shellcheck \| {2}\| skipped: shellcheck is not on PATH; install it with/);
    expect(existsSync(join(dir, 'out', 'results.sarif'))).toBe(true);
  });
});

describe('incremental and pre-commit', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=T', ...args], { cwd, encoding: 'utf8' });

  it('with --diff-base, file-list scanners get only the changed files, and unchanged findings are not "fixed"', async () => {
    await writeFile(join(dir, 'a.js'), 'module.exports = (x) => eval(x);\n');
    await writeFile(join(dir, 'b.js'), 'module.exports = (y) => eval(y);\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    const base = pipewarden(['scan', '--scanners', 'eslint-security', '--out-dir', 'out/base']);
    expect(base.stderr).toMatch(/eslint-security [\d.]+: scanning 2 files/);
    await writeFile(join(dir, 'b.js'), 'module.exports = (y) => eval(y + 1);\n');
    const run = pipewarden(['scan', '--scanners', 'eslint-security', '--diff-base', 'HEAD', '--baseline', 'out/base/results.sarif', '--json', '--out-dir', 'out/pr']);
    expect(run.stderr).toMatch(/eslint-security [\d.]+: scanning 1 file\b/);
    const summary = JSON.parse(run.stdout) as { verdict: string; baseline: Record<string, number>; findings: { location: { path: string; line: number }; state: string }[] };
    expect(summary.baseline).toMatchObject({ absent: 1, new: 1, unchanged: 1 });
    expect(summary.findings.map((f) => `${f.location.path}:${f.location.line} ${f.state}`).sort()).toEqual(['a.js:1 unchanged', 'b.js:1 new']);
    expect(summary.verdict).toBe('fail');
  });

  it('hook install writes a pre-commit hook that stops a commit with a staged token, and lets a clean one through', async () => {
    const shim = join(dir, 'bin', 'pipewarden');
    await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    await chmod(shim, 0o755);
    expect(pipewarden(['hook', 'install']).code).toBe(0);
    expect(await readFile(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toMatch(/scan --stage precommit --staged/);
    const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, PIPEWARDEN_OFFLINE: '1' };
    await writeFile(join(dir, 'token.js'), `module.exports = '${'ghp_'}${'Kq7'.repeat(12)}';\n`);
    execFileSync('git', ['add', 'token.js'], { cwd: dir });
    const refused = spawnSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=T', 'commit', '-qm', 'add token'], { cwd: dir, env, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/token\.js:1/);
    execFileSync('git', ['rm', '-q', '--cached', 'token.js'], { cwd: dir });
    await writeFile(join(dir, 'ok.js'), 'module.exports = 1;\n');
    execFileSync('git', ['add', 'ok.js', '.gitignore'], { cwd: dir });
    const clean = spawnSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=T', 'commit', '-qm', 'clean'], { cwd: dir, env, encoding: 'utf8' });
    expect({ status: clean.status, out: clean.stdout + clean.stderr }).toMatchObject({ status: 0 });
    const again = pipewarden(['hook', 'install']);
    expect(again.code).toBe(0);
  });
});

describe('--fail-fast and live progress', () => {
  it('--fail-fast stops the scan when one scanner fails the gate: the hanging one is stopped, not waited for', async () => {
    await writeFile(join(dir, 'token.js'), `module.exports = '${'ghp_'}${'Rt5'.repeat(12)}';\n`);
    const run = pipewarden(['scan', '--scanners', 'shellcheck,secretlint', '--fail-fast', '--out-dir', 'out'], { PATH: `${bin}:${process.env.PATH}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/secretlint failed the gate: --fail-fast stops the scan/);
    expect(run.stdout).toMatch(/warning: shellcheck was skipped: stopped by --fail-fast after a scanner failed the gate/);
    expect(run.stdout).toMatch(/token\.js:1/);
    const child = Number(await readFile(join(dir, 'pid'), 'utf8'));
    expect(running(child)).toBe(false);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal, a live line shows the running scanners; in CI logs, plain lines', async () => {
    await writeFile(join(dir, 'a.js'), 'module.exports = (x) => eval(x);\n');
    const env = { ...process.env, PIPEWARDEN_OFFLINE: '1' } as Record<string, string | undefined>;
    delete env.CI;
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" scan --scanners eslint-security --out-dir out`, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    expect(tty.stdout).toMatch(/\r\x1b\[K/);
    expect(tty.stdout).toMatch(/scanning: eslint-security \d+\.\ds/);
    const plain = pipewarden(['scan', '--scanners', 'eslint-security', '--out-dir', 'out']);
    expect(plain.stderr).not.toMatch(/\x1b\[K/);
    expect(plain.stderr).toMatch(/eslint-security [\d.]+: scanning 1 file/);
  });
});
