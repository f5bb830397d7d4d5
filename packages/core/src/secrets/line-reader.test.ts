import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLineReader, readTextUnder } from './line-reader.js';

describe('reading under the root only', () => {
  it('reads lines of files below root, and nothing reached by "..", an absolute path or a symlink out of it', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pw-lines-'));
    const root = join(base, 'repo');
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(base, 'outside.env'), 'TOKEN=outside\n');
    await writeFile(join(root, 'src', 'app.js'), 'one\r\ntwo\nthree');
    await symlink(join(base, 'outside.env'), join(root, 'linked.env'));
    await symlink(join(root, 'src', 'app.js'), join(root, 'inside.js'));
    const readLine = createLineReader(root);
    expect(await readLine('src/app.js', 2)).toBe('two');
    expect(await readLine('inside.js', 3)).toBe('three');
    expect(await readLine('src/app.js', 9)).toBeUndefined();
    for (const path of ['../outside.env', 'src/../../outside.env', join(base, 'outside.env'), 'linked.env', 'missing.js', '']) {
      expect(await readLine(path, 1)).toBeUndefined();
    }
  });

  it('skips what is not text or too large', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pw-lines-'));
    await writeFile(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    await writeFile(join(root, 'big.json'), 'x'.repeat(2048));
    await mkdir(join(root, 'dir'));
    expect(await readTextUnder(root, 'logo.png', 1024)).toBeUndefined();
    expect(await readTextUnder(root, 'big.json', 1024)).toBeUndefined();
    expect(await readTextUnder(root, 'big.json', 4096)).toHaveLength(2048);
    expect(await readTextUnder(root, 'dir', 4096)).toBeUndefined();
  });
});
