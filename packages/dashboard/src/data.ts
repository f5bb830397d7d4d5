import { PRIORITIES, metricsWithOpenFindings, onDefaultBranch, type HistoryFindingRef, type HistoryLine, type Metrics, type MetricsOptions, type OpenFinding, type Priority } from '@pipewarden/core';
import { Worker } from 'node:worker_threads';
import type { HistoryStore, Sighting, StoredDetail, StoredTicket } from '@pipewarden/store';

/** What the figures are judged by: the same options `pipewarden metrics` takes, so both say the same. */
export interface FigureOptions {
  /** The day figures are judged on; a function so a long-running server moves on at midnight. */
  today: () => string;
  slaDays?: MetricsOptions['slaDays'];
  weeks?: number | undefined;
}

export interface RepoSummary {
  repo: string;
  open: Record<Priority, number>;
  openTotal: number;
  breaches: number;
  runs: number;
  last?: { time: string; stage: string; verdict: string } | undefined;
}

export interface ImageRow {
  repo: string;
  time: string;
  commit?: string | undefined;
  digest: string;
  names: string[];
  base?: string | undefined;
  baseDigest?: string | undefined;
  fresh?: boolean | undefined;
  sanctioned?: boolean | undefined;
  /** Built on an older build of its base than another repository's latest image of the same base. */
  drift: boolean;
}

export interface WaiverRow {
  repo: string;
  ref: HistoryFindingRef & { expires?: string | undefined; owner?: string | undefined; ticket?: string | undefined };
}

export interface Overview {
  /** Exactly what `pipewarden metrics --format json` prints for this store and these options. */
  metrics: Metrics;
  repos: RepoSummary[];
  images: ImageRow[];
  waivers: WaiverRow[];
}

export interface RepositoryData {
  repo: string;
  lines: HistoryLine[];
  metrics: Metrics;
  open: OpenFinding[];
  details: Map<string, StoredDetail>;
  waivers: WaiverRow[];
}

/** The waivers in force on each repository's default branch: those of its last default-branch run. */
function waiversOf(lastDefault: Map<string, HistoryLine>): WaiverRow[] {
  return [...lastDefault.entries()].flatMap(([repo, line]) => line.findings.waived.map((ref) => ({ repo, ref })));
}

/** Each repository's last images (as the figures count them) and whether their base lags the newest build seen of it. */
function imagesOf(lastImages: Map<string, HistoryLine>): ImageRow[] {
  const rows: ImageRow[] = [];
  const newest = new Map<string, { time: string; digest: string }>();
  for (const [repo, line] of lastImages) {
    for (const image of line.images ?? []) {
      rows.push({ repo, time: line.time, commit: line.commit, digest: image.digest, names: image.names, base: image.base?.name, baseDigest: image.base?.digest, fresh: image.base?.fresh, sanctioned: image.base?.sanctioned, drift: false });
      const base = image.base;
      if (base?.digest && (newest.get(base.name)?.time ?? '') < line.time) newest.set(base.name, { time: line.time, digest: base.digest });
    }
  }
  for (const row of rows) if (row.base && row.baseDigest) row.drift = newest.get(row.base)!.digest !== row.baseDigest;
  return rows.sort((a, b) => (a.base ?? '').localeCompare(b.base ?? '') || a.repo.localeCompare(b.repo));
}

/** The overview's figures from every line: the metrics, and per repository what is open and late. */
export function overviewOf(lines: readonly HistoryLine[], options: MetricsOptions): Overview {
  const { metrics, open } = metricsWithOpenFindings(lines, options);
  const today = Date.parse(`${options.today}T23:59:59.999Z`);
  const repos = new Map<string, RepoSummary>();
  const lastDefault = new Map<string, HistoryLine>();
  const lastImages = new Map<string, HistoryLine>();
  const summary = (repo: string) => {
    let found = repos.get(repo);
    if (!found) repos.set(repo, (found = { repo, open: Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>, openTotal: 0, breaches: 0, runs: 0 }));
    return found;
  };
  for (const line of lines) {
    if (Date.parse(line.time) > today) continue;
    const repo = summary(line.repo);
    repo.runs++;
    // Lines come oldest first from the store; a later line replaces an earlier one.
    if (!repo.last || repo.last.time <= line.time) repo.last = { time: line.time, stage: line.stage, verdict: line.verdict };
    if (line.stage !== 'production' && onDefaultBranch(line) && (lastDefault.get(line.repo)?.time ?? '') <= line.time) lastDefault.set(line.repo, line);
    if (line.images?.length && (lastImages.get(line.repo)?.time ?? '') <= line.time) lastImages.set(line.repo, line);
  }
  for (const finding of open) {
    const repo = summary(finding.repo);
    repo.open[finding.ref.p]++;
    repo.openTotal++;
    if (finding.breached) repo.breaches++;
  }
  return { metrics, repos: [...repos.values()], images: imagesOf(lastImages), waivers: waiversOf(lastDefault) };
}

/** Repositories whose figures are kept between requests (a few hundred lines each). */
const KEPT_REPOSITORIES = 64;

/** Where the overview's thread reads from: its own connection to the same store. */
export interface StoreSource {
  url: string;
  cwd: string;
}

type Computed = { state: { runs: number; last?: string | undefined }; overview: Overview };

