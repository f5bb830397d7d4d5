// Where PHP output lands in the page. htmlspecialchars and its kin make a value safe in HTML text and in
// quoted attribute values, not in script code, style sheets, comments, tag or attribute names, or unquoted
// attribute values: those are separate sinks (rule php-xss-unquoted-context), which only numbers make safe.

export type OutputContext = 'html' | 'script' | 'style' | 'comment' | 'tag' | 'unquoted-attribute';

/** Whether `text` (the code after an opening tag) ends inside a quoted string. */
function insideQuote(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return quote !== undefined;
}

/** The context of output placed right after `html` (what the page printed so far). */
export function outputContext(html: string): OutputContext {
  const lower = html.toLowerCase();
  const comment = lower.lastIndexOf('<!--');
  if (comment >= 0 && lower.indexOf('-->', comment + 4) < 0) return 'comment';
  for (const tag of ['script', 'style'] as const) {
    const open = lower.lastIndexOf(`<${tag}`);
    if (open >= 0 && lower.indexOf(`</${tag}`, open) < 0) {
      const body = lower.indexOf('>', open);
      if (body < 0) return 'tag';
      // A quoted JavaScript string: HTML encoding with ENT_QUOTES keeps the value inside it.
      return tag === 'script' && insideQuote(html.slice(body + 1)) && !/(?:setinterval|settimeout|eval)\s*\(\s*['"`][^'"`]*$/.test(lower) ? 'html' : tag;
    }
  }
  const lt = lower.lastIndexOf('<');
  const gt = lower.lastIndexOf('>');
  if (lt < 0 || gt > lt) return 'html';
  const inTag = html.slice(lt + 1);
  if (!/^[a-zA-Z][\w-]*\s/.test(inTag)) return 'tag';
  if (insideQuote(inTag)) {
    // style="…": a style sheet; other quoted attribute values (event handlers too) are HTML-encoded safely.
    const attr = /([\w-]+)\s*=\s*["'][^"']*$/.exec(inTag);
    return attr && attr[1]!.toLowerCase() === 'style' ? 'style' : 'html';
  }
  return /=\s*$/.test(inTag) ? 'unquoted-attribute' : 'tag';
}

/** The callee name the engine sees for output in a context: `echo` in HTML, `echo:<context>` elsewhere. */
export function outputSink(context: OutputContext): string {
  return context === 'html' ? 'echo' : `echo:${context}`;
}
