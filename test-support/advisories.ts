// Scans run by tests match dependencies offline, against the shared OSV records (never a download, never a
// cache left on the machine): the CLI and the Action read PIPEWARDEN_ADVISORIES_DIR as the default of
// --advisories-dir. Set once before any test starts, so no test changes it while others run. The npm folder
// alone: the demo and most fixtures are npm projects, and it reads in a fraction of a second (tests of other
// ecosystems name their folder with --advisories-dir).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './shared.js';

/** The shared OSV records of one ecosystem (`npm`, `PyPI`, `Go`, …). */
export const sharedAdvisories = (ecosystem = '') => join(sharedDir, 'advisories', 'osv', ecosystem);

if (process.env.PIPEWARDEN_ADVISORIES_DIR === undefined && existsSync(sharedAdvisories('npm'))) process.env.PIPEWARDEN_ADVISORIES_DIR = sharedAdvisories('npm');
