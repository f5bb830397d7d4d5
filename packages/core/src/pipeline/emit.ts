import { join } from 'node:path';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import type { Log } from '../sarif/types.js';
import { renderMarkdown, type SummaryInput } from '../report/summary.js';

export interface EmitOutputs {
  sarif: string;
  summary: string;
}

/** Writes the out-dir's files; each is written whole or not at all. */
export async function emit(log: Log, summary: Omit<SummaryInput, 'outputs'>, outDir: string): Promise<EmitOutputs> {
  const outputs = { sarif: join(outDir, 'results.sarif'), summary: join(outDir, 'summary.md') };
  await writeFileAtomic(outputs.sarif, `${JSON.stringify(log, null, 2)}\n`);
  await writeFileAtomic(outputs.summary, renderMarkdown(summary));
  return outputs;
}
