// JSP Expression Language in the page's template text: `${param.q}` prints a request parameter unescaped, `${name}`
// prints a request attribute (set by the servlet that forwarded here) unescaped; `<c:out value="${…}"/>` and
// `${fn:escapeXml(…)}` escape. Each EL is read for what it prints and, inside JSTL tags, what it binds.

import type { JavaPart } from './mask.js';
import { inTemplate } from './mask.js';

/** A request input an EL reads: `param.q` is request.getParameter("q"). */
export interface ElInput {
  method: 'getParameter' | 'getParameterValues' | 'getHeader' | 'getHeaders' | 'getCookies' | 'getQueryString' | 'getRequestURI';
  key: string | undefined;
}

export interface ElUse {
  start: number;
  end: number;
  inputs: ElInput[];
  /** Other data names: request attributes, or names bound by <c:set>/<c:forEach>. */
  names: string[];
  /** What the page does with it: prints it unescaped, binds a name (c:set, c:forEach), or neither. */
  role: { kind: 'print' } | { kind: 'bind'; name: string } | { kind: 'none' };
}

const IMPLICIT: Record<string, ElInput['method']> = { param: 'getParameter', paramValues: 'getParameterValues', header: 'getHeader', headerValues: 'getHeaders', cookie: 'getCookies' };
const SCOPES = /^(?:requestScope|sessionScope|applicationScope|pageScope)$/;
const KEYWORDS = /^(?:empty|not|and|or|eq|ne|lt|gt|le|ge|div|mod|true|false|null|instanceof|initParam|pageContext)$/;

/** The end of an EL started at `start` (`${`): its closing brace, outside strings. */
function elEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

/** What an EL expression reads. */
export function readEl(expr: string): { inputs: ElInput[]; names: string[]; escaped: boolean } {
  const escaped = /^\s*fn:escapeXml\s*\(/.test(expr);
  const inputs: ElInput[] = [];
  const names = new Set<string>();
  const re = /(?<![\w.:'"])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*)|\s*\[\s*(['"])(.*?)\3\s*\])?/g;
  for (const m of expr.replace(/(['"])(?:(?!\1)[^\\]|\\.)*\1(?!\s*\])/g, '""').matchAll(re)) {
    const [, head, prop, , key] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    const field = prop ?? key;
    if (IMPLICIT[head]) inputs.push({ method: IMPLICIT[head]!, key: head === 'cookie' ? undefined : field });
    else if (head === 'pageContext' && /\brequest\s*\.\s*queryString\b/.test(m.input!.slice(m.index))) inputs.push({ method: 'getQueryString', key: undefined });
    else if (head === 'pageContext' && /\brequest\s*\.\s*requestURI\b/.test(m.input!.slice(m.index))) inputs.push({ method: 'getRequestURI', key: undefined });
    else if (SCOPES.test(head) && field) names.add(field);
    else if (!KEYWORDS.test(head) && !/^\s*:/.test(m.input!.slice(m.index + head.length))) names.add(head);
  }
  return { inputs, names: [...names], escaped };
}

/** The tag an offset sits in, when it is inside one: `<c:out value="${x}"/>`. */
function enclosingTag(text: string, at: number): string | undefined {
  const lt = text.lastIndexOf('<', at);
  if (lt < 0 || text.lastIndexOf('>', at) > lt) return undefined;
  const gt = text.indexOf('>', at);
  return text.slice(lt, gt < 0 ? text.length : gt + 1);
}

/** What the page does with an EL inside a tag: JSTL and other prefixed tags print nothing but c:out without escaping. */
function roleIn(tag: string | undefined, at: number, text: string): ElUse['role'] {
  if (!tag) return { kind: 'print' };
  const name = /^<\s*([\w:-]+)/.exec(tag)?.[1] ?? '';
  if (!name.includes(':')) return { kind: 'print' };
  const attr = /([\w-]+)\s*=\s*["'][^"']*$/.exec(text.slice(text.lastIndexOf('<', at), at))?.[1];
  if (/^c:out$/i.test(name)) return attr === 'value' && /escapeXml\s*=\s*["']\s*false\s*["']/i.test(tag) ? { kind: 'print' } : { kind: 'none' };
  const bound = /\bvar\s*=\s*["'](\w+)["']/.exec(tag)?.[1];
  if (bound && ((/^c:set$/i.test(name) && attr === 'value') || (/^c:forEach$/i.test(name) && attr === 'items'))) return { kind: 'bind', name: bound };
  return { kind: 'none' };
}

/** Every EL of the page's template text (`${…}` and `#{…}`), with what it reads and does. */
export function elUses(text: string, parts: readonly JavaPart[]): ElUse[] {
  const out: ElUse[] = [];
  for (let i = text.search(/[$#]\{/); i >= 0; ) {
    const end = elEnd(text, i);
    if (end < 0) break;
    if (inTemplate(parts, i) && text[i - 1] !== '\\') {
      const { inputs, names, escaped } = readEl(text.slice(i + 2, end));
      const role = roleIn(enclosingTag(text, i), i, text);
      // An escaped value printed is safe; bound to a name, it binds nothing tainted.
      if (!escaped) out.push({ start: i, end: end + 1, inputs, names, role });
      else if (role.kind === 'bind') out.push({ start: i, end: end + 1, inputs: [], names: [], role });
    }
    const next = text.slice(end + 1).search(/[$#]\{/);
    i = next < 0 ? -1 : end + 1 + next;
  }
  return out;
}
