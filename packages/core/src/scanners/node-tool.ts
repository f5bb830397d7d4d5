import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import type { Availability } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
// Built: packages/core/dist/index.js with dist/runners/ beside it (the CLI, from node_modules); bundled into
// the GitHub Action: dist/action.js with its own dist/runners/, every tool inside; in tests from source:
// packages/core/src/scanners/node-tool.ts, with the built runners in packages/core/dist/runners/.
const RUNNER_DIRS = [join(here, 'runners'), join(here, '..', '..', 'dist', 'runners')];

/** A tool core runs through a runner of its own (src/scanners/runners/): a script run with this Node. */
export interface ToolRunner {
  script: string;
  /** The tool's name and version, as the runner was built with them. */
  tool: string;
  version: string;
}

function readManifest(dir: string): Record<string, { tool: string; version: string }> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, { tool: string; version: string }>;
  } catch {
    return undefined;
  }
}

export function toolRunner(id: string): ToolRunner | undefined {
  for (const dir of RUNNER_DIRS) {
    const entry = readManifest(dir)?.[id];
    if (entry && existsSync(join(dir, `${id}.js`))) return { script: join(dir, `${id}.js`), ...entry };
  }
  return undefined;
}

/** Runners ship inside Pipewarden: one missing is a broken install or bundle, never something for the user to add. */
export function runnerAvailability(id: string): Availability {
  const runner = toolRunner(id);
  return runner
    ? { available: true, version: runner.version }
    : { available: false, reason: `its runner is missing from ${RUNNER_DIRS[0]} (an incomplete Pipewarden install or bundle; reinstall Pipewarden)` };
}

/** Command lines have a length limit; past this many characters a scanner is given its folder instead of a list. */
export const MAX_ARGS_CHARS = 100_000;

export function fitsCommandLine(files: readonly string[]): boolean {
  let total = 0;
  for (const file of files) total += file.length + 1;
  return total <= MAX_ARGS_CHARS;
}

/** A runner walking the folder skips the symlinks the file list left out (as patterns: glob characters escaped). */
export function leftOutLinkPatterns(links: readonly string[] = []): string[] {
  return links.flatMap((link) => ['--ignore-pattern', link.replace(/[*?[\]{}()!+@\\]/g, '\\$&')]);
}
