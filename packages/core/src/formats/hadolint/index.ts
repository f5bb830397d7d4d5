import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read } from '../toolkit.js';

// Hadolint checks Dockerfile practice: its errors rank as medium, its style notes as low.
const SEVERITY: Record<string, number> = { error: 6.5, warning: 4.0, info: 2.0, style: 1.0 };

function isIssue(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.code === 'string' && /^(DL|SC)\d+$/.test(object.code) && 'level' in object && 'line' in object;
}

export const hadolint: InputFormat = {
  id: 'hadolint',
  title: 'Hadolint JSON',
  producedBy: 'hadolint -f json Dockerfile',
  detect({ document }) {
    if (document.kind !== 'json' || !Array.isArray(document.data) || document.data.length === 0) return 0;
    return document.data.every(isIssue) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json' || !Array.isArray(document.data)) missing(file, 'Hadolint', 'expected a JSON array of issues');
    const run = new RunBuilder({ name: 'Hadolint', informationUri: 'https://github.com/hadolint/hadolint' });
    for (const [index, value] of document.data.entries()) {
      if (!isIssue(value)) missing(file, 'Hadolint', `item ${index} lacks "code", "level" or "line"`);
      const issue = read.obj(value)!;
      const id = read.str(issue.code)!;
      const score = SEVERITY[read.str(issue.level) ?? 'warning'] ?? 4.0;
      const wiki = id.startsWith('SC') ? `https://www.shellcheck.net/wiki/${id}` : `https://github.com/hadolint/hadolint/wiki/${id}`;
      run.rule({ id, short: read.str(issue.message) ?? id, helpUri: wiki, score, level: levelOf(score), tags: ['dockerfile'] });
      run.result({
        ruleId: id,
        message: read.str(issue.message) ?? id,
        level: levelOf(score),
        score,
        category: 'iac',
        locations: [fileLocation(read.str(issue.file), { startLine: issue.line, startColumn: issue.column })],
      });
    }
    return logOf(run.build());
  },
};
