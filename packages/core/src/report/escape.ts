/**
 * Text from reports is hostile until escaped: it must not open HTML, break a table, ping people,
 * or turn into links and formatting in Markdown.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  let flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}…`;
  return flat
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/(https?):\/\//gi, '$1:/\u200b/');
}

/** Inline code that cannot be broken out of: backticks inside widen the fence. */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${flat}${longest ? ' ' : ''}${fence}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
