import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, describeFsError } from '../errors.js';

/**
 * Makes a folder and its missing parents one at a time. Node's recursive mkdir spins forever where a parent
 * exists but refuses children (`/proc/x`): an output path is user input, so it must fail instead.
 */
export function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    // Made meanwhile by a parallel job: that is what was wanted.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`cannot create the folder: ${describeFsError(error)}`, { file: dir, cause: error });
  }
}
