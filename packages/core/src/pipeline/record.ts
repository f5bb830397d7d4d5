import type { Finding } from '../finding.js';
import { appendHistoryLine } from '../history/file.js';
import { historyLineOf } from '../history/line.js';
import type { HistoryOptions } from '../history/record.js';
import type { ImageInventory } from '../images/check.js';
import { fixedOf } from '../model/groups.js';
import type { Provenance } from '../model/provenance.js';
import type { ScannerSummary } from '../model/scanner-run.js';
import type { Stage } from '../model/stage.js';
import type { Verdict } from '../policy/gate.js';
import type { Log } from '../sarif/types.js';
import type { Ticket } from '../tickets/types.js';

export interface RecordInput {
  history: HistoryOptions | undefined;
  time: Date;
  provenance: Provenance & { repository: string };
  stage: Stage;
  log: Log;
  findings: readonly Finding[];
  verdict: Verdict;
  exitCode: 0 | 1 | 2;
  baseline: boolean;
  scanners: readonly ScannerSummary[];
  images?: readonly ImageInventory[] | undefined;
  tickets?: readonly Ticket[] | undefined;
}

/** Adds the run's line to the history file (the metrics and the trend read it); nothing without a history. */
export async function record(input: RecordInput): Promise<void> {
  if (!input.history) return;
  const line = historyLineOf({
    time: input.time,
    repo: input.provenance.repository,
    provenance: input.provenance,
    stage: input.stage,
    findings: [...input.findings],
    fixed: fixedOf(input.log),
    verdict: input.verdict,
    exitCode: input.exitCode,
    baseline: input.baseline,
    scanners: [...input.scanners],
    images: input.images ? [...input.images] : undefined,
    tickets: input.tickets,
  });
  await appendHistoryLine(input.history.file, line, input.history.shown);
}
