import type { InputDocument } from '../input/read-document.js';
import type { Log } from '../sarif/types.js';

export type { InputDocument };

/** What detection sees: the parsed document, and the file name for messages only (never to decide). */
export interface DetectInput {
  readonly document: InputDocument;
  readonly file: string;
}

export interface ParseContext {
  /** The report's path, named in every error. */
  readonly file: string;
  /**
   * Told of each repair a parser made to read a document that breaks a rule of its format (one line, without the
   * file name: the caller names the file as the user gave it). Optional: a caller that passes none reads the same.
   */
  readonly warn?: ((message: string) => void) | undefined;
}

/** One input format: recognises its documents by content and turns them into SARIF 2.1.0. */
export interface InputFormat {
  /** Stable id used by `--format` and `--report FILE:FORMAT`. */
  readonly id: string;
  readonly title: string;
  /** The scanner(s) that write this format, for `pipewarden formats`. */
  readonly producedBy: string;
  /** The tool writes an empty file when it finds nothing (JSON Lines tools): with --format, empty means no findings. */
  readonly acceptsEmpty?: boolean;
  /** 0 (not this format) to 1 (certainly this format), judged from content, never from the file name. */
  detect(input: DetectInput): number;
  /** Throws InputError naming the file and the problem when the document is not what it should be. */
  parse(document: InputDocument, context: ParseContext): Log;
}
