import type { Ecosystem } from '../../types.js';

/**
 * The name under which a package is known to its registry and to OSV, so that the same
 * package read from two manifests (or written two ways) compares equal.
 */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case 'PyPI':
      // PEP 503: runs of "-", "_" and "." are one "-", and case does not matter.
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'Packagist':
      return trimmed.toLowerCase();
    case 'RubyGems':
    case 'crates.io':
    case 'npm':
    case 'Go':
    case 'Maven':
    case 'NuGet':
      // NuGet ids compare case-insensitively, but OSV records keep the registry's casing,
      // so the casing the lockfile wrote (the registry's) is kept.
      return trimmed;
  }
}
