import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeExec } from '../ports/node-exec.js';
import { listFiles, listStagedFiles } from './list-files.js';

const ports = { exec: nodeExec };

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-files-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('listing files to scan', () => {
  it('in a git work tree: tracked and untracked files, .gitignore honoured, deleted files left out', async () => {
    // .npm/ is npm's cache where CI keeps it to cache it (untracked, not ignored): another project's lockfile, never listed.
    const dir = await tree({ '.gitignore': 'build/\n', 'a.js': '', 'gone.js': '', 'build/out.js': '', 'node_modules/x/i.js': '', 'new.sh': '', '.npm/_npx/1a/package-lock.json': '{}', '.pipewarden-cache/tools/t/1/x.sh': '' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', 'a.js', 'gone.js', '.gitignore');
    await rm(join(dir, 'gone.js'));
    expect(await listFiles(dir, ports)).toEqual(['.gitignore', 'a.js', 'new.sh']);
    git('add', 'new.sh');
    expect(await listStagedFiles(dir, ports)).toEqual(['.gitignore', 'a.js', 'new.sh']); // gone.js is staged but no longer on disk
  });

  it('outside git: a walk that skips dependency and VCS folders', async () => {
    const dir = await tree({ 'src/a.js': '', 'node_modules/x/i.js': '', '.pipewarden/results.sarif': '', '.npm/_npx/1a/package-lock.json': '{}', '.pnpm-store/v3/files/00/x': '' });
    expect(await listFiles(dir, ports)).toEqual(['src/a.js']);
    expect(await listStagedFiles(dir, ports)).toBeUndefined();
  });

  it('leaves out a symlink that leads outside the root (or to a FIFO), in git and outside it, and says which', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pw-files-links-'));
    await writeFile(join(base, 'secret.env'), 'TOKEN=outside\n');
    for (const inGit of [true, false]) {
      const dir = await tree({ 'a.js': '', 'src/b.js': '' });
      await symlink(join(base, 'secret.env'), join(dir, 'config.env'));
      await symlink('../../', join(dir, 'src', 'up'));
      await symlink('b.js', join(dir, 'src', 'same.js'));
      if (process.platform !== 'win32') {
        await symlink(join(dir, 'fifo'), join(dir, 'pipe.js'));
        execFileSync('mkfifo', [join(dir, 'fifo')]);
      }
      if (inGit) {
        execFileSync('git', ['init', '-q'], { cwd: dir });
        execFileSync('git', ['add', '.'], { cwd: dir });
      }
      const skipped: [string, string | undefined][] = [];
      const files = await listFiles(dir, ports, undefined, (path, why) => skipped.push([path, why]));
      // Inside git a symlink to a file inside the root is kept (its target is read in the root); outside git no symlink is followed.
      expect(files).toEqual(inGit ? ['a.js', 'src/b.js', 'src/same.js'] : ['a.js', 'src/b.js']);
      expect(skipped.filter(([, why]) => why).sort()).toEqual([['config.env', 'outside'], ...(process.platform !== 'win32' ? [['pipe.js', 'special']] : []), ['src/up', 'outside']].sort());
    }
  });
});
