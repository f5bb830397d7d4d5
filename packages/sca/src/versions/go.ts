import { compareSemver, parseSemver } from './semver.js';
import { remembered, type VersionOrder } from './types.js';

/**
 * Go module versions: semantic versions with a leading "v". Pseudo-versions (v0.0.0-20191109021931-daa7c04131f5,
 * v1.2.4-0.2019…) are prereleases, so they sort between the tags around the commit, as Go means them to;
 * "+incompatible" is build metadata and does not order. The toolchain's "go1.21.3" spelling is accepted too.
 */
function full(version: string): string {
  // OSV's Go stdlib ranges and go.mod's `go 1.21` line can name two parts only.
  const v = version.replace(/^go(?=\d)/, '').replace(/^v/, '').replace(/\+incompatible$/, '');
  return /^\d+\.\d+$/.test(v) ? `${v}.0` : /^\d+$/.test(v) ? `${v}.0.0` : v;
}

const parse = remembered((version: string) => parseSemver(full(version)));

export const goOrder: VersionOrder = {
  valid: (version) => parse(version) !== undefined,
  compare: (a, b) => compareSemver(parse(a)!, parse(b)!),
};
