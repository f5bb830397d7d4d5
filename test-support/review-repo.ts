import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A login handler before and after a change to how it checks the password. */
export const LOGIN_BEFORE = `'use strict';
const bcrypt = require('bcrypt');
const users = require('../db/users');

module.exports = async function login(req, res) {
  const user = await users.find(req.body.name);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).end();
  res.redirect('/');
};
`;
export const LOGIN_AFTER = LOGIN_BEFORE.replace("  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).end();\n", "  if (!user) return res.status(401).end();\n  if (req.body.password !== 'letmein' && !(await bcrypt.compare(req.body.password, user.hash))) return res.status(401).end();\n");

export const WORKFLOW_BEFORE = `name: ci
on:
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;
export const WORKFLOW_AFTER = WORKFLOW_BEFORE.replace('  pull_request:\n', '  pull_request_target:\n');

/**
 * A git repository with `base` committed on main and `change` committed on top of it on a feature branch,
 * checked out: what a PR/MR pipeline sees. Files map to text (null: the change removes it); nested paths are created.
 */
export async function changedRepo(base: Record<string, string>, change: Record<string, string | null>): Promise<{ dir: string; sha: string; baseSha: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-review-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  const put = async (files: Record<string, string | null>) => {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      if (text === null) await rm(join(dir, name));
      else await writeFile(join(dir, name), text);
    }
  };
  git('init', '-q', '-b', 'main');
  await put(base);
  git('add', '.');
  git('commit', '-qm', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  await put(change);
  git('add', '-A');
  git('commit', '-qm', 'change');
  return { dir, sha: git('rev-parse', 'HEAD'), baseSha };
}
