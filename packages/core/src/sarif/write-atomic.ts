import { appendFile, copyFile, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.js';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError, describeFsError } from '../errors.js';

/** Text pieces are joined up to this many UTF-16 units before a write: a renderer may yield many small pieces. */
const TEXT_BATCH = 256 * 1024;

type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** The chunks as bytes, small texts joined (each write is a round trip to the thread pool). */
async function* coalesced(chunks: Chunks): AsyncGenerator<Uint8Array> {
  let text = '';
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      text += chunk;
      if (text.length < TEXT_BATCH) continue;
      yield Buffer.from(text);
      text = '';
    } else {
      if (text) yield Buffer.from(text);
      text = '';
      yield chunk;
    }
  }
  if (text) yield Buffer.from(text);
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
}

/**
 * At most one chunk is being written while the next is made. A stream that queued chunks (16 MB of them) kept
 * each one alive past the young generation, and the garbage collector then marked the whole heap (1.2 GB
 * merging ten shards) once per 64 MB of those chunks: writing a 700 MB log cost 16 s of CPU that way, 4–5 s
 * this way. The disk still writes one chunk while the next is serialized.
 */
async function writeChunks(file: string, chunks: Chunks): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let writing: Promise<void> | undefined;
    for await (const bytes of coalesced(chunks)) {
      await writing;
      writing = writeAll(handle, bytes);
      // Settled only when awaited above or below; a failure meanwhile is not an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
  } finally {
    await handle.close();
  }
}

/**
 * Writes beside the target then renames, so a reader never sees half a file, even if we are killed midway.
 * Chunks (an iterable of strings or bytes, or one that makes them as it goes) are streamed: a large log never
 * has to be one string. When the chunks' maker fails, nothing is left behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | Chunks): Promise<void> {
  await atomically(file, async (temp) => {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(temp, data);
    else await writeChunks(temp, data);
  });
}

/**
 * Adds text to the end of a file the same way: the file is copied by the kernel (not read into memory), the
 * text appended to the copy, and the copy renamed over it. A last line without its newline (a run killed
 * before this mechanism, an edit by hand) gets one first, so the new text never joins it.
 */
export async function appendFileAtomic(file: string, text: string): Promise<void> {
  // Two runs appending at once (a retry racing the first) would each rename their copy over the other's:
  // under a lock file, the second waits and appends after the first, and no line is lost.
  await withLock(`${file}.lock`, () => appendUnlocked(file, text));
}

/** A lock older than this was left by a run that died holding it. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_MS = 120_000;

async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  ensureDir(dirname(lock));
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`cannot lock: ${describeFsError(error)}`, { file: lock, cause: error });
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw new InputError(`still locked after ${LOCK_WAIT_MS / 1000} s by another run (remove it if no run is going on)`, { file: lock });
      else await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 200);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

async function appendUnlocked(file: string, text: string): Promise<void> {
  await atomically(file, async (temp) => {
    let last = 0x0a;
    try {
      await copyFile(file, temp);
      const handle = await open(temp, 'r');
      try {
        const { size } = await handle.stat();
        if (size) last = (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0]!;
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await appendFile(temp, `${last === 0x0a ? '' : '\n'}${text}`);
  });
}

async function atomically(file: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    ensureDir(dir);
    await fill(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write: ${describeFsError(error)}`, { file, cause: error });
  }
}
