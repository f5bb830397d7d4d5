import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readImageArchive } from './archive.js';

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const CONFIG = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { diff_ids: ['sha256:' + 'a'.repeat(64)] }, history: [{ created_by: 'ADD rootfs' }] }));

/** An OCI layout: index.json → manifest blob → config blob; `config` says what the config blob is. */
async function layout(config: (path: string) => Promise<void> = (path) => writeFile(path, CONFIG), configSize = CONFIG.length): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-oci-'));
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  const configDigest = digestOf(CONFIG);
  await config(join(dir, 'blobs', 'sha256', configDigest.slice(7)));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: configSize }, layers: [] }));
  const manifestDigest = digestOf(manifest);
  await writeFile(join(dir, 'blobs', 'sha256', manifestDigest.slice(7)), manifest);
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifestDigest, size: manifest.length }] }));
  return dir;
}

async function refusal(path: string): Promise<string> {
  const started = Date.now();
  const error = await readImageArchive(path).then(() => undefined, (e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).toLine();
}

describe('reading an image layout never reads past what its descriptors declare', () => {
  it('reads a well-formed layout, as a folder and as a tar', async () => {
    const dir = await layout();
    expect(await readImageArchive(dir)).toMatchObject({ configDigest: digestOf(CONFIG), layers: ['sha256:' + 'a'.repeat(64)] });
    execFileSync('tar', ['-cf', `${dir}.tar`, '-C', dir, '.']);
    expect(await readImageArchive(`${dir}.tar`)).toMatchObject({ configDigest: digestOf(CONFIG) });
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a config blob that is a symlink to /dev/zero, without reading it', async () => {
    const dir = await layout((path) => symlink('/dev/zero', path));
    expect(await refusal(dir)).toMatch(/leads outside the image layout; not read/);
  });

  it('refuses a blob larger than its descriptor says (a sparse terabyte), or a descriptor that claims more than metadata can be', async () => {
    const huge = await layout(async (path) => {
      await writeFile(path, '');
      await truncate(path, 1024 ** 4);
    });
    expect(await refusal(huge)).toMatch(new RegExp(`larger than the ${CONFIG.length} bytes its descriptor says; not read`));
    const claims = await layout(async (path) => {
      await writeFile(path, '');
      await truncate(path, 1024 ** 4);
    }, 1024 ** 4);
    expect(await refusal(claims)).toMatch(/of 1099511627776 bytes, more than an image's metadata can be/);
    const short = await layout(undefined, CONFIG.length + 10);
    expect(await refusal(short)).toMatch(new RegExp(`of ${CONFIG.length} bytes where its descriptor says ${CONFIG.length + 10}`));
  });

  it('refuses a blob that is a symlink out of the layout, and a docker save manifest naming a file outside it', async () => {
    const secret = join(await mkdtemp(join(tmpdir(), 'pw-oci-out-')), 'config.json');
    await writeFile(secret, CONFIG);
    const linked = await layout((path) => symlink(secret, path));
    expect(await refusal(linked)).toMatch(/leads outside the image layout/);
    const saved = await mkdtemp(join(tmpdir(), 'pw-save-'));
    await writeFile(join(saved, 'manifest.json'), JSON.stringify([{ Config: '../../../../etc/passwd', RepoTags: ['x:1'] }]));
    expect(await refusal(saved)).toMatch(/names \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd, which leads outside the image layout/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO as the archive, and as a blob, at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-oci-fifo-'));
    execFileSync('mkfifo', [join(dir, 'image.tar')]);
    expect(await refusal(join(dir, 'image.tar'))).toMatch(/image\.tar: is not a regular file \(a FIFO\)/);
    const piped = await layout(async (path) => {
      await rm(path, { force: true });
      execFileSync('mkfifo', [path]);
    });
    expect(await refusal(piped)).toMatch(/is not a regular file/);
  });
});
