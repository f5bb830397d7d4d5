import { PRIORITIES, type Priority } from '../finding.js';
import { DEFAULT_SLA_DAYS } from '../risk/prioritize.js';
import { onDefaultBranch, type HistoryFindingRef, type HistoryLine } from './line.js';

const DAY = 24 * 60 * 60 * 1000;
export const WAIVER_AGE_BUCKETS = ['0-30', '31-90', '91-180', '181+'] as const;

export interface MetricsOptions {
  /** The day the figures are judged on (YYYY-MM-DD): SLA ages, waiver ages, the last week. */
  today: string;
  slaDays?: Partial<Record<Priority, number>> | undefined;
  /** At most this many weeks in the weekly table and the trend (the latest ones). */
  weeks?: number | undefined;
  /**
   * What is open now on a repository's default branch, read from its last results.sarif: replaces what the
   * history alone says (a history started after the findings were there does not know them).
   */
  baseline?: { repo: string; open: readonly (HistoryFindingRef & { first?: string | undefined })[] } | undefined;
}

export interface WeekFigures {
  /** The Monday the week starts on (UTC). */
  start: string;
  /** Findings that arrived on a default branch. */
  introduced: number;
  /** Findings that left a default branch. */
  fixed: number;
  /** Findings first seen on a branch or before a commit and gone before they reached the default branch. */
  caught: number;
  /** Findings first seen by a production-stage run. */
  foundInProduction: number;
}

export interface SlaBreach {
  repo: string;
  fingerprint: string;
  priority: Priority;
  rule: string;
  scanner: string;
  ageDays: number;
  slaDays: number;
}

export interface Metrics {
  today: string;
  repos: string[];
  runs: number;
  from?: string | undefined;
  to?: string | undefined;
  weeks: WeekFigures[];
  open: { total: number; byPriority: Record<Priority, number> };
  /** Mean and median days from first detection to the default-branch run that no longer had it. */
  timeToFix: Record<Priority, { fixed: number; meanDays: number | null; medianDays: number | null }>;
  sla: { days: Record<Priority, number>; breaches: number; byPriority: Record<Priority, number>; oldest: SlaBreach[] };
  beforeProduction: {
    caught: number;
    /** Seen on a branch that still has it: not yet caught, not yet through. */
    pending: number;
    reachedDefault: number;
    foundInProduction: number;
    /** caught / (caught + reached the default branch + found in production), as a percentage. */
    caughtPercent: number | null;
  };
  waivers: { total: number; byAge: Record<(typeof WAIVER_AGE_BUCKETS)[number], number>; expiringSoon: number };
  scanners: { id: string; runs: number; failed: number; medianMs: number | null }[];
  /** The images each repository built last, with their base: which images are built on which base. */
  images: { repo: string; time: string; commit?: string | undefined; digest: string; names: string[]; base?: string | undefined; baseDigest?: string | undefined; fresh?: boolean | undefined }[];
  /** Open findings on the default branches at the end of each week, summed over repositories. */
  trend: { date: string; byPriority: Record<string, number> }[];
}

interface OpenEntry {
  ref: HistoryFindingRef;
  since: number;
}

interface RepoState {
  firstSeen: Map<string, number>;
  firstStage: Map<string, string>;
  open: Map<string, OpenEntry>;
  everDefault: Set<string>;
  /** Off the default branch: first seen when, and the last run of each branch's new findings. */
  offDefault: Map<string, number>;
  branchLatest: Map<string, Set<string>>;
  firstWaived: Map<string, number>;
  lastDefault?: HistoryLine | undefined;
  lastImages?: HistoryLine | undefined;
  /** Default-branch open counts over time, for the trend. */
  counts: { time: number; byPriority: Record<string, number> }[];
}

