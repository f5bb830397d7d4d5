import { cargoLock } from './cargo/cargo-lock.js';
import { cargoToml } from './cargo/cargo-toml.js';
import type { ManifestParser } from './common/model.js';
import { goMod } from './go/go-mod.js';
import { buildGradle } from './maven/build-gradle.js';
import { gradleLockfile } from './maven/gradle-lockfile.js';
import { pomXml } from './maven/pom.js';
import { versionCatalog } from './maven/version-catalog.js';
import { packageJson } from './npm/package-json.js';
import { npmShrinkwrap, packageLock } from './npm/package-lock.js';
import { pnpmLock } from './npm/pnpm-lock.js';
import { yarnLock } from './npm/yarn-lock.js';
import { pipfileLock } from './pypi/pipfile-lock.js';
import { poetryLock } from './pypi/poetry-lock.js';
import { uvLock } from './pypi/uv-lock.js';
import { packagesConfig } from './nuget/packages-config.js';
import { packagesLockJson } from './nuget/packages-lock.js';
import { centralPackages, projectFile } from './nuget/project-file.js';
import { composerJson } from './packagist/composer-json.js';
import { composerLock } from './packagist/composer-lock.js';
import { pipfile } from './pypi/pipfile.js';
import { pyprojectToml } from './pypi/pyproject.js';
import { constraintsTxt, requirementsTxt } from './pypi/requirements.js';
import { gemfile } from './rubygems/gemfile.js';
import { gemfileLock } from './rubygems/gemfile-lock.js';
import { vendoredJs } from './vendored.js';

/** Every manifest format the inventory reads: one line each. */
export const PARSERS: readonly ManifestParser[] = [
  packageLock,
  npmShrinkwrap,
  pnpmLock,
  yarnLock,
  packageJson,
  requirementsTxt,
  constraintsTxt,
  poetryLock,
  pipfileLock,
  uvLock,
  pyprojectToml,
  pipfile,
  goMod,
  pomXml,
  gradleLockfile,
  buildGradle,
  versionCatalog,
  composerLock,
  composerJson,
  gemfileLock,
  gemfile,
  cargoLock,
  cargoToml,
  packagesLockJson,
  packagesConfig,
  projectFile,
  centralPackages,
  vendoredJs,
];
