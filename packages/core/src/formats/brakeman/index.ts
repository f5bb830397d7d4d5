import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, logicalLocation, missing, read } from '../toolkit.js';

// Brakeman rates confidence, not severity: a High-confidence warning is treated as high.
const CONFIDENCE_SCORE: Record<string, number> = { High: 8.0, Medium: 5.5, Weak: 3.0 };
const PRECISION: Record<string, 'high' | 'medium' | 'low'> = { High: 'high', Medium: 'medium', Weak: 'low' };

export const brakeman: InputFormat = {
  id: 'brakeman',
  title: 'Brakeman JSON',
  producedBy: 'brakeman -f json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    return root && read.obj(root.scan_info) && Array.isArray(root.warnings) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.warnings)) missing(file, 'Brakeman', 'no "warnings" array');
    const info = read.obj(root.scan_info) ?? {};
    const run = new RunBuilder({ name: 'Brakeman', version: read.str(info.brakeman_version), informationUri: 'https://brakemanscanner.org' });
    for (const [index, value] of root.warnings.entries()) {
      const warning = read.obj(value);
      const type = read.str(warning?.warning_type);
      if (!warning || !type) missing(file, 'Brakeman', `warnings[${index}] lacks "warning_type"`);
      const id = `brakeman/${read.str(warning.check_name) ?? type.replace(/\s+/g, '')}`;
      const confidence = read.str(warning.confidence) ?? 'Medium';
      const score = CONFIDENCE_SCORE[confidence] ?? 5.5;
      const location = read.obj(warning.location) ?? {};
      const member = [read.str(location.class), read.str(location.method)].filter(Boolean).join('#') || read.str(location.template);
      run.rule({ id, name: type, short: type, helpUri: read.str(warning.link), score: 8.0, level: 'error', cwes: read.arr(warning.cwe_id), tags: ['ruby', 'rails'] });
      run.result({
        ruleId: id,
        message: `${type}: ${read.str(warning.message) ?? ''}`.trim(),
        level: levelOf(score),
        score,
        category: 'sast',
        locations: [fileLocation(read.str(warning.file), { startLine: warning.line })],
        logicalLocations: member ? [logicalLocation(member, 'member')] : [],
        cwes: read.arr(warning.cwe_id),
        fingerprints: read.str(warning.fingerprint) ? { 'brakeman/v1': read.str(warning.fingerprint)! } : undefined,
        properties: { [PROP.confidence]: confidence, precision: PRECISION[confidence] },
      });
    }
    return logOf(run.build());
  },
};
