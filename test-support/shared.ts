import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (this file lives in <root>/test-support). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared beside the clone: real reports, schemas and feeds, never copied into the repo. */
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(join(sharedDir, 'DESIGN.md'));

const noticed = new Set<string>();
/** Says once, visibly, that tests needing ../shared were skipped, so a green run is not mistaken for a full one. */
export function sharedNotice(what: string): void {
  if (hasShared || noticed.has(what)) return;
  noticed.add(what);
  process.stderr.write(`\n[pipewarden tests] ../shared is absent: skipping ${what}\n`);
}

export function corpusFiles(format: string, extension?: string): string[] {
  const dir = join(sharedDir, 'corpus', format);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !extension || name.endsWith(extension))
    .sort()
    .map((name) => join(dir, name));
}

export const sarifSchemaFile = join(sharedDir, 'schemas', 'sarif-2.1.0', 'sarif-schema-2.1.0.json');
