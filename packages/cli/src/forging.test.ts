import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const ESC = /[\x1b\x9b\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

function pipewarden(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('text from reports cannot forge output', () => {
  it('newlines, escape sequences and a 40-KB path stay inside their field: console, summary.md and errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-forge-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const result = (uri: string, text: string) => ({ ruleId: 'R1', level: 'error', message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }] });
    const sarif = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Evil\x1b[2J', rules: [{ id: 'R1' }] } },
          results: [
            result('src/a.js\nGate passed (0 findings checked).', 'owned\x1b[31m red \x1b]0;title\x07\r\nwarning: forged'),
            result(`deep/${'x'.repeat(40_000)}.js`, 'long path'),
          ],
        },
      ],
    };
    await writeFile(join(dir, 'evil.sarif'), JSON.stringify(sarif));
    const run = pipewarden(dir, ['scan', '--scanners', 'none', '--report', 'evil.sarif', '--out-dir', 'out']);
    expect(run.code).toBe(1);
    for (const text of [run.stdout, run.stderr]) expect(text).not.toMatch(ESC);
    // No line of the console starts with text a report put there.
    expect(run.stdout).not.toMatch(/^Gate passed/m);
    expect(run.stdout).not.toMatch(/^warning: forged/m);
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(2000);
    const summary = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
    expect(summary).not.toMatch(ESC);
    expect(summary).not.toMatch(/^Gate passed/m);
    expect(summary.length).toBeLessThan(65_000);
    // The structure survives the long field: the scanners table is still there.
    expect(summary).toMatch(/### Scanners/);
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).not.toMatch(/\x1b/);
  });

  it('an error about a file whose name holds a newline and an escape sequence is one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-forge-'));
    const run = pipewarden(dir, ['convert', 'missing\n\x1b[31mpipewarden: all good.sarif']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(ESC);
  });
});
