import semver from 'semver';

export interface SemverLowest {
  /** "" when the range admits any version (or none can be named) */
  version: string;
  exact: boolean;
}

/**
 * The lowest version a semver-style range admits (npm, Cargo and Composer constraints are
 * close enough to node-semver once their separators are normalised by the caller).
 */
export function lowestOfRange(range: string): SemverLowest {
  const r = range.trim();
  if (r === '' || r === '*' || /^[xX]$/.test(r) || r === 'latest') return { version: '', exact: false };
  const exact = semver.valid(r.replace(/^=\s*/, ''), { loose: true });
  if (exact) return { version: exact, exact: true };
  let min: semver.SemVer | null = null;
  try {
    min = semver.minVersion(r, { loose: true });
  } catch {
    min = null;
  }
  // minVersion answers 0.0.0 for "any version" ranges such as "<2" or ">=0": no version was chosen
  if (!min || min.version === '0.0.0') return { version: '', exact: false };
  return { version: min.version, exact: false };
}
