import type { ManifestParser } from './common/model.js';
import { packageJson } from './npm/package-json.js';
import { npmShrinkwrap, packageLock } from './npm/package-lock.js';
import { pnpmLock } from './npm/pnpm-lock.js';
import { yarnLock } from './npm/yarn-lock.js';

/** Every manifest format the inventory reads: one line each. */
export const PARSERS: readonly ManifestParser[] = [
  packageLock,
  npmShrinkwrap,
  pnpmLock,
  yarnLock,
  packageJson,
];
