// A JSP is HTML around Java. The Java grammar parses the page's Java alone: `mask` blanks everything else with
// spaces (newlines kept), so that every offset, line and column of the Java still points into the page as written.
// `<%= x %>` becomes `_o( x );`, a call the rules know as the page printing x.

/** The Java parts of a page: scriptlets, declarations and expressions, classic and XML syntax. */
export interface JavaPart {
  start: number;
  end: number;
}

const OPENERS: [string, string, 'code' | 'expr' | 'skip'][] = [
  ['<%--', '--%>', 'skip'],
  ['<%@', '%>', 'skip'],
  ['<%!', '%>', 'code'],
  ['<%=', '%>', 'expr'],
  ['<%', '%>', 'code'],
  ['<jsp:scriptlet>', '</jsp:scriptlet>', 'code'],
  ['<jsp:declaration>', '</jsp:declaration>', 'code'],
  ['<jsp:expression>', '</jsp:expression>', 'expr'],
];

/** The page's text with only its Java left, and where the Java parts are (the rest is template text). */
export function mask(text: string): { java: string; parts: JavaPart[] } {
  const out = text.replace(/[^\n\r]/g, ' ').split('');
  const parts: JavaPart[] = [];
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const opener = OPENERS.find(([open]) => text.startsWith(open, i));
    if (!opener) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    const [open, close, kind] = opener;
    const found = text.indexOf(close, i + open.length);
    const end = found < 0 ? text.length : found;
    if (kind !== 'skip') {
      for (let k = i + open.length; k < end; k++) out[k] = text[k]!;
      if (kind === 'expr') {
        out.splice(i, 3, '_', 'o', '(');
        if (found >= 0) out.splice(end, 2, ')', ';');
      }
      parts.push({ start: i, end: Math.min(text.length, end + close.length) });
    }
    i = found < 0 ? -1 : text.indexOf('<', end + close.length);
  }
  return { java: out.join(''), parts };
}

/** Whether an offset is template text (not inside a Java part). Parts are in page order: a binary search. */
export function inTemplate(parts: readonly JavaPart[], at: number): boolean {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const part = parts[mid]!;
    if (at < part.start) hi = mid - 1;
    else if (at >= part.end) lo = mid + 1;
    else return false;
  }
  return true;
}
