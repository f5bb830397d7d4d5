import type { DastCoverage } from './dast.js';

/** partial: it ran and its findings count, but some files could not be analysed (named in notAnalysed). */
export type ScannerStatus = 'ran' | 'partial' | 'skipped' | 'failed';

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
  /** Filled in after normalization: its results left after dedupe. */
  findings?: number | undefined;
  /** Its results joined into another tool's result for the same place (dedupe), and those tools' scanners. */
  merged?: number | undefined;
  mergedInto?: readonly string[] | undefined;
  /** What it wrote to stderr last, when it failed. */
  stderrTail?: string | undefined;
  /** When it started and ended (ISO 8601), for the SARIF invocation. */
  startedAt?: string | undefined;
  endedAt?: string | undefined;
  /** The command line it ran, secrets masked (none for an analyzer of ours). */
  commandLine?: string | undefined;
  /** It ran, but is known to miss checks on this machine, and why. */
  caveat?: string | undefined;
  /** Files it could not analyse (a parse error), each with the tool's reason: a partial run. */
  notAnalysed?: readonly { file: string; reason: string }[] | undefined;
  /** A DAST scanner's coverage: pages, forms, requests, modules, and whether the session held. */
  dast?: DastCoverage | undefined;
  /** What the tool's own output said besides its report (a DAST scanner's modules run). */
  facts?: Readonly<Record<string, unknown>> | undefined;
}

/** A scanner's run as reports show it (a ScannerRun, or the same read back from a log). */
export type ScannerSummary = Pick<ScannerRun, 'id' | 'status' | 'durationMs'> & Partial<Pick<ScannerRun, 'version' | 'reason' | 'findings' | 'merged' | 'mergedInto' | 'files' | 'notAnalysed' | 'caveat' | 'dast'>>;

/** A scanner's finding count as reports print it: "0 (+3 merged into pipewarden-sast)" when dedupe joined some. */
export function findingCount(run: Pick<ScannerSummary, 'findings' | 'merged' | 'mergedInto'>): string {
  if (run.findings === undefined) return '';
  if (!run.merged) return String(run.findings);
  const into = run.mergedInto?.length ? ` into ${run.mergedInto.join(', ')}` : '';
  return `${run.findings} (+${run.merged} merged${into})`;
}

/** A scanner that could not run, under a fail-closed policy: the run is an error (exit 2). */
export interface ScannerFailure {
  scanner: string;
  reason: string;
}

export const NOTHING_TO_SCAN = 'no files for it to scan';
export const STOPPED = 'stopped by --fail-fast after a scanner failed the gate';
