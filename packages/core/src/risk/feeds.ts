import { readdir, stat } from 'node:fs/promises';
import { streamRegular } from '../files/safe-read.js';
import { ensureDir } from '../files/ensure-dir.js';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { InputError, describeFsError } from '../errors.js';
import { readDocument } from '../input/read-document.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';

export const KEV_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';
export const EPSS_URL = 'https://epss.cyentia.com/epss_scores-current.csv.gz';
export const KEV_FILE = 'known_exploited_vulnerabilities.json';

export interface KevEntry {
  dateAdded: string;
  dueDate?: string | undefined;
  ransomware: boolean;
  name?: string | undefined;
}

export interface Kev {
  version: string;
  released: string;
  source: string;
  entries: Map<string, KevEntry>;
}

export interface EpssEntry {
  epss: number;
  percentile: number;
}

export interface Epss {
  scoreDate: string;
  modelVersion?: string | undefined;
  source: string;
  entries: Map<string, EpssEntry>;
}

export interface Feeds {
  kev?: Kev | undefined;
  epss?: Epss | undefined;
  /** What could not be had, in one line each (offline with no cache, a download refused, …). */
  warnings: string[];
}

const kevSchema = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string(),
      dateAdded: z.string(),
      dueDate: z.string().optional(),
      vulnerabilityName: z.string().optional(),
      knownRansomwareCampaignUse: z.string().optional(),
    }),
  ),
});

/** Reads the CISA KEV catalog (JSON), checking the fields the catalog's own schema requires. */
export async function readKev(file: string): Promise<Kev> {
  const document = await readDocument(file);
  const parsed = kevSchema.safeParse(document.kind === 'json' ? document.data : undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`is not a CISA KEV catalog: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file });
  }
  const entries = new Map<string, KevEntry>();
  for (const v of parsed.data.vulnerabilities) {
    entries.set(v.cveID.toUpperCase(), { dateAdded: v.dateAdded, dueDate: v.dueDate, ransomware: v.knownRansomwareCampaignUse === 'Known', name: v.vulnerabilityName });
  }
  return { version: parsed.data.catalogVersion, released: parsed.data.dateReleased, source: file, entries };
}

/** The EPSS file is ~10 MB as CSV (~2 MB gzipped): a file a hundred times that is not one. */
const MAX_EPSS_BYTES = 1024 * 1024 * 1024;

/** Reads an EPSS daily file (CSV, optionally gzipped) as it streams: ~300,000 rows. */
export async function readEpss(file: string): Promise<Epss> {
  const entries = new Map<string, EpssEntry>();
  let scoreDate = '';
  let modelVersion: string | undefined;
  let header = false;
  let lineNumber = 0;
  try {
    // A regular file only (a FIFO in the feeds folder is refused, not waited on), and no more than EPSS ever is.
    const raw = await streamRegular(file, { maxBytes: MAX_EPSS_BYTES });
    const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.startsWith('#')) {
        modelVersion = /model_version:([^,]+)/.exec(line)?.[1];
        scoreDate = /score_date:([0-9T:.\-Z]+)/.exec(line)?.[1] ?? scoreDate;
        continue;
      }
      if (!header) {
        if (!/^cve,epss,percentile/i.test(line)) throw new InputError(`is not an EPSS file: line ${lineNumber} should be "cve,epss,percentile"`, { file });
        header = true;
        continue;
      }
      if (!line.trim()) continue;
      const [cve, epss, percentile] = line.split(',');
      const score = Number(epss);
      const pct = Number(percentile);
      if (!cve || !Number.isFinite(score) || !Number.isFinite(pct)) throw new InputError(`is not an EPSS file: line ${lineNumber} is not "CVE,score,percentile"`, { file });
      entries.set(cve.toUpperCase(), { epss: score, percentile: pct });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read EPSS data: ${describeFsError(error)}`, { file, cause: error });
  }
  if (!header) throw new InputError('is not an EPSS file: no "cve,epss,percentile" header', { file });
  return { scoreDate: scoreDate || 'unknown', modelVersion, source: file, entries };
}

async function newestEpss(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /^epss_scores.*\.csv(\.gz)?$/.test(n)).sort().pop();
}

/** Feeds from a folder the user keeps (offline, reproducible): known_exploited_vulnerabilities.json and epss_scores*.csv[.gz]. */
export async function readFeedsDir(dir: string): Promise<Feeds> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new InputError('is not a directory', { file: dir });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file: dir, cause: error });
  }
  const warnings: string[] = [];
  const kevPath = join(dir, KEV_FILE);
  const kev = await stat(kevPath).then(
    () => readKev(kevPath),
    () => {
      warnings.push(`no ${KEV_FILE} in ${dir}: KEV not applied`);
      return undefined;
    },
  );
  const epssName = await newestEpss(dir);
  if (!epssName) warnings.push(`no epss_scores*.csv in ${dir}: EPSS not applied`);
  const epss = epssName ? await readEpss(join(dir, epssName)) : undefined;
  return { kev, epss, warnings };
}

export type Fetcher = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface CachedFeedsOptions {
  cacheDir: string;
  /** YYYY-MM-DD: the cache folder of the day. */
  today: string;
  fetch?: Fetcher | undefined;
  /** Never download: use the newest cached snapshot. */
  offline?: boolean;
  kevUrl?: string;
  epssUrl?: string;
  timeoutMs?: number;
}

async function download(fetcher: Fetcher, url: string, target: string, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await writeFileAtomic(target, new Uint8Array(await response.arrayBuffer()));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Feeds from a dated on-disk cache, offline first: today's snapshot if there is one, else a download into
 * it, else the newest older snapshot (with a warning saying how old), else none (with a warning).
 */
export async function cachedFeeds(options: CachedFeedsOptions): Promise<Feeds> {
  const warnings: string[] = [];
  const todayDir = join(options.cacheDir, options.today);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const want: { name: string; url: string; read: (file: string) => Promise<Kev | Epss> }[] = [
    { name: KEV_FILE, url: options.kevUrl ?? KEV_URL, read: readKev },
    { name: (options.epssUrl ?? EPSS_URL).endsWith('.gz') ? 'epss_scores.csv.gz' : 'epss_scores.csv', url: options.epssUrl ?? EPSS_URL, read: readEpss },
  ];
  const found: (Kev | Epss | undefined)[] = [];
  for (const feed of want) {
    const todayFile = join(todayDir, feed.name);
    let have = await stat(todayFile).then(() => true, () => false);
    if (!have && !options.offline && options.fetch) {
      try {
        ensureDir(todayDir);
        await download(options.fetch, feed.url, todayFile, timeoutMs);
        have = true;
      } catch (error) {
        warnings.push(`could not download ${feed.url}: ${(error as Error).message}`);
      }
    }
    if (have) {
      found.push(await feed.read(todayFile));
      continue;
    }
    const days = (await readdir(options.cacheDir).catch(() => [] as string[])).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().reverse();
    let older: string | undefined;
    for (const day of days) {
      if (await stat(join(options.cacheDir, day, feed.name)).then(() => true, () => false)) {
        older = day;
        break;
      }
    }
    if (older) {
      warnings.push(`using the ${feed.name} snapshot of ${older} from the cache`);
      found.push(await feed.read(join(options.cacheDir, older, feed.name)));
    } else {
      warnings.push(`no ${feed.name} available (offline and nothing cached): ${feed.name.startsWith('epss') ? 'EPSS' : 'KEV'} not applied`);
      found.push(undefined);
    }
  }
  return { kev: found[0] as Kev | undefined, epss: found[1] as Epss | undefined, warnings };
}
