import { rootReader, type RootReader } from '../files/safe-read.js';

/**
 * The text of a file under root, or undefined: outside root (by "..", an absolute path or a symlink), not a
 * regular file (a FIFO, a device), too large, or binary. Nothing outside root is opened.
 */
export async function readTextUnder(root: string | RootReader, path: string, maxBytes: number): Promise<string | undefined> {
  const read = await (typeof root === 'string' ? rootReader(root) : root).read(path, { maxBytes });
  if ('refused' in read) return undefined;
  // A NUL byte early on: an image, an archive, a compiled file, not text anyone wrote a secret into.
  if (read.data.subarray(0, 8000).includes(0)) return undefined;
  return read.data.toString('utf8');
}

/** One line of a file under the source root (1-based), or undefined when it cannot be read there. */
export type ReadLine = (path: string, line: number) => string | undefined | Promise<string | undefined>;

/** Files a screening pass reads lines of: flagged files of secrets tools, bounded so a huge one is not held. */
const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * A ReadLine over the files under root: each file read once and kept for the pass, never outside root
 * (no absolute path, no "..", no symlink out of it).
 */
export function createLineReader(root: string): ReadLine {
  const files = new Map<string, Promise<string[] | undefined>>();
  const reader = rootReader(root);
  return async (path, line) => {
    let lines = files.get(path);
    if (!lines) {
      lines = readTextUnder(reader, path, MAX_SOURCE_BYTES).then((text) => text?.split(/\r\n|\r|\n/));
      files.set(path, lines);
    }
    return (await lines)?.[line - 1];
  };
}
