import { open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** The text of a file under root, or undefined: outside root (by path or by symlink), not a regular file, too large, or binary. */
export async function readTextUnder(root: string, path: string, maxBytes: number): Promise<string | undefined> {
  if (!path || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split(/[\\/]/).includes('..')) return undefined;
  try {
    const realRoot = await realpath(root);
    // A symlink may point anywhere: only a file whose real path is inside the root is read.
    const real = await realpath(join(realRoot, path));
    if (!real.startsWith(realRoot + sep)) return undefined;
    const handle = await open(real, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > maxBytes) return undefined;
      const buffer = await handle.readFile();
      // A NUL byte early on: an image, an archive, a compiled file, not text anyone wrote a secret into.
      if (buffer.subarray(0, 8000).includes(0)) return undefined;
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
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
  return async (path, line) => {
    let lines = files.get(path);
    if (!lines) {
      lines = readTextUnder(root, path, MAX_SOURCE_BYTES).then((text) => text?.split(/\r\n|\r|\n/));
      files.set(path, lines);
    }
    return (await lines)?.[line - 1];
  };
}
