import semver from 'semver';
import type { VersionOrder } from './types.js';

/**
 * Semantic Versioning 2.0 (npm, Cargo, OSV's SEMVER ranges): prereleases below their release, ordered by
 * dot-separated identifiers (numeric below alphanumeric), build metadata ignored. Loose parsing accepts the
 * "v1.2.3" and "=1.2.3" spellings npm itself accepts.
 */
export const semverOrder: VersionOrder = {
  valid: (version) => semver.valid(version, { loose: true }) !== null,
  compare: (a, b) => semver.compare(a, b, { loose: true }),
};
