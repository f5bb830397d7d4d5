import { PROP } from '../sarif/props.js';
import { findingsOf } from '../finding.js';
import { fixedOf } from '../model/groups.js';
import { applyGate, type Verdict } from '../policy/gate.js';
import type { BaselineCounts } from '../identity/baseline.js';
import type { WaiverReport } from '../policy/waivers.js';
import { prioritize } from '../risk/prioritize.js';
import type { Log } from '../sarif/types.js';
import type { ScannerSummary } from '../model/scanner-run.js';
import type { SummaryInput } from './summary.js';

export { fixedOf };

/**
 * What the reports need, read back from a log Pipewarden wrote (its run facts ride in log.properties), so
 * `pipewarden report` renders any output later from results.sarif alone. A foreign log gets the default gate.
 */
export function summaryFromLog(log: Log): SummaryInput {
  const props = log.properties ?? {};
  const findings = findingsOf(log);
  let verdict = props[PROP.verdict] as Partial<Verdict> | undefined;
  if (!verdict?.status || !verdict.counts) {
    if (findings.some((f) => f.risk === undefined)) prioritize(log);
    const again = findingsOf(log);
    return { ...restOf(props), findings: again, fixed: fixedOf(log), verdict: applyGate({ findings: again, gate: undefined }) };
  }
  const full: Verdict = {
    status: verdict.status,
    failures: verdict.failures ?? [],
    gated: verdict.gated ?? findings.length,
    total: verdict.total ?? findings.length,
    scope: verdict.scope ?? 'all',
    warnings: verdict.warnings ?? [],
    ...(verdict.errors?.length ? { errors: verdict.errors } : {}),
    counts: verdict.counts,
  };
  return { ...restOf(props), findings, fixed: fixedOf(log), verdict: full };
}

function restOf(props: Record<string, unknown>): Omit<SummaryInput, 'findings' | 'verdict'> {
  return {
    stage: (props[PROP.stage] as string | undefined) ?? 'commit',
    scanners: (props[PROP.scanners] as ScannerSummary[] | undefined) ?? [],
    baseline: props[PROP.baseline] as BaselineCounts | undefined,
    scope: props[PROP.diff] as SummaryInput['scope'],
    waivers: props[PROP.waivers] as Pick<WaiverReport, 'expired' | 'expiringSoon'> | undefined,
    provenance: props[PROP.provenance] as SummaryInput['provenance'],
    images: props[PROP.images] as SummaryInput['images'],
    coverage: props[PROP.coverage] as SummaryInput['coverage'],
    exclusions: props[PROP.excluded] as SummaryInput['exclusions'],
    review: props[PROP.review] as SummaryInput['review'],
  };
}
