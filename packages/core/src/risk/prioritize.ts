import { fileUriOf, ruleOf, scoreOf, severityFromScore, type Finding, type Priority } from '../finding.js';
import { PROP, prop, type Log, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';
import { vulnerabilityId } from '../identity/fingerprint.js';

export interface RiskFactor {
  factor: string;
  /** What the factor is, in words: "in CISA KEV since 2021-12-10". */
  detail: string;
  /** Points it added to (or took from) the risk score. */
  points: number;
}

/** Days to fix, per priority (configurable under priorities.sla_days). */
export const DEFAULT_SLA_DAYS: Record<Priority, number> = { P0: 7, P1: 30, P2: 90, P3: 180, P4: 365 };

export function priorityOf(risk: number, kev: boolean): Priority {
  if (kev || risk >= 90) return 'P0';
  if (risk >= 70) return 'P1';
  if (risk >= 45) return 'P2';
  if (risk >= 20) return 'P3';
  return 'P4';
}

const ENVIRONMENT: Record<string, number> = { production: 1.2, staging: 1.0, development: 0.8, test: 0.5 };
const EXPOSURE: Record<string, number> = { 'internet-facing': 1.2, internal: 0.9 };
const SENSITIVITY: Record<string, number> = { restricted: 1.15, confidential: 1.1, internal: 1.0, public: 0.9 };
const PRECISION: Record<string, number> = { 'very-high': 1.0, high: 1.0, medium: 0.9, low: 0.75 };

/** Where a finding is, for prevalence: the file, image or route it is in. */
export function placeOf(result: Result): string {
  const image = prop(result.properties, PROP.image)?.reference;
  const url = prop(result.properties, PROP.dast)?.url;
  return image ?? url ?? fileUriOf(result) ?? '';
}

// Most results share their severity factor (one per score) and their prevalence factor (one per count): made
// once each and shared, frozen, instead of two objects and two texts per result (a million results made 300 MB
// of them). Readers only read factors; a bag's own factors array is still its own.
const severityFactors = new Map<number, RiskFactor>();
const prevalenceFactors = new Map<number, RiskFactor>();

function severityFactor(score: number): RiskFactor {
  let factor = severityFactors.get(score);
  if (!factor) {
    const severity = Math.min(10, Math.max(0, score));
    factor = Object.freeze({ factor: 'severity', detail: `${severityFromScore(score)} (${score.toFixed(1)})`, points: Math.round(severity * 10) });
    // Scores are few (a tenth of a point apart, or a label's): a cap keeps a tool with arbitrary ones from growing it.
    if (severityFactors.size < 10_000) severityFactors.set(score, factor);
  }
  return factor;
}

export function prevalenceFactor(count: number): RiskFactor {
  let factor = prevalenceFactors.get(count);
  if (!factor) {
    factor = Object.freeze({ factor: 'prevalence', detail: `found in ${count} places`, points: Math.min(10, 2 * (count - 1)) });
    if (prevalenceFactors.size < 10_000) prevalenceFactors.set(count, factor);
  }
  return factor;
}

/** What a result without a property bag reads (never written: its bag is made when it is written). */
const NO_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({});

/** A risk under way: the factors that made it, in order. */
export interface Tally {
  risk: number;
  factors: RiskFactor[];
}

function scale(tally: Tally, factor: string, detail: string, multiplier: number | undefined): void {
  if (multiplier === undefined || multiplier === 1) return;
  const before = tally.risk;
  tally.risk *= multiplier;
  tally.factors.push({ factor, detail: `${detail} (×${multiplier})`, points: Math.round(tally.risk - before) });
}

function add(tally: Tally, factor: string, detail: string, points: number): void {
  if (!points) return;
  tally.risk += points;
  tally.factors.push({ factor, detail, points });
}

/** The factors that are not the same for most results: the tool's precision, the asset context, KEV, EPSS, a fix. */
function rarerFactors(tally: Tally, props: Record<string, unknown>, rule: ReportingDescriptor | undefined): void {
  const precision = (rule?.properties?.precision ?? props.precision) as string | undefined;
  if (precision) scale(tally, 'confidence', `the tool's precision is ${precision}`, PRECISION[precision]);
  const context = prop(props, PROP.context);
  if (context?.environment) scale(tally, 'environment', `${context.environment} (${context.match})`, ENVIRONMENT[context.environment]);
  if (context?.exposure) scale(tally, 'exposure', `${context.exposure} (${context.match})`, EXPOSURE[context.exposure]);
  if (context?.data_sensitivity) scale(tally, 'data sensitivity', `${context.data_sensitivity} data (${context.match})`, SENSITIVITY[context.data_sensitivity]);
  if (props[PROP.dev] === true) scale(tally, 'dev dependency', 'only a development dependency', 0.6);
  const kev = prop(props, PROP.kev);
  if (kev) add(tally, 'kev', `${kev.cve} is in CISA KEV since ${kev.dateAdded}`, 25);
  if (kev?.knownRansomware) add(tally, 'ransomware', `${kev.cve} is known to be used in ransomware campaigns`, 5);
  const epss = prop(props, PROP.epss);
  if (epss) {
    add(tally, 'epss', `${epss.cve}: ${(epss.epss * 100).toFixed(1)}% probability of exploitation in 30 days`, Math.round(epss.epss * 15));
    if (epss.percentile >= 0.95) add(tally, 'epss percentile', `${epss.cve} is in the top 5% of EPSS scores (${(epss.percentile * 100).toFixed(1)}th percentile)`, 5);
  }
}

/** Fixes are added after prevalence (the factors' order is the formula's). */
export function fixFactor(tally: Tally, props: Record<string, unknown>): void {
  const fixes = prop(props, PROP.package)?.fixedVersions;
  if (fixes && fixes.length) add(tally, 'fix available', `fixed in ${fixes.slice(0, 3).join(', ')}`, 3);
}

/** Whether a bag holds any member the rarer factors read: most bags (a SAST result's) hold none. */
function hasRarerInputs(props: Record<string, unknown>, rule: ReportingDescriptor | undefined): boolean {
  return (
    rule?.properties?.precision !== undefined ||
    props.precision !== undefined ||
    props[PROP.context] !== undefined ||
    props[PROP.dev] !== undefined ||
    props[PROP.kev] !== undefined ||
    props[PROP.epss] !== undefined ||
    props[PROP.package] !== undefined
  );
}

/**
 * The risk formula (docs/prioritization.md), 0–100:
 *   base = severity × 10 (CVSS base score when there is a vector, else security-severity, else the level)
 *   × confidence (tool precision) × environment × exposure × data sensitivity × dev-only dependency
 *   + KEV (+25, +5 known ransomware use) + EPSS (up to +15 by probability, +5 at the 95th percentile)
 *   + prevalence (+2 per further place carrying it, at most +10) + fix available (+3: fixable now)
 * then clamped to 0–100; the priority follows (a KEV finding is always P0).
 */
export function prioritize(log: Log, options: { slaDays?: Partial<Record<Priority, number>> } = {}): Log {
  const sla = { ...DEFAULT_SLA_DAYS, ...options.slaDays };
  const places = new Map<string, Set<string>>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const key = prevalenceKey(result);
      let set = places.get(key);
      if (!set) places.set(key, (set = new Set<string>()));
      set.add(placeOf(result));
    }
  }
  const written = new Set<object>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const risk = riskBeforePrevalence(run, result);
      const { tally } = risk;
      const count = places.get(prevalenceKey(result))?.size ?? 1;
      if (count > 1) {
        const prevalence = prevalenceFactor(count);
        tally.risk += prevalence.points;
        tally.factors.push(prevalence);
      }
      if (risk.rarer) fixFactor(tally, risk.props);
      const score = Math.round(Math.min(100, Math.max(0, tally.risk)));
      const priority = priorityOf(score, risk.kev);
      result.rank = score;
      const own = ownBag(result, written);
      own[PROP.severity] = severityFromScore(risk.base);
      own[PROP.risk] = score;
      own[PROP.priority] = priority;
      own[PROP.factors] = tally.factors;
      own[PROP.slaDays] = sla[priority];
      result.properties = own;
    }
  }
  return log;
}

