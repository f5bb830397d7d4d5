import { InputError, describeFsError } from '../errors.js';
import { openRegular, readRegularHead, readRegularSync, streamRegular } from '../files/safe-read.js';
import { ChunkedJsonTooDeep, ChunkedJsonUnreadable } from './json-chunked.js';
import { readJsonChunked } from './json-chunked-read.js';
import { DEFAULT_MAX_DEPTH, JsonStreamParser, JsonSyntaxError } from './json-stream.js';

/** A report as read from disk: JSON (one value), JSON Lines (several), or XML (as fast-xml-parser objects). */
export type InputDocument =
  | { kind: 'json'; data: unknown }
  | { kind: 'jsonl'; data: unknown[] }
  | { kind: 'xml'; data: Record<string, unknown>; root: string };

export interface ReadDocumentOptions {
  /** Files above this are refused (default 64 GiB: in effect, the disk is the limit). */
  maxBytes?: number;
  maxDepth?: number;
  /** Files above this many bytes are parsed in chunks rather than whole (default IN_MEMORY_JSON_BYTES). */
  inMemoryBytes?: number;
  /** The chunked reader's chunk size (tests make it small to put boundaries everywhere). */
  chunkBytes?: number;
  /** An empty file reads as JSON Lines with no lines instead of being refused (a format that writes nothing when clean). */
  allowEmpty?: boolean;
}

/**
 * Below this, the file is read whole and handed to V8's JSON.parse (for a 58 MB log about a tenth faster than
 * in chunks); above, it is read in chunks (json-chunked.ts), which still parses with JSON.parse but never
 * holds the bytes and the text at once (a 1M-result log: 1.3 GB peak instead of 2.2 GB).
 */
export const IN_MEMORY_JSON_BYTES = 128 * 1024 * 1024;
/** XML is parsed from one string, so it stays well under V8's string limit. */
export const MAX_XML_BYTES = 256 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;

async function readSample(file: string): Promise<Buffer> {
  return (await readRegularHead(file, SAMPLE_BYTES)).head;
}

