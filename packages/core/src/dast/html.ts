/** Just enough HTML reading for login forms and coverage: forms, their action, method and fields. */
export interface HtmlForm {
  action: string | undefined;
  method: string;
  fields: { name: string; value: string; type: string }[];
}

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const raw = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  return raw === undefined ? undefined : decodeEntities(raw);
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

/** The forms of a page, in order. */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi)) {
    const open = match[1] ?? '';
    const body = match[2] ?? '';
    const fields: HtmlForm['fields'] = [];
    for (const input of body.matchAll(/<(input|select|textarea|button)\b([^>]*)>/gi)) {
      const name = attribute(input[2]!, 'name');
      if (!name) continue;
      fields.push({ name, value: attribute(input[2]!, 'value') ?? '', type: (attribute(input[2]!, 'type') ?? input[1]!).toLowerCase() });
    }
    forms.push({ action: attribute(` ${open}`, 'action'), method: (attribute(` ${open}`, 'method') ?? 'get').toUpperCase(), fields });
  }
  return forms;
}

/** A page asking for a password: a login form (or a password change, which the exclusions keep away). */
export function hasPasswordField(html: string): boolean {
  return /<input\b[^>]*\stype\s*=\s*["']?password/i.test(html);
}
