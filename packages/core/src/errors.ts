/**
 * Known failures carry the file they concern and a one-line problem; the CLI prints
 * `pipewarden: <file>: <problem>` and exits 2. Anything else is a bug and is rethrown.
 */
import { redactText } from './sarif/redact.js';
import { safeLine } from './text.js';
export interface ErrorDetails {
  /** The file, directory, URL or command the problem concerns. */
  readonly file?: string | undefined;
  readonly cause?: unknown;
}

export abstract class PipewardenError extends Error {
  readonly file: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.file = details.file;
  }

  /** One line for humans: `<file>: <problem>` (no stack, no newlines). */
  /** One line whatever the file name or message holds (a newline, an escape sequence, 40 KB of path). */
  toLine(): string {
    // A message may quote its input (a parser's complaint about a line): no credential goes to the console.
    const text = safeLine(redactText(this.message), 2000);
    return this.file ? `${safeLine(this.file, 300)}: ${text}` : text;
  }
}

/** The user's configuration or command line is wrong. */
export class ConfigError extends PipewardenError {
  override readonly name = 'ConfigError';
  /** Every problem found, each with its path, so users fix them all in one go. */
  readonly problems: readonly string[];

  constructor(message: string, details: ErrorDetails & { problems?: readonly string[] } = {}) {
    super(message, details);
    this.problems = details.problems ?? [message];
  }
}

/** An input file (report, baseline, SARIF) is missing, malformed, too large or not understood. */
export class InputError extends PipewardenError {
  override readonly name = 'InputError';
}

/** A scanner could not run or wrote something we cannot read. */
export class ScannerError extends PipewardenError {
  override readonly name = 'ScannerError';
  readonly scanner: string;

  constructor(scanner: string, message: string, details: ErrorDetails = {}) {
    super(message, details);
    this.scanner = scanner;
  }
}

/** An invariant of ours broke; reported with its context rather than as a bare stack. */
export class InternalError extends PipewardenError {
  override readonly name = 'InternalError';
}

export function isPipewardenError(error: unknown): error is PipewardenError {
  return error instanceof PipewardenError;
}

/** Node's fs error codes, turned into words users recognise. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a parent of this path is not a directory';
    case 'EMFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
