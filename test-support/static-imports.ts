import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

// What a built ESM entry loads before any of its code runs: its static imports, followed through the package's own
// chunks (relative paths), not into dynamic import() calls. A start-up budget is kept by what is left out of this.

const STATIC_IMPORT = /^(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)";|^import\s*"([^"]+)";/gms;

/** Every package (Node's own modules aside) a built file and its relative chunks import statically. */
export function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (!isBuiltin(specifier)) packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}
