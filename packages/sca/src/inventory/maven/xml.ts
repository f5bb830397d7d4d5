import { ManifestError } from '../common/model.js';

export interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  text: string;
}

const MAX_DEPTH = 256;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Only the five predefined entities and character references are expanded: declared
 * entities are never read, so neither "billion laughs" nor external entities can apply.
 */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? all;
  });
}

/** A small, safe XML reader for POMs: elements, text and lines; attributes and namespaces dropped. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let line = 1;
  let i = 0;
  const advance = (to: number): void => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const skipTo = (marker: string, what: string): void => {
    const end = text.indexOf(marker, i);
    if (end === -1) throw new ManifestError(`line ${line}: unterminated ${what}`);
    advance(end + marker.length);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1] as XmlElement;
    if (lt === -1) {
      advance(text.length);
      break;
    }
    if (lt > i) top.text += decode(text.slice(i, lt));
    advance(lt);
    if (text.startsWith('<!--', i)) skipTo('-->', 'comment');
    else if (text.startsWith('<?', i)) skipTo('?>', 'processing instruction');
    else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end === -1) throw new ManifestError(`line ${line}: unterminated CDATA section`);
      top.text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<!', i)) {
      // a DOCTYPE, with or without an internal subset: skipped, never interpreted
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      if (subset !== -1 && subset < close) skipTo(']>', 'DOCTYPE');
      else skipTo('>', 'declaration');
    } else if (text.startsWith('</', i)) {
      const m = /^<\/\s*([^\s>]+)\s*>/.exec(text.slice(i, i + 300));
      if (!m) throw new ManifestError(`line ${line}: malformed end tag`);
      const name = localName(m[1] ?? '');
      if (top.name !== name) throw new ManifestError(`line ${line}: </${name}> does not close <${top.name}>`);
      stack.pop();
      advance(i + m[0].length);
    } else {
      const end = findTagEnd(text, i);
      if (end === -1) throw new ManifestError(`line ${line}: unterminated tag`);
      const tag = text.slice(i + 1, end);
      const selfClosing = tag.endsWith('/');
      const name = localName(/^\s*([^\s/>]+)/.exec(tag)?.[1] ?? '');
      if (!name) throw new ManifestError(`line ${line}: malformed tag`);
      const element: XmlElement = { name, line, children: [], text: '' };
      top.children.push(element);
      advance(end + 1);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) throw new ManifestError(`line ${line}: nested deeper than ${MAX_DEPTH} elements`);
        stack.push(element);
      }
    }
  }
  if (stack.length > 1) throw new ManifestError(`<${(stack[stack.length - 1] as XmlElement).name}> is not closed (truncated file?)`);
  return root;
}

/** The end of a start tag, skipping ">" inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let k = from + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return k;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}

export function textOf(element: XmlElement | undefined, name: string): string | undefined {
  const c = child(element, name);
  return c ? c.text.trim() : undefined;
}
