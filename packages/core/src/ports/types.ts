export interface ExecRequest {
  command: string;
  args: readonly string[];
  cwd: string;
  /** The whole environment for the child; platforms pass theirs in, core never reads process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
  /** Written to the command's standard input, which is then closed; without it the command reads nothing. */
  input?: string | undefined;
  /** Aborting stops the command and everything it started (--fail-fast). */
  signal?: AbortSignal | undefined;
}

export interface ExecResult {
  /** null when the process was killed by a signal (a timeout, for example). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The command itself was not found (ENOENT): the tool is not installed. */
  notFound: boolean;
  durationMs: number;
}

export type LogLevel = 'info' | 'warn';

/** Scanner lifecycle, for live progress displays. */
export type ScanEvent =
  | { type: 'start'; scanner: string; target: string }
  | { type: 'end'; scanner: string; status: 'ran' | 'partial' | 'skipped' | 'failed'; durationMs: number; reason?: string | undefined };

/** What a platform supplies to the core. Later stages add diff, summary, annotations, comment and tickets. */
export interface Ports {
  exec(request: ExecRequest): Promise<ExecResult>;
  /** Progress for humans (stderr in the CLI, the step log on CI platforms). */
  log(level: LogLevel, message: string): void;
  /** Optional: start and end of each scanner, for a live display; log() still gets every line. */
  progress?(event: ScanEvent): void;
}
