import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError, describeFsError } from '../errors.js';
import { isMissing, streamRegular } from '../files/safe-read.js';
import { appendFileAtomic } from '../sarif/write-atomic.js';
import type { z } from 'zod';
import { historyLineSchema, type HistoryLine } from './line.js';

/** A line longer than this is not one of ours (a whole run with 100k new findings is ~10 MB). */
const MAX_LINE = 64 * 1024 * 1024;

export interface SkippedLine {
  file: string;
  line: number;
  problem: string;
}

export interface HistoryRead<Line = HistoryLine> {
  lines: Line[];
  /** Corrupt or truncated lines: reported with their number and skipped, the rest is kept. */
  skipped: SkippedLine[];
}

/** Why a line is not a history line, in a few words (checked against the part of a line the reader needs). */
export function lineProblem(text: string): { line: HistoryLine } | { problem: string };
export function lineProblem<Line>(text: string, schema: z.ZodType<Line>): { line: Line } | { problem: string };
export function lineProblem(text: string, schema: z.ZodType<unknown> = historyLineSchema): { line: unknown } | { problem: string } {
  if (text.length > MAX_LINE) return { problem: `longer than ${MAX_LINE / 1024 / 1024} MB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message.replace(/^.*?: /, '').slice(0, 80)}), truncated or corrupt` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { line: parsed.data };
  const first = parsed.error.issues[0]!;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  return { problem: `not a Pipewarden history line: ${first.path.join('.') || '(root)'}: ${first.message}${more}` };
}

/**
 * Reads a JSON Lines history file line by line (it grows with every run, so it is never read whole). A missing
 * file is an empty history; a file that cannot be read is an error naming it.
 */
export async function readHistoryFile(file: string, shown?: string): Promise<HistoryRead>;
export async function readHistoryFile<Line>(file: string, shown: string | undefined, schema: z.ZodType<Line>): Promise<HistoryRead<Line>>;
export async function readHistoryFile(file: string, shown = file, schema: z.ZodType<unknown> = historyLineSchema): Promise<HistoryRead<unknown>> {
  const result: HistoryRead<unknown> = { lines: [], skipped: [] };
  let stream: Readable;
  try {
    // Checked before it is opened: a FIFO or a device in its place is refused, never waited on.
    stream = await streamRegular(file, { encoding: 'utf8', shown });
  } catch (error) {
    if (isMissing(error)) return result;
    if (error instanceof InputError) throw new InputError(error.message.startsWith('is a directory') ? 'is not a file (expected a history.jsonl)' : error.message, { file: shown, cause: error });
    throw new InputError(describeFsError(error), { file: shown, cause: error });
  }
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of reader) {
      number++;
      if (!text.trim()) continue;
      const read = lineProblem(text, schema);
      if ('line' in read) result.lines.push(read.line);
      else result.skipped.push({ file: shown, line: number, problem: read.problem });
    }
  } catch (error) {
    throw new InputError(describeFsError(error), { file: shown, cause: error });
  } finally {
    reader.close();
    stream.destroy();
  }
  return result;
}

/**
 * Adds one line to the history, through a copy renamed over the file: a run killed midway leaves the
 * previous history whole, never half a line.
 */
export async function appendHistoryLine(file: string, line: HistoryLine, shown = file): Promise<void> {
  await appendFileAtomic(file, `${JSON.stringify(line)}\n`).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(error.message, { file: shown, cause: error });
    throw error;
  });
}
