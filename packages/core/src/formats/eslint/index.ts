import { ESLINT_SECURITY_RULES } from '../../scanners/eslint-security.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read } from '../toolkit.js';

function isFileResult(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.filePath === 'string' && Array.isArray(object.messages);
}

export const eslint: InputFormat = {
  id: 'eslint',
  title: 'ESLint JSON',
  producedBy: 'eslint -f json',
  detect({ document }) {
    if (document.kind !== 'json' || !Array.isArray(document.data) || document.data.length === 0) return 0;
    return document.data.every(isFileResult) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json' || !Array.isArray(document.data)) missing(file, 'ESLint', 'expected a JSON array of file results');
    const run = new RunBuilder({ name: 'ESLint', informationUri: 'https://eslint.org' });
    for (const [index, value] of document.data.entries()) {
      if (!isFileResult(value)) missing(file, 'ESLint', `item ${index} lacks "filePath" or "messages"`);
      const entry = read.obj(value)!;
      for (const item of read.arr(entry.messages)) {
        const message = read.obj(item) ?? {};
        // A parsing error has no rule: it is reported under its own id so it is not lost.
        const id = read.str(message.ruleId) ?? (message.fatal ? 'eslint/parse-error' : 'eslint/unknown');
        const known = ESLINT_SECURITY_RULES[id.replace(/^security\//, '')];
        const score = known ? Number(known.severity) : message.severity === 2 ? 8.0 : 5.5;
        run.rule({ id, short: id, helpUri: id.startsWith('security/') ? `https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/${id.slice(9)}.md` : undefined, score, level: levelOf(score), cwes: known ? [known.cwe] : [], tags: ['javascript'] });
        run.result({
          ruleId: id,
          message: read.str(message.message) ?? id,
          level: levelOf(score),
          score,
          category: 'sast',
          locations: [fileLocation(read.str(entry.filePath), { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn })],
          cwes: known ? [known.cwe] : [],
        });
      }
    }
    return logOf(run.build());
  },
};
