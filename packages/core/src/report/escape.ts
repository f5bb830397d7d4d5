import { stripControls } from '../text.js';

/**
 * Text from reports is hostile until escaped: it must not open HTML, break a table, ping people,
 * or turn into links and formatting in Markdown.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  let flat = stripControls(text).replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}…`;
  // A word that would ping someone or become a link (pkg@1.2.3, @team, https://…) goes in a code span:
  // inert, and it copies as written (zero-width characters inside would break a pasted URL or version).
  // No live word anywhere (the pattern never spans white space): one pass over the whole text, as word by word.
  if (!LIVE_WORD.test(flat)) return escapeWord(flat);
  return flat
    .split(/(\s+)/)
    .map((word) => (LIVE_WORD.test(word) ? markdownCode(word) : escapeWord(word)))
    .join('');
}

const LIVE_WORD = /@\w|\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;

const MARKDOWN_SPECIAL = /[&<>\\`*_{}[\]()#+!|~]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Entities for & < >, a backslash before Markdown's punctuation: one pass, and none for a plain word. */
function escapeWord(word: string): string {
  MARKDOWN_SPECIAL.lastIndex = 0;
  if (!MARKDOWN_SPECIAL.test(word)) return word;
  return word.replace(MARKDOWN_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`);
}

/** Inline code that cannot be broken out of: backticks inside widen the fence. */
export function markdownCode(text: string, maxLength = 500): string {
  let flat = stripControls(text).replace(/[\r\n\u2028\u2029]+/g, ' ');
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}…`;
  flat = flat.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${flat}${longest ? ' ' : ''}${fence}`;
}

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  const clean = stripControls(text);
  HTML_SPECIAL.lastIndex = 0;
  return HTML_SPECIAL.test(clean) ? clean.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c]!) : clean;
}
