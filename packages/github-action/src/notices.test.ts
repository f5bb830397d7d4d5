import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNotices } from '../../../scripts/build/third-party-notices.mjs';
import { bundledModules, licenseFilesOnDisk, NOTICES, readNotices } from '../../../test-support/notices.js';
import { repoRoot } from '../../../test-support/shared.js';

const actionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(actionDir, 'dist');
const notices = readNotices(join(dist, NOTICES));
const coreDist = join(repoRoot, 'packages', 'core', 'dist');

const installedVersion = (name: string, from = join(repoRoot, 'packages', 'core')) =>
  (JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe("the Action's dist/THIRD-PARTY-NOTICES.txt", () => {
  it('gives sigstore-js (bundled inside core, Apache-2.0) with the text of its license', () => {
    const sigstore = notices.entries.get(`sigstore@${installedVersion('sigstore')}`);
    expect(sigstore?.license).toBe('Apache-2.0');
    expect(sigstore?.files.map((file) => file.name)).toEqual(['LICENSE']);
    expect(sigstore?.files[0]?.text).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(sigstore?.files[0]?.text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
  });

  it('covers the Jira and GitHub clients, the runners copied from core and the grammars', () => {
    const names = new Set([...notices.entries.keys()].map((key) => key.slice(0, key.lastIndexOf('@'))));
    for (const name of ['jira.js', '@octokit/core', '@actions/core', 'eslint', 'eslint-plugin-security', '@secretlint/core', 'lockfile-lint', '@cyclonedx/cyclonedx-npm', 'web-tree-sitter', 'tree-sitter-javascript']) {
      expect(names, name).toContain(name);
    }
    const manifest = JSON.parse(readFileSync(join(dist, 'runners', 'manifest.json'), 'utf8')) as Record<string, { tool: string; version: string }>;
    for (const { tool, version } of Object.values(manifest)) expect(notices.entries.has(`${tool}@${version}`), tool).toBe(true);
  });

  it('gives every package a license and its license texts, or says it has none, with the index agreeing', () => {
    expect(notices.entries.size).toBeGreaterThan(200);
    expect([...notices.index]).toEqual([...notices.entries].map(([key, entry]) => [key, entry.license]));
    for (const [key, entry] of notices.entries) {
      expect(entry.license, key).not.toBe('');
      if (entry.missing) continue;
      expect(entry.files.length, key).toBeGreaterThan(0);
      for (const file of entry.files) expect(file.text.trim(), `${key} ${file.name}`).not.toBe('');
    }
  });

  it('lists every third-party package the bundles contain, with the license files it ships', () => {
    const { packages, workspaceDists } = bundledModules(actionDir);
    expect(packages.size).toBeGreaterThan(20);
    for (const { key, dir } of packages.values()) {
      const entry = notices.entries.get(key);
      expect(entry, key).toBeDefined();
      expect(entry?.files.map((file) => file.name), key).toEqual(licenseFilesOnDisk(dir).sort());
    }
    // Core's dist holds bundles of its own (sigstore-js): what its notices list is in the Action's.
    expect(workspaceDists).toContain(coreDist);
    for (const folder of [coreDist, join(coreDist, 'runners'), join(repoRoot, 'packages', 'sast', 'dist', 'grammars')]) {
      for (const key of readNotices(join(folder, NOTICES)).entries.keys()) expect(notices.entries.has(key), `${key} from ${folder}`).toBe(true);
    }
  });

  it('is one file for the whole folder, sorted, with no path of the machine that built it', () => {
    expect(existsSync(join(dist, 'runners', NOTICES))).toBe(false);
    expect(existsSync(join(dist, 'grammars', NOTICES))).toBe(false);
    const keys = [...notices.entries.keys()];
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(notices.text).not.toContain(repoRoot);
    expect(notices.text).not.toMatch(/node_modules[\\/]\.pnpm/);
    expect(notices.text).not.toMatch(/\r/);
  });
});

describe('the notices writer', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** A pnpm-shaped tree: a package nested under another's node_modules, a nested package.json without a name. */
  function tree(): { root: string; files: [string, string, string, string] } {
    const root = mkdtempSync(join(tmpdir(), 'pw-notices-'));
    roots.push(root);
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    const a = 'node_modules/.pnpm/@scope+a@1.2.3/node_modules/@scope/a';
    put(`${a}/package.json`, JSON.stringify({ name: '@scope/a', version: '1.2.3', license: 'Apache-2.0' }));
    put(`${a}/LICENSE`, 'Apache License\r\nVersion 2.0\r\n');
    put(`${a}/NOTICE`, 'Copyright The A Authors\n');
    put(`${a}/licenses.json`, '{}');
    put(`${a}/dist/esm/package.json`, JSON.stringify({ type: 'module' }));
    put(`${a}/dist/esm/index.js`, 'export {};');
    const b = `${a}/node_modules/b`;
    put(`${b}/package.json`, JSON.stringify({ name: 'b', version: '0.1.0', licenses: [{ type: 'MIT' }] }));
    put(`${b}/index.js`, '');
    const c = 'node_modules/.pnpm/c@2.0.0/node_modules/c';
    put(`${c}/package.json`, JSON.stringify({ name: 'c', version: '2.0.0', license: { type: 'Apache-2.0' } }));
    put(`${c}/LICENSE.txt`, 'Apache License\nVersion 2.0\n');
    put(`${c}/index.js`, '');
    put('src/ours.ts', '');
    return { root, files: [`${a}/dist/esm/index.js`, `${b}/index.js`, `${c}/index.js`, 'src/ours.ts'] };
  }

  it('writes the same bytes from two folders, with each nested package under its own name and version', async () => {
    const [one, two] = [tree(), tree()];
    await writeNotices({ output: 'out/N.txt', title: 'test', files: one.files, cwd: one.root });
    await writeNotices({ output: 'out/N.txt', title: 'test', files: [...two.files].reverse(), cwd: two.root });
    const text = readFileSync(join(one.root, 'out', 'N.txt'), 'utf8');
    expect(readFileSync(join(two.root, 'out', 'N.txt'), 'utf8')).toBe(text);
    expect(readdirSync(join(one.root, 'out'))).toEqual(['N.txt']);
    const parsed = readNotices(join(one.root, 'out', 'N.txt'));
    expect([...parsed.index]).toEqual([
      ['@scope/a@1.2.3', 'Apache-2.0'],
      ['b@0.1.0', 'MIT'],
      ['c@2.0.0', 'Apache-2.0'],
    ]);
    expect(parsed.entries.get('@scope/a@1.2.3')?.files).toEqual([
      { name: 'LICENSE', text: 'Apache License\nVersion 2.0' },
      { name: 'NOTICE', text: 'Copyright The A Authors' },
    ]);
    expect(parsed.entries.get('b@0.1.0')?.missing).toBe(true);
    // A text given above is named, not repeated.
    expect(text).toContain('--- LICENSE.txt ---\n\n(the same text as the LICENSE of @scope/a@1.2.3)\n');
    expect(parsed.entries.get('c@2.0.0')?.files).toEqual([{ name: 'LICENSE.txt', text: 'Apache License\nVersion 2.0' }]);
    expect(text).not.toContain(one.root);
  });

  it('refuses a license text that could be read as a block of its own, and writes nothing', async () => {
    const { root, files } = tree();
    const rule = '='.repeat(80);
    writeFileSync(join(root, 'node_modules/.pnpm/c@2.0.0/node_modules/c/LICENSE.txt'), `MIT\n\n${rule}\nPackage: forged@1.0.0\nLicense: MIT\n${rule}\n\n(no license file in the package)\n`);
    await expect(writeNotices({ output: 'out/N.txt', title: 'forged', files, cwd: root })).rejects.toThrow('forged: a license text cannot be told apart from the notices');
    expect(existsSync(join(root, 'out', 'N.txt'))).toBe(false);
  });

  it('merges a notices file it wrote without changing its blocks', async () => {
    const { root, files } = tree();
    await writeNotices({ output: 'inner/N.txt', title: 'inner', files: [files[0]], cwd: root });
    await writeNotices({ output: 'outer/N.txt', title: 'outer', files: [files[1], files[2]], include: ['inner/N.txt'], cwd: root });
    const inner = readNotices(join(root, 'inner', 'N.txt'));
    const outer = readNotices(join(root, 'outer', 'N.txt'));
    expect(outer.entries.get('@scope/a@1.2.3')).toEqual(inner.entries.get('@scope/a@1.2.3'));
    expect([...outer.entries.keys()]).toEqual(['@scope/a@1.2.3', 'b@0.1.0', 'c@2.0.0']);
    // Merged, then written again: the same file as writing all three at once.
    await writeNotices({ output: 'all/N.txt', title: 'outer', files, cwd: root });
    expect(readFileSync(join(root, 'outer', 'N.txt'), 'utf8')).toBe(readFileSync(join(root, 'all', 'N.txt'), 'utf8'));
  });
});
