import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

// Semgrep's three classic severities mean high / medium / low; newer rules also say CRITICAL … LOW.
const SEVERITY: Record<string, number> = { ERROR: 8.0, WARNING: 5.5, INFO: 3.0, CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 3.0 };
const PRECISION: Record<string, 'high' | 'medium' | 'low'> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(read.str).filter((s): s is string => !!s);
}

export const semgrep: InputFormat = {
  id: 'semgrep',
  title: 'Semgrep JSON',
  producedBy: 'semgrep --json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results) || !Array.isArray(root.errors)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return typeof first.check_id === 'string' && read.obj(first.extra) ? 1 : 0;
    return 'paths' in root || 'version' in root ? 0.8 : 0.6;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.results)) missing(file, 'Semgrep', 'no "results" array');
    const run = new RunBuilder({ name: 'Semgrep', version: read.str(root.version), informationUri: 'https://semgrep.dev' });
    for (const [index, value] of root.results.entries()) {
      const finding = read.obj(value);
      const id = read.str(finding?.check_id);
      const extra = read.obj(finding?.extra);
      if (!finding || !id || !extra) missing(file, 'Semgrep', `results[${index}] lacks "check_id" or "extra"`);
      const metadata = read.obj(extra.metadata) ?? {};
      const severity = (read.str(extra.severity) ?? 'WARNING').toUpperCase();
      const score = SEVERITY[severity] ?? scoreOf(severity);
      const cwes = strings(metadata.cwe);
      const owasp = strings(metadata.owasp).map((o) => `OWASP-${o.split(/\s+-\s+/)[0]}`);
      const message = read.str(extra.message) ?? id;
      const start = read.obj(finding.start);
      const end = read.obj(finding.end);
      const confidence = read.str(metadata.confidence)?.toUpperCase();
      run.rule({
        id,
        name: id.split('.').pop(),
        short: message.split('\n')[0],
        full: message,
        helpUri: read.str(metadata.shortlink) ?? read.str(metadata.source) ?? strings(metadata.references)[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [read.str(metadata.category), ...strings(metadata.technology), ...owasp],
        precision: confidence ? PRECISION[confidence] : undefined,
      });
      // extra.lines (the matched code) is left out: for secret rules it is the secret.
      run.result({
        ruleId: id,
        message,
        level: levelOf(score),
        score,
        category: /secret|credential|hardcoded|api[-_.]?key|token/i.test(id) && !cwes.length ? 'secrets' : cwes.some((c) => /CWE-798/.test(c)) ? 'secrets' : 'sast',
        locations: [fileLocation(read.str(finding.path), { startLine: start?.line, startColumn: start?.col, endLine: end?.line, endColumn: end?.col })],
        cwes,
        ids: owasp,
        fingerprints: read.str(extra.fingerprint) && !/^requires login$/.test(read.str(extra.fingerprint)!) ? { 'semgrep/v1': read.str(extra.fingerprint)! } : undefined,
        suppressed: extra.is_ignored === true ? 'ignored in source (nosemgrep)' : undefined,
      });
    }
    return logOf(run.build());
  },
};