function mondayOf(time: number): number {
  const day = new Date(time);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight - ((day.getUTCDay() + 6) % 7) * DAY;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function perPriority<T>(make: () => T): Record<Priority, T> {
  return Object.fromEntries(PRIORITIES.map((p) => [p, make()])) as Record<Priority, T>;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The numbers a security team reports, from the history lines of one or many repositories (any order).
 * Definitions are in docs/metrics.md; every figure is reproducible from the lines alone.
 */
export function computeMetrics(input: readonly HistoryLine[], options: MetricsOptions): Metrics {
  return summarize(replay(input, options), options);
}

/** The figures and the open findings behind them from one pass over the lines (a dashboard wants both). */
export function metricsWithOpenFindings(input: readonly HistoryLine[], options: MetricsOptions): { metrics: Metrics; open: OpenFinding[] } {
  const replayed = replay(input, options);
  // Listed first: summarize reads the same state and changes only the weekly figures.
  const open = openOf(replayed);
  return { metrics: summarize(replayed, options), open };
}

/** A finding open on a repository's default branch now, as the figures count it (waived ones are not open). */
export interface OpenFinding {
  repo: string;
  ref: HistoryFindingRef;
  /** When it was first detected (ISO), when known. */
  since?: string | undefined;
  ageDays?: number | undefined;
  slaDays: number;
  breached: boolean;
}

/** The open findings behind `Metrics.open` and `Metrics.sla`, one by one: what a dashboard lists. */
export function openFindings(input: readonly HistoryLine[], options: MetricsOptions): OpenFinding[] {
  return openOf(replay(input, options));
}

function openOf({ today, sla, repos }: Replayed): OpenFinding[] {
  const found: OpenFinding[] = [];
  for (const [repo, state] of repos) {
    const waived = new Set((state.lastDefault?.findings.waived ?? []).map((ref) => ref.fp));
    for (const entry of state.open.values()) {
      if (waived.has(entry.ref.fp)) continue;
      const known = Number.isFinite(entry.since);
      const ageDays = known ? Math.floor((today - entry.since) / DAY) : undefined;
      found.push({ repo, ref: entry.ref, ...(known ? { since: new Date(entry.since).toISOString() } : {}), ageDays, slaDays: sla[entry.ref.p], breached: ageDays !== undefined && ageDays > sla[entry.ref.p] });
    }
  }
  return found;
}

type Replayed = ReturnType<typeof replay>;

/** Every line in time order, each repository's state followed finding by finding. */
function replay(input: readonly HistoryLine[], options: MetricsOptions) {
  const today = Date.parse(`${options.today}T23:59:59.999Z`);
  // Each time parsed once, not in every comparison: a year of runs of hundreds of repositories is 10⁵ lines.
  const lines = input
    .map((line) => ({ line, time: Date.parse(line.time) }))
    .filter((entry) => entry.time <= today)
    .sort((a, b) => a.time - b.time || a.line.repo.localeCompare(b.line.repo))
    .map((entry) => entry.line);
  const sla = { ...DEFAULT_SLA_DAYS, ...options.slaDays } as Record<Priority, number>;
  const repos = new Map<string, RepoState>();
  const weeks = new Map<number, WeekFigures>();
  const week = (time: number) => {
    const start = mondayOf(time);
    let figures = weeks.get(start);
    if (!figures) weeks.set(start, (figures = { start: isoDay(start), introduced: 0, fixed: 0, caught: 0, foundInProduction: 0 }));
    return figures;
  };
  const fixDays = perPriority<number[]>(() => []);
  const scannerRuns = new Map<string, { runs: number; failed: number; durations: number[] }>();

  for (const line of lines) {
    const time = Date.parse(line.time);
    week(time);
    let state = repos.get(line.repo);
    if (!state) {
      state = { firstSeen: new Map(), firstStage: new Map(), open: new Map(), everDefault: new Set(), offDefault: new Map(), branchLatest: new Map(), firstWaived: new Map(), counts: [] };
      repos.set(line.repo, state);
    }
    for (const scanner of line.scanners) {
      let entry = scannerRuns.get(scanner.id);
      if (!entry) scannerRuns.set(scanner.id, (entry = { runs: 0, failed: 0, durations: [] }));
      if (scanner.status === 'ran' || scanner.status === 'partial') {
        entry.runs++;
        entry.durations.push(scanner.durationMs);
      } else if (scanner.status === 'failed') entry.failed++;
    }
    for (const ref of [...line.findings.new, ...line.findings.waived]) {
      if (!state.firstSeen.has(ref.fp)) {
        state.firstSeen.set(ref.fp, time);
        state.firstStage.set(ref.fp, line.stage);
      }
    }
    for (const ref of line.findings.fixed) {
      const first = ref.first ? Date.parse(ref.first) : undefined;
      if (first !== undefined && first < (state.firstSeen.get(ref.fp) ?? Infinity)) state.firstSeen.set(ref.fp, first);
    }
    for (const ref of line.findings.waived) if (!state.firstWaived.has(ref.fp)) state.firstWaived.set(ref.fp, time);
    if (line.images?.length) state.lastImages = line;

    if (line.stage === 'production') {
      // The deployed release, not the branch: it adds what production revealed, it fixes nothing.
      for (const ref of line.findings.new) if (state.firstStage.get(ref.fp) === 'production' && state.firstSeen.get(ref.fp) === time) week(time).foundInProduction++;
      continue;
    }
    if (!onDefaultBranch(line)) {
      const key = `${line.stage === 'precommit' ? 'precommit' : 'branch'}\u0000${line.branch ?? ''}`;
      state.branchLatest.set(key, new Set(line.findings.new.map((ref) => ref.fp)));
      for (const ref of line.findings.new) if (!state.offDefault.has(ref.fp)) state.offDefault.set(ref.fp, state.firstSeen.get(ref.fp) ?? time);
      continue;
    }

    const fix = (ref: HistoryFindingRef, entry: OpenEntry | undefined) => {
      const since = Math.min(entry?.since ?? Infinity, state.firstSeen.get(ref.fp) ?? Infinity);
      state.open.delete(ref.fp);
      week(time).fixed++;
      if (Number.isFinite(since)) fixDays[ref.p].push((time - since) / DAY);
    };
    if (line.baseline) {
      for (const ref of line.findings.fixed) {
        const entry = state.open.get(ref.fp);
        // Fixed against a baseline the history never saw it in: still a fix, timed from its first detection.
        if (entry || ref.first || state.firstSeen.has(ref.fp)) fix(ref, entry);
      }
    } else {
      // A snapshot: what its scanners no longer report is fixed (a scanner that did not run, or not on every file, fixes nothing).
      const ran = new Set(line.scanners.filter((s) => s.status === 'ran').map((s) => s.id));
      const present = new Set([...line.findings.new, ...line.findings.waived].map((ref) => ref.fp));
      for (const [fp, entry] of state.open) if (!present.has(fp) && ran.has(entry.ref.s)) fix(entry.ref, entry);
    }
    for (const ref of line.findings.new) {
      const entry = state.open.get(ref.fp);
      if (entry) {
        entry.ref = ref;
        continue;
      }
      state.open.set(ref.fp, { ref, since: state.firstSeen.get(ref.fp) ?? time });
      state.everDefault.add(ref.fp);
      week(time).introduced++;
    }
    state.lastDefault = line;
    state.counts.push({ time, byPriority: line.counts.byPriority });
  }
  applyBaseline(repos, options.baseline);
  return { lines, today, sla, repos, weeks, week, fixDays, scannerRuns };
}

function applyBaseline(repos: Map<string, RepoState>, baseline: MetricsOptions['baseline']): void {

  if (baseline) {
    const state = repos.get(baseline.repo);
    if (state) {
      state.open = new Map(
        baseline.open.map((ref) => {
          const first = ref.first ? Date.parse(ref.first) : NaN;
          return [ref.fp, { ref, since: Math.min(Number.isNaN(first) ? Infinity : first, state.firstSeen.get(ref.fp) ?? Infinity) }];
        }),
      );
      for (const fp of state.open.keys()) state.everDefault.add(fp);
    }
  }
}

/** The figures from the replayed state. */
function summarize({ lines, today, sla, repos, weeks, week, fixDays, scannerRuns }: Replayed, options: MetricsOptions): Metrics {
  const open = { total: 0, byPriority: perPriority(() => 0) };
  const breaches: SlaBreach[] = [];
  const breachCounts = perPriority(() => 0);
  const beforeProduction = { caught: 0, pending: 0, reachedDefault: 0, foundInProduction: 0 };
  const waivers: Metrics['waivers'] = { total: 0, byAge: { '0-30': 0, '31-90': 0, '91-180': 0, '181+': 0 }, expiringSoon: 0 };
  const images: Metrics['images'] = [];
  for (const [repo, state] of repos) {
    // A waived finding is an accepted risk: not open, not late; it is counted under waivers.
    const waived = new Set((state.lastDefault?.findings.waived ?? []).map((ref) => ref.fp));
    for (const entry of state.open.values()) {
      if (waived.has(entry.ref.fp)) continue;
      open.total++;
      open.byPriority[entry.ref.p]++;
      if (!Number.isFinite(entry.since)) continue;
      const ageDays = Math.floor((today - entry.since) / DAY);
      if (ageDays > sla[entry.ref.p]) {
        breachCounts[entry.ref.p]++;
        breaches.push({ repo, fingerprint: entry.ref.fp, priority: entry.ref.p, rule: entry.ref.r, scanner: entry.ref.s, ageDays, slaDays: sla[entry.ref.p] });
      }
    }
    for (const [fp, stage] of state.firstStage) {
      if (stage === 'production') beforeProduction.foundInProduction++;
      else if (state.everDefault.has(fp)) beforeProduction.reachedDefault++;
    }
    for (const [fp, first] of state.offDefault) {
      if (state.everDefault.has(fp) || state.firstStage.get(fp) === 'production') continue;
      if ([...state.branchLatest.values()].some((set) => set.has(fp))) beforeProduction.pending++;
      else {
        beforeProduction.caught++;
        week(first).caught++;
      }
    }
    for (const ref of state.lastDefault?.findings.waived ?? []) {
      waivers.total++;
      const age = Math.floor((today - (state.firstWaived.get(ref.fp) ?? today)) / DAY);
      waivers.byAge[age <= 30 ? '0-30' : age <= 90 ? '31-90' : age <= 180 ? '91-180' : '181+']++;
      if (ref.expires && Date.parse(`${ref.expires}T23:59:59Z`) - today <= 14 * DAY) waivers.expiringSoon++;
    }
    const last = state.lastImages;
    for (const image of last?.images ?? []) {
      images.push({ repo, time: last!.time, commit: last!.commit, digest: image.digest, names: image.names, base: image.base?.name, baseDigest: image.base?.digest, fresh: image.base?.fresh });
    }
  }
  breaches.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || b.ageDays - b.slaDays - (a.ageDays - a.slaDays) || a.fingerprint.localeCompare(b.fingerprint));

  // Weeks with no run still show (a quiet week is a figure too), up to today's.
  const starts = [...weeks.keys()];
  if (starts.length) for (let start = Math.min(...starts); start <= mondayOf(today); start += 7 * DAY) week(start);
  const weekList = [...weeks.entries()].sort((a, b) => a[0] - b[0]).slice(-(options.weeks ?? 52));
  const trend = weekList.map(([start]) => {
    const end = start + 7 * DAY;
    const byPriority: Record<string, number> = {};
    for (const state of repos.values()) {
      const last = state.counts.filter((c) => c.time < end).at(-1);
      for (const [p, n] of Object.entries(last?.byPriority ?? {})) byPriority[p] = (byPriority[p] ?? 0) + n;
    }
    return { date: isoDay(Math.min(end - DAY, today)), byPriority };
  });
  const denominator = beforeProduction.caught + beforeProduction.reachedDefault + beforeProduction.foundInProduction;
  return {
    today: options.today,
    repos: [...repos.keys()].sort(),
    runs: lines.length,
    ...(lines.length ? { from: lines[0]!.time, to: lines.at(-1)!.time } : {}),
    weeks: weekList.map(([, figures]) => figures),
    open,
    timeToFix: Object.fromEntries(
      PRIORITIES.map((p) => {
        const days = fixDays[p];
        return [p, { fixed: days.length, meanDays: days.length ? round1(days.reduce((a, b) => a + b, 0) / days.length) : null, medianDays: days.length ? round1(median(days)!) : null }];
      }),
    ) as Metrics['timeToFix'],
    sla: { days: sla, breaches: breaches.length, byPriority: breachCounts, oldest: breaches.slice(0, 20) },
    beforeProduction: { ...beforeProduction, caughtPercent: denominator ? round1((beforeProduction.caught / denominator) * 100) : null },
    waivers,
    scanners: [...scannerRuns.entries()].filter(([, s]) => s.runs + s.failed > 0).map(([id, s]) => ({ id, runs: s.runs, failed: s.failed, medianMs: median(s.durations) })).sort((a, b) => a.id.localeCompare(b.id)),
    images: images.sort((a, b) => (a.base ?? '').localeCompare(b.base ?? '') || a.repo.localeCompare(b.repo)),
    trend,
  };
}
