import type { Ecosystem } from '../types.js';
import { composerOrder } from './composer.js';
import { goOrder } from './go.js';
import { mavenOrder } from './maven.js';
import { nugetOrder } from './nuget.js';
import { pep440Order } from './pep440.js';
import { rubygemsOrder } from './rubygems.js';
import { semverOrder } from './semver.js';
import type { VersionOrder } from './types.js';

export type { VersionOrder } from './types.js';

const ORDERS: Record<Ecosystem, VersionOrder> = {
  npm: semverOrder,
  'crates.io': semverOrder,
  PyPI: pep440Order,
  Go: goOrder,
  Maven: mavenOrder,
  Packagist: composerOrder,
  RubyGems: rubygemsOrder,
  NuGet: nugetOrder,
};

/** The order an ecosystem's versions are compared in (OSV's ECOSYSTEM ranges). */
export function versionOrder(ecosystem: Ecosystem): VersionOrder {
  return ORDERS[ecosystem];
}

/** OSV's SEMVER ranges: Semantic Versioning 2.0 whatever the ecosystem, Go's leading "v" allowed. */
export const semverRangeOrder: VersionOrder = goOrder;
