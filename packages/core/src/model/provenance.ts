/** Where a run came from: the platform knows these (CI variables, the event), git fills the gaps. */
export interface Provenance {
  commit?: string | undefined;
  branch?: string | undefined;
  /** A link to (or the id of) the pipeline run. */
  pipeline?: string | undefined;
  /** owner/name on the platform (the history's key across repositories). */
  repository?: string | undefined;
  defaultBranch?: string | undefined;
}

/** Where the reports' links point: the commit's files and the full report (both optional). */
export interface ReportLinks {
  /** Base of file links at the scanned commit, e.g. https://github.com/o/r/blob/<sha> (GitLab: …/-/blob/<sha>). */
  blob?: string | undefined;
  /** Where the full report (the job's artifacts, report.html) can be read. */
  report?: string | undefined;
}

/** One earlier run, for the trend. */
export interface HistoryPoint {
  date: string;
  byPriority: Record<string, number>;
}
