import type { Finding } from '../finding.js';
import { componentOf } from '../model/groups.js';
import { PROP, prop } from '../sarif/props.js';
import { escapeMarkdown, markdownCode } from './escape.js';

/** "Accepted on tickets": the findings a person waived by closing their ticket as accepted, one line per ticket. */
export function acceptedSection(findings: readonly Finding[]): string[] {
  const byTicket = new Map<string, { acceptance: NonNullable<ReturnType<typeof acceptanceOf>>; findings: Finding[] }>();
  for (const finding of findings) {
    const acceptance = acceptanceOf(finding);
    if (!acceptance) continue;
    const entry = byTicket.get(acceptance.url) ?? { acceptance, findings: [] };
    entry.findings.push(finding);
    byTicket.set(acceptance.url, entry);
  }
  if (!byTicket.size) return [];
  const out = ['### Accepted on tickets', ''];
  for (const { acceptance: a, findings: list } of byTicket.values()) {
    const top = list[0]!;
    const link = /^https?:\/\//i.test(a.url) ? `[${escapeMarkdown(a.ticket, 60)}](${a.url.replace(/[()\s]/g, encodeURIComponent)})` : escapeMarkdown(a.url, 200);
    out.push(
      `- ✅ ${markdownCode(top.ruleId)} in ${markdownCode(componentOf(top))} (${list.length} finding${list.length === 1 ? '' : 's'}): accepted on ${link}, closed as ${escapeMarkdown(a.as, 60)} by ${escapeMarkdown(a.owner, 100)} on ${escapeMarkdown(a.since, 20)}; waived until ${escapeMarkdown(a.until, 20)}`,
    );
  }
  out.push('');
  return out;
}

function acceptanceOf(finding: Finding) {
  if (!finding.suppressed) return undefined;
  const value = prop(finding.result.properties, PROP.ticketAcceptance);
  return value && typeof value.url === 'string' ? value : undefined;
}
