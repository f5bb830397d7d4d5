import type { z } from 'zod';
import type { Category } from '../finding.js';
import type { Log } from '../sarif/types.js';
import type { LogLevel, Ports } from '../ports/types.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { AdvisorySettings } from '../risk/advisories.js';
import type { Feeds } from '../risk/feeds.js';
import type { Stage } from '../model/stage.js';
import type { Targets } from '../model/targets.js';

export { STAGES, type Stage } from '../model/stage.js';
export type { Targets } from '../model/targets.js';

export interface ScannerEnv {
  ports: Ports;
  env: Readonly<Record<string, string | undefined>>;
  /** Absolute path of the directory under scan. */
  root: string;
}

export interface ScannerTarget {
  root: string;
  /** Files to scan, relative to root (POSIX): the whole tree, or only staged / changed files. */
  files: readonly string[];
  /**
   * Symlinks under root left out of `files` (relative, POSIX): they lead outside the root, or to a FIFO or device.
   * A tool given the folder instead of the list (too long for one command line) is told to skip them where it can.
   */
  leftOutLinks?: readonly string[] | undefined;
  /** Absolute path where the scanner's native report must end up. */
  outputFile: string;
  /** What the run targets besides files (the running application, the built image), as the user gave them. */
  targets: Targets;
  /** The whole pipewarden.yml (dast.max_scan_time, images, …). */
  config: PipewardenConfig;
  /** This scanner's own options (`scanners.<id>` in pipewarden.yml), parsed by its `options` schema. */
  options: Readonly<Record<string, unknown>>;
  /** The time freshness is judged at. */
  now?: Date | undefined;
}

export interface ScannerCommand {
  command: string;
  args: string[];
  cwd: string;
  /** 'file': the tool writes outputFile itself; 'stdout': we save its stdout there; 'convert': the scanner's convert() turns its text output into SARIF. */
  output: 'file' | 'stdout' | 'convert';
  /** Variables set (or, with '', cleared) for this tool over the platform's environment. */
  env?: Readonly<Record<string, string>>;
}

/** caveat: it runs, but is known to miss checks here (a Bandit older than the running Python's syntax tree). */
export type Availability = { available: true; version: string; caveat?: string | undefined } | { available: false; reason: string };

/**
 * What an exit code means for this tool: many exit 1 when they find something. 'partial': it stopped part-way
 * but wrote its report (Gitleaks' partial scan): read as a partial run when the report is there, else a failure.
 */
export type ExitMeaning = 'clean' | 'findings' | 'partial' | 'error';

/** What an analyzer gets besides its target: the platform's environment, the feeds, a logger. */
export interface AnalyzerContext extends ScannerEnv {
  /** KEV and EPSS, loaded once per run on first call (the same the prioritization uses). */
  feeds(): Promise<Feeds>;
  log(level: LogLevel, message: string): void;
  /** Where OSV advisories come from (--advisories-dir, the feed cache): for the dependency check. */
  advisories?: AdvisorySettings | undefined;
}

interface ScannerBase {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly stages: readonly Stage[];
  /** Id of the input format its report is read with. */
  readonly format: string;
  readonly timeoutMs: number;
  readonly installHint: string;
  /** Rough cost, 1 (seconds) to 5 (minutes): cheap scanners start first, so fast feedback comes first. */
  readonly cost?: number;
  /** It scans exactly the files it is given: with --diff-base or --staged it gets only the changed ones. */
  readonly fileList?: boolean;
  /** What it scans: files of the target (default), the running application's URL, or the built image. */
  readonly target?: 'files' | 'url' | 'image';
  /** It writes an SBOM: of the whole image, or of the application's packages (the image inventory counts it). */
  readonly sbom?: 'image' | 'app';
  /** Its own options under `scanners.<id>` in pipewarden.yml (`timeout` is common to all and not part of it). */
  readonly options?: z.ZodType<Record<string, unknown>>;
  detect(env: ScannerEnv): Promise<Availability>;
  /** The files this scanner looks at, from the target's list; none means there is nothing for it to do. */
  select(files: readonly string[]): readonly string[];
  /** Adds what the tool knows but does not write (rule severities, CWE tags) to its normalized log. */
  annotate?(log: Log): void;
}

/** An external tool: a command whose report is read back in its format. */
export interface CommandScanner extends ScannerBase {
  readonly kind: 'command';
  command(target: ScannerTarget, env: ScannerEnv): ScannerCommand;
  exitMeaning(code: number): ExitMeaning;
  /**
   * After the tool was stopped by its timeout: a command that writes its report from what it had stored so far
   * (Wapiti's session), so a timeout keeps the findings made until then, as a partial run.
   */
  recover?(target: ScannerTarget, env: ScannerEnv): ScannerCommand | undefined;
  /** What the tool's console output says besides its report (modules run, a limit that cut it short), kept on its run. */
  facts?(output: { stdout: string; stderr: string }): Record<string, unknown>;
  /** For tools that write only text: their output as SARIF (throws when the output is not what the tool writes). */
  convert?(output: { stdout: string; stderr: string; exitCode: number }, target: Pick<ScannerTarget, 'root' | 'files' | 'outputFile'>): Log;
}

/**
 * An analyzer of Pipewarden's own, run in this process: it returns its SARIF log. Known errors it throws
 * (a PipewardenError: an unreadable image, an unreachable registry) mean it could not run; any other
 * exception is a bug of ours and ends the run as an internal error.
 */
export interface AnalyzerScanner extends ScannerBase {
  readonly kind: 'analyzer';
  analyze(target: ScannerTarget, context: AnalyzerContext): Promise<Log>;
}

export type Scanner = CommandScanner | AnalyzerScanner;
