import type { TicketBlock, TicketDraft, TicketInline } from '@pipewarden/core';

/** Atlassian Document Format: Jira Cloud's bodies (REST v3). */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const safeHref = (url: string | undefined) => (url && /^https?:\/\/[^\s|\]]+$/i.test(url) ? url : undefined);

function adfText(text: string, marks: AdfNode['marks'] = []): AdfNode[] {
  const value = clean(text).replace(/\n/g, ' ');
  return value ? [{ type: 'text', text: value, ...(marks.length ? { marks } : {}) }] : [];
}

function adfInline(part: TicketInline): AdfNode[] {
  if ('text' in part) return adfText(cut(part.text, part.max));
  if ('plain' in part) return adfText(part.plain);
  if ('strong' in part) return adfText(part.strong, [{ type: 'strong' }]);
  if ('url' in part) return safeHref(part.url) ? adfText(part.url, [{ type: 'link', attrs: { href: part.url } }]) : adfText(part.url);
  const href = safeHref(part.href);
  return adfText(part.code, [{ type: 'code' }, ...(href ? [{ type: 'link', attrs: { href } }] : [])]);
}

const adfParagraph = (parts: readonly TicketInline[], marks: AdfNode['marks'] = []): AdfNode => ({
  type: 'paragraph',
  content: parts.flatMap(adfInline).map((node) => (marks.length ? { ...node, marks: [...(node.marks ?? []), ...marks] } : node)),
});

function adfBlock(b: TicketBlock): AdfNode {
  switch (b.kind) {
    case 'paragraph':
      return adfParagraph(b.content);
    case 'list':
      return { type: 'bulletList', content: b.items.map((item) => ({ type: 'listItem', content: [adfParagraph(item)] })) };
    case 'code':
      return { type: 'codeBlock', attrs: { language: b.language }, content: adfText(b.text).length ? [{ type: 'text', text: clean(b.text) }] : [] };
    case 'note':
      return adfParagraph(b.content, [{ type: 'em' }]);
  }
}

/** Pipewarden's part of a Cloud description: one panel; what people write around it is theirs. */
export function adfSection(draft: TicketDraft): AdfNode {
  const content: AdfNode[] = [];
  for (const section of draft.sections) {
    if (section.heading) content.push({ type: 'heading', attrs: { level: 3 }, content: adfText(section.heading) });
    content.push(...section.blocks.map(adfBlock));
  }
  return { type: 'panel', attrs: { panelType: 'note' }, content };
}

/** The description with Pipewarden's panel (the first panel of type note) replaced, or a new document. */
export function spliceAdf(current: unknown, panel: AdfNode): AdfNode {
  const doc = current && typeof current === 'object' && (current as AdfNode).type === 'doc' ? (current as AdfNode) : undefined;
  const content = doc?.content ?? [];
  const index = content.findIndex((node) => node.type === 'panel' && node.attrs?.panelType === 'note');
  if (index < 0) return { type: 'doc', attrs: { version: 1 }, content: [panel] } as AdfNode & { attrs: { version: number } };
  return { type: 'doc', attrs: { version: 1 }, content: [...content.slice(0, index), panel, ...content.slice(index + 1)] };
}

/** Wiki markup: every character that formats is escaped, so report text is only ever text. */
function wikiEscape(text: string): string {
  return clean(text)
    .replace(/\r?\n/g, ' ')
    .replace(/[\\{}[\]*_+^~|!#?\-]/g, (c) => `\\${c}`);
}

function wikiInline(part: TicketInline): string {
  if ('text' in part) return wikiEscape(cut(part.text, part.max));
  if ('plain' in part) return wikiEscape(part.plain);
  if ('strong' in part) return `*${wikiEscape(part.strong)}*`;
  if ('url' in part) return safeHref(part.url) ? `[${part.url}]` : wikiEscape(part.url);
  const code = `{{${wikiEscape(part.code)}}}`;
  const href = safeHref(part.href);
  return href ? `[${code}|${href}]` : code;
}

function wikiBlock(b: TicketBlock): string {
  const line = (parts: readonly TicketInline[]) => parts.map(wikiInline).join('');
  switch (b.kind) {
    case 'paragraph':
      return line(b.content);
    case 'list':
      return b.items.map((item) => `* ${line(item)}`).join('\n');
    case 'code':
      // Nothing inside may end the block, or Pipewarden's panel, early.
      return `{noformat}\n${clean(b.text).replace(/\{(noformat|panel)/gi, '{ $1')}\n{noformat}`;
    case 'note':
      return `_${line(b.content)}_`;
  }
}

const PANEL_OPEN = '{panel:title=Pipewarden|borderStyle=solid}';
const PANEL = /\{panel:title=Pipewarden\|borderStyle=solid\}[\s\S]*?\n\{panel\}/;

/** Pipewarden's part of a Data Center description: one panel in wiki markup. */
export function wikiSection(draft: TicketDraft): string {
  const lines: string[] = [PANEL_OPEN];
  for (const section of draft.sections) {
    if (section.heading) lines.push(`h3. ${wikiEscape(section.heading)}`);
    for (const b of section.blocks) lines.push(wikiBlock(b), '');
  }
  lines.push('{panel}');
  return lines.join('\n');
}

export function spliceWiki(current: unknown, section: string): string {
  const body = typeof current === 'string' ? current : '';
  return PANEL.test(body) ? body.replace(PANEL, () => section) : body.trim() ? `${section}\n\n${body}` : section;
}
