import { MANIFEST_KINDS, type ManifestKind } from './kinds.js';
import { LIBRARY_FILE_NAME } from './vendored-libraries.js';

// Which manifest format a file is, by its name, apart from the parsers: asking it (a scanner's file selection, a
// review's "is this a dependency file") then loads none of the parsers nor their YAML, TOML and version libraries.
// The inventory picks a file's parser by the kind found here; MANIFEST_KINDS gives the order the rules are tried in.

type Matcher = (base: string, path: string) => boolean;

/** Folders where copied-in third-party code is kept. */
const VENDOR_DIR = /(?:^|\/)(?:vendors?|third[_-]?party|external|externals|bower_components|libs?|plugins|static|assets|public|wwwroot)\//i;
const named = (name: string): Matcher => (base) => base === name;

export const FILE_MATCHERS = {
  'package-lock.json': named('package-lock.json'),
  'npm-shrinkwrap.json': named('npm-shrinkwrap.json'),
  'pnpm-lock.yaml': named('pnpm-lock.yaml'),
  'yarn.lock': named('yarn.lock'),
  'package.json': named('package.json'),
  // a constraints file pins versions without asking for the packages: read only through -c
  'requirements.txt': (base, path) => /\.txt$/i.test(base) && !/constraint/i.test(base) && (/requirements/i.test(base) || /(?:^|\/)requirements\/[^/]+$/i.test(path)),
  'constraints.txt': (base) => /\.txt$/i.test(base) && /constraint/i.test(base),
  'poetry.lock': named('poetry.lock'),
  'Pipfile.lock': named('Pipfile.lock'),
  'uv.lock': named('uv.lock'),
  'pyproject.toml': named('pyproject.toml'),
  Pipfile: named('Pipfile'),
  'go.mod': named('go.mod'),
  'pom.xml': named('pom.xml'),
  'gradle.lockfile': (base, path) => base === 'gradle.lockfile' || base === 'buildscript-gradle.lockfile' || /(?:^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(path),
  'build.gradle': (base) => /^build\.gradle(?:\.kts)?$/.test(base),
  'libs.versions.toml': (base) => /\.versions\.toml$/.test(base),
  'composer.lock': named('composer.lock'),
  // a package's own composer.json under vendor/ is what Composer installed, listed in composer.lock
  'composer.json': (base, path) => base === 'composer.json' && !/(?:^|\/)vendor\//.test(path),
  'Gemfile.lock': (base) => base === 'Gemfile.lock' || base === 'gems.locked',
  Gemfile: (base) => base === 'Gemfile' || base === 'gems.rb',
  'Cargo.lock': named('Cargo.lock'),
  'Cargo.toml': named('Cargo.toml'),
  'packages.lock.json': named('packages.lock.json'),
  'packages.config': (base) => base.toLowerCase() === 'packages.config',
  '*.csproj': (base) => /\.(?:cs|fs|vb)proj$/i.test(base),
  'Directory.Packages.props': (base) => base.toLowerCase() === 'directory.packages.props',
  'vendored-js': (base, path) => /\.(?:c|m)?js$/i.test(base) && (LIBRARY_FILE_NAME.test(base) || /\.min\.js$/i.test(base) || VENDOR_DIR.test(path)),
} satisfies Record<ManifestKind, Matcher>;

// Installed trees and VCS metadata hold other projects' manifests, not this one's.
const IGNORED_DIR = /(?:^|\/)(?:node_modules|\.git|\.hg|\.svn)\//;

/** Which parser reads this file name (`package-lock.json`, `requirements.txt`, …), if any. */
export function manifestKind(path: string): ManifestKind | undefined {
  if (IGNORED_DIR.test(path)) return undefined;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return MANIFEST_KINDS.find((kind) => FILE_MATCHERS[kind](base, path));
}
