import { unquote } from './yaml-positions.js';

/**
 * A fast reader for the YAML that package managers write: block mappings and sequences,
 * plain or quoted scalars, one-line flow collections. Lockfiles of thousands of entries
 * parse several times faster than with a general YAML library. Anything outside that
 * subset (anchors, block scalars, tabs, multi-line flow) answers undefined, and the caller
 * falls back to the full parser, which also words the errors of malformed files.
 */
export interface LockYaml {
  data: Record<string, unknown>;
  /** lines of the keys at the top two levels: "<top>" and "<top>\0<key>" */
  lines: Map<string, number>;
}

interface Frame {
  /** the indent of the entries of this container */
  indent: number;
  container: Record<string, unknown> | unknown[];
}

const PLAIN_SCALAR_FORBIDDEN = /^[&*!|>%@`]/;
const KEY_LINE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"\s#][^#]*?)\s*:(?:\s+(.*))?$/;

export function readLockYaml(text: string): LockYaml | undefined {
  const root: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  const stack: Frame[] = [{ indent: 0, container: root }];
  const path: string[] = [];
  let pending: { parent: Record<string, unknown>; key: string; indent: number } | undefined;
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let raw = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const content = raw.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    if (content.startsWith('\t') || content === '---' || content === '...') return undefined;
    const isItem = content.startsWith('- ') || content === '-';
    if (pending) {
      // the first line below "key:" decides whether its value is a mapping or a sequence
      if (indent > pending.indent || (indent === pending.indent && isItem)) {
        const child: Record<string, unknown> | unknown[] = isItem ? [] : {};
        pending.parent[pending.key] = child;
        stack.push({ indent, container: child });
        path.push(pending.key);
      }
      pending = undefined;
    }
    while (stack.length > 1 && indent < (stack[stack.length - 1] as Frame).indent) {
      stack.pop();
      path.pop();
    }
    const frame = stack[stack.length - 1] as Frame;
    if (indent !== frame.indent) return undefined;
    if (isItem) {
      const item = content.slice(1).trim();
      if (!Array.isArray(frame.container) || item === '' || KEY_LINE.test(item)) return undefined;
      const value = scalar(item);
      if (value === INVALID) return undefined;
      frame.container.push(value);
      continue;
    }
    const m = KEY_LINE.exec(content);
    if (!m || Array.isArray(frame.container)) return undefined;
    const key = unquote(m[1] ?? '');
    const rest = (m[2] ?? '').replace(/\s+#.*$/, '').trim();
    if (path.length === 0 && !lines.has(key)) lines.set(key, lineNo);
    else if (path.length === 1 && !lines.has(`${path[0]}\u0000${key}`)) lines.set(`${path[0]}\u0000${key}`, lineNo);
    if (rest === '') {
      frame.container[key] = null;
      pending = { parent: frame.container, key, indent };
      continue;
    }
    const value = scalar(rest);
    if (value === INVALID) return undefined;
    frame.container[key] = value;
  }
  return { data: root, lines };
}

const INVALID = Symbol('invalid');

function scalar(text: string): unknown {
  if (text.startsWith('"') || text.startsWith("'")) {
    const quote = text[0] as string;
    if (text.length < 2 || !text.endsWith(quote)) return INVALID;
    return unquote(text);
  }
  if (text.startsWith('{')) return text.endsWith('}') ? flowMap(text.slice(1, -1)) : INVALID;
  if (text.startsWith('[')) return text.endsWith(']') ? flowList(text.slice(1, -1)) : INVALID;
  if (PLAIN_SCALAR_FORBIDDEN.test(text)) return INVALID;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null' || text === '~') return null;
  return text;
}

/** Splits a one-line flow collection at top-level commas. */
function splitFlow(body: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (quote || depth !== 0) return undefined;
  const last = body.slice(from).trim();
  if (last) parts.push(last);
  return parts;
}

function flowMap(body: string): unknown {
  const parts = splitFlow(body);
  if (!parts) return INVALID;
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'":]+?)\s*:\s*(.*)$/.exec(part);
    if (!m) return INVALID;
    const value = scalar((m[2] ?? '').trim());
    if (value === INVALID) return INVALID;
    out[unquote(m[1] ?? '')] = value;
  }
  return out;
}

function flowList(body: string): unknown {
  const parts = splitFlow(body);
  if (!parts) return INVALID;
  const out: unknown[] = [];
  for (const part of parts) {
    const value = scalar(part);
    if (value === INVALID) return INVALID;
    out.push(value);
  }
  return out;
}
