// Jinja2 and Twig share their tags: `{{ output }}`, `{% statement %}`, `{# comment #}`. This lexer reads a template's
// outputs and decides which print their data unescaped: a raw filter (`|safe`, `|raw`) with no escape before it, or
// any output where autoescape is off (`{% autoescape false %}`, or a file the framework does not escape by name).

import type { RawOutput, Span } from '../../ir/types.js';
import type { SourceText } from '../../parse/syntax.js';

export interface Dialect {
  /** The filter that marks a value as safe HTML. */
  raw: string;
  /** Whether outputs of this file are escaped unless a block says otherwise. */
  autoescape: boolean;
}

/** Filters whose result holds no markup of its input: escapes, numbers, JSON meant for HTML. */
const CLEANING = new Set(['e', 'escape', 'forceescape', 'urlencode', 'url_encode', 'tojson', 'json_encode', 'int', 'float', 'abs', 'round', 'length', 'count', 'wordcount', 'filesizeformat', 'number_format', 'date', 'md5', 'sha1', 'xmlattr']);

/** Names in expressions that are not data handed in by render(). */
const NOT_DATA = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'true', 'false', 'none', 'null', 'True', 'False', 'None', 'loop', 'self', 'super', 'caller', 'varargs', 'kwargs', 'range', 'dict', 'lipsum', 'cycler', 'joiner', 'namespace', 'url_for', 'get_flashed_messages', 'config', 'request', 'session', 'g', '_self', 'app', 'path', 'url', 'asset', 'csrf_token', 'constant', 'attribute', 'block', 'parent', 'include', 'source', 'matches', 'starts', 'ends', 'with', 'defined']);

/** `a|f(x)|g` split at the top-level pipes (not inside strings, parentheses or brackets). */
function splitFilters(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '|' && depth === 0 && expr[i + 1] !== '|') {
      parts.push(expr.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expr.slice(start));
  return parts.map((p) => p.trim());
}

/** The data names an expression reads: identifiers not after a dot, outside strings, that are not keywords. */
export function dataNames(expr: string): string[] {
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const names = new Set<string>();
  for (const m of bare.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?!\s*\()/g)) {
    if (!NOT_DATA.has(m[1]!)) names.add(m[1]!);
  }
  return [...names];
}

/** Whether an output prints its data unescaped: `{{ x|safe }}`, `{{ x|e|safe }}` (escaped first: not raw), autoescape off. */
function isRaw(filters: readonly string[], dialect: Dialect, autoescape: boolean): boolean {
  let marked = false;
  for (const filter of filters) {
    const name = /^(\w+)/.exec(filter)?.[1] ?? '';
    if (CLEANING.has(name)) return false;
    if (name === dialect.raw) marked = true;
  }
  return marked || !autoescape;
}

interface Block {
  tag: string;
  autoescape?: boolean | undefined;
  /** Loop and set names standing for the data they were taken from. */
  aliases?: Map<string, string[]> | undefined;
}

function autoescapeOf(args: string, fallback: boolean): boolean {
  const value = args.trim();
  // Jinja2 and Twig: true / false; Django: on / off.
  if (!value || /^(?:true|on)$/i.test(value)) return true;
  if (/^(?:false|off)$/i.test(value)) return false;
  // Twig: {% autoescape 'html' %}, 'js', 'css', 'url': an escaping strategy, so on.
  return /^['"]\w+['"]$/.test(value) ? true : fallback;
}

/** The data names behind a name inside loops and sets: `item` of `{% for item in items %}` is `items`. */
function resolve(name: string, blocks: readonly Block[], upto = blocks.length): string[] {
  for (let i = upto - 1; i >= 0; i--) {
    const alias = blocks[i]!.aliases?.get(name);
    if (alias) return alias.flatMap((n) => resolve(n, blocks, i));
  }
  return [name];
}

/** A statement tag: opens or closes blocks (autoescape, for, raw), binds names (set, for). */
function statement(body: string, blocks: Block[], dialect: Dialect, globals: Map<string, string[]>): 'raw' | undefined {
  const m = /^(\w+)\s*([\s\S]*)$/.exec(body.trim());
  if (!m) return undefined;
  const [, tag, args] = m as unknown as [string, string, string];
  if (tag === 'raw' || tag === 'verbatim') return 'raw';
  if (tag === 'autoescape') blocks.push({ tag, autoescape: autoescapeOf(args, dialect.autoescape) });
  else if (tag === 'for') {
    const loop = /^([\w\s,]+?)\s+in\s+([\s\S]+?)(?:\s+if\s[\s\S]*|\s+recursive)?$/.exec(args);
    const names = loop ? loop[1]!.split(',').map((n) => n.trim()).filter(Boolean) : [];
    const from = loop ? dataNames(loop[2]!) : [];
    blocks.push({ tag, aliases: new Map(names.map((n) => [n, from])) });
  } else if (tag === 'set' || tag === 'with') {
    const set = /^(\w+)\s*=\s*([\s\S]+)$/.exec(args);
    if (tag === 'with') blocks.push({ tag, aliases: set ? new Map([[set[1]!, dataNames(set[2]!)]]) : undefined });
    else if (set) (blocks.at(-1)!.aliases ?? globals).set(set[1]!, dataNames(set[2]!));
    // {% set x %}…{% endset %}: a captured block, escaped where it is printed.
    else blocks.push({ tag });
  } else if (/^(?:if|macro|block|filter|call|embed|apply|sandbox|spaceless)$/.test(tag)) blocks.push({ tag });
  else if (/^end\w+$/.test(tag)) {
    const open = tag.slice(3);
    const at = blocks.map((b) => b.tag).lastIndexOf(open);
    if (at >= 0) blocks.splice(at);
  }
  return undefined;
}

/** Every output of a Jinja2 or Twig template that prints data unescaped, by data name. */
export function rawOutputs(source: SourceText, dialect: Dialect): RawOutput[] {
  const text = source.text;
  const out: RawOutput[] = [];
  const globals = new Map<string, string[]>();
  const blocks: Block[] = [{ tag: 'template', aliases: globals }];
  const tag = /\{([{%#])-?/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const close = { '{': '}}', '%': '%}', '#': '#}' }[m[1] as '{' | '%' | '#'];
    const end = text.indexOf(close, tag.lastIndex);
    if (end < 0) break;
    const body = text.slice(tag.lastIndex, end).replace(/-$/, '');
    tag.lastIndex = end + 2;
    if (m[1] === '#') continue;
    if (m[1] === '%') {
      if (statement(body, blocks, dialect, globals) === 'raw') {
        // Nothing is a tag up to {% endraw %} / {% endverbatim %}.
        const stop = /\{%-?\s*end(?:raw|verbatim)\s*-?%\}/g;
        stop.lastIndex = tag.lastIndex;
        const found = stop.exec(text);
        tag.lastIndex = found ? stop.lastIndex : text.length;
      }
      continue;
    }
    const [expr, ...filters] = splitFilters(body);
    const autoescape = [...blocks].reverse().find((b) => b.autoescape !== undefined)?.autoescape ?? dialect.autoescape;
    if (!expr || !isRaw(filters, dialect, autoescape)) continue;
    const span: Span = source.span(m.index, end + 2);
    const via = text.slice(m.index, end + 2).replace(/\s+/g, ' ');
    for (const name of dataNames(expr).flatMap((n) => resolve(n, blocks))) out.push({ name, span, via });
  }
  return out;
}
