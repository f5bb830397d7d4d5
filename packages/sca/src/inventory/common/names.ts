import type { Ecosystem } from '../../types.js';

/**
 * The name a package is reported under (and its purl made from): the registry's spelling,
 * so that the same package read from two manifests, or written two ways, is one name.
 * Matching folds further (ecosystems.ts normalizeName: NuGet case, crates.io "_").
 */
export function canonicalName(ecosystem: Ecosystem, name: string): string {
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
