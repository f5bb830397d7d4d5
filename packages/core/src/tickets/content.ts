import { PROP, prop } from '../sarif/props.js';
import { whereOf, type Finding } from '../finding.js';
import { componentOf, flowOf, locationUrl, type FlowStep } from '../model/groups.js';
import { decodeUri } from '../sarif/uri.js';
import type { ReportLinks } from '../model/provenance.js';
import type { TicketBlock, TicketInline, TicketSection } from './types.js';

const MAX_PLACES = 50;

/** Titles are plain text: no control characters, one line, not too long. */
export function plainTitle(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>()]+$/i.test(url) ? url : undefined;
}

const paragraph = (...content: TicketInline[]): TicketBlock => ({ kind: 'paragraph', content });
const plain = (text: string): TicketInline => ({ plain: text });

/** Priority, risk, severity, tool, rule and CWEs: the first line a triager reads. */
function headline(top: Finding): TicketBlock {
  const parts: TicketInline[] = [{ strong: top.priority ?? '' }, plain(` · risk ${top.risk ?? '?'} · ${top.severity}`)];
  if (top.kev) parts.push(plain(' · '), { strong: 'in CISA KEV' });
  parts.push(plain(' · '), { text: top.tool, max: 60 }, plain(' · '), { code: top.ruleId });
  top.cwes.forEach((cwe, index) => parts.push(plain(index === 0 ? ' · ' : ', '), { text: cwe, max: 20 }));
  return paragraph(...parts);
}

function what(top: Finding): TicketSection {
  const name = top.rule?.shortDescription?.text && top.rule.shortDescription.text !== top.ruleId ? top.rule.shortDescription.text : top.ruleId;
  // A secret's message may still carry a masked fragment: tickets say only what kind of secret and where.
  const block =
    top.category === 'secrets'
      ? paragraph(plain('A secret ('), { text: name, max: 200 }, plain(') is committed in '), { code: componentOf(top) }, plain('. Its value is withheld; rotate it, then remove it from the code and history.'))
      : paragraph({ text: top.message, max: 1500 });
  return { heading: 'What', blocks: [block] };
}

function whyThisRisk(top: Finding): TicketSection | undefined {
  const factors = ((top.result.properties?.[PROP.factors] as { detail: string; points: number }[] | undefined) ?? []).filter((f) => f.detail);
  if (!factors.length) return undefined;
  const items = factors.map((factor): TicketInline[] => [{ text: factor.detail, max: 300 }, ...(factor.points ? [plain(` (${factor.points > 0 ? '+' : ''}${factor.points})`)] : [])]);
  return { heading: 'Why this risk', blocks: [{ kind: 'list', items }] };
}

/** What a developer replays to see a DAST finding: the request that proved it, and what the scanner saw. */
function theRequest(top: Finding): TicketSection | undefined {
  const props = top.result.properties ?? {};
  const dast = prop(props, PROP.dast);
  if (!dast?.url) return undefined;
  const blocks: TicketBlock[] = [{ kind: 'code', language: 'http', text: (dast.request ?? `${(dast.method ?? 'GET').toUpperCase()} ${dast.url}`).replace(/[\r\u2028\u2029]/g, '').slice(0, 2000) }];
  if (dast.parameter) blocks.push(paragraph(plain('Parameter: '), { code: dast.parameter }));
  if (dast.evidence) blocks.push(paragraph(plain('Evidence: '), { text: dast.evidence, max: 500 }));
  const others = prop(props, PROP.requests) ?? [];
  if (others.length) blocks.push(paragraph(plain(`Also shown by ${others.length} other request${others.length === 1 ? '' : 's'} to the same route.`)));
  // One block of lines, like the request and its notes in a terminal.
  for (const block of blocks.slice(0, -1)) if (block.kind === 'paragraph' || block.kind === 'code') block.tight = true;
  return { heading: 'The request that shows it', blocks };
}

/** How untrusted data reaches the sink, step by step (a SAST finding's code flow). */
function theFlow(top: Finding): TicketSection | undefined {
  const steps = flowOf(top);
  if (steps.length < 2) return undefined;
  const items = steps.slice(0, 20).map((step: FlowStep): TicketInline[] => [...(step.uri ? [{ code: `${decodeUri(step.uri)}${step.line ? `:${step.line}` : ''}` }, plain(': ')] : []), { text: step.text, max: 200 }]);
  return { heading: 'How the data gets there', blocks: [{ kind: 'list', items }] };
}

function where(members: readonly Finding[], links: ReportLinks | undefined): TicketSection {
  const items = members.slice(0, MAX_PLACES).map((f): TicketInline[] => [{ code: whereOf(f), href: locationUrl(f, links) }]);
  if (members.length > MAX_PLACES) items.push([plain(`… and ${members.length - MAX_PLACES} more (see the run's report)`)]);
  return { heading: `Where (${members.length} place${members.length === 1 ? '' : 's'})`, blocks: [{ kind: 'list', items }] };
}

function howToFix(top: Finding): TicketSection | undefined {
  const pkg = prop(top.result.properties, PROP.package);
  const help = top.rule?.help?.text ?? top.rule?.fullDescription?.text;
  const helpUri = httpUrl(top.rule?.helpUri);
  if (!pkg?.fixedVersions?.length && !help && !helpUri) return undefined;
  const blocks: TicketBlock[] = [];
  if (pkg?.name && pkg.fixedVersions?.length) {
    const upgrade: TicketInline[] = [plain('Upgrade '), { code: pkg.name }, ...(pkg.version ? [plain(' from '), { code: pkg.version }] : [])];
    upgrade.push(plain(' to '));
    pkg.fixedVersions.slice(0, 5).forEach((v, index) => upgrade.push(...(index ? [plain(' or ')] : []), { code: v }));
    blocks.push(paragraph(...upgrade, plain('.')));
  }
  if (help && top.category !== 'secrets') blocks.push(paragraph({ text: help, max: 2000 }));
  if (helpUri) blocks.push(paragraph(plain('More: '), { url: helpUri }));
  return { heading: 'How to fix', blocks };
}

/** The ticket's content for a finding group, in no tracker's markup. */
export function ticketSections(members: readonly Finding[], at: { due?: string | undefined; since: string; sla?: number | undefined; links?: ReportLinks | undefined }): TicketSection[] {
  const top = members[0]!;
  const lead: TicketBlock[] = [headline(top)];
  if (at.due) lead.push(paragraph(plain('Fix by '), { strong: at.due }, plain(`${at.sla ? ` (${at.sla} days for ${top.priority})` : ''}; first seen ${at.since}.`)));
  const sections: (TicketSection | undefined)[] = [{ blocks: lead }, what(top), whyThisRisk(top), theRequest(top), theFlow(top), where(members, at.links), howToFix(top)];
  sections.push({ blocks: [{ kind: 'note', content: [plain('Opened by Pipewarden. Every run of the default branch updates this section; it closes the ticket when the finding is gone and reopens it if it comes back. Close it as won\'t fix or not planned to accept the risk for a while (the gate then passes it); reopen it to keep it open.')] }] });
  return sections.filter((s): s is TicketSection => s !== undefined);
}
