import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from '../files/ensure-dir.js';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import { sarifText } from '../sarif/write-log.js';
import type { Log } from '../sarif/types.js';
import { fixedOf } from '../model/groups.js';
import type { EmitContext, EmitOutputs, RunSummary } from '../model/outputs.js';
import { renderMarkdown, type SummaryInput } from './summary.js';
import { junitText } from './junit.js';
import { renderJson } from './json.js';
import { renderHtml } from './html.js';
import { githubSarif } from './github-sarif.js';
import { GITLAB_REPORT_FILES, gitlabReports, type GitlabReportType } from './gitlab.js';
import { lazyList, reportJsonFile } from './json-text.js';

export type { EmitContext, EmitOutputs };

/** Replaces a folder's content in one step: a reader sees the old set of files or the new one, never a mix. */
async function writeFolderAtomic(dir: string, files: readonly { name: string; text: string }[]): Promise<void> {
  const staging = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  ensureDir(staging);
  try {
    for (const file of files) await writeFile(join(staging, file.name), file.text);
    // Another run on the same out-dir may put its folder in place between our two renames: move it aside
    // again and retry, so the last writer's whole set wins.
    for (let attempt = 0; ; attempt++) {
      const old = `${staging}.old${attempt}`;
      await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      try {
        await rename(staging, dir);
        await rm(old, { recursive: true, force: true });
        break;
      } catch (error) {
        await rm(old, { recursive: true, force: true });
        if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '') || attempt >= 20) throw error;
      }
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the out-dir's files; each is written whole or not at all. */
export async function emit(log: Log, summary: RunSummary, outDir: string, context: EmitContext = {}): Promise<EmitOutputs> {
  const outputs: EmitOutputs = {
    sarif: join(outDir, 'results.sarif'),
    summary: join(outDir, 'summary.md'),
    gitlab: [],
    junit: join(outDir, 'junit.xml'),
    json: join(outDir, 'report.json'),
    html: join(outDir, 'report.html'),
    github: [],
    githubDir: join(outDir, 'github'),
  };
  ensureDir(outDir);
  const github = githubSarif(log, { anchorUri: context.anchorUri, findings: summary.findings });
  await writeFolderAtomic(
    outputs.githubDir,
    github.files.map((file) => ({ name: file.name, text: file.text })),
  );
  outputs.github = github.files.map((file) => join(outputs.githubDir, file.name));
  const input: SummaryInput = { ...summary, fixed: summary.fixed ?? fixedOf(log), github, links: summary.links ?? context.links };
  await writeFileAtomic(outputs.sarif, sarifText(log));
  await writeFileAtomic(outputs.summary, renderMarkdown(input));
  await writeFileAtomic(outputs.junit, junitText(input.findings, input.verdict, input.stage));
  await writeFileAtomic(outputs.json, reportJsonFile(renderJson(input, lazyList)));
  await writeFileAtomic(outputs.html, renderHtml({ ...input, commit: context.commit }));
  if (context.gitlab) {
    // Waived findings stay out of GitLab's reports: GitLab would open them as vulnerabilities.
    const reports = gitlabReports(input.findings.filter((f) => !f.suppressed), context.gitlab, lazyList);
    for (const [type, report] of Object.entries(reports) as [GitlabReportType, unknown][]) {
      const file = join(outDir, GITLAB_REPORT_FILES[type]);
      await writeFileAtomic(file, reportJsonFile(report));
      outputs.gitlab.push(file);
    }
  }
  return outputs;
}
