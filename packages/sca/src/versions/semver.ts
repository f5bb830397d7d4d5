import { compareDigits, remembered, type VersionOrder } from './types.js';

// Semantic Versioning 2.0's grammar, with npm's loose spellings in front ("v1.2.3", "=1.2.3", " 1.2.3 ").
const SEMVER = /^\s*[=v]*\s*(0|[1-9]\d*|\d+)\.(0|[1-9]\d*|\d+)\.(0|[1-9]\d*|\d+)(?:-?([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;

export interface Semver {
  core: [string, string, string];
  pre: string[];
}

export function parseSemver(version: string): Semver | undefined {
  const m = SEMVER.exec(version);
  return m ? { core: [m[1]!, m[2]!, m[3]!], pre: m[4] ? m[4].split('.') : [] } : undefined;
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return compareDigits(a, b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemver(x: Semver, y: Semver): number {
  for (let i = 0; i < 3; i++) {
    const c = compareDigits(x.core[i]!, y.core[i]!);
    if (c) return c;
  }
  if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    if (i >= x.pre.length) return -1;
    if (i >= y.pre.length) return 1;
    const c = compareIdentifier(x.pre[i]!, y.pre[i]!);
    if (c) return c;
  }
  return 0;
}

const parse = remembered(parseSemver);

/**
 * Semantic Versioning 2.0 (npm, Cargo, OSV's SEMVER ranges): prereleases below their release, ordered by
 * dot-separated identifiers (numeric below alphanumeric), build metadata ignored. The loose spellings npm
 * itself accepts ("v1.2.3", "=1.2.3", "1.2.3beta") are read too.
 */
export const semverOrder: VersionOrder = {
  valid: (version) => parse(version) !== undefined,
  compare: (a, b) => compareSemver(parse(a)!, parse(b)!),
};
