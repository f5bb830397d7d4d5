import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedNotice } from '../../../../test-support/shared.js';
import { osvZip } from '../../../../test-support/osv-zips.js';
import { InputError, ScannerError } from '../errors.js';
import { loadAdvisories } from './advisories.js';
import type { Fetcher } from './feeds.js';

let server: Server;
let base: string;
const requests: string[] = [];
let refuse = false;

beforeAll(async () => {
  if (!hasShared) return;
  const zips: Record<string, Uint8Array> = { '/npm/all.zip': osvZip('npm'), '/Packagist/all.zip': osvZip('Packagist') };
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const zip = zips[req.url ?? ''];
    if (refuse) res.writeHead(403).end('<html>denied</html>');
    else if (zip) res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(zip));
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => (server ? new Promise<void>((done) => server.close(() => done())) : undefined));

const fetcher = globalThis.fetch as unknown as Fetcher;

describe.skipIf(!hasShared)('OSV advisories, offline first', () => {
  sharedNotice('the OSV advisory cache tests');

  it('downloads each present ecosystem once a day into the dated cache, then serves the next run from it', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'pw-osv-'));
    requests.length = 0;
    const settings = { cache: { cacheDir, fetch: fetcher }, today: '2026-11-30', mirrorUrl: base };
    const first = await loadAdvisories(settings, ['npm', 'Packagist']);
    expect(requests.sort()).toEqual(['/Packagist/all.zip', '/npm/all.zip']);
    expect(first.database.index.lookup('npm', 'lodash').length).toBeGreaterThan(5);
    expect(first.database.snapshot).toBe('2026-11-30');
    expect(first.database.sources).toEqual([`${base}/npm/all.zip (2026-11-30)`, `${base}/Packagist/all.zip (2026-11-30)`]);
    expect(await readdir(join(cacheDir, '2026-11-30', 'osv'))).toEqual(['Packagist.zip', 'npm.zip']);
    requests.length = 0;
    const second = await loadAdvisories(settings, ['npm']);
    expect(requests).toEqual([]);
    expect(second.database.index.lookup('npm', 'lodash')).toHaveLength(first.database.index.lookup('npm', 'lodash').length);
    expect(second.warnings).toEqual([]);
  });

  it('a refused download falls back to the newest cached day with a warning; with nothing cached it fails closed in one line', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'pw-osv-'));
    await mkdir(join(cacheDir, '2026-11-20', 'osv'), { recursive: true });
    await writeFile(join(cacheDir, '2026-11-20', 'osv', 'npm.zip'), osvZip('npm', (n) => n.startsWith('GHSA-35jh')));
    refuse = true;
    try {
      const old = await loadAdvisories({ cache: { cacheDir, fetch: fetcher }, today: '2026-11-30', mirrorUrl: base }, ['npm']);
      expect(old.warnings).toEqual([`could not download ${base}/npm/all.zip: HTTP 403; using the npm advisories of 2026-11-20 from the cache`]);
      expect(old.database.snapshot).toBe('2026-11-20');
      expect(old.database.index.size).toBe(1);
      // The refusal left nothing in today's folder for the next run to mistake for data.
      expect(await readdir(join(cacheDir, '2026-11-30', 'osv')).catch(() => [])).toEqual([]);
      const error = await loadAdvisories({ cache: { cacheDir, fetch: fetcher }, today: '2026-11-30', mirrorUrl: base }, ['PyPI']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScannerError);
      expect((error as ScannerError).toLine()).toBe(`${cacheDir}: no PyPI advisories: could not download ${base}/PyPI/all.zip: HTTP 403, and the cache holds none; give --advisories-dir DIR (OSV records or all.zip exports) or allow the download`);
    } finally {
      refuse = false;
    }
    const offline = await loadAdvisories({ cache: { cacheDir, offline: true }, today: '2026-11-30' }, ['Go']).catch((e: unknown) => e);
    expect((offline as Error).message).toMatch(/^no Go advisories: offline .*, and the cache holds none/);
    const nothing = await loadAdvisories({ today: '2026-11-30' }, ['npm']).catch((e: unknown) => e);
    expect((nothing as Error).message).toMatch(/^no advisory data: give --advisories-dir DIR/);
  });

  it('reads a folder of zip exports and records, and says which ecosystems it lacks; a missing folder is one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-osv-dir-'));
    await mkdir(join(dir, 'npm'));
    await writeFile(join(dir, 'npm', 'all.zip'), osvZip('npm'));
    await writeFile(join(dir, 'broken.json'), '{"id": ');
    const loaded = await loadAdvisories({ dir, today: '2026-11-30' }, ['npm', 'Go']);
    expect(loaded.database.index.lookup('npm', 'lodash').length).toBeGreaterThan(5);
    expect(loaded.warnings[0]).toBe(`${dir} holds no advisories for Go: those packages were not checked`);
    expect(loaded.warnings[1]).toMatch(/^1 file in .* not read as OSV records, e\.g\. broken\.json: is not valid JSON/);
    const missing = await loadAdvisories({ dir: join(dir, 'nope'), today: '2026-11-30' }, ['npm']).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as InputError).toLine()).toBe(`${join(dir, 'nope')}: does not exist`);
  });
});
