import type { ManifestParser } from './common/model.js';
import { packageJson } from './npm/package-json.js';
import { npmShrinkwrap, packageLock } from './npm/package-lock.js';
import { pnpmLock } from './npm/pnpm-lock.js';
import { yarnLock } from './npm/yarn-lock.js';
import { pipfileLock } from './pypi/pipfile-lock.js';
import { poetryLock } from './pypi/poetry-lock.js';
import { uvLock } from './pypi/uv-lock.js';
import { pyprojectToml } from './pypi/pyproject.js';
import { requirementsTxt } from './pypi/requirements.js';

/** Every manifest format the inventory reads: one line each. */
export const PARSERS: readonly ManifestParser[] = [
  packageLock,
  npmShrinkwrap,
  pnpmLock,
  yarnLock,
  packageJson,
  requirementsTxt,
  poetryLock,
  pipfileLock,
  uvLock,
  pyprojectToml,
];