/** The overview computed in a worker thread (see overview-worker.ts). */
function computeInWorker(source: StoreSource, options: MetricsOptions): Promise<Computed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./overview-worker.js', import.meta.url), { workerData: { store: source.url, cwd: source.cwd, options } });
    let result: Computed | undefined;
    worker.once('message', (message: Computed) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the overview's worker stopped (exit code ${code})`))));
  });
}

export interface OverviewSnapshot {
  overview: Overview;
  /** When it was computed, and from how many runs. */
  computedAt: Date;
  runs: number;
  /** A newer one is being computed (the store changed). */
  updating: boolean;
}

/**
 * Reads the store for the pages. The overview follows every finding through every run of every repository,
 * so it is computed in a thread of its own and kept; at most every `refreshMs` a request asks the store
 * (one indexed query) whether runs were added, and if so a new one is computed while the kept one is served.
 * Repository and finding pages read the store afresh on every request.
 */
export class DashboardData {
  private snapshot?: { key: string; today: string; computedAt: Date; runs: number; checkedAt: number; overview: Overview };
  private computing?: { today: string; promise: Promise<void> };
  // One connection serves the pages: their queries take turns (the pg client wants one at a time).
  private queue: Promise<unknown> = Promise.resolve();
  private readonly repositories = new Map<string, { key: string; data: RepositoryData }>();

  constructor(
    readonly store: HistoryStore,
    private readonly source: StoreSource,
    private readonly options: FigureOptions & { refreshMs: number; log?: ((line: string) => void) | undefined },
  ) {}

  today(): string {
    return this.options.today();
  }

  private metricsOptions(): MetricsOptions {
    return { today: this.options.today(), slaDays: this.options.slaDays, weeks: this.options.weeks };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private compute(options: MetricsOptions): Promise<void> {
    if (this.computing?.today === options.today) return this.computing.promise;
    const promise = computeInWorker(this.source, options)
      .then(({ state, overview }) => {
        this.snapshot = { key: `${state.runs}\u0000${state.last ?? ''}`, today: options.today, computedAt: new Date(), runs: state.runs, checkedAt: Date.now(), overview };
      })
      .finally(() => {
        if (this.computing?.promise === promise) this.computing = undefined;
      });
    this.computing = { today: options.today, promise };
    return promise;
  }

  /** The kept overview (computed first when there is none for today); a newer one is started when the store changed. */
  async overview(): Promise<OverviewSnapshot> {
    const options = this.metricsOptions();
    const kept = this.snapshot;
    if (!kept || kept.today !== options.today) {
      await this.compute(options);
      return this.overview();
    }
    if (!this.computing && Date.now() - kept.checkedAt >= this.options.refreshMs) {
      kept.checkedAt = Date.now();
      const state = await this.serial(() => this.store.state());
      if (`${state.runs}\u0000${state.last ?? ''}` !== kept.key) {
        this.compute(options).catch((error: unknown) => this.options.log?.(`the overview could not be computed: ${(error as Error).message.split('\n')[0]}`));
      }
    }
    return { overview: kept.overview, computedAt: kept.computedAt, runs: kept.runs, updating: Boolean(this.computing) };
  }

  /**
   * One repository's lines and figures. Kept for the views that follow (filtering, sorting, CSV, its findings)
   * while the repository has no new run: checking that is one indexed query.
   */
  async repository(repo: string): Promise<RepositoryData | undefined> {
    const state = await this.serial(() => this.store.state(repo));
    const key = `${state.runs}\u0000${state.last ?? ''}\u0000${this.options.today()}`;
    const kept = this.repositories.get(repo);
    if (kept?.key === key) {
      // Most recently used last: the first is the one to drop.
      this.repositories.delete(repo);
      this.repositories.set(repo, kept);
      return kept.data;
    }
    const data = state.runs ? await this.readRepository(repo) : undefined;
    this.repositories.delete(repo);
    if (data) this.repositories.set(repo, { key, data });
    if (this.repositories.size > KEPT_REPOSITORIES) this.repositories.delete(this.repositories.keys().next().value!);
    return data;
  }

  private async readRepository(repo: string): Promise<RepositoryData | undefined> {
    const lines = await this.serial(() => this.store.lines([repo]));
    if (!lines.length) return undefined;
    const options = this.metricsOptions();
    const { metrics, open } = metricsWithOpenFindings(lines, options);
    const lastDefault = new Map<string, HistoryLine>();
    const today = Date.parse(`${options.today}T23:59:59.999Z`);
    for (const line of lines) if (line.stage !== 'production' && onDefaultBranch(line) && Date.parse(line.time) <= today) lastDefault.set(repo, line);
    const waivers = waiversOf(lastDefault);
    const details = await this.serial(() => this.store.details(repo, [...new Set([...open.map((f) => f.ref.fp), ...waivers.map((w) => w.ref.fp)])]));
    return { repo, lines, metrics, open, details, waivers };
  }

  async finding(repo: string, fp: string): Promise<{ data: RepositoryData; sightings: Sighting[]; detail?: StoredDetail | undefined; ticket?: StoredTicket | undefined } | undefined> {
    const data = await this.repository(repo);
    const sightings = await this.serial(() => this.store.sightings(repo, fp));
    if (!data || !sightings.length) return undefined;
    const details = await this.serial(() => this.store.details(repo, [fp]));
    const tickets = await this.serial(() => this.store.tickets(repo, [fp]));
    return { data, sightings, detail: details.get(fp), ticket: tickets.get(fp) };
  }
}
