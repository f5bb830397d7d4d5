import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
// The archive readers load when a tool is installed, not with every command.
import type { Entry, ZipFile } from 'yauzl';
import { ToolInstallError } from './resolve.js';

/** Above these an archive is refused: no tool we pin comes near, a decompression bomb would. */
const MAX_TOTAL_BYTES = 2 * 1024 ** 3;
const MAX_ENTRIES = 10_000;

/**
 * An archive entry's name as a path inside the destination, or a refusal: absolute paths, drive letters,
 * backslashes (a separator on Windows) and `..` segments could write outside the folder being filled.
 */
export function entryPath(name: string, archive: string): string | undefined {
  const refuse = (why: string) => new ToolInstallError(`archive entry "${name.slice(0, 200)}" ${why}: refused, nothing was installed`, { file: archive });
  if (name.includes('\0')) throw refuse('has a NUL character');
  if (name.includes('\\')) throw refuse('has a backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('is an absolute path');
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw refuse('leaves the folder (..)');
  return parts.length ? parts.join('/') : undefined;
}

/** The entry's place under dest, checked once more after resolution. */
function placeOf(dest: string, relative: string, archive: string): string {
  const target = resolve(dest, relative);
  if (!target.startsWith(resolve(dest) + sep)) throw new ToolInstallError(`archive entry "${relative}" leaves the folder: refused, nothing was installed`, { file: archive });
  return target;
}

class Budget {
  private bytes = 0;
  private entries = 0;
  constructor(private readonly archive: string) {}
  entry(): void {
    if (++this.entries > MAX_ENTRIES) throw new ToolInstallError(`more than ${MAX_ENTRIES} entries: refused`, { file: this.archive });
  }
  count(size: number): void {
    this.bytes += size;
    if (this.bytes > MAX_TOTAL_BYTES) throw new ToolInstallError(`unpacks to more than ${MAX_TOTAL_BYTES / 1024 ** 3} GiB: refused`, { file: this.archive });
  }
}

/** Writes one entry's bytes, counting them against the budget as they come. */
async function writeEntry(stream: Readable, target: string, budget: Budget): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const counted = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      budget.count(chunk.length);
      yield chunk;
    }
  };
  await pipeline(stream, counted, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
}

/** A .tar.gz into dest: regular files and folders only (links could point anywhere). */
export async function unpackTarGz(file: string, dest: string, shown: string): Promise<void> {
  const budget = new Budget(shown);
  const { extract: tarExtract } = await import('tar-stream');
  const extract = tarExtract();
  const done = (async () => {
    for await (const entry of extract) {
      budget.entry();
      const relative = entryPath(entry.header.name, shown);
      const type = entry.header.type;
      if (type === 'directory' || !relative) {
        if (relative) await mkdir(placeOf(dest, relative, shown), { recursive: true });
        entry.resume();
        continue;
      }
      if (type !== 'file' && type !== 'contiguous-file') throw new ToolInstallError(`archive entry "${relative}" is a ${type}, not a file: refused, nothing was installed`, { file: shown });
      await writeEntry(entry, placeOf(dest, relative, shown), budget);
    }
  })();
  try {
    await Promise.all([pipeline(createReadStream(file), createGunzip(), extract), done]);
  } catch (error) {
    if (error instanceof ToolInstallError) throw error;
    throw new ToolInstallError(`not a readable .tar.gz (${(error as Error).message})`, { file: shown, cause: error });
  }
}

const openZip = (yauzl: typeof import('yauzl'), file: string) =>
  new Promise<ZipFile>((resolveZip, reject) =>
    // Names are decoded here, not by yauzl, so that every name passes entryPath's checks and its message.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (error, zip) => (error ? reject(error) : resolveZip(zip))),
  );

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** A .zip into dest: regular files and folders only. */
export async function unpackZip(file: string, dest: string, shown: string): Promise<void> {
  const budget = new Budget(shown);
  // Loaded before the try: a reader that failed to load is no fault of the archive's.
  const { default: yauzl } = await import('yauzl');
  let zip: ZipFile;
  try {
    zip = await openZip(yauzl, file);
  } catch (error) {
    throw new ToolInstallError(`not a readable .zip (${(error as Error).message})`, { file: shown, cause: error });
  }
  await new Promise<void>((resolveAll, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof ToolInstallError ? error : new ToolInstallError(`not a readable .zip (${(error as Error).message})`, { file: shown, cause: error }));
    };
    zip.on('error', fail);
    zip.on('end', () => resolveAll());
    zip.on('entry', (entry: Entry) => {
      void (async () => {
        budget.entry();
        const name = Buffer.isBuffer(entry.fileName) ? (entry.fileName as Buffer).toString('utf8') : String(entry.fileName);
        const relative = entryPath(name, shown);
        const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
        const isDir = name.endsWith('/') || mode === S_IFDIR;
        if (!isDir && mode !== 0 && mode !== S_IFREG) throw new ToolInstallError(`archive entry "${relative ?? name}" is not a regular file: refused, nothing was installed`, { file: shown });
        if (relative && isDir) await mkdir(placeOf(dest, relative, shown), { recursive: true });
        else if (relative) {
          budget.count(0);
          const stream = await new Promise<Readable>((ok, no) => zip.openReadStream(entry, (error, s) => (error ? no(error) : ok(s))));
          await writeEntry(stream, placeOf(dest, relative, shown), budget);
        }
        zip.readEntry();
      })().catch(fail);
    });
    zip.readEntry();
  });
}

/** The archive's files into dest (a fresh, empty folder). */
export async function unpack(kind: 'tar.gz' | 'zip', file: string, dest: string, shown: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  if (kind === 'tar.gz') await unpackTarGz(file, dest, shown);
  else await unpackZip(file, dest, shown);
}
