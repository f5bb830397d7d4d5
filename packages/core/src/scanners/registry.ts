import { ConfigError } from '../errors.js';
import type { Stage } from '../model/stage.js';
import * as all from './index.js';
import type { Scanner } from './types.js';

/** The scanners a run can use: core's own, plus those other packages register (an engine, a plugin). */
export interface ScannerRegistry {
  readonly all: readonly Scanner[];
  get(id: string): Scanner | undefined;
  forStage(stage: Stage): Scanner[];
  /** A registry with these scanners added (an id already taken is refused: one id, one scanner). */
  with(...scanners: readonly Scanner[]): ScannerRegistry;
}

export function createRegistry(list: readonly Scanner[]): ScannerRegistry {
  const byId = new Map<string, Scanner>();
  for (const scanner of list) {
    if (byId.has(scanner.id)) throw new ConfigError(`two scanners have the id "${scanner.id}"`);
    byId.set(scanner.id, scanner);
  }
  const scanners = [...byId.values()];
  return {
    all: scanners,
    get: (id) => byId.get(id),
    forStage: (stage) => scanners.filter((scanner) => scanner.stages.includes(stage)),
    with: (...more) => createRegistry([...scanners, ...more]),
  };
}

/** Core's scanners, in the barrel's order (cheap ones are started first within a cost). */
export const defaultRegistry: ScannerRegistry = createRegistry(Object.values(all));

export const scanners: readonly Scanner[] = defaultRegistry.all;

export function getScanner(id: string): Scanner | undefined {
  return defaultRegistry.get(id);
}

export function scannersForStage(stage: Stage): Scanner[] {
  return defaultRegistry.forStage(stage);
}
