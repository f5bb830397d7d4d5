/**
 * HTML made from text we do not trust: every value from the store (repository names, rule ids, finding
 * messages, branches) came from a scanner or a pipeline and is escaped here, in one place.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Bidirectional overrides and isolates reorder what follows them on screen ("Trojan Source"): shown by name instead. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text for an HTML text node or a quoted attribute. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** Already-escaped HTML, so a template can tell it from text that still needs escaping. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** A tagged template: values are escaped unless they are Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return esc(value);
}

/** A link within the app: the path and its query string, the values encoded. */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Only http(s) links leave the app (a pipeline id or a javascript: URL stays text). */
export function externalLink(value: string | undefined, text?: string): Html {
  if (!value) return html``;
  if (/^https?:\/\/[^\s]+$/i.test(value)) return html`<a href="${value}" rel="noopener noreferrer">${text ?? value}</a>`;
  return html`${text ?? value}`;
}

const NAV = [
  ['/', 'Overview'],
  ['/repositories', 'Repositories'],
  ['/images', 'Images'],
  ['/waivers', 'Waivers'],
] as const;

/** The page around a body: one stylesheet and one script, both ours; nothing from elsewhere. */
export function page(title: string, current: string, body: Html, meta: { today: string; store: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Pipewarden</title>
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/dashboard.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">Pipewarden</a><nav>${NAV.map(([path, label]) => `<a href="${path}"${path === current ? ' aria-current="page"' : ''}>${label}</a>`).join('')}</nav><span class="meta">${esc(meta.store)} · as of ${esc(meta.today)}</span></header>
<main>
<h1>${esc(title)}</h1>
${body.html}
</main>
</body>
</html>
`;
}
