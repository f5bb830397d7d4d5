// Every file Pipewarden reads goes through here: one place that refuses what must never be opened.
//
// - A FIFO, socket or device is refused by its stat before any open: opening a FIFO for reading blocks until a
//   writer comes, and /dev/zero or /dev/urandom never end. The open itself is O_NONBLOCK, and the handle is
//   fstat'ed again, so a file swapped for one of those between the two calls is still refused.
// - A read never goes past the size the file had when it was opened, nor past the caller's limit.
// - Under a root (the scanned folder, an image layout), a path that leaves it by ".." or by a symlink is refused
//   before it is opened: the check is made on the real path, and that real path is what is opened (O_NOFOLLOW).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { InputError, describeFsError } from '../errors.js';

// O_NONBLOCK and O_NOFOLLOW do not exist on Windows, where FIFOs and symlinks of this kind do not either.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** What a stat says a path is, in words: "a FIFO", "a character device", … */
export function kindOf(info: Stats): string {
  if (info.isFile()) return 'a regular file';
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/** Why a file was not read: each is also the InputError's message when the caller throws. */
export type Refusal = 'outside' | 'not-regular' | 'too-large' | 'missing';

/** An InputError whose refusal is known, so callers that tolerate some (a missing file) can tell them apart. */
export class FileRefused extends InputError {
  readonly refusal: Refusal;

  constructor(refusal: Refusal, message: string, details: { file: string; cause?: unknown }) {
    super(message, details);
    this.refusal = refusal;
  }
}

export interface SafeReadOptions {
  /** Refused above this many bytes, by the size before anything is read; no read goes past it either. */
  maxBytes?: number | undefined;
  /** The file must lie inside this folder: by its path and by where its symlinks lead. */
  within?: string | undefined;
  /** What the folder is called in the error ("the image layout"); default "the scanned folder". */
  withinName?: string | undefined;
  /** How the file is named in errors (default: the path as given). */
  shown?: string | undefined;
}

function refuseKind(info: Stats, shown: string): never {
  if (info.isDirectory()) throw new FileRefused('not-regular', 'is a directory, expected a file', { file: shown });
  throw new FileRefused('not-regular', `is not a regular file (${kindOf(info)}); refused without opening it`, { file: shown });
}

function refuseSize(size: number, max: number, shown: string): never {
  throw new FileRefused('too-large', `is ${size} bytes, over the limit of ${max}`, { file: shown });
}

function fsError(error: unknown, shown: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileRefused('missing', describeFsError(error), { file: shown, cause: error });
  // O_NOFOLLOW on a path that became a symlink after it was resolved.
  if (code === 'ELOOP') return new FileRefused('outside', 'became a symbolic link while being opened; refused', { file: shown, cause: error });
  return new InputError(describeFsError(error), { file: shown, cause: error });
}

/** Whether a path stays inside root by its letters alone ("..", an absolute path elsewhere). */
export function staysInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path));
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

function isUnder(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

function outside(shown: string, options: SafeReadOptions): FileRefused {
  return new FileRefused('outside', `leads outside ${options.withinName ?? 'the scanned folder'}; not read`, { file: shown });
}

/** The real path of path (relative to within, or absolute), refused when it or a symlink on the way leaves within. */
async function resolveWithin(path: string, within: string, shown: string, options: SafeReadOptions): Promise<string> {
  if (!staysInside(within, path)) throw outside(shown, options);
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(within);
    real = await realpath(resolve(within, path));
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!isUnder(realRoot, real)) throw outside(shown, options);
  return real;
}

function resolveWithinSync(path: string, within: string, shown: string, options: SafeReadOptions): string {
  if (!staysInside(within, path)) throw outside(shown, options);
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(within);
    real = realpathSync(resolve(within, path));
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!isUnder(realRoot, real)) throw outside(shown, options);
  return real;
}

