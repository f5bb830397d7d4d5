import type { Log } from 'sarif';
import type { Finding } from '../finding.js';
import type { ScannerRun } from '../model/scanner-run.js';
import { PROP, prop } from '../sarif/props.js';

/**
 * How many of each scanner's findings were joined into another tool's result for the same place (dedupe keeps
 * the most severe report and lists the others in `pipewarden/duplicates`), and into which scanners' results:
 * without it a scanner whose every finding was joined shows 0.
 */
export function mergedByScanner(log: Log, findings: readonly Finding[]): Map<string, { count: number; into: string[] }> {
  const scannerOfTool = new Map<string, string>();
  for (const run of log.runs) {
    const id = run.properties?.[PROP.scanner];
    if (typeof id === 'string' && !scannerOfTool.has(run.tool.driver.name)) scannerOfTool.set(run.tool.driver.name, id);
  }
  const out = new Map<string, { count: number; into: Set<string> }>();
  for (const finding of findings) {
    const into = finding.run.properties?.[PROP.scanner];
    for (const duplicate of prop(finding.result.properties, PROP.duplicates) ?? []) {
      const tool = (duplicate as { tool?: unknown }).tool;
      const scanner = typeof tool === 'string' ? scannerOfTool.get(tool) : undefined;
      if (!scanner) continue;
      const entry = out.get(scanner) ?? { count: 0, into: new Set<string>() };
      entry.count++;
      if (typeof into === 'string' && into !== scanner) entry.into.add(into);
      out.set(scanner, entry);
    }
  }
  return new Map([...out].map(([id, { count, into }]) => [id, { count, into: [...into].sort() }]));
}

/** Sets each run's `findings` (its results left after dedupe) and `merged` (its results joined into others'). */
export function countFindings(runs: ScannerRun[], log: Log, findings: readonly Finding[]): void {
  const merged = mergedByScanner(log, findings);
  for (const run of runs) {
    if (run.status !== 'ran' && run.status !== 'partial') continue;
    run.findings = findings.filter((f) => f.run.properties?.[PROP.scanner] === run.id).length;
    const joined = merged.get(run.id);
    if (joined?.count) {
      run.merged = joined.count;
      run.mergedInto = joined.into;
    }
  }
}
