import type { Ecosystem } from './types.js';

/** Every ecosystem the inventory and the matcher know, in OSV's spelling. */
export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'PyPI', 'Go', 'Maven', 'Packagist', 'RubyGems', 'crates.io', 'NuGet'];

/**
 * A package name as the ecosystem compares it: PyPI folds case and runs of "-", "_" and "." (PEP 503),
 * NuGet and Composer fold case, crates.io treats "-" and "_" alike; npm, Go, Maven and RubyGems names are exact.
 */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  switch (ecosystem) {
    case 'PyPI':
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    case 'NuGet':
    case 'Packagist':
      return name.toLowerCase();
    case 'crates.io':
      return name.toLowerCase().replace(/_/g, '-');
    default:
      return name;
  }
}
