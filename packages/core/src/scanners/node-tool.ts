import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Availability } from './types.js';

// Scanners shipped as our npm dependencies run with the same Node as Pipewarden, from our own node_modules.
const require = createRequire(import.meta.url);

export interface NodeTool {
  /** Absolute path of the tool's package folder. */
  dir: string;
  version: string;
}

export function resolveNodePackage(name: string): NodeTool | undefined {
  // Packages with an "exports" map may not export package.json: look for it along node_modules instead.
  for (const base of require.resolve.paths(name) ?? []) {
    const manifest = join(base, name, 'package.json');
    try {
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
      return { dir: dirname(manifest), version };
    } catch {
      // not in this node_modules
    }
  }
  return undefined;
}

export function nodeToolAvailability(name: string, hint: string): Availability {
  const tool = resolveNodePackage(name);
  return tool ? { available: true, version: tool.version } : { available: false, reason: `${name} is not installed (${hint})` };
}

/** Config files we ship for scanners, beside dist/ in the published package. */
export function scannerConfig(file: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Built: packages/core/dist/index.js; in tests from source: packages/core/src/scanners/node-tool.ts;
  // bundled into the GitHub Action: dist/index.js with dist/scanner-configs beside it.
  const candidates = [join(here, '..', 'scanner-configs', file), join(here, '..', '..', 'scanner-configs', file), join(here, 'scanner-configs', file)];
  for (const candidate of candidates) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next layout
    }
  }
  return candidates[0]!;
}

/** Command lines have a length limit; past this many characters a scanner is given its folder instead of a list. */
export const MAX_ARGS_CHARS = 100_000;

export function fitsCommandLine(files: readonly string[]): boolean {
  let total = 0;
  for (const file of files) total += file.length + 1;
  return total <= MAX_ARGS_CHARS;
}
