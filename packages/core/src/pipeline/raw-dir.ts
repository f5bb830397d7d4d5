import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ensureDir } from '../files/ensure-dir.js';
import type { Redactor } from '../sarif/redact-log.js';

/**
 * Scanners write their native reports into a folder of this run's own, moved into raw/ once read: two runs
 * on one out-dir (a retry racing the first) never read, remove or half-overwrite each other's reports.
 */
export function stagingRawDir(outDir: string): string {
  return join(outDir, `.raw-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** This run's report files; folders there are a tool's working state (Wapiti's session), never published. */
async function stagedFiles(staging: string): Promise<string[]> {
  const entries = await readdir(staging, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(staging, entry.name));
}

/** Moves this run's reports into raw/, each file in one rename (the last run's file wins whole). */
export async function publishRaw(staging: string, rawDir: string): Promise<void> {
  const files = await stagedFiles(staging);
  if (!files.length) return;
  ensureDir(rawDir);
  for (const file of files) await rename(file, join(rawDir, basename(file)));
}

export async function dropStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Scrubs this run's native reports of the secret values its logs held (Redactor.file), before they are published. */
export async function scrubStaged(staging: string, redactor: Redactor): Promise<void> {
  for (const file of await stagedFiles(staging)) await redactor.file(file);
}
