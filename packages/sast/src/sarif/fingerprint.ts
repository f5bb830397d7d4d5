import { createHash } from 'node:crypto';
import type { TaintFinding } from '../taint/types.js';

/** The engine's own fingerprint, in partialFingerprints beside core's. */
export const FINGERPRINT_KEY = 'pipewarden/sast/v1';

/**
 * Rule, file, the sink as written and the source as written, white space removed: no line number, so code
 * added or moved between source and sink, or around them, keeps the finding's identity. Results with the
 * same four get an occurrence number (`:1`, `:2`) in order of position.
 */
export function fingerprintOf(finding: TaintFinding): string {
  const fold = (text: string) => text.replace(/\s+/g, '');
  // An app-wide finding is the rule and the app's folder: adding, removing or moving routes keeps its identity.
  const parts = finding.app ? [finding.ruleId, 'app', finding.app.root] : [finding.ruleId, finding.file, fold(finding.sink.callee), fold(finding.origin.text)];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
