import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, repoRoot } from '../../../test-support/shared.js';
import { validateSarif } from '../../../test-support/sarif-schema.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

function scan(cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'scan', '--scanners', 'eslint-security,secretlint', '--out-dir', 'out'], { cwd, env: { ...process.env, PIPEWARDEN_OFFLINE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('runs racing on one out-dir (two pipelines, a retry racing the first)', () => {
  it('20 pairs: no run fails, every output is whole and valid, the history has one line per run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-race-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    await writeFile(join(dir, '.gitignore'), 'out/\n');
    await writeFile(join(dir, 'app.js'), 'module.exports = (req) => eval(req.query.x);\n');
    const runs: { code: number | null; stderr: string }[] = [];
    for (let pair = 0; pair < 20; pair++) runs.push(...(await Promise.all([scan(dir), scan(dir)])));
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/internal error|\n\s+at |did not run|cannot be read/);
      expect(run.code).toBe(1);
    }
    const out = join(dir, 'out');
    const sarif = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as unknown;
    // The official schema lives in ../shared: checked where it is there (CI); parsed whole everywhere.
    if (hasShared) expect(validateSarif(sarif)).toMatchObject({ valid: true });
    JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    for (const name of await readdir(join(out, 'github'))) JSON.parse(await readFile(join(out, 'github', name), 'utf8'));
    for (const name of await readdir(join(out, 'raw'))) JSON.parse(await readFile(join(out, 'raw', name), 'utf8'));
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toMatch(/^## Pipewarden: ❌ gate failed/);
    const history = (await readFile(join(out, 'history.jsonl'), 'utf8')).trim().split('\n');
    expect(history).toHaveLength(40);
    for (const line of history) JSON.parse(line);
    // Nothing of a run's own is left behind: staging folders, temp files, the lock.
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 180_000);
});
