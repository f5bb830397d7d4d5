import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { cachedFeeds, readEpss, readFeedsDir, type Fetcher } from './feeds.js';

const KEV = JSON.stringify({ catalogVersion: '2026.11.20', dateReleased: '2026-11-20T10:00:00Z', count: 1, vulnerabilities: [{ cveID: 'CVE-2021-44228', dateAdded: '2021-12-10', knownRansomwareCampaignUse: 'Known' }] });
const EPSS = '#model_version:v2025.03.14,score_date:2026-11-21T00:00:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99961\n';

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/kev.json') res.end(KEV);
    else if (req.url === '/epss.csv.gz') res.end(gzipSync(EPSS));
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const fetcher = globalThis.fetch as unknown as Fetcher;

describe('feed cache', () => {
  it('downloads once a day into a dated folder, then reads it offline; falls back to the newest snapshot', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'pw-feeds-'));
    const options = { cacheDir, today: '2026-11-22', fetch: fetcher, kevUrl: `${base}/kev.json`, epssUrl: `${base}/epss.csv.gz` };
    const first = await cachedFeeds(options);
    expect(first.kev?.entries.get('CVE-2021-44228')?.ransomware).toBe(true);
    expect(first.epss?.entries.get('CVE-2021-44228')?.epss).toBe(0.94358);
    expect(first.warnings).toEqual([]);
    expect(requests).toEqual(['/kev.json', '/epss.csv.gz']);
    expect(JSON.parse(await readFile(join(cacheDir, '2026-11-22', 'known_exploited_vulnerabilities.json'), 'utf8')).catalogVersion).toBe('2026.11.20');
    await cachedFeeds(options);
    expect(requests).toHaveLength(2);
    const offline = await cachedFeeds({ ...options, today: '2026-11-23', offline: true });
    expect(offline.kev?.version).toBe('2026.11.20');
    expect(offline.warnings).toContain('using the known_exploited_vulnerabilities.json snapshot of 2026-11-22 from the cache');
    const refused = await cachedFeeds({ ...options, cacheDir: await mkdtemp(join(tmpdir(), 'pw-feeds-')), kevUrl: `${base}/missing.json` });
    expect(refused.kev).toBeUndefined();
    expect(refused.warnings.join('\n')).toMatch(/could not download .*missing\.json: HTTP 404/);
  });

  it('reads a user folder and refuses files that are not the feeds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-feeddir-'));
    await writeFile(join(dir, 'known_exploited_vulnerabilities.json'), KEV);
    await writeFile(join(dir, 'epss_scores-2026-11-21.csv'), EPSS);
    const feeds = await readFeedsDir(dir);
    expect([feeds.kev?.version, feeds.epss?.scoreDate]).toEqual(['2026.11.20', '2026-11-21T00:00:00Z']);
    await writeFile(join(dir, 'bad.csv'), 'id;score\n');
    await expect(readEpss(join(dir, 'bad.csv'))).rejects.toThrow(/is not an EPSS file: line 1 should be "cve,epss,percentile"/);
    const broken = await mkdtemp(join(tmpdir(), 'pw-feeddir-'));
    await writeFile(join(broken, 'known_exploited_vulnerabilities.json'), '{"title": "nope"}');
    await expect(readFeedsDir(broken)).rejects.toThrow(InputError);
    await expect(readFeedsDir(join(dir, 'missing'))).rejects.toThrow(/no such file or directory/);
    await mkdir(join(dir, 'empty'));
    expect((await readFeedsDir(join(dir, 'empty'))).warnings).toHaveLength(2);
  });
});
