import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

const PRECISION: Record<string, 'high' | 'medium' | 'low'> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

export const gosec: InputFormat = {
  id: 'gosec',
  title: 'gosec JSON',
  producedBy: 'gosec -fmt json ./...',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    return root && 'Issues' in root && read.obj(root.Stats) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !('Issues' in root)) missing(file, 'gosec', 'no "Issues"');
    const run = new RunBuilder({ name: 'gosec', version: read.str(root.GosecVersion), informationUri: 'https://github.com/securego/gosec' });
    for (const [index, value] of read.arr(root.Issues).entries()) {
      const issue = read.obj(value);
      const id = read.str(issue?.rule_id);
      if (!issue || !id) missing(file, 'gosec', `Issues[${index}] lacks "rule_id"`);
      const score = scoreOf(issue.severity);
      const cwe = read.obj(issue.cwe);
      const line = read.str(issue.line) ?? '';
      const [start, end] = line.split('-');
      run.rule({ id, short: read.str(issue.details) ?? id, helpUri: `https://securego.io/docs/rules/${id.toLowerCase()}`, score, level: levelOf(score), cwes: [read.str(cwe?.id)], tags: ['go'], precision: PRECISION[read.str(issue.confidence) ?? ''] });
      // "code" (the flagged lines) is left out: G101 (hardcoded credentials) would carry them.
      run.result({
        ruleId: id,
        message: read.str(issue.details) ?? id,
        level: levelOf(score),
        score,
        category: 'sast',
        locations: [fileLocation(read.str(issue.file), { startLine: start, endLine: end, startColumn: issue.column })],
        cwes: [read.str(cwe?.id)],
        suppressed: issue.nosec === true ? 'suppressed in source (#nosec)' : undefined,
        properties: { [PROP.severityLabel]: read.str(issue.severity), [PROP.confidence]: read.str(issue.confidence) },
      });
    }
    return logOf(run.build());
  },
};
