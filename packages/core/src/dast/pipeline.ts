import { rm } from 'node:fs/promises';
import type { ScannerRun } from '../model/scanner-run.js';
import type { Targets } from '../model/targets.js';
import type { Verdict } from '../policy/gate.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { Ports } from '../ports/types.js';
import type { Redactor } from '../sarif/redact-log.js';
import type { Scanner } from '../scanners/types.js';
import type { CollectedReport } from '../pipeline/collect.js';
import type { Log } from '../sarif/types.js';
import { closeDast, DAST_GRACE_SECONDS, dastSecrets, openDast, type DastRun } from './run-dast.js';
import { applyConfirmations, confirmSqlInjections, type SqlmapConfirmation } from './sqlmap.js';

export interface DastStage {
  run: DastRun;
  /** The scanners to run: without the DAST ones when the login failed. */
  scanners: readonly Scanner[];
  targets: Targets;
  timeouts: Record<string, number>;
  /** Runs of DAST scanners that were not started, to add to the run's list. */
  notRun: ScannerRun[];
}

/**
 * The DAST part of a run, around the scanners: the session and the guards before, the coverage and the
 * reasons the scan is incomplete after. Nothing happens when no DAST scanner runs or no URL is given.
 */
export async function beginDast(input: { root: string; scanners: readonly Scanner[]; targets: Targets; timeouts: Readonly<Record<string, number>> | undefined; config: PipewardenConfig; env: Readonly<Record<string, string | undefined>>; configFile: string | undefined; ports: Ports; redactor: Redactor }): Promise<DastStage | undefined> {
  const dastScanners = input.scanners.filter((scanner) => scanner.target === 'url');
  const url = input.targets.url;
  if (!url || !dastScanners.length) return undefined;
  const run = await openDast({ href: url.href, root: input.root, config: input.config, env: input.env, configFile: input.configFile ?? 'pipewarden.yml', scanners: dastScanners, ports: input.ports });
  input.redactor.remember(dastSecrets(run));
  // Stopped from outside only past the budget and a grace for the report; the guard ends the scan before that.
  const timeouts: Record<string, number> = Object.fromEntries(dastScanners.map((scanner) => [scanner.id, (run.handOff.budgetSeconds + DAST_GRACE_SECONDS) * 1000]));
  Object.assign(timeouts, input.timeouts ?? {});
  const notRun: ScannerRun[] = run.blocked ? dastScanners.map((scanner) => ({ id: scanner.id, status: 'skipped', reason: `not run: ${run.blocked}`, durationMs: 0, files: 0 })) : [];
  return {
    run,
    scanners: run.blocked ? input.scanners.filter((scanner) => scanner.target !== 'url') : input.scanners,
    targets: { ...input.targets, url: { ...url, dast: run.handOff } },
    timeouts,
    notRun,
  };
}

/** The guards stopped when the run ends in an error before the DAST stage could close. */
export async function stopDast(stage: DastStage | undefined): Promise<void> {
  if (!stage) return;
  await Promise.all([...stage.run.guards.values()].map((guard) => guard.stop()));
  if (stage.run.privateDir) await rm(stage.run.privateDir, { recursive: true, force: true });
}

/** After the scanners: SQL injection candidates checked by sqlmap, coverage on each DAST run, and why the scan is incomplete. */
export async function endDast(stage: DastStage | undefined, collected: { runs: ScannerRun[]; reports: readonly CollectedReport[] }, ports: Ports, redactor: Redactor, env: Readonly<Record<string, string | undefined>>): Promise<{ incomplete: string[]; annotate: (log: Log) => void }> {
  if (!stage) return { incomplete: [], annotate: () => undefined };
  const { runs } = collected;
  runs.push(...stage.notRun);
  let confirmations: SqlmapConfirmation[] = [];
  try {
    confirmations = await confirmSqlInjections(stage.run, collected.reports.find((report) => report.scanner?.id === 'wapiti')?.file, ports, env);
  } catch (error) {
    ports.log('warn', `DAST: sqlmap could not confirm the SQL injection candidates: ${(error as Error).message}`);
  }
  const incomplete = await closeDast(stage.run, runs, ports);
  // Cookies the target set during the scan (a rotated session id) are masked like the first ones.
  redactor.remember(dastSecrets(stage.run));
  return { incomplete, annotate: (log) => applyConfirmations(log, confirmations) };
}

/**
 * An incomplete DAST scan (a login wall, a lost session, a time budget that ran out) cannot pass the gate
 * unnoticed: under dast.on_incomplete: fail (the default) a passing verdict becomes a failure; under warn it
 * passes with the reasons as warnings. Either way every output names the reasons first.
 */
export function applyIncomplete(verdict: Verdict, incomplete: readonly string[], mode: 'fail' | 'warn'): void {
  if (!incomplete.length) return;
  verdict.incomplete = [...incomplete];
  if (mode === 'fail' && verdict.status === 'pass') verdict.status = 'fail';
  if (mode === 'warn') verdict.warnings.push(...incomplete.map((reason) => `incomplete: ${reason}`));
}