/** The same file as before the open (a FIFO or another file swapped in between is refused). */
function sameFile(before: Stats, after: Stats): boolean {
  return before.dev === after.dev && before.ino === after.ino;
}

export interface RegularFile {
  handle: FileHandle;
  /** The size when opened: reads stop there. */
  size: number;
  /** The path opened (the real path when `within` was given). */
  path: string;
}

/**
 * Opens a regular file for reading, after checking what it is: refused (FileRefused, an InputError naming the
 * file) when it is a FIFO, socket, device or directory, larger than maxBytes, or outside `within`.
 */
export async function openRegular(path: string, options: SafeReadOptions = {}): Promise<RegularFile> {
  const shown = options.shown ?? path;
  if (options.within === undefined) return openChecked(path, shown, options.maxBytes, false);
  return openChecked(await resolveWithin(path, options.within, shown, options), shown, options.maxBytes, true);
}

/** The stat before, the non-blocking open, the fstat after; `real`: the path has no symlink left to follow. */
async function openChecked(target: string, shown: string, maxBytes: number | undefined, real: boolean): Promise<RegularFile> {
  let before: Stats;
  try {
    before = await stat(target);
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!before.isFile()) refuseKind(before, shown);
  if (maxBytes !== undefined && before.size > maxBytes) refuseSize(before.size, maxBytes, shown);
  let handle: FileHandle;
  try {
    handle = await open(target, READ_FLAGS | (real ? NOFOLLOW : 0));
  } catch (error) {
    throw fsError(error, shown);
  }
  try {
    const after = await handle.stat();
    if (!after.isFile()) refuseKind(after, shown);
    if (!sameFile(before, after)) throw new InputError('changed while being opened; refused', { file: shown });
    if (maxBytes !== undefined && after.size > maxBytes) refuseSize(after.size, maxBytes, shown);
    return { handle, size: after.size, path: target };
  } catch (error) {
    await handle.close();
    throw fsError(error, shown);
  }
}

/** Reads up to `length` bytes from `position`, fewer at the end of the file. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** A regular file's bytes (see openRegular for what is refused); never more than its size when opened. */
export async function readRegular(path: string, options: SafeReadOptions = {}): Promise<Buffer> {
  const { handle, size } = await openRegular(path, options);
  try {
    return await readAt(handle, 0, size);
  } catch (error) {
    throw fsError(error, options.shown ?? path);
  } finally {
    await handle.close();
  }
}

/** The first `bytes` of a regular file (a sample to sniff, a head to judge its shape); a larger file is not refused. */
export async function readRegularHead(path: string, bytes: number, options: Omit<SafeReadOptions, 'maxBytes'> = {}): Promise<{ head: Buffer; size: number }> {
  const { handle, size } = await openRegular(path, options);
  try {
    return { head: await readAt(handle, 0, Math.min(bytes, size)), size };
  } catch (error) {
    throw fsError(error, options.shown ?? path);
  } finally {
    await handle.close();
  }
}

