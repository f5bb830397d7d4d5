import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeExec } from '../ports/node-exec.js';
import type { ExecRequest } from '../ports/types.js';
import { gitAttributes, gitIgnored } from './git-attributes.js';

// Names a command line or a line-per-path protocol gets wrong: spaces, a leading dash, non-ASCII, quotes, a newline.
const ODD = ['dir with space/a b.js', '-rf.js', 'ünïcode/façade.js', 'q"uote\'s.js', 'new\nline.js'];

async function repo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-gitattr-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  await writeFile(join(dir, '.gitattributes'), 'vendor/** linguist-vendored\ngen/*.js linguist-generated\nvendor/ours.js -linguist-vendored\n*.js text\n');
  await writeFile(join(dir, '.gitignore'), 'build/\n*.log\n');
  for (const path of ['vendor/lib.js', 'vendor/ours.js', 'gen/out.js', 'build/app.js', 'src/tracked.log', ...ODD]) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), '1;\n');
  }
  // A tracked file matching an ignore pattern is the team's: git does not call it ignored.
  execFileSync('git', ['add', '-f', 'src/tracked.log'], { cwd: dir });
  return dir;
}

function counting() {
  const calls: ExecRequest[] = [];
  return { calls, ports: { exec: (request: ExecRequest) => (calls.push(request), nodeExec(request)) } };
}

describe('git attributes and ignores, asked of the real git', () => {
  it('reads vendored, generated and owned files, whatever their names hold', async () => {
    const dir = await repo();
    const attributes = gitAttributes(dir, { exec: nodeExec });
    await attributes.prefetch(['vendor/lib.js', 'vendor/ours.js', 'gen/out.js', 'src/app.js', ...ODD]);
    expect(await attributes.of('vendor/lib.js')).toBe('vendored');
    expect(await attributes.of('vendor/ours.js')).toBe('owned');
    expect(await attributes.of('gen/out.js')).toBe('generated');
    expect(await attributes.of('src/app.js')).toBeUndefined();
    for (const path of ODD) expect(await attributes.of(path)).toBeUndefined();
    // Asked later, one by one in the same turn: gathered into one call.
    expect(await Promise.all(['vendor/x/y.js', 'gen/z.js', 'other.js'].map((path) => attributes.of(path)))).toEqual(['vendored', 'generated', undefined]);
  });

  it('names the ignored files, never a tracked one, and odd names come back whole', async () => {
    const dir = await repo();
    await writeFile(join(dir, '.gitignore'), `build/\n*.log\n${ODD.map((p) => `/${p.replace(/[\\*?[ ]/g, '\\$&').replace('\n', '?')}`).join('\n')}\n`);
    const ignored = await gitIgnored(dir, ['build/app.js', 'src/tracked.log', 'src/new.log', 'src/app.js', ...ODD], { exec: nodeExec });
    expect([...ignored].sort()).toEqual(['build/app.js', 'src/new.log', ...ODD].sort());
  });

  it('asks git once for thousands of paths (each call forks the scan, whose heap may be a gigabyte)', async () => {
    const dir = await repo();
    const paths = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `vendor/m${i}/f.js` : `src/m${i}/f.log`));
    const attrs = counting();
    const attributes = gitAttributes(dir, attrs.ports);
    await attributes.prefetch(paths);
    expect(attrs.calls).toHaveLength(1);
    expect(await attributes.of('vendor/m1/f.js')).toBe('vendored');
    const ignores = counting();
    expect((await gitIgnored(dir, paths, ignores.ports)).size).toBe(1000);
    expect(ignores.calls).toHaveLength(1);
  });

  it('outside a work tree nothing is marked or ignored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-nogit-'));
    const attributes = gitAttributes(dir, { exec: nodeExec }, { PATH: process.env.PATH, GIT_CEILING_DIRECTORIES: dirname(dir) });
    expect(await attributes.of('vendor/lib.js')).toBeUndefined();
    expect((await gitIgnored(dir, ['build/a.js'], { exec: nodeExec }, { PATH: process.env.PATH, GIT_CEILING_DIRECTORIES: dirname(dir) })).size).toBe(0);
  });
});
