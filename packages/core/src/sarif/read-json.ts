import { readFile, stat } from 'node:fs/promises';
import { InputError, describeFsError } from '../errors.js';

/** Reports above this are refused rather than parsed into memory (streaming arrives with the benchmark work). */
export const DEFAULT_MAX_INPUT_BYTES = 512 * 1024 * 1024;

export interface ReadTextOptions {
  maxBytes?: number;
}

/** Reads a whole input file as UTF-8, refusing directories, empty and oversized files with one clear line. */
export async function readInputText(file: string, options: ReadTextOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError('is a directory, expected a report file', { file });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (size > maxBytes) {
    throw new InputError(`is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} input limit`, { file });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (text.trim() === '') throw new InputError('is empty', { file });
  // A BOM is legal in files written by Windows tools, but not JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses JSON text, turning SyntaxError into a line that says where and whether the file looks cut off. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /Unexpected end of JSON input|Unterminated string|Expected .* after/i.test(message) && !/[}\]]\s*$/.test(text);
    const where = /position (\d+)/.exec(message);
    const position = where ? ` at byte ${where[1]}` : '';
    throw new InputError(
      truncated ? `is truncated: the JSON ends before it is complete${position}` : `is not valid JSON${position}: ${firstLine(message)}`,
      { file, cause: error },
    );
  }
}

export async function readJsonFile(file: string, options: ReadTextOptions = {}): Promise<unknown> {
  return parseJsonText(await readInputText(file, options), file);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^JSON\.parse: /, '');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 10 ? 0 : 1)} ${units[unit]}`;
}
