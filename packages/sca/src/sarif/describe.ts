import type { Match, PackageMatches } from '../match/match.js';
import type { Advisory } from '../osv/record.js';
import type { Package } from '../types.js';

// Words a terminal, Markdown or HTML report shows as they are: advisory text is escaped by core where it is rendered.
const LABEL_SCORE: Record<string, number> = { LOW: 3.0, MODERATE: 5.5, MEDIUM: 5.5, HIGH: 7.5, CRITICAL: 9.5 };

/** The CVSS vector to score: v3 first (what most tools and GitHub show), then v4, then v2. */
export function vectorOf(advisories: readonly Advisory[]): string | undefined {
  for (const type of ['CVSS_V3', 'CVSS_V4', 'CVSS_V2']) {
    for (const a of advisories) {
      const hit = a.severity.find((s) => s.type === type);
      if (hit) return hit.score;
    }
  }
  return undefined;
}

/** GitHub's label as a 0–10 score, when a record has one; Go's records have none ("unknown", not "low"). */
export function labelOf(advisories: readonly Advisory[]): { label: string; score?: number } {
  const label = advisories.find((a) => a.label)?.label;
  return label && LABEL_SCORE[label] !== undefined ? { label: label.toLowerCase(), score: LABEL_SCORE[label] } : { label: 'unknown' };
}

export function levelOf(score: number | undefined): 'error' | 'warning' | 'note' {
  if (score === undefined) return 'warning';
  return score >= 7 ? 'error' : score >= 4 ? 'warning' : 'note';
}

export function summaryOf(match: Match): string | undefined {
  return match.advisories.find((a) => a.summary)?.summary;
}

export function isDevOnly(pkg: Package): boolean {
  return pkg.scope === 'dev' || pkg.scope === 'test';
}

function whereFrom(pkg: Package): string {
  if (pkg.direct || pkg.path.length < 2) return pkg.vendored ? ' (a vendored copy)' : '';
  return `, pulled in by ${pkg.path.join(' > ')}`;
}

function installed(pkg: Package): string {
  if (!pkg.unresolved) return `${pkg.name} ${pkg.version}`;
  return `${pkg.name} ${pkg.declared ?? ''} (not locked: checked at ${pkg.version}, the lowest version the range admits)`.replace(/\s+/g, ' ');
}

function fixText(match: Match, found: PackageMatches, admitsFix: boolean | undefined): string {
  const { pkg, upgrade } = found;
  const parts: string[] = [];
  if (match.fixed) parts.push(`Fixed in ${match.fixed}.`);
  else if (match.lastAffected) parts.push(`No fixed version: ${match.lastAffected} is the last affected one.`);
  else parts.push('No fixed version is known.');
  const count = found.matches.length;
  if (upgrade) parts.push(count > 1 ? `Upgrading to ${upgrade} clears all ${count} advisories of ${pkg.name} ${pkg.version}.` : `Upgrade to ${upgrade}.`);
  else if (count > 1 && match.fixed) parts.push(`No single version clears all ${count} advisories of ${pkg.name} ${pkg.version}.`);
  if (pkg.unresolved && match.fixed) parts.push(admitsFix ? `The declared range admits ${match.fixed}: lock the dependencies to be sure which version installs.` : `The declared range ${pkg.declared ?? ''} does not admit ${match.fixed}: widen it.`.replace(/\s+/g, ' '));
  if (!pkg.direct && pkg.path.length > 1 && match.fixed) parts.push(`Upgrade ${pkg.path[0]} to a release that requires a fixed ${pkg.name}, or override it.`);
  return parts.join(' ');
}

/** One line a developer can act on: what, which version, how it came in, and the fix. */
export function messageOf(match: Match, found: PackageMatches, admitsFix: boolean | undefined): string {
  const summary = summaryOf(match);
  const also = match.ids.filter((id) => id !== match.id && /^(CVE|GHSA)-/.test(id));
  const head = `${installed(found.pkg)} is affected by ${match.id}${also.length ? ` (${also.slice(0, 3).join(', ')})` : ''}${summary ? `: ${summary}` : ''}`;
  const scope = isDevOnly(found.pkg) ? ` (a ${found.pkg.scope} dependency)` : '';
  return `${head}${scope}${whereFrom(found.pkg)}. ${fixText(match, found, admitsFix)}`.replace(/\.\./g, '.');
}
