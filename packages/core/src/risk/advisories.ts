import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdvisoryDatabase, Ecosystem, ReadAdvisories } from '@pipewarden/sca';
import { InputError, ScannerError } from '../errors.js';
import { ensureDir } from '../files/ensure-dir.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import type { Fetcher } from './feeds.js';

/** OSV's public per-ecosystem exports: <base>/<Ecosystem>/all.zip. */
export const OSV_EXPORTS_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

const SCANNER = 'pipewarden-sca';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Where a run's OSV advisories come from (docs/sca.md#advisory-data). */
export interface AdvisorySettings {
  /** A folder of OSV records or zip exports (--advisories-dir, sca.advisories_dir): used as is, nothing downloaded. */
  dir?: string | undefined;
  /** The dated feed cache KEV and EPSS use: <cacheDir>/<YYYY-MM-DD>/osv/<Ecosystem>.zip. */
  cache?: { cacheDir: string; fetch?: Fetcher | undefined; offline?: boolean | undefined } | undefined;
  /** YYYY-MM-DD: the cache folder of the day. */
  today: string;
  /** An internal mirror of the exports (an artifact store): same layout as OSV_EXPORTS_URL. */
  mirrorUrl?: string | undefined;
  timeoutMs?: number | undefined;
}

export interface LoadedAdvisories {
  database: AdvisoryDatabase;
  warnings: string[];
}

function exportUrl(base: string, ecosystem: Ecosystem): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
}

const zipName = (ecosystem: Ecosystem) => `${ecosystem}.zip`;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

async function download(fetcher: Fetcher, url: string, target: string, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A zip starts with "PK": an HTML error page from a proxy must not be cached as a day's data.
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('the answer is not a zip file');
    await writeFileAtomic(target, bytes);
  } catch (error) {
    const reason = controller.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
    throw new Error(reason, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The days in the cache that hold this ecosystem's export, newest first. */
async function cachedDays(cacheDir: string, ecosystem: Ecosystem): Promise<string[]> {
  const days = (await readdir(cacheDir).catch(() => [] as string[])).filter((d) => DAY.test(d)).sort().reverse();
  const out: string[] = [];
  for (const day of days) if (await isFile(join(cacheDir, day, 'osv', zipName(ecosystem)))) out.push(day);
  return out;
}

/** Older exports of an ecosystem are removed once a newer one is in: each is tens of megabytes. */
async function pruneOlder(cacheDir: string, ecosystem: Ecosystem, keep: string): Promise<void> {
  for (const day of await cachedDays(cacheDir, ecosystem)) {
    if (day < keep) await rm(join(cacheDir, day, 'osv', zipName(ecosystem)), { force: true });
  }
}

/** One ecosystem's export from the cache: today's, else downloaded today, else the newest older one (with a warning). */
async function fromCache(settings: AdvisorySettings, ecosystem: Ecosystem, warnings: string[]): Promise<{ file: string; day: string; url: string }> {
  const cache = settings.cache!;
  const base = settings.mirrorUrl ?? OSV_EXPORTS_URL;
  const url = exportUrl(base, ecosystem);
  const today = join(cache.cacheDir, settings.today, 'osv', zipName(ecosystem));
  if (await isFile(today)) return { file: today, day: settings.today, url };
  let refused: string | undefined;
  if (!cache.offline && cache.fetch) {
    try {
      ensureDir(join(cache.cacheDir, settings.today, 'osv'));
      await download(cache.fetch, url, today, settings.timeoutMs ?? 5 * 60_000);
      await pruneOlder(cache.cacheDir, ecosystem, settings.today);
      return { file: today, day: settings.today, url };
    } catch (error) {
      refused = `could not download ${url}: ${(error as Error).message}`;
    }
  }
  const older = (await cachedDays(cache.cacheDir, ecosystem))[0];
  if (older) {
    warnings.push(`${refused ? `${refused}; ` : ''}using the ${ecosystem} advisories of ${older} from the cache`);
    return { file: join(cache.cacheDir, older, 'osv', zipName(ecosystem)), day: older, url };
  }
  const why = refused ?? (cache.offline ? 'offline (PIPEWARDEN_OFFLINE or feeds.offline)' : 'downloads are not available here');
  throw new ScannerError(SCANNER, `no ${ecosystem} advisories: ${why}, and the cache holds none; give --advisories-dir DIR (OSV records or all.zip exports) or allow the download`, { file: cache.cacheDir });
}

/**
 * The OSV advisories for the ecosystems present: the user's folder when given (nothing downloaded), else the
 * dated cache, downloading each ecosystem's export once a day. No data at all fails the scanner: a dependency
 * check that silently checked nothing would pass every gate.
 */
export async function loadAdvisories(settings: AdvisorySettings, ecosystems: readonly Ecosystem[]): Promise<LoadedAdvisories> {
  const { AdvisorySourceError, openAdvisories, readAdvisoryDir, readAdvisoryZip } = await import('@pipewarden/sca');
  const warnings: string[] = [];
  if (settings.dir) {
    let read: ReadAdvisories;
    try {
      read = await readAdvisoryDir(settings.dir);
    } catch (error) {
      if (error instanceof AdvisorySourceError) throw new InputError(error.message, { file: error.file, cause: error });
      throw error;
    }
    if (!read.advisories.length) throw new ScannerError(SCANNER, 'holds no OSV advisory for a known ecosystem (JSON or YAML records, or all.zip exports)', { file: settings.dir });
    const database = openAdvisories([read], { sources: [settings.dir] });
    const missing = ecosystems.filter((e) => !database.index.ecosystems.has(e));
    if (missing.length) warnings.push(`${settings.dir} holds no advisories for ${missing.join(', ')}: those packages were not checked`);
    if (read.problems.length) warnings.push(`${read.problems.length} file${read.problems.length === 1 ? '' : 's'} in ${settings.dir} not read as OSV records, e.g. ${read.problems[0]!.file}: ${read.problems[0]!.message}`);
    return { database, warnings };
  }
  if (!settings.cache) throw new ScannerError(SCANNER, 'no advisory data: give --advisories-dir DIR (OSV records or all.zip exports), or run where the feed cache can download them');
  const reads: ReadAdvisories[] = [];
  const sources: string[] = [];
  let oldest: string | undefined;
  for (const ecosystem of ecosystems) {
    const got = await fromCache(settings, ecosystem, warnings);
    try {
      reads.push(readAdvisoryZip(await readFile(got.file), zipName(ecosystem)));
    } catch (error) {
      // A damaged cache entry is removed, so the next run downloads it again.
      await rm(got.file, { force: true });
      throw new ScannerError(SCANNER, `the cached ${ecosystem} advisories ${(error as Error).message}; removed, the next run downloads them again`, { file: got.file, cause: error });
    }
    sources.push(`${got.url} (${got.day})`);
    if (!oldest || got.day < oldest) oldest = got.day;
  }
  return { database: openAdvisories(reads, { sources, snapshot: oldest }), warnings };
}
