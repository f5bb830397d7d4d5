// The composition root: the pipeline (which knows no renderer and no fixed scanner list) joined with core's
// scanners and the outputs it writes. Platforms call these; a package that adds scanners passes a registry.
import type { Ports } from './ports/types.js';
import type { ScanOptions } from './options/scan-options.js';
import { gateLogWith, type GateLogOptions, type GateLogOutcome } from './pipeline/gate-log.js';
import { runPipeline } from './pipeline/run.js';
import type { ScanOutcome } from './pipeline/types.js';
import { emit } from './report/outputs.js';
import { defaultRegistry, type ScannerRegistry } from './scanners/registry.js';

/** Runs the whole pipeline for one directory with the registry's scanners (core's own by default). */
export function runScan(options: ScanOptions, ports: Ports, registry: ScannerRegistry = defaultRegistry): Promise<ScanOutcome> {
  return runPipeline(options, ports, { registry, emit });
}

/** Re-prioritizes and gates an existing log (the production stage). */
export function gateLog(options: GateLogOptions, ports: Ports): Promise<GateLogOutcome> {
  return gateLogWith(options, ports, emit);
}
