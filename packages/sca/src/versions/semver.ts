import semver from 'semver';
import { remembered, type VersionOrder } from './types.js';

const parse = remembered((version: string) => semver.parse(version, { loose: true }));

/**
 * Semantic Versioning 2.0 (npm, Cargo, OSV's SEMVER ranges): prereleases below their release, ordered by
 * dot-separated identifiers (numeric below alphanumeric), build metadata ignored. Loose parsing accepts the
 * "v1.2.3" and "=1.2.3" spellings npm itself accepts.
 */
export const semverOrder: VersionOrder = {
  valid: (version) => parse(version) !== null,
  compare: (a, b) => parse(a)!.compare(parse(b)!),
};
