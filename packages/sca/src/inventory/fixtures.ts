import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestFile, Package } from '../types.js';

/** Test support: the fixture folder of the inventory tests. */
export const FIXTURES = fileURLToPath(new URL('../../test-fixtures/inventory/', import.meta.url));

/** Every file under a fixture folder, as the repo-relative ManifestFiles the inventory takes. */
export function fixtureFiles(folder: string, prefix = ''): ManifestFile[] {
  const root = join(FIXTURES, folder);
  const out: ManifestFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ path: prefix + relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function find(packages: Package[], name: string, version?: string): Package {
  const hit = packages.find((p) => p.name === name && (version === undefined || p.version === version));
  if (!hit) throw new Error(`no ${name}${version ? `@${version}` : ''} among ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  return hit;
}

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`"${needle}" not in the fixture`);
  return i + 1;
}
