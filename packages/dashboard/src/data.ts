import { PRIORITIES, computeMetrics, onDefaultBranch, openFindings, type HistoryFindingRef, type HistoryLine, type Metrics, type MetricsOptions, type OpenFinding, type Priority } from '@pipewarden/core';
import type { HistoryStore, Sighting, StoredDetail } from '@pipewarden/store';

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
  ref: HistoryFindingRef & { expires?: string | undefined; owner?: string | undefined };
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
  const metrics = computeMetrics(lines, options);
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
  for (const finding of openFindings(lines, options)) {
    const repo = summary(finding.repo);
    repo.open[finding.ref.p]++;
    repo.openTotal++;
    if (finding.breached) repo.breaches++;
  }
  return { metrics, repos: [...repos.values()], images: imagesOf(lastImages), waivers: waiversOf(lastDefault) };
}

/**
 * Reads the store for the pages. The overview needs every line (the figures follow each finding across all
 * runs), so it is computed once per state of the store (its run count and newest run) and day, and kept:
 * a request only asks the store whether anything changed.
 */
export class DashboardData {
  private cached?: { key: string; overview: Overview };
  private loading?: { key: string; promise: Promise<Overview> };

  constructor(
    readonly store: HistoryStore,
    private readonly options: FigureOptions,
  ) {}

  today(): string {
    return this.options.today();
  }

  private metricsOptions(): MetricsOptions {
    return { today: this.options.today(), slaDays: this.options.slaDays, weeks: this.options.weeks };
  }

  async overview(): Promise<Overview> {
    const state = await this.store.state();
    const options = this.metricsOptions();
    const key = `${state.runs}\u0000${state.last ?? ''}\u0000${options.today}`;
    if (this.cached?.key === key) return this.cached.overview;
    if (this.loading?.key !== key) {
      const promise = this.store.lines().then((lines) => overviewOf(lines, options));
      this.loading = { key, promise };
      promise.then(
        (overview) => {
          if (this.loading?.promise === promise) this.loading = undefined;
          this.cached = { key, overview };
        },
        () => {
          if (this.loading?.promise === promise) this.loading = undefined;
        },
      );
    }
    return this.loading.promise;
  }

  /** One repository's lines and figures, read afresh (a year of daily runs is a few hundred lines). */
  async repository(repo: string): Promise<RepositoryData | undefined> {
    const lines = await this.store.lines([repo]);
    if (!lines.length) return undefined;
    const options = this.metricsOptions();
    const metrics = computeMetrics(lines, options);
    const open = openFindings(lines, options);
    const lastDefault = new Map<string, HistoryLine>();
    const today = Date.parse(`${options.today}T23:59:59.999Z`);
    for (const line of lines) if (line.stage !== 'production' && onDefaultBranch(line) && Date.parse(line.time) <= today) lastDefault.set(repo, line);
    const waivers = waiversOf(lastDefault);
    const details = await this.store.details(repo, [...new Set([...open.map((f) => f.ref.fp), ...waivers.map((w) => w.ref.fp)])]);
    return { repo, lines, metrics, open, details, waivers };
  }

  async finding(repo: string, fp: string): Promise<{ data: RepositoryData; sightings: Sighting[]; detail?: StoredDetail | undefined } | undefined> {
    const [data, sightings, details] = await Promise.all([this.repository(repo), this.store.sightings(repo, fp), this.store.details(repo, [fp])]);
    if (!data || !sightings.length) return undefined;
    return { data, sightings, detail: details.get(fp) };
  }
}
