import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir } from '../files/ensure-dir.js';

/**
 * Scanners write their native reports into a folder of this run's own, moved into raw/ once read: two runs
 * on one out-dir (a retry racing the first) never read, remove or half-overwrite each other's reports.
 */
export function stagingRawDir(outDir: string): string {
  return join(outDir, `.raw-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Moves this run's reports into raw/, each file in one rename (the last run's file wins whole). */
export async function publishRaw(staging: string, rawDir: string): Promise<void> {
  const names = await readdir(staging).catch(() => [] as string[]);
  if (!names.length) return;
  ensureDir(rawDir);
  for (const name of names) await rename(join(staging, name), join(rawDir, name));
}

export async function dropStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
