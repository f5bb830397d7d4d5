import type { ChangeKind } from './config.js';

/** One thing a detector saw in the change: the kind, the file (repository-relative), the lines and what it is. */
export interface ChangeSignal {
  kind: ChangeKind;
  file: string;
  lines: number[];
  /** What was seen, in words: "adds the pull_request_target trigger", "login() calls bcrypt.compare". */
  detail: string;
}

/** A changed file as the detectors get it: its changed lines and its text before and after. */
export interface ChangedFile {
  /** Repository-relative POSIX path (the new name of a renamed file). */
  path: string;
  /** Added or changed lines of the new text (1-based); empty when lines were only removed. */
  added: ReadonlySet<number>;
  /** Hunk ranges of the new text, for removals. */
  hunks: readonly [number, number][];
  /** The text now; undefined for a removed (or binary, or too large) file. */
  head: string | undefined;
  /** The text at the base; undefined for a new file, '' for source code that existed (no detector compares it). */
  base: string | undefined;
}

/** The lines to point at: the added ones, else where lines were removed. */
export function touchedLines(file: ChangedFile): number[] {
  if (file.added.size) return [...file.added];
  return file.hunks.map(([start]) => start).filter((n) => n < Number.MAX_SAFE_INTEGER);
}
