export type ScannerStatus = 'ran' | 'skipped' | 'failed';

/** What became of one scanner in a run. */
export interface ScannerRun {
  id: string;
  status: ScannerStatus;
  version?: string | undefined;
  durationMs: number;
  exitCode?: number | null | undefined;
  /** Why it was skipped or failed, in one line. */
  reason?: string | undefined;
  /** Files it was given. */
  files: number;
  /** Filled in after normalization. */
  findings?: number | undefined;
  /** What it wrote to stderr last, when it failed. */
  stderrTail?: string | undefined;
}

/** A scanner's run as reports show it (a ScannerRun, or the same read back from a log). */
export type ScannerSummary = Pick<ScannerRun, 'id' | 'status' | 'durationMs'> & Partial<Pick<ScannerRun, 'version' | 'reason' | 'findings' | 'files'>>;

/** A scanner that could not run, under a fail-closed policy: the run is an error (exit 2). */
export interface ScannerFailure {
  scanner: string;
  reason: string;
}

export const NOTHING_TO_SCAN = 'no files for it to scan';
export const STOPPED = 'stopped by --fail-fast after a scanner failed the gate';
