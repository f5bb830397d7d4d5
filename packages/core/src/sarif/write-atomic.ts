import { createWriteStream } from 'node:fs';
import { appendFile, copyFile, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.js';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError, describeFsError } from '../errors.js';

async function writeChunks(file: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  // A deep buffer lets the disk write while the next chunks are serialized (16 KB kept the process waiting).
  const out = createWriteStream(file, { highWaterMark: 16 * 1024 * 1024 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  } finally {
    out.destroy();
  }
}

/**
 * Writes beside the target then renames, so a reader never sees half a file, even if we are killed midway.
 * Chunks (an iterable of strings or bytes, or one that makes them as it goes) are streamed: a large log never
 * has to be one string. When the chunks' maker fails, nothing is left behind.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
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