function firstSignificant(sample: Buffer, from: number): number {
  for (let i = from; i < sample.length; i++) {
    const c = sample[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
  }
  return -1;
}

function looksBinary(sample: Buffer): boolean {
  if (sample.includes(0)) return true;
  // Invalid UTF-8 in the sample (ignoring a sequence cut at its end) means this is not a text report.
  const text = sample.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  return bad >= 0 && bad < text.length - 4;
}

/**
 * One pass over the bytes, outside strings: nesting depth (refused past the limit, with its offset) and
 * whether more than one top-level value follows (JSON Lines).
 */
function scanJson(buffer: Buffer, start: number, maxDepth: number, file: string): { values: number } {
  let depth = 0;
  let values = 0;
  let atTop = true;
  for (let i = start; i < buffer.length; i++) {
    const c = buffer[i]!;
    if (c === 0x22) {
      if (depth === 0 && atTop) {
        values++;
        atTop = false;
      }
      // Most bytes are inside strings: jump to the closing quote (one not escaped by an odd run of backslashes)
      // with indexOf instead of looking at each byte; half the time of the plain loop on a 50 MB log.
      let end = i;
      for (;;) {
        end = buffer.indexOf(0x22, end + 1);
        if (end < 0) return { values };
        let backslashes = 0;
        while (buffer[end - 1 - backslashes] === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 0) values++;
      if (++depth > maxDepth) throw new InputError(`nests deeper than ${maxDepth} levels at byte ${i}`, { file });
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x0a && depth === 0) {
      atTop = true;
    } else if (depth === 0 && atTop && c !== 0x20 && c !== 0x0d && c !== 0x09) {
      values++;
      atTop = false;
    }
  }
  return { values };
}

function syntaxError(error: JsonSyntaxError, file: string, baseOffset: number): InputError {
  const offset = error.offset + baseOffset;
  if (error.message.startsWith('is truncated')) return new InputError(`${error.message} (at byte ${offset})`, { file, cause: error });
  if (error.message.startsWith('nests deeper')) return new InputError(`${error.message} at byte ${offset}`, { file, cause: error });
  return new InputError(`is not valid JSON at byte ${offset}: ${error.message}`, { file, cause: error });
}

/** Runs the streaming parser over bytes already in memory: the slow path, for exact error offsets. */
function parseWithOffsets(buffer: Buffer, start: number, file: string, maxDepth: number): unknown[] {
  const parser = new JsonStreamParser({ maxDepth });
  try {
    parser.write(buffer.subarray(start));
    return parser.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw syntaxError(error, file, start);
    throw error;
  }
}

async function parseJsonStream(file: string, start: number, maxDepth: number): Promise<unknown[]> {
  const parser = new JsonStreamParser({ maxDepth });
  try {
    for await (const chunk of await streamRegular(file, { start, highWaterMark: 1024 * 1024 })) parser.write(chunk as Buffer);
    return parser.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw syntaxError(error, file, start);
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
}

function toDocument(values: unknown[], file: string): InputDocument {
  if (values.length === 0) throw new InputError('holds no JSON value', { file });
  return values.length === 1 ? { kind: 'json', data: values[0] } : { kind: 'jsonl', data: values };
}

// The XML parser is loaded with the first XML report: most runs read none, and it cost 46 ms of every start.
let xml: Promise<typeof import('fast-xml-parser')> | undefined;
const loadXml = () => (xml ??= import('fast-xml-parser'));

const XML_OPTIONS: import('fast-xml-parser').X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: false,
  // Reports mix namespaces (CycloneDX's v: extension); formats match on local names.
  removeNSPrefix: true,
};

/**
 * Where an element opens or closes, outside comments and CDATA (whose text may look like tags), whatever its name's
 * script (`<名前>` opens an element as `<a>` does): the depth the parser will reach, counted before it builds anything.
 * The text was validated first, so every other `<` starts a declaration or processing instruction (not counted).
 */
const XML_TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)[^\s!?/>](?:[^"'>]|"[^"]*"|'[^']*')*>/g;

/**
 * fast-xml-parser refuses an element with more than `maxNestedTags` elements open around it, so it reads
 * `maxNestedTags + 1` levels: set from the same maxDepth as the count above, so that both stop at one depth.
 */
const xmlNestedTags = (maxDepth: number) => Math.max(0, maxDepth - 1);

/** The parser's own refusals (too deep, a name such as "constructor" or "__proto__") as one line about the file. */
function xmlParseError(error: unknown, file: string, maxDepth: number): InputError {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^\[SECURITY\]\s*/, '');
  if (/maximum nested tags exceeded/i.test(message)) return new InputError(`nests deeper than ${maxDepth} levels`, { file, cause: error });
  const name = /^Invalid name: "([^"]*)"/.exec(message)?.[1];
  if (name !== undefined) return new InputError(`names an element or attribute "${name}", which is refused (a name of JavaScript's object internals)`, { file, cause: error });
  return new InputError(`cannot be read as XML: ${message}`, { file, cause: error });
}

async function readXml(buffer: Buffer, start: number, file: string, maxDepth: number): Promise<InputDocument> {
  const { XMLParser, XMLValidator } = await loadXml();
  const text = buffer.toString('utf8', start);
  // Entity declarations are how XML bombs and external-entity reads work; no scanner report needs them.
  if (/<!ENTITY/i.test(text)) throw new InputError('declares XML entities (<!ENTITY>), which are refused', { file });
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new InputError(`is not valid XML at line ${line}, column ${col}: ${msg}`, { file });
  }
  let depth = 0;
  for (const match of text.matchAll(XML_TAG)) {
    const tag = match[0];
    if (tag.startsWith('<!')) continue;
    if (match[1]) depth--;
    else if (!tag.endsWith('/>') && ++depth > maxDepth) {
      throw new InputError(`nests deeper than ${maxDepth} levels at byte ${Buffer.byteLength(text.slice(0, match.index)) + start}`, { file });
    }
  }
  let data: Record<string, unknown>;
  try {
    data = new XMLParser({ ...XML_OPTIONS, maxNestedTags: xmlNestedTags(maxDepth) }).parse(text) as Record<string, unknown>;
  } catch (error) {
    throw xmlParseError(error, file, maxDepth);
  }
  const root = Object.keys(data).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (!root) throw new InputError('holds no XML element', { file });
  return { kind: 'xml', data, root };
}

