import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, logOf, missing, read } from '../toolkit.js';

// v8 writes {RuleID, File, StartLine, Secret, Match, …}; v7 wrote {rule, file, lineNumber, offender, line, …}.
function isV8(item: Record<string, unknown>): boolean {
  return 'RuleID' in item || ('File' in item && 'StartLine' in item);
}

function isV7(item: Record<string, unknown>): boolean {
  return 'offender' in item && 'rule' in item;
}

/**
 * The secret itself, when the report holds it. With --redact (Pipewarden always passes it) every Secret is
 * "REDACTED", and with --redact=N only its first characters and "…" (report/finding.go, maskSecret): then
 * the secret is not claimed, and identity hashes the flagged line instead, which still differs per secret.
 */
function secretOf(value: string | undefined): string | undefined {
  if (!value || value === 'REDACTED' || value.endsWith('...')) return undefined;
  return value;
}

export const gitleaks: InputFormat = {
  id: 'gitleaks',
  title: 'Gitleaks JSON (v7 and v8)',
  producedBy: 'gitleaks dir --report-format json',
  detect({ document }) {
    if (document.kind !== 'json' || !Array.isArray(document.data) || document.data.length === 0) return 0;
    const first = read.obj(document.data[0]);
    return first && (isV8(first) || isV7(first)) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json' || !Array.isArray(document.data)) missing(file, 'Gitleaks', 'expected a JSON array of leaks');
    const run = new RunBuilder({ name: 'Gitleaks', informationUri: 'https://github.com/gitleaks/gitleaks' });
    for (const [index, value] of document.data.entries()) {
      const item = read.obj(value);
      if (!item || !(isV8(item) || isV7(item))) missing(file, 'Gitleaks', `item ${index} is not a leak (no RuleID/File or rule/offender)`);
      const v8 = isV8(item);
      const rule = v8 ? read.str(item.RuleID) ?? read.str(item.Description) ?? 'secret' : read.str(item.rule) ?? 'secret';
      const id = rule.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'secret';
      const description = v8 ? read.str(item.Description) ?? rule : rule;
      const path = v8 ? read.str(item.File) : read.str(item.file);
      const line = v8 ? item.StartLine : item.lineNumber;
      const commit = read.str(v8 ? item.Commit : item.commit);
      const tags = v8 ? read.arr(item.Tags).map(read.str) : (read.str(item.tags) ?? '').split(',').map((t) => t.trim());
      run.rule({ id, name: rule, short: `${description} detected`, score: 9.0, level: 'error', tags: ['secret', ...tags], cwes: ['CWE-798'] });
      // Secret, Match, offender and line hold the secret: only a salted hash of it goes on (none when redacted).
      run.result({
        ruleId: id,
        message: `${description} secret found${path ? ` in ${path}` : ''}${commit ? ` (commit ${commit.slice(0, 12)})` : ''}`,
        level: 'error',
        score: 9.0,
        category: 'secrets',
        locations: [fileLocation(path?.replace(/^\/+/, ''), { startLine: line, endLine: v8 ? item.EndLine : undefined, startColumn: v8 ? item.StartColumn : undefined, endColumn: v8 ? item.EndColumn : undefined })],
        secret: secretOf(read.str(v8 ? (item.Secret ?? item.Match) : item.offender)),
        cwes: ['CWE-798'],
        properties: {
          ...(commit ? { [PROP.commit]: commit } : {}),
          ...(read.str(item.Fingerprint) ? { [PROP.toolFingerprint]: read.str(item.Fingerprint) } : {}),
          ...(read.num(item.Entropy) ? { [PROP.entropy]: read.num(item.Entropy) } : {}),
        },
      });
    }
    return logOf(run.build());
  },
};
