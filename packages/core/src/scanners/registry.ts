import * as all from './index.js';
import type { Scanner, Stage } from './types.js';

export const scanners: readonly Scanner[] = Object.values(all);

export function getScanner(id: string): Scanner | undefined {
  return scanners.find((scanner) => scanner.id === id);
}

export function scannersForStage(stage: Stage): Scanner[] {
  return scanners.filter((scanner) => scanner.stages.includes(stage));
}
