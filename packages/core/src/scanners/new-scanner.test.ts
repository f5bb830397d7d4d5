import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../test-support/shared.js';

const SCRIPT = join(repoRoot, 'scripts', 'new-scanner.mjs');

async function fakeRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pw-scaffold-scanner-'));
  await mkdir(join(root, 'packages', 'core', 'src', 'scanners'), { recursive: true });
  await writeFile(join(root, 'packages', 'core', 'src', 'scanners', 'index.ts'), "export { trivy } from './trivy.js';\n");
  return root;
}

describe('pnpm new-scanner', () => {
  it('creates a command scanner with an options schema, its test and the barrel line', async () => {
    const root = await fakeRepo();
    execFileSync(process.execPath, [SCRIPT, 'acme-lint', '--category', 'iac', '--root', root], { encoding: 'utf8' });
    const dir = join(root, 'packages', 'core', 'src', 'scanners');
    expect((await readdir(dir)).sort()).toEqual(['acme-lint.test.ts', 'acme-lint.ts', 'index.ts']);
    const source = await readFile(join(dir, 'acme-lint.ts'), 'utf8');
    expect(source).toMatch(/export const acmeLint: Scanner = \{\n {2}kind: 'command',\n {2}id: 'acme-lint',/);
    expect(source).toMatch(/category: 'iac'/);
    expect(source).toMatch(/options: z\.strictObject/);
    expect(await readFile(join(dir, 'acme-lint.test.ts'), 'utf8')).toContain('rejects.toThrow(/scanners\\.acme-lint/)');
    expect(await readFile(join(dir, 'index.ts'), 'utf8')).toBe("export { trivy } from './trivy.js';\nexport { acmeLint } from './acme-lint.js';\n");
  });

  it('creates an in-process analyzer with --kind analyzer', async () => {
    const root = await fakeRepo();
    execFileSync(process.execPath, [SCRIPT, 'todo-check', '--kind', 'analyzer', '--root', root]);
    const source = await readFile(join(root, 'packages', 'core', 'src', 'scanners', 'todo-check.ts'), 'utf8');
    expect(source).toMatch(/kind: 'analyzer'/);
    expect(source).toMatch(/async analyze\(target\)/);
    expect(source).not.toMatch(/command\(/);
  });

  it('refuses a bad id, kind and category at once, and a second copy, in one line with exit 2', async () => {
    const root = await fakeRepo();
    const bad = spawnSync(process.execPath, [SCRIPT, 'Acme_Lint', '--kind', 'daemon', '--category', 'fuzz', '--root', root], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^new-scanner: "Acme_Lint" is not a kebab-case id.*--kind "daemon".*--category "fuzz"/);
    execFileSync(process.execPath, [SCRIPT, 'acme', '--root', root]);
    const again = spawnSync(process.execPath, [SCRIPT, 'acme', '--root', root], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});
