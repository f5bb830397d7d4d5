import type { CoverageLine } from '../model/coverage.js';
import type { ExclusionCounts } from '../files/exclusions.js';
import type { z } from 'zod';
import type { Finding } from '../finding.js';
import type { BaselineCounts } from '../identity/baseline.js';
import type { DiffFilter } from '../identity/scope.js';
import type { EmitOutputs, Emitter } from '../model/outputs.js';
import type { ScannerFailure, ScannerRun } from '../model/scanner-run.js';
import type { scanOptionsSchema } from '../options/scan-options.js';
import type { Verdict } from '../policy/gate.js';
import type { WaiverReport } from '../policy/waivers.js';
import type { Log } from '../sarif/types.js';
import type { ReviewReport } from '../review/report.js';
import type { ScannerRegistry } from '../scanners/registry.js';

export type ParsedScanOptions = z.output<typeof scanOptionsSchema>;

/** What the pipeline is built from: the scanners it may run and how its outputs are written. */
export interface PipelineParts {
  registry: ScannerRegistry;
  emit: Emitter;
}

export interface ScanOutcome {
  log: Log;
  findings: Finding[];
  verdict: Verdict;
  /** With a diff base: why the change needs a security reviewer (empty reasons: it does not). */
  review?: ReviewReport | undefined;
  scanners: ScannerRun[];
  reports: { file: string; format: string; findings: number }[];
  outputs: EmitOutputs;
  baseline?: BaselineCounts | undefined;
  scope?: { base: string; filter: DiffFilter; in: number; out: number } | undefined;
  waivers: WaiverReport;
  /** Reports of one thing by several tools joined into one. */
  merged: number;
  /** Per language and kind of check present: what ran on it and what did not. */
  coverage: CoverageLine[];
  /** What was left out as third-party, machine-written or excluded, by reason. */
  exclusions: ExclusionCounts;
  /** Scanners that could not run, under a fail-closed policy: the run is an error (exit 2). */
  failures: ScannerFailure[];
  /** 0: the gate passed; 1: it failed; 2: a scanner could not run under a fail-closed policy. */
  exitCode: 0 | 1 | 2;
}