/** What prevalence counts by: the vulnerability of a package finding, else the rule. */
export const prevalenceKey = (result: Result): string => `${result.properties?.[PROP.package] ? vulnerabilityId(result) : result.ruleId ?? ''}`;

/** A result's risk up to prevalence: severity and the rarer factors; prevalence and a fix are added after. */
export interface PartialRisk {
  base: number;
  tally: Tally;
  /** Whether the rarer factors' inputs are there (then a fix may add its factor). */
  rarer: boolean;
  kev: boolean;
  props: Record<string, unknown>;
}

/** Only what the formula needs: a whole Finding per result was half of prioritizing 100k results. */
export function riskBeforePrevalence(run: Run, result: Result): PartialRisk {
  const rule = ruleOf(run, result);
  const base = scoreOf(result, rule);
  const props = result.properties ?? NO_PROPERTIES;
  const cvss = prop(props, PROP.cvss);
  let tally: Tally;
  if (cvss) {
    const risk = cvss.score * 10;
    tally = { risk, factors: [{ factor: 'severity', detail: `CVSS ${cvss.version} ${cvss.score.toFixed(1)}`, points: Math.round(risk) }] };
  } else {
    tally = { risk: Math.min(10, Math.max(0, base)) * 10, factors: [severityFactor(base)] };
  }
  const rarer = hasRarerInputs(props, rule);
  if (rarer) rarerFactors(tally, props, rule);
  return { base, tally, rarer, kev: props[PROP.kev] !== undefined, props };
}

