import type { Category } from '../finding.js';
import type { Log } from '../sarif/types.js';
import type { Ports } from '../ports/types.js';
import type { ImagesPolicy } from '../policy/config-schema.js';

export const STAGES = ['precommit', 'commit', 'acceptance', 'production'] as const;
export type Stage = (typeof STAGES)[number];

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
  /** Absolute path where the scanner's native report must end up. */
  outputFile: string;
  /** The running application, for scanners that target a URL (DAST). */
  url?: string | undefined;
  /** The image the pipeline built, for scanners that target an image. */
  image?: string | undefined;
  /** Seconds a DAST scan may take (dast.max_scan_time). */
  maxScanSeconds?: number | undefined;
  /** The sanctioned images policy (images in pipewarden.yml). */
  images?: ImagesPolicy | undefined;
  /** The built image as a `docker save` archive or an OCI layout (instead of `image` in a registry). */
  imageArchive?: string | undefined;
  /** Sanctioned base images saved as archives, for drift without a registry. */
  baseArchives?: readonly string[] | undefined;
  /** Vulnerability reports of the image and of its base's current build: what upstream fixed. */
  vulnerabilityReports?: { image: string; base: string } | undefined;
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

export type Availability = { available: true; version: string } | { available: false; reason: string };

/** What an exit code means for this tool: many exit 1 when they find something. */
export type ExitMeaning = 'clean' | 'findings' | 'error';

export interface Scanner {
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
  /** What it scans: files of the target (default) or the running application's URL (--target-url). */
  readonly target?: 'files' | 'url' | 'image';
  detect(env: ScannerEnv): Promise<Availability>;
  /** The files this scanner looks at, from the target's list; none means there is nothing for it to do. */
  select(files: readonly string[]): readonly string[];
  command(target: ScannerTarget, env: ScannerEnv): ScannerCommand;
  exitMeaning(code: number): ExitMeaning;
  /** For tools that write only text: their output as SARIF (throws when the output is not what the tool writes). */
  convert?(output: { stdout: string; stderr: string; exitCode: number }, target: ScannerTarget): Log;
  /** Adds what the tool knows but does not write (rule severities, CWE tags) to its normalized log. */
  annotate?(log: Log): void;
  /**
   * A scanner of Pipewarden's own runs in this process instead of a command: it returns its SARIF log
   * (`command` is then never called). Its timeout and failures are handled like a tool's.
   */
  analyze?(target: ScannerTarget, env: ScannerEnv): Promise<Log>;
}
