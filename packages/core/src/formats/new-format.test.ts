import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../test-support/shared.js';

const SCRIPT = join(repoRoot, 'scripts', 'new-format.mjs');

async function fakeRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pw-scaffold-'));
  await mkdir(join(root, 'packages', 'core', 'src', 'formats'), { recursive: true });
  await writeFile(join(root, 'packages', 'core', 'src', 'formats', 'index.ts'), "export { sarif } from './sarif/index.js';\n");
  return root;
}

describe('pnpm new-format', () => {
  it('creates the folder, the corpus test, the test data placeholder and the barrel line', async () => {
    const root = await fakeRepo();
    const out = execFileSync(process.execPath, [SCRIPT, 'acme-scan', '--corpus', 'acme', '--root', root], { encoding: 'utf8' });
    const dir = join(root, 'packages', 'core', 'src', 'formats', 'acme-scan');
    const files = (await readdir(dir, { recursive: true })).map((file) => file.replace(/\\/g, '/')).sort();
    expect(files).toEqual(['acme-scan.test.ts', 'index.ts', 'testdata', 'testdata/README.md', 'testdata/placeholder.input.json']);
    // The placeholder has the shape the scaffolded parser reads; formats/testdata.test.ts refuses it until it is replaced.
    const placeholder = JSON.parse(await readFile(join(dir, 'testdata', 'placeholder.input.json'), 'utf8')) as { findings: { rule: string }[] };
    expect(placeholder.findings[0]!.rule).toBe('example-rule');
    const regenerate = 'UPDATE_TESTDATA=1 pnpm vitest run packages/core/src/formats/testdata.test.ts';
    expect(await readFile(join(dir, 'testdata', 'README.md'), 'utf8')).toContain(regenerate);
    expect(out).toContain(regenerate);
    expect(await readFile(join(dir, 'index.ts'), 'utf8')).toMatch(/export const acmeScan: InputFormat = \{\n {2}id: 'acme-scan'/);
    expect(await readFile(join(dir, 'acme-scan.test.ts'), 'utf8')).toMatch(/folder: 'acme'/);
    expect(await readFile(join(root, 'packages', 'core', 'src', 'formats', 'index.ts'), 'utf8')).toBe(
      "export { sarif } from './sarif/index.js';\nexport { acmeScan } from './acme-scan/index.js';\n",
    );
  });

  it('refuses a bad id, a second copy, and says so in one line with exit 2', async () => {
    const root = await fakeRepo();
    const bad = spawnSync(process.execPath, [SCRIPT, 'Acme_Scan', '--root', root], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^new-format: "Acme_Scan" is not a kebab-case id/);
    execFileSync(process.execPath, [SCRIPT, 'sarif2', '--root', root]);
    const again = spawnSync(process.execPath, [SCRIPT, 'sarif2', '--root', root], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(existsSync(join(root, 'packages', 'core', 'src', 'formats', 'sarif2', 'sarif2.test.ts'))).toBe(true);
  });
});
