import { decodeUri, type Finding } from '@pipewarden/core';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title: string;
  file?: string | undefined;
  startLine?: number | undefined;
  endLine?: number | undefined;
}

/** GitHub shows 10 annotations of each level per step (50 per job): the riskiest new findings take them. */
export const ANNOTATIONS_PER_LEVEL = 10;

export function annotationsFor(findings: readonly Finding[]): Annotation[] {
  const fresh = findings.filter((f) => !f.suppressed && f.inScope && (f.result.baselineState === undefined || f.result.baselineState === 'new'));
  fresh.sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0));
  const counts = { error: 0, warning: 0, notice: 0 };
  const out: Annotation[] = [];
  for (const f of fresh) {
    const level = f.priority === 'P0' || f.priority === 'P1' ? 'error' : f.priority === 'P2' ? 'warning' : 'notice';
    if (counts[level] >= ANNOTATIONS_PER_LEVEL) continue;
    counts[level]++;
    const uri = f.location?.uri;
    const local = uri && !/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('/');
    out.push({
      level,
      title: `${f.priority ?? ''} risk ${f.risk ?? ''}: ${f.ruleId}`.slice(0, 255),
      message: `${f.message.replace(/\s+/g, ' ').slice(0, 1000)} (${f.tool})`,
      ...(local ? { file: decodeUri(uri), startLine: f.location?.startLine, endLine: f.location?.endLine ?? f.location?.startLine } : {}),
    });
  }
  return out;
}
