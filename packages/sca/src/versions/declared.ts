import semver from 'semver';
import type { Ecosystem } from '../types.js';
import { satisfiesComposer } from './composer-constraints.js';
import { satisfiesPep440 } from './pep440-specifiers.js';

/**
 * Whether a version lies in a declared range of the ecosystem's own kind (npm ranges, PEP 440 specifiers,
 * Composer constraints); undefined when the range is not one this ecosystem's kind can read.
 */
export function satisfiesDeclared(ecosystem: Ecosystem, version: string, declared: string): boolean | undefined {
  if (ecosystem === 'npm') {
    if (semver.validRange(declared, { loose: true }) === null) return undefined;
    return semver.satisfies(version, declared, { loose: true, includePrerelease: true });
  }
  if (ecosystem === 'PyPI') return satisfiesPep440(version, declared);
  if (ecosystem === 'Packagist') return satisfiesComposer(version, declared);
  return undefined;
}