/**
 * The bag prioritize writes into, in place (a copy of every result's bag was a tenth of merging ten shards): a
 * bag read from JSON belongs to one result; one a converter gave to several results is copied before it is
 * written. A bag made here is this result's alone: only bags that came with results are remembered.
 */
export function ownBag(result: Result, written: Set<object>): Record<string, unknown> {
  const bag = result.properties;
  const own = !bag ? {} : written.has(bag) ? { ...bag } : bag;
  if (own === bag) written.add(own);
  return own;
}

// The collator localeCompare uses (the default locale's): one instance, where localeCompare sets one up per call.
const collator = new Intl.Collator();

/** Most urgent first; ties broken by location so output is stable from run to run. */
export function byRisk(a: Finding, b: Finding): number {
  return (
    (b.risk ?? 0) - (a.risk ?? 0) ||
    collator.compare(a.location?.uri ?? '', b.location?.uri ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    collator.compare(a.ruleId, b.ruleId)
  );
}

// The last few rankings made. Only the order of ranks matters to the sort, so a ranking of a superset of the
// texts serves: GitHub's SARIF sorts each tool's findings, the summary the new ones, all of them texts the
// whole report's sort already ranked (ranking 100k file names by collation was most of each such sort).
const recentRanks: Map<string, number>[] = [];
const RECENT_RANKS = 4;

/** Each distinct text's place in collation order; texts the collator calls equal share a place. */
function collationRanks(texts: Iterable<string>): Map<string, number> {
  const distinct = new Set(texts);
  const known = recentRanks.find((ranks) => ranks.size >= distinct.size && everyIn(distinct, ranks));
  if (known) return known;
  const ranks = rankTexts(distinct);
  recentRanks.unshift(ranks);
  recentRanks.length = Math.min(recentRanks.length, RECENT_RANKS);
  return ranks;
}

function everyIn(texts: Set<string>, ranks: Map<string, number>): boolean {
  for (const text of texts) if (!ranks.has(text)) return false;
  return true;
}

function rankTexts(texts: Set<string>): Map<string, number> {
  const unique = [...texts].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < unique.length; i++) {
    if (i && collator.compare(unique[i - 1]!, unique[i]!) !== 0) rank++;
    ranks.set(unique[i]!, rank);
  }
  return ranks;
}

// Every report sorts the same findings, and some sort what another already sorted: the order is made once per
// array and handed out frozen, so it is also known to be in order when it comes back (the findings are not
// changed after prioritize).
const sortedOnce = new WeakMap<readonly Finding[], readonly Finding[]>();

/**
 * The findings in byRisk's order (stable, as Array.prototype.sort), as a frozen array. The texts are ranked
 * once (a few thousand files and rules) and the findings sorted on numbers: byRisk itself, with two
 * collations per comparison, was the costliest part of every report at 100k findings.
 */
export function sortByRisk(findings: readonly Finding[]): readonly Finding[] {
  const known = sortedOnce.get(findings);
  if (known && known.length === findings.length) return known;
  const uris = collationRanks(findings.map((f) => f.location?.uri ?? ''));
  const rules = collationRanks(findings.map((f) => f.ruleId));
  const keys = findings.map((f, index) => ({ f, index, risk: f.risk ?? 0, uri: uris.get(f.location?.uri ?? '')!, line: f.location?.startLine ?? 0, rule: rules.get(f.ruleId)! }));
  keys.sort((a, b) => b.risk - a.risk || a.uri - b.uri || a.line - b.line || a.rule - b.rule || a.index - b.index);
  const sorted = Object.freeze(keys.map((k) => k.f));
  sortedOnce.set(findings, sorted);
  sortedOnce.set(sorted, sorted);
  return sorted;
}
