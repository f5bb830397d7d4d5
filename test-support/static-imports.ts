import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';

// What a built ESM entry loads before any of its code runs: its static imports, followed through the package's own
// chunks (relative paths), not into dynamic import() calls. A start-up budget is kept by what is left out of this.

// `import … from "x"`, `export … from "x"`, `import "x"`, minified or not, either quote, with or without import
// attributes. A line of text that merely looks like one can only add to what is found (a test then fails, never passes).
const STATIC_IMPORT = /(?<=^|;)\s*(?:import|export)\b(?:[^;"'`]*?\bfrom)?\s*(["'])([^"'\n]+)\1\s*(?:with\s*\{[^}]*\}\s*)?;?/gm;

export interface StaticGraph {
  /** Every package (Node's own modules aside) imported statically. */
  packages: Set<string>;
  /** The built files read before any code runs, the entry included. */
  files: string[];
}

export function staticGraph(entry: string): StaticGraph {
  const packages = new Set<string>();
  const files: string[] = [];
  const visit = (file: string): void => {
    if (files.includes(file)) return;
    files.push(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[2]!;
      // A relative path that is no file is text that looks like an import (a rule's code sample in a string).
      if (specifier.startsWith('.')) {
        if (existsSync(join(dirname(file), specifier))) visit(join(dirname(file), specifier));
      } else if (!isBuiltin(specifier)) packages.add(specifier);
    }
  };
  visit(entry);
  return { packages, files };
}

/** Every package (Node's own modules aside) a built file and its relative chunks import statically. */
export const staticPackages = (entry: string): Set<string> => staticGraph(entry).packages;

/** The bytes of code a built entry makes node read and compile at start. */
export const staticBytes = (entry: string): number => staticGraph(entry).files.reduce((sum, file) => sum + statSync(file).size, 0);
