import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

/**
 * The repository as a user gets it (a runner's checkout of the action at a ref): only the files git would commit
 * (the working tree as `git add -A` sees it, so uncommitted work is tested too), extracted with `git archive`
 * into a temporary folder, with no node_modules anywhere above or inside it.
 */
export function archiveRepo(paths: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-archive-'));
  const index = join(dir, 'index');
  // A private index: the user's own staging area is left as it was.
  copyFileSync(execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-path', 'index'], { cwd: repoRoot, encoding: 'utf8' }).trim(), index);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  execFileSync('git', ['add', '-A'], { cwd: repoRoot, env });
  const tree = execFileSync('git', ['write-tree'], { cwd: repoRoot, env, encoding: 'utf8' }).trim();
  const root = join(dir, 'repo');
  mkdirSync(root);
  const tar = execFileSync('git', ['archive', '--format=tar', tree, ...paths], { cwd: repoRoot, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', root], { input: tar });
  return root;
}
