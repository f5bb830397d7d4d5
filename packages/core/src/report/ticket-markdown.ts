import { writeMarker } from '../tickets/marker.js';
import type { TicketBlock, TicketDraft, TicketInline } from '../tickets/types.js';
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