/** readRegular in one blocking call: for large files read whole, where the thread pool's round trips cost. */
export function readRegularSync(path: string, options: SafeReadOptions = {}): Buffer {
  const shown = options.shown ?? path;
  const target = options.within !== undefined ? resolveWithinSync(path, options.within, shown, options) : path;
  let before: Stats;
  try {
    before = statSync(target);
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!before.isFile()) refuseKind(before, shown);
  if (options.maxBytes !== undefined && before.size > options.maxBytes) refuseSize(before.size, options.maxBytes, shown);
  let fd: number;
  try {
    fd = openSync(target, READ_FLAGS | (options.within !== undefined ? NOFOLLOW : 0));
  } catch (error) {
    throw fsError(error, shown);
  }
  try {
    const after = fstatSync(fd);
    if (!after.isFile()) refuseKind(after, shown);
    if (!sameFile(before, after)) throw new InputError('changed while being opened; refused', { file: shown });
    if (options.maxBytes !== undefined && after.size > options.maxBytes) refuseSize(after.size, options.maxBytes, shown);
    const buffer = Buffer.alloc(after.size);
    let done = 0;
    while (done < buffer.length) {
      const read = readSync(fd, buffer, done, buffer.length - done, done);
      if (read === 0) break;
      done += read;
    }
    return done === buffer.length ? buffer : buffer.subarray(0, done);
  } catch (error) {
    throw fsError(error, shown);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text (UTF-8). */
export async function readRegularText(path: string, options: SafeReadOptions = {}): Promise<string> {
  return (await readRegular(path, options)).toString('utf8');
}

export interface StreamOptions extends SafeReadOptions {
  start?: number | undefined;
  highWaterMark?: number | undefined;
  encoding?: BufferEncoding | undefined;
}

/**
 * A stream of a regular file (checked as openRegular does), from `start` to its size when opened: a file that
 * keeps growing is read to where it was. The handle closes with the stream.
 */
export async function streamRegular(path: string, options: StreamOptions = {}): Promise<Readable> {
  const { handle, size } = await openRegular(path, options);
  const start = options.start ?? 0;
  if (start >= size) {
    await handle.close();
    return Readable.from([]);
  }
  return handle.createReadStream({
    start,
    end: size - 1,
    autoClose: true,
    ...(options.highWaterMark ? { highWaterMark: options.highWaterMark } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
}

/** Whether a refusal means the file is not there (some callers read a missing file as empty). */
export function isMissing(error: unknown): boolean {
  return error instanceof FileRefused && error.refusal === 'missing';
}

/** What reading a file under a root gave: its bytes, or why it was not read. */
export type ReadUnder = { data: Buffer; size: number } | { refused: Refusal };

export interface RootReader {
  /** The root as given. */
  readonly root: string;
  /**
   * A file under the root (a path relative to it, or absolute), never outside it: not by "..", an absolute
   * path elsewhere, or a symlink. With `head`, only the first that many bytes (a larger file is not refused).
   */
  read(path: string, options: { maxBytes?: number | undefined; head?: number | undefined }): Promise<ReadUnder>;
  /** Where a path under the root leads: inside (its real path), outside, or nowhere. */
  locate(path: string): Promise<{ real: string } | { refused: 'outside' | 'missing' }>;
}

/**
 * Reads files under one root, the root's real path resolved once. Refusals are returned, not thrown: the
 * callers (line hashes, secrets screening, shape checks, route mapping) carry on without the file.
 */
export function rootReader(root: string): RootReader {
  let realRoot: Promise<string | undefined> | undefined;
  const real = () => (realRoot ??= realpath(root).catch(() => undefined));

  async function locate(path: string): Promise<{ real: string } | { refused: 'outside' | 'missing' }> {
    if (!path || !staysInside(root, path)) return { refused: 'outside' };
    const base = await real();
    if (base === undefined) return { refused: 'missing' };
    let resolved: string;
    try {
      resolved = await realpath(resolve(base, relative(resolve(root), resolve(root, path))));
    } catch {
      return { refused: 'missing' };
    }
    return isUnder(base, resolved) ? { real: resolved } : { refused: 'outside' };
  }

  return {
    root,
    locate,
    async read(path, options) {
      const where = await locate(path);
      if ('refused' in where) return where;
      let file: RegularFile;
      try {
        // The real path, checked inside, opened without following a symlink swapped in since.
        file = await openChecked(where.real, path, options.head === undefined ? options.maxBytes : undefined, true);
      } catch (error) {
        return { refused: error instanceof FileRefused ? error.refusal : 'missing' };
      }
      try {
        const length = options.head === undefined ? file.size : Math.min(options.head, file.size);
        return { data: await readAt(file.handle, 0, length), size: file.size };
      } catch {
        return { refused: 'missing' };
      } finally {
        await file.handle.close();
      }
    },
  };
}
