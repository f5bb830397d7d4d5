import { openRegular } from '../files/safe-read.js';
import { ChunkedJsonScanner, type ChunkedJsonOptions, type SpineEvent, type SpineNode } from './json-chunked.js';

// Files read through the chunked scanner (json-chunked.ts): whole, or along a spine as they are read.

/** The top-level values of a JSON or JSON Lines file whose values are objects or arrays. */
export async function readJsonChunked(file: string, options: ChunkedJsonOptions): Promise<unknown[]> {
  const scanner = new ChunkedJsonScanner(options);
  for await (const _ of readInto(file, scanner, options));
  return scanner.finish();
}

/** The file read into the scanner's window a chunk at a time; yields the bytes read so far after each. */
async function* readInto(file: string, scanner: ChunkedJsonScanner, options: ChunkedJsonOptions): AsyncGenerator<number> {
  const { handle, size } = await openRegular(file);
  try {
    const chunk = options.chunkBytes ?? CHUNK_BYTES;
    // No further than the size it had when opened (a file that grows meanwhile is read as it was).
    for (let position = options.start; position < size; ) {
      const { store, at } = scanner.room(Math.min(chunk, size - position));
      const { bytesRead } = await handle.read(store, at, Math.min(chunk, size - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.filled(bytesRead);
      yield position - options.start;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The events of a JSON file read along a spine, a chunk's worth at a time (with how many bytes were read so
 * far; after every chunk, even one with no event): the consumer works on each batch of a sink's elements (and
 * drops it) before the next chunk is read,
 * so memory stays flat however long the sink is. Returns the top-level value (its sinks empty).
 */
export async function* readJsonAlongSpine(file: string, spine: SpineNode, options: ChunkedJsonOptions): AsyncGenerator<{ events: SpineEvent[]; read: number }, unknown> {
  const scanner = new ChunkedJsonScanner(options, spine);
  let read = 0;
  // After every chunk, events or none: a consumer that looks for something early (a SARIF log's runs within
  // its first megabyte) can give up early, not after reading a whole report of another kind.
  for await (read of readInto(file, scanner, options)) yield { events: scanner.take(), read };
  const [value] = scanner.finish();
  const events = scanner.take();
  if (events.length) yield { events, read };
  return value;
}

const CHUNK_BYTES = 4 * 1024 * 1024;
