import type { AdvisoryIndex, IndexEntry } from '../osv/advisory-index.js';
import type { Advisory } from '../osv/record.js';
import type { Package } from '../types.js';
import { versionOrder } from '../versions/index.js';
import { affectedVerdict, fixedVersions } from './affected.js';

/** One vulnerability in one package: the advisories that describe it (joined by their aliases). */
export interface Match {
  /** The id reported: the CVE when there is one (KEV and EPSS key on it), else the first advisory's. */
  id: string;
  /** Every id and alias of the joined advisories. */
  ids: string[];
  advisories: Advisory[];
  /** The lowest version that fixes this vulnerability, above the installed one. */
  fixed?: string | undefined;
  lastAffected?: string | undefined;
}

export interface PackageMatches {
  pkg: Package;
  matches: Match[];
  /** The smallest fixed version that clears every advisory of the package (none when some advisory has no fix). */
  upgrade?: string | undefined;
}

export interface MatchOutcome {
  packages: PackageMatches[];
  /** GIT ranges met and ignored (they name commits, not versions). */
  gitRanges: number;
  /** Packages whose version this ecosystem cannot order: only exact version lists were checked. */
  unordered: Package[];
}

const PREFERENCE = [/^CVE-/, /^GHSA-/];

function preferredId(ids: readonly string[]): string {
  for (const pattern of PREFERENCE) {
    const hit = ids.filter((id) => pattern.test(id)).sort()[0];
    if (hit) return hit;
  }
  return ids[0]!;
}

/** Joins advisories that share an id or alias (GO-2020-0001 and GHSA-6vm3-jj99-7229 are one flaw). */
function joinByAlias(hits: { entry: IndexEntry; fixed?: string | undefined; lastAffected?: string | undefined }[], pkg: Package): Match[] {
  const groups: { ids: Set<string>; hits: typeof hits }[] = [];
  for (const hit of hits) {
    const own = [hit.entry.advisory.id, ...hit.entry.advisory.aliases];
    const joined = groups.filter((g) => own.some((id) => g.ids.has(id)));
    const target = joined[0] ?? { ids: new Set<string>(), hits: [] };
    if (!joined.length) groups.push(target);
    for (const other of joined.slice(1)) {
      other.ids.forEach((id) => target.ids.add(id));
      target.hits.push(...other.hits);
      groups.splice(groups.indexOf(other), 1);
    }
    own.forEach((id) => target.ids.add(id));
    target.hits.push(hit);
  }
  const order = versionOrder(pkg.ecosystem);
  return groups.map((group) => {
    const ids = [...group.ids];
    // GitHub's records carry the severity label and CWE ids: they lead when present.
    const advisories = group.hits.map((h) => h.entry.advisory).sort((a, b) => Number(/^GHSA-/.test(b.id)) - Number(/^GHSA-/.test(a.id)) || (a.id < b.id ? -1 : 1));
    const fixes = group.hits.map((h) => h.fixed).filter((f): f is string => f !== undefined && order.valid(f));
    // Advisories of one flaw can disagree on the fix: the highest one satisfies them all.
    const fixed = fixes.length === group.hits.length ? fixes.sort((a, b) => order.compare(a, b)).at(-1) : undefined;
    const lastAffected = group.hits.find((h) => h.lastAffected)?.lastAffected;
    return { id: preferredId(ids), ids: [preferredId(ids), ...ids.filter((id) => id !== preferredId(ids)).sort()], advisories, fixed, lastAffected: fixed ? undefined : lastAffected };
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The smallest fixed version above the installed one that no advisory of the package affects. */
function recommendedUpgrade(pkg: Package, entries: readonly IndexEntry[]): string | undefined {
  const order = versionOrder(pkg.ecosystem);
  const candidates = [...new Set(entries.flatMap((e) => fixedVersions(e.affected)))]
    .filter((v) => order.valid(v) && order.compare(v, pkg.version) > 0)
    .sort((a, b) => order.compare(a, b));
  return candidates.find((candidate) => entries.every((e) => !affectedVerdict(e.affected, candidate).affected));
}

/** Matches every package of an inventory against the advisories. */
export function matchPackages(packages: readonly Package[], index: AdvisoryIndex): MatchOutcome {
  const out: MatchOutcome = { packages: [], gitRanges: 0, unordered: [] };
  for (const pkg of packages) {
    if (!pkg.version) continue;
    const entries = index.lookup(pkg.ecosystem, pkg.name);
    if (!entries.length) continue;
    if (!versionOrder(pkg.ecosystem).valid(pkg.version)) out.unordered.push(pkg);
    const hits = [];
    for (const entry of entries) {
      const verdict = affectedVerdict(entry.affected, pkg.version);
      out.gitRanges += verdict.gitRanges;
      if (verdict.affected) hits.push({ entry, fixed: verdict.fixed, lastAffected: verdict.lastAffected });
    }
    if (!hits.length) continue;
    const matches = joinByAlias(hits, pkg);
    out.packages.push({ pkg, matches, upgrade: versionOrder(pkg.ecosystem).valid(pkg.version) ? recommendedUpgrade(pkg, entries) : undefined });
  }
  return out;
}
