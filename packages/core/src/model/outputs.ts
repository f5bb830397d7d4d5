import type { Finding } from '../finding.js';
import type { CoverageLine } from './coverage.js';
import type { ExclusionCounts } from '../files/exclusions.js';
import type { BaselineCounts } from '../identity/baseline.js';
import type { ImageInventory } from '../images/check.js';
import type { Verdict } from '../policy/gate.js';
import type { WaiverReport } from '../policy/waivers.js';
import type { Log } from '../sarif/types.js';
import type { ReviewReport } from '../review/report.js';
import type { HistoryPoint, Provenance, ReportLinks } from './provenance.js';
import type { ScannerRun, ScannerSummary } from './scanner-run.js';

/** What a run found and decided, as every output shows it. */
export interface RunSummary {
  /** The findings of the log the outputs are written from (`findingsOf(log)`, after every change to it). */
  findings: readonly Finding[];
  verdict: Verdict;
  /** With a diff base: why the change needs a security reviewer. */
  review?: ReviewReport | undefined;
  scanners: readonly ScannerSummary[];
  stage: string;
  /** Reports given with --report, by path. */
  reports?: readonly { file: string; format: string; findings: number }[];
  baseline?: Pick<BaselineCounts, 'new' | 'unchanged' | 'updated' | 'absent'> | undefined;
  waivers?: Pick<WaiverReport, 'expired' | 'expiringSoon'> | undefined;
  /** The baseline's findings gone from this run (fixed). */
  fixed?: readonly Finding[] | undefined;
  links?: ReportLinks | undefined;
  scope?: { base: string; filter: string; in: number; out: number } | undefined;
  /** Where the run came from: the commit, branch and pipeline (the platform knows them). */
  provenance?: Provenance | undefined;
  /** The images the pipeline built, as the inventory keeps them. */
  images?: readonly ImageInventory[] | undefined;
  /** Per language and kind of check present: what ran on it and what did not. */
  coverage?: readonly CoverageLine[] | undefined;
  /** Files and findings left out as third-party, machine-written or excluded by the user, by reason. */
  exclusions?: ExclusionCounts | undefined;
  /** Earlier runs' open findings by priority (the history file), oldest first: the trend. */
  history?: readonly HistoryPoint[] | undefined;
}

/** What GitLab's security reports need to know about the run. */
export interface GitlabContext {
  version: string;
  startedAt: Date;
  endedAt: Date;
  /** The commit scanned, for secret detection's required commit.sha. */
  commit?: string | undefined;
  scanners: readonly ScannerRun[];
  /** Category of each scanner id, to know which report types were scanned. */
  categories: Readonly<Record<string, string>>;
}

export interface EmitContext {
  gitlab?: GitlabContext | undefined;
  links?: ReportLinks | undefined;
  /** A repository file (relative to the source root) that GitHub results with no file of their own are shown on. */
  anchorUri?: string | undefined;
  commit?: string | undefined;
}

export interface EmitOutputs {
  sarif: string;
  summary: string;
  /** GitLab security reports written (gl-*-report.json), by type. */
  gitlab: string[];
  junit: string;
  json: string;
  html: string;
  /** GitHub-ready SARIF files (one per category), in out-dir/github/. */
  github: string[];
  githubDir: string;
}

/** Writes a run's outputs into the out-dir (the renderers live outside the pipeline, which only calls this). */
export type Emitter = (log: Log, summary: RunSummary, outDir: string, context?: EmitContext) => Promise<EmitOutputs>;
