import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

const PRECISION: Record<string, 'high' | 'medium' | 'low'> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

export const bandit: InputFormat = {
  id: 'bandit',
  title: 'Bandit JSON',
  producedBy: 'bandit -r . -f json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return typeof first.test_id === 'string' && 'issue_severity' in first ? 1 : 0;
    return read.obj(read.obj(root.metrics)?._totals) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.results)) missing(file, 'Bandit', 'no "results" array');
    const run = new RunBuilder({ name: 'Bandit', informationUri: 'https://bandit.readthedocs.io' });
    for (const [index, value] of root.results.entries()) {
      const issue = read.obj(value);
      const id = read.str(issue?.test_id);
      if (!issue || !id) missing(file, 'Bandit', `results[${index}] lacks "test_id"`);
      const score = scoreOf(issue.issue_severity);
      const cwe = read.obj(issue.issue_cwe);
      const range = read.arr(issue.line_range);
      const text = read.str(issue.issue_text) ?? id;
      run.rule({
        id,
        name: read.str(issue.test_name),
        short: text,
        helpUri: read.str(issue.more_info),
        score,
        level: levelOf(score),
        cwes: [cwe?.id],
        tags: ['python'],
        precision: PRECISION[(read.str(issue.issue_confidence) ?? '').toUpperCase()],
      });
      // "code" (the flagged lines) is left out: hardcoded-password checks would carry the password.
      run.result({
        ruleId: id,
        message: text,
        level: levelOf(score),
        score,
        category: 'sast',
        locations: [
          fileLocation(read.str(issue.filename)?.replace(/^\.\//, ''), {
            startLine: issue.line_number,
            endLine: range.length > 1 ? range[range.length - 1] : undefined,
            startColumn: typeof issue.col_offset === 'number' ? issue.col_offset + 1 : undefined,
            endColumn: typeof issue.end_col_offset === 'number' ? issue.end_col_offset + 1 : undefined,
          }),
        ],
        cwes: [cwe?.id],
        properties: { [PROP.severityLabel]: read.str(issue.issue_severity), [PROP.confidence]: read.str(issue.issue_confidence) },
      });
    }
    const built = run.build();
    // errors[]: files Bandit could not parse ("syntax error while parsing AST from file"): a partial run.
    const problems = read.arr(root.errors).map(read.obj).filter((e): e is Record<string, unknown> => !!e && !!read.str(e.filename));
    if (problems.length) {
      built.invocations = [
        {
          executionSuccessful: true,
          toolExecutionNotifications: problems.map((e) => ({
            level: 'warning' as const,
            message: { text: read.str(e.reason) ?? 'could not be analysed' },
            locations: [{ physicalLocation: { artifactLocation: { uri: read.str(e.filename)!.replace(/^\.\//, '') } } }],
          })),
        },
      ];
    }
    return logOf(built);
  },
};
