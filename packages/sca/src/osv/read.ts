import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { advisoryOf, OsvRecordError, type Advisory } from './record.js';

/** An advisory source that cannot be read at all (a missing folder, a damaged zip). */
export class AdvisorySourceError extends Error {
  override name = 'AdvisorySourceError';
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

export interface AdvisoryProblem {
  file: string;
  message: string;
}

export interface ReadAdvisories {
  advisories: Advisory[];
  /** Records skipped because they were withdrawn, or about no package of a known ecosystem. */
  skipped: number;
  /** Files that are not OSV records: each one line, the rest is read. */
  problems: AdvisoryProblem[];
  /** Files and zip exports read. */
  files: number;
}

const RECORD = /\.(?:json|ya?ml)$/i;
const ZIP = /\.zip$/i;
/** OSV records are kilobytes; the largest known is under 2 MB. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const READ_AHEAD = 32;

function parseRecord(text: string, name: string): unknown {
  return /\.ya?ml$/i.test(name) ? parseYaml(text, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false }) : JSON.parse(text);
}

function collect(out: ReadAdvisories, text: string, name: string): void {
  try {
    const data = parseRecord(text, name);
    // A file may hold one record or a list of them (osv.dev's query answers).
    for (const item of Array.isArray(data) ? data : [data]) {
      const advisory = advisoryOf(item, name);
      if (advisory) out.advisories.push(advisory);
      else out.skipped++;
    }
  } catch (error) {
    const message = error instanceof OsvRecordError ? error.message : `is not valid ${/\.ya?ml$/i.test(name) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`;
    out.problems.push({ file: name, message });
  }
}

/** Reads an OSV export zip (osv.dev's <Ecosystem>/all.zip): one JSON record per entry, inflated one at a time. */
export function readAdvisoryZip(bytes: Uint8Array, name: string, into?: ReadAdvisories): ReadAdvisories {
  const out = into ?? { advisories: [], skipped: 0, problems: [], files: 0 };
  out.files++;
  const decoder = new TextDecoder();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  let failure: Error | undefined;
  unzip.onfile = (file) => {
    if (!RECORD.test(file.name) || file.name.endsWith('/')) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      size += chunk.length;
      if (size <= MAX_RECORD_BYTES) chunks.push(chunk);
      if (!final) return;
      if (size > MAX_RECORD_BYTES) {
        out.problems.push({ file: `${name}!${file.name}`, message: `is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB: skipped` });
        return;
      }
      collect(out, decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)), `${name}!${file.name}`);
    };
    file.start();
  };
  try {
    unzip.push(bytes, true);
  } catch (error) {
    throw new AdvisorySourceError(name, `is not a readable zip file: ${(error as Error).message}`, { cause: error });
  }
  if (failure) throw new AdvisorySourceError(name, `is not a readable zip file: ${failure.message}`, { cause: failure });
  return out;
}

async function walk(dir: string, files: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symlinks are not followed: a folder of advisories is data, and a link could lead anywhere.
    if (entry.isDirectory()) await walk(path, files);
    else if (entry.isFile() && (RECORD.test(entry.name) || ZIP.test(entry.name))) files.push(path);
  }
}

/**
 * Reads a folder of OSV advisories: records in JSON or YAML (as osv.dev and the PyPA database keep them),
 * and OSV's per-ecosystem zip exports, in any sub-folder. Problems name the file relative to the folder.
 */
export async function readAdvisoryDir(dir: string): Promise<ReadAdvisories> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new AdvisorySourceError(dir, 'is not a directory');
  } catch (error) {
    if (error instanceof AdvisorySourceError) throw error;
    throw new AdvisorySourceError(dir, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const files: string[] = [];
  await walk(dir, files);
  const out: ReadAdvisories = { advisories: [], skipped: 0, problems: [], files: 0 };
  // Thousands of small files: read a few dozen at a time (one at a time spends the run waiting on the disk),
  // parsed in the folder's order so the outcome does not depend on which read finished first.
  const pending = files.map(() => undefined as Promise<Buffer> | undefined);
  const start = (i: number) => {
    if (i < files.length) pending[i] = readFile(files[i]!);
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const bytes = await pending[i]!;
    pending[i] = undefined;
    start(i + READ_AHEAD);
    const name = relative(dir, file).split('\\').join('/');
    if (ZIP.test(file)) {
      readAdvisoryZip(bytes, name, out);
      continue;
    }
    out.files++;
    if (bytes.length > MAX_RECORD_BYTES) {
      out.problems.push({ file: name, message: `is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB: skipped` });
      continue;
    }
    collect(out, bytes.toString('utf8'), name);
  }
  return out;
}
