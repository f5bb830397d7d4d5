import { join } from 'node:path';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import type { Log } from '../sarif/types.js';
import { renderMarkdown, type SummaryInput } from '../report/summary.js';
import { renderJunit } from '../report/junit.js';
import { renderJson } from '../report/json.js';
import { GITLAB_REPORT_FILES, gitlabReports, type GitlabContext, type GitlabReportType } from '../report/gitlab.js';

export interface EmitOutputs {
  sarif: string;
  summary: string;
  /** GitLab security reports written (gl-*-report.json), by type. */
  gitlab: string[];
  junit: string;
  json: string;
}

/** Writes the out-dir's files; each is written whole or not at all. */
export async function emit(log: Log, summary: Omit<SummaryInput, 'outputs'>, outDir: string, gitlab?: GitlabContext): Promise<EmitOutputs> {
  const outputs: EmitOutputs = { sarif: join(outDir, 'results.sarif'), summary: join(outDir, 'summary.md'), gitlab: [], junit: join(outDir, 'junit.xml'), json: join(outDir, 'report.json') };
  await writeFileAtomic(outputs.sarif, `${JSON.stringify(log, null, 2)}\n`);
  await writeFileAtomic(outputs.summary, renderMarkdown(summary));
  await writeFileAtomic(outputs.junit, renderJunit(summary.findings, summary.verdict, summary.stage));
  await writeFileAtomic(outputs.json, `${JSON.stringify(renderJson(summary), null, 2)}\n`);
  if (gitlab) {
    // Waived findings stay out of GitLab's reports: GitLab would open them as vulnerabilities.
    const reports = gitlabReports(summary.findings.filter((f) => !f.suppressed), gitlab);
    for (const [type, report] of Object.entries(reports) as [GitlabReportType, unknown][]) {
      const file = join(outDir, GITLAB_REPORT_FILES[type]);
      await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
      outputs.gitlab.push(file);
    }
  }
  return outputs;
}
