import { semverOrder } from '../versions/semver.js';
import { goOrder } from '../versions/go.js';
import { versionOrder, type VersionOrder } from '../versions/index.js';
import type { OsvAffected, OsvEvent, OsvRange } from '../osv/record.js';
import type { Ecosystem } from '../types.js';

export interface Verdict {
  affected: boolean;
  /** The lowest fixed version above the one checked, in the ranges that affect it. */
  fixed?: string | undefined;
  /** The range ends at a last_affected version (no fix released when the advisory was written). */
  lastAffected?: string | undefined;
  /** GIT ranges seen and ignored: they name commits, not package versions. */
  gitRanges: number;
}

interface Sorted {
  kind: keyof OsvEvent;
  version: string;
}

function eventVersion(event: OsvEvent): Sorted {
  const kind = Object.keys(event)[0] as keyof OsvEvent;
  return { kind, version: event[kind]! };
}

function orderOf(ecosystem: Ecosystem, range: OsvRange): VersionOrder {
  if (range.type === 'SEMVER') return ecosystem === 'Go' ? goOrder : semverOrder;
  return versionOrder(ecosystem);
}

// Each range is sorted once: a lockfile's packages, and every candidate upgrade, meet the same records again.
const sortedRanges = new WeakMap<OsvRange, Sorted[]>();

/** introduced "0" is before everything; otherwise the ecosystem's order. Versions it cannot read are dropped. */
function sortEvents(range: OsvRange, order: VersionOrder): Sorted[] {
  const known = sortedRanges.get(range);
  if (known) return known;
  const sorted = sortOnce(range, order);
  sortedRanges.set(range, sorted);
  return sorted;
}

function sortOnce(range: OsvRange, order: VersionOrder): Sorted[] {
  const events = range.events.map(eventVersion).filter((e) => (e.kind === 'introduced' && e.version === '0') || order.valid(e.version));
  return events.sort((a, b) => {
    const az = a.kind === 'introduced' && a.version === '0';
    const bz = b.kind === 'introduced' && b.version === '0';
    if (az || bz) return az && bz ? 0 : az ? -1 : 1;
    return order.compare(a.version, b.version);
  });
}

/** One range, evaluated as OSV specifies: events sorted by version, the last one at or below the version decides. */
export function rangeVerdict(ecosystem: Ecosystem, range: OsvRange, version: string): Omit<Verdict, 'gitRanges'> {
  const order = orderOf(ecosystem, range);
  if (!order.valid(version)) return { affected: false };
  const events = sortEvents(range, order);
  let affected = false;
  for (const e of events) {
    if (e.kind === 'introduced' && e.version === '0') affected = true;
    else if (e.kind === 'introduced' && order.compare(version, e.version) >= 0) affected = true;
    else if (e.kind === 'fixed' && order.compare(version, e.version) >= 0) affected = false;
    else if (e.kind === 'last_affected' && order.compare(version, e.version) > 0) affected = false;
  }
  if (events.some((e) => e.kind === 'limit' && order.compare(version, e.version) >= 0)) affected = false;
  if (!affected) return { affected };
  const next = events.find((e) => (e.kind === 'fixed' && order.compare(e.version, version) > 0) || (e.kind === 'last_affected' && order.compare(e.version, version) >= 0));
  return next?.kind === 'fixed' ? { affected, fixed: next.version } : { affected, lastAffected: next?.version };
}

/** Whether one package version is affected by one advisory entry: its explicit versions, then its ranges. */
export function affectedVerdict(entries: readonly OsvAffected[], version: string): Verdict {
  let gitRanges = 0;
  let affected = false;
  let fixed: string | undefined;
  let lastAffected: string | undefined;
  for (const entry of entries) {
    const order = versionOrder(entry.ecosystem);
    const valid = order.valid(version);
    if (entry.versions.some((v) => v === version || (valid && order.valid(v) && order.compare(v, version) === 0))) affected = true;
    for (const range of entry.ranges) {
      if (range.type === 'GIT') {
        gitRanges++;
        continue;
      }
      const verdict = rangeVerdict(entry.ecosystem, range, version);
      if (!verdict.affected) continue;
      affected = true;
      // Two ranges that both hold the version: the fix must clear both.
      if (verdict.fixed && (!fixed || order.compare(verdict.fixed, fixed) > 0)) fixed = verdict.fixed;
      if (verdict.lastAffected) lastAffected = verdict.lastAffected;
    }
    if (affected && !fixed && valid) fixed = lowestFixAbove(entry, version);
  }
  return { affected, fixed: affected ? fixed : undefined, lastAffected: affected && !fixed ? lastAffected : undefined, gitRanges };
}

/** For a version listed as affected outside any range: the lowest fixed event above it. */
function lowestFixAbove(entry: OsvAffected, version: string): string | undefined {
  const order = versionOrder(entry.ecosystem);
  let best: string | undefined;
  for (const range of entry.ranges) {
    if (range.type === 'GIT') continue;
    for (const e of range.events) {
      if (e.fixed && order.valid(e.fixed) && order.compare(e.fixed, version) > 0 && (!best || order.compare(e.fixed, best) < 0)) best = e.fixed;
    }
  }
  return best;
}

/** Every fixed version an entry names: the candidates for the recommended upgrade. */
export function fixedVersions(entries: readonly OsvAffected[]): string[] {
  return entries.flatMap((entry) => entry.ranges.filter((r) => r.type !== 'GIT').flatMap((r) => r.events.flatMap((e) => (e.fixed ? [e.fixed] : []))));
}
