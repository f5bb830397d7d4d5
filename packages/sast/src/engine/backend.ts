import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuleSet } from '../rules/load.js';
import type { Summary } from '../taint/types.js';
import { FileAnalyzer, type FirstPass, type SecondPass, type SourceFile } from './file-analyzer.js';

/** Larger files are bundles or data, not code someone wrote by hand. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface SecondJob {
  path: string;
  /** The summaries of the files it imports, by `<file>#<name>`. */
  imported: [string, Summary][];
}

/** Where files are analysed: this thread, or a pool of workers (each keeps the files it parsed). */
export interface Backend {
  first(paths: readonly string[]): Promise<FirstPass[]>;
  second(jobs: readonly SecondJob[]): Promise<SecondPass[]>;
  close(): Promise<void>;
}

export interface BackendInit {
  ruleSet: RuleSet;
  /** Every file of the scan (relative POSIX), for resolving imports. */
  files: readonly string[];
  root: string;
  grammarsDir?: string | undefined;
  maxBytes: number;
  /** Read files synchronously (in a worker thread). */
  sync?: boolean | undefined;
  /** Grammars compiled by the main thread (workers only). */
  modules?: ReadonlyMap<string, WebAssembly.Module> | undefined;
}

/**
 * A file's text, or why it is skipped (too large, unreadable). Workers read synchronously: the thread is theirs,
 * and promise-based reads from several workers queue on libuv's small shared pool.
 */
export async function readSource(root: string, path: string, maxBytes: number, sync = false): Promise<SourceFile | { path: string; skipped: string }> {
  const full = join(root, path);
  try {
    const size = sync ? statSync(full).size : (await stat(full)).size;
    if (size > maxBytes) return { path, skipped: `larger than ${Math.round(maxBytes / 1024)} KiB: not analysed` };
    return { path, text: sync ? readFileSync(full, 'utf8') : await readFile(full, 'utf8') };
  } catch (error) {
    return { path, skipped: `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** Analyses files one after the other in this thread; also what every worker runs. */
export class LocalBackend implements Backend {
  private readonly analyzer: FileAnalyzer;

  constructor(
    private readonly init: BackendInit,
    private readonly texts?: ReadonlyMap<string, string>,
  ) {
    this.analyzer = new FileAnalyzer(init.ruleSet, new Set(init.files), init.grammarsDir, init.modules);
  }

  async first(paths: readonly string[]): Promise<FirstPass[]> {
    const out: FirstPass[] = [];
    for (const path of paths) {
      const given = this.texts?.get(path);
      const source = given !== undefined ? { path, text: given } : await readSource(this.init.root, path, this.init.maxBytes, this.init.sync);
      if ('skipped' in source) out.push({ path, lines: 0, findings: [], exports: [], deps: [], renders: [], error: source.skipped });
      else out.push(await this.analyzer.first(source));
    }
    return out;
  }

  async second(jobs: readonly SecondJob[]): Promise<SecondPass[]> {
    return jobs.map((job) => this.analyzer.second(job.path, new Map(job.imported)));
  }

  async close(): Promise<void> {
    this.analyzer.dispose();
  }
}
