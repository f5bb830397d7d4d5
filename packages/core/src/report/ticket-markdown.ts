import { writeMarker } from '../tickets/marker.js';
import type { TicketBlock, TicketDraft, TicketInline, TicketMarker } from '../tickets/types.js';
import { escapeMarkdown, markdownCode } from './escape.js';

function inline(part: TicketInline): string {
  if ('text' in part) return escapeMarkdown(part.text, part.max);
  if ('plain' in part) return part.plain;
  if ('strong' in part) return `**${part.strong}**`;
  if ('url' in part) return `<${part.url}>`;
  return part.href ? `[${markdownCode(part.code)}](${part.href})` : markdownCode(part.code);
}

const line = (parts: readonly TicketInline[]) => parts.map(inline).join('');

/** A fenced block that report text cannot close: the fence is longer than any backtick run inside. */
function codeBlock(language: string, text: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${language}\n${text}\n${fence}`;
}

function block(b: TicketBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [line(b.content)];
    case 'list':
      return b.items.map((item) => `- ${line(item)}`);
    case 'code':
      return [codeBlock(b.language, b.text)];
    case 'note':
      return [`<sub>${line(b.content)}</sub>`];
  }
}

/** A ticket body in GitHub- and GitLab-flavoured Markdown, the marker hidden in an HTML comment at the end. */
export function renderTicketMarkdown(draft: TicketDraft): string {
  const lines: string[] = [];
  for (const section of draft.sections) {
    if (section.heading) lines.push(`### ${section.heading}`, '');
    for (const b of section.blocks) {
      lines.push(...block(b));
      // A note closes the body: the marker follows it directly.
      if (!('tight' in b && b.tight) && b.kind !== 'note') lines.push('');
    }
  }
  lines.push(writeMarker(draft.marker));
  return lines.join('\n');
}

const BEGIN = '<!-- pipewarden:begin -->';
const END = '<!-- pipewarden:end -->';

/** Pipewarden's part of a Markdown body, between hidden delimiters: what a person writes around it is theirs. */
export function renderTicketSection(draft: TicketDraft): string {
  return `${BEGIN}\n${renderTicketMarkdown(draft)}\n${END}`;
}

function sectionBounds(body: string): { start: number; end: number } | undefined {
  const start = body.indexOf(BEGIN);
  const end = start < 0 ? -1 : body.indexOf(END, start);
  return end < 0 ? undefined : { start, end: end + END.length };
}

/** The delimited section of a body; a body from before the delimiters is all Pipewarden's. */
export function ticketSectionOf(body: string): string {
  const bounds = sectionBounds(body);
  return bounds ? body.slice(bounds.start, bounds.end) : body;
}

/** The body with Pipewarden's section replaced and everything a person wrote around it kept. */
export function spliceTicketSection(body: string, section: string): string {
  const bounds = sectionBounds(body);
  return bounds ? `${body.slice(0, bounds.start)}${section}${body.slice(bounds.end)}` : section;
}

/** The body with only its hidden marker replaced (a close records the day it was fixed). */
export function withTicketMarker(body: string, marker: TicketMarker): string {
  const replaced = body.replace(/<!--\s*pipewarden:ticket\s+\{[^<>]*\}\s*-->/, () => writeMarker(marker));
  return replaced === body && !body.includes('pipewarden:ticket') ? `${body}\n${writeMarker(marker)}` : replaced;
}