/** Reads a report file whatever its size, refusing what is not a JSON, JSON Lines or XML text with one clear line. */
export async function readDocument(file: string, options: ReadDocumentOptions = {}): Promise<InputDocument> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let size: number;
  try {
    // What is not a regular file (a FIFO, a device) is refused by its stat, before any open: see files/safe-read.ts.
    const opened = await openRegular(file);
    size = opened.size;
    await opened.handle.close();
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith('is a directory')) throw new InputError('is a directory, expected a report file', { file });
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (options.maxBytes !== undefined && size > options.maxBytes) throw new InputError(`is ${size} bytes, over the limit of ${options.maxBytes}`, { file });
  if (size === 0) {
    if (options.allowEmpty) return { kind: 'jsonl', data: [] };
    throw new InputError('is empty', { file });
  }
  let sample: Buffer;
  try {
    sample = await readSample(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) throw new InputError('is UTF-16 encoded; save it as UTF-8', { file });
  if (sample[0] === 0xfe && sample[1] === 0xff) throw new InputError('is UTF-16 encoded; save it as UTF-8', { file });
  if (looksBinary(sample)) throw new InputError('is a binary file, not a JSON or XML report', { file });
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  const first = firstSignificant(sample, bom);
  if (first < 0) {
    if (size <= sample.length && options.allowEmpty) return { kind: 'jsonl', data: [] };
    if (size <= sample.length) throw new InputError('is empty (only white space)', { file });
    throw new InputError('starts with more than 64 KiB of white space', { file });
  }
  const lead = sample[first]!;
  const head = sample.toString('utf8', first, Math.min(sample.length, first + 2048));
  if (lead === 0x3c && /^<(?:!DOCTYPE\s+html|html[\s>])/i.test(head)) throw new InputError('is an HTML page, not a JSON or XML report', { file });
  if (lead === 0x22 && /^"[^"\n]*"\s*,\s*"/.test(head)) throw new InputError('is CSV, not a JSON or XML report', { file });
  if (lead === 0x3c) {
    if (size > MAX_XML_BYTES) throw new InputError(`is an XML report of ${size} bytes, over the ${MAX_XML_BYTES}-byte limit for XML`, { file });
    const buffer = await readWhole(file);
    return readXml(buffer, first, file, maxDepth);
  }
  // { [ " start most reports; a bare null, number or boolean is still JSON (gitleaks and Trivy write `null` when clean).
  if (lead !== 0x7b && lead !== 0x5b && lead !== 0x22 && lead !== 0x2d && !(lead >= 0x30 && lead <= 0x39) && lead !== 0x6e && lead !== 0x74 && lead !== 0x66) {
    throw new InputError(`is neither JSON nor XML (it starts with ${JSON.stringify(String.fromCharCode(lead))} at byte ${first})`, { file });
  }
  if (size > (options.inMemoryBytes ?? IN_MEMORY_JSON_BYTES)) {
    if (lead === 0x7b || lead === 0x5b) {
      try {
        return toDocument(await readJsonChunked(file, { start: first, maxDepth, ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) }), file);
      } catch (error) {
        if (error instanceof ChunkedJsonTooDeep) throw new InputError(`nests deeper than ${maxDepth} levels at byte ${error.offset}`, { file });
        // Not readable that way (broken, truncated, a top-level scalar): the exact parser says where and why.
        if (!(error instanceof ChunkedJsonUnreadable)) throw new InputError(describeFsError(error), { file, cause: error });
      }
    }
    return toDocument(await parseJsonStream(file, first, maxDepth), file);
  }
  let buffer: Buffer | undefined = await readWhole(file);
  const { values } = scanJson(buffer, first, maxDepth, file);
  let text: string;
  try {
    text = buffer.toString('utf8', first);
  } catch {
    return toDocument(parseWithOffsets(buffer, first, file, maxDepth), file);
  }
  // The bytes are let go before parsing: with them, text and the parsed value all alive at once, a 400 MB
  // log peaked at 2.2 GB. A parse error reads the file again for its byte offset.
  buffer = undefined;
  try {
    if (values <= 1) return toDocument([JSON.parse(text)], file);
    return toDocument(
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown),
      file,
    );
  } catch {
    // V8's message gives a character position at best: re-read with our parser for the byte offset.
    return toDocument(parseWithOffsets(await readWhole(file), first, file, maxDepth), file);
  }
}

async function readWhole(file: string): Promise<Buffer> {
  try {
    // One blocking read: fs/promises reads a large file in 512 KB round trips through the thread pool, which
    // left the process idle for a tenth of a second per 50 MB log.
    return readRegularSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
}
