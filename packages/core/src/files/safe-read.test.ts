import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { FileRefused, openRegular, readRegular, readRegularHead, readRegularSync, rootReader, staysInside, streamRegular } from './safe-read.js';

let base: string;
let root: string;
let fifo: string;
const hasFifo = process.platform !== 'win32';
const hasDevZero = existsSync('/dev/zero');

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pw-safe-'));
  root = join(base, 'repo');
  await mkdir(join(root, 'src'), { recursive: true });
  await writeFile(join(base, 'outside.txt'), 'SECRET=outside\n');
  await writeFile(join(root, 'src', 'app.js'), 'one\ntwo\n');
  await symlink(join(base, 'outside.txt'), join(root, 'out-link.txt'));
  await symlink(join(root, 'src', 'app.js'), join(root, 'in-link.js'));
  await symlink(base, join(root, 'out-dir'));
  if (hasFifo) {
    fifo = join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await symlink(fifo, join(root, 'pipe-link'));
  }
  if (hasDevZero) await symlink('/dev/zero', join(root, 'zero'));
});

/** The refusal a call ends with: an InputError naming the file, on one line. */
async function refusal(promise: Promise<unknown>): Promise<FileRefused> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FileRefused);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).toLine()).not.toContain('\n');
  return error as FileRefused;
}

describe('reading a file a user names', () => {
  it('reads a regular file, whole, as a head, and as a stream', async () => {
    const file = join(root, 'src', 'app.js');
    expect((await readRegular(file)).toString()).toBe('one\ntwo\n');
    expect(readRegularSync(file).toString()).toBe('one\ntwo\n');
    expect((await readRegularHead(file, 3)).head.toString()).toBe('one');
    let text = '';
    for await (const chunk of await streamRegular(file, { encoding: 'utf8', start: 4 })) text += chunk;
    expect(text).toBe('two\n');
  });

  it.skipIf(!hasFifo)('refuses a FIFO at once, by its stat, without opening it (an open would wait for a writer)', async () => {
    const started = Date.now();
    for (const read of [() => readRegular(fifo), () => openRegular(fifo), () => streamRegular(fifo), () => readRegularHead(fifo, 10), () => readRegular(join(root, 'pipe-link'))]) {
      const error = await refusal(read());
      expect(error.refusal).toBe('not-regular');
      expect(error.toLine()).toMatch(/pipe(-link)?: is not a regular file \(a FIFO\)/);
    }
    expect(() => readRegularSync(fifo)).toThrow(/not a regular file \(a FIFO\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(!hasDevZero)('refuses a device, named or through a symlink: /dev/zero never ends', async () => {
    expect((await refusal(readRegular('/dev/zero'))).message).toMatch(/not a regular file \(a character device\)/);
    expect((await refusal(readRegular(join(root, 'zero')))).message).toMatch(/not a regular file \(a character device\)/);
  });

  it('refuses a directory, a missing file and one over the limit, each with its own words', async () => {
    expect((await refusal(readRegular(root))).message).toBe('is a directory, expected a file');
    expect((await refusal(readRegular(join(root, 'nope')))).refusal).toBe('missing');
    const big = join(base, 'big.bin');
    await writeFile(big, '');
    await truncate(big, 10 * 1024 * 1024 * 1024); // sparse: 10 GiB by its size, nothing on disk
    const error = await refusal(readRegular(big, { maxBytes: 1024 }));
    expect(error.refusal).toBe('too-large');
    expect(error.message).toBe('is 10737418240 bytes, over the limit of 1024');
  });

  it('with `within`, refuses what leaves the folder by "..", an absolute path or a symlink, and reads what stays', async () => {
    for (const path of ['../outside.txt', 'src/../../outside.txt', join(base, 'outside.txt'), 'out-link.txt', 'out-dir/outside.txt']) {
      const error = await refusal(readRegular(path, { within: root, shown: path }));
      expect(error.refusal).toBe('outside');
      expect(error.toLine()).toBe(`${path}: leads outside the scanned folder; not read`);
    }
    expect((await readRegular('in-link.js', { within: root })).toString()).toBe('one\ntwo\n');
    expect((await readRegular(join(root, 'src', 'app.js'), { within: root })).toString()).toBe('one\ntwo\n');
    expect(() => readRegularSync('out-link.txt', { within: root, withinName: 'the image layout' })).toThrow(/leads outside the image layout/);
  });

  it('reads no further than the size the file had when it was opened', async () => {
    const file = join(base, 'growing.log');
    await writeFile(file, 'abc');
    const stream = await streamRegular(file, { encoding: 'utf8' });
    await writeFile(file, 'abcdefgh', { flag: 'a' });
    let text = '';
    for await (const chunk of stream) text += chunk;
    expect(text).toBe('abc');
  });

  it('tells "..", absolute paths and plain names apart by their letters', () => {
    expect(staysInside('/r', 'a/b')).toBe(true);
    expect(staysInside('/r', 'a/../b')).toBe(true);
    expect(staysInside('/r', '../b')).toBe(false);
    expect(staysInside('/r', 'a/../../b')).toBe(false);
    expect(staysInside('/r', '/etc/passwd')).toBe(false);
    expect(staysInside('/r', '/r/x')).toBe(true);
  });
});

describe('reading files under a root', () => {
  it('returns what it refused instead of throwing, and never opens a file outside the root', async () => {
    const reader = rootReader(root);
    expect(await reader.read('src/app.js', { maxBytes: 100 })).toMatchObject({ size: 8 });
    expect(await reader.read('in-link.js', { maxBytes: 100 })).toMatchObject({ size: 8 });
    expect(await reader.read('src/app.js', { maxBytes: 4 })).toEqual({ refused: 'too-large' });
    expect(((await reader.read('src/app.js', { head: 3 })) as { data: Buffer }).data.toString()).toBe('one');
    for (const path of ['../outside.txt', '/etc/passwd', 'out-link.txt', 'out-dir/outside.txt', '']) expect(await reader.read(path, { maxBytes: 100 })).toEqual({ refused: 'outside' });
    expect(await reader.read('missing.js', { maxBytes: 100 })).toEqual({ refused: 'missing' });
    expect(await reader.read('src', { maxBytes: 100 })).toEqual({ refused: 'not-regular' });
    if (hasFifo) expect(await reader.read('pipe-link', { maxBytes: 100 })).toEqual({ refused: 'not-regular' });
    if (hasDevZero) expect(await reader.read('zero', { maxBytes: 100 })).toEqual({ refused: 'outside' });
    expect(await reader.locate('out-dir')).toEqual({ refused: 'outside' });
    expect(await reader.locate('src')).toMatchObject({ real: expect.stringMatching(/repo[/\\]src$/) });
  });
});
