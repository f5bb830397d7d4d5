import type { Expr } from '../../ir/types.js';
import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { isPlainString, stringValue as literalValue } from './checks.js';
import { LowerContext, stringValue } from './context.js';
import { argumentsOf, dotted, lowerExpr } from './expressions.js';
import { runsShell } from './lists.js';

// Library calls whose meaning depends on how they are written, lowered as the call the rules name: yaml.load with
// a safe Loader is yaml.safe_load, hashlib.new('md5') is hashlib.md5(), p.read_text() on a pathlib path is
// pathlib.Path.read_text(p), and a few argument shapes Flask and the XML parsers read in their own way.

/** pathlib.Path methods that touch the file system at the path: `p.read_text()` is `Path.read_text(p)`. */
const PATH_METHODS = new Set([
  'exists', 'is_file', 'is_dir', 'is_symlink', 'stat', 'lstat', 'open', 'read_text', 'read_bytes', 'write_text', 'write_bytes',
  'unlink', 'rmdir', 'mkdir', 'touch', 'rename', 'replace', 'iterdir', 'glob', 'rglob', 'chmod', 'symlink_to', 'hardlink_to',
]);
/** Calls and methods that give a pathlib path. */
const PATH_MAKERS = /^(?:pathlib\.)?(?:Path|PurePath|PosixPath|WindowsPath)$/;
const PATH_DERIVED = new Set(['resolve', 'absolute', 'expanduser', 'joinpath', 'with_name', 'with_suffix', 'with_stem', 'relative_to']);

/** Whether an expression is a pathlib path: Path(…), base / name with a path on the left, p.resolve(), or a name last assigned one. */
function isPath(ctx: LowerContext, node: SyntaxNode, depth = 0): boolean {
  if (depth > 8) return false;
  const n = node.type === 'parenthesized_expression' ? (namedChildren(node)[0] ?? node) : node;
  if (n.type === 'identifier') {
    const def = ctx.scope?.defs.get(ctx.text(n));
    return def !== undefined && isPath(ctx, def, depth + 1);
  }
  if (n.type === 'binary_operator') {
    const left = fieldOf(n, 'left');
    return ctx.text(fieldOf(n, 'operator') ?? n) === '/' && left !== undefined && isPath(ctx, left, depth + 1);
  }
  if (n.type === 'attribute') return ctx.text(fieldOf(n, 'attribute') ?? n) === 'parent' && isPath(ctx, fieldOf(n, 'object') ?? n, depth + 1);
  if (n.type !== 'call') return false;
  const fn = fieldOf(n, 'function');
  if (!fn) return false;
  if (PATH_MAKERS.test(dotted(ctx, fn) ?? '')) return true;
  const object = fn.type === 'attribute' ? fieldOf(fn, 'object') : undefined;
  return object !== undefined && PATH_DERIVED.has(ctx.text(fieldOf(fn, 'attribute') ?? fn)) && isPath(ctx, object, depth + 1);
}

function member(ctx: LowerContext, node: SyntaxNode, object: Expr, property: string): Expr {
  return { kind: 'member', span: ctx.span(node), object, property };
}

/** A method call rewritten as the call the rules name, or undefined. */
export function libraryCall(ctx: LowerContext, node: SyntaxNode, fn: SyntaxNode, argsNode: SyntaxNode | undefined, args: Expr[]): Expr | undefined {
  if (fn.type !== 'attribute') return undefined;
  const span = ctx.span(node);
  const method = fieldOf(fn, 'attribute');
  const object = fieldOf(fn, 'object');
  const methodName = method ? ctx.text(method) : '';
  if (!object) return undefined;
  const raw = argsNode ? namedChildren(argsNode) : [];
  // x.replace("'", '&apos;'): no quote of that kind is left, which the rules name `escape_quotes`.
  const [from, to] = raw;
  if (methodName === 'replace' && from && to && isPlainString(from) && isPlainString(to) && /^['"]$/.test(literalValue(ctx, from)) && !literalValue(ctx, to).includes(literalValue(ctx, from))) {
    return { kind: 'call', span, callee: member(ctx, fn, lowerExpr(ctx, object), 'escape_quotes'), args };
  }
  // 'a {}'.format(x), sep.join(items): the parts end up in one string.
  if ((methodName === 'format' || methodName === 'join') && (object.type === 'string' || object.type === 'concatenated_string')) {
    return { kind: 'concat', span, parts: [lowerExpr(ctx, object), ...args.flatMap((a) => (a.kind === 'object' ? a.entries.map((e) => e.value) : [a]))] };
  }
  // yaml.load(x, Loader=yaml.SafeLoader) is yaml.safe_load(x).
  if ((methodName === 'load' || methodName === 'load_all') && /(?:^|\.)yaml$/.test(dotted(ctx, object) ?? '')) {
    const loader = raw.find((a) => a.type === 'keyword_argument' && /^Loader\s*=/.test(ctx.text(a)));
    const chosen = loader ? fieldOf(loader, 'value') : raw.filter((a) => a.type !== 'keyword_argument')[1];
    if (chosen && /(?:^|\.)C?(?:Safe|Base)Loader$/.test(ctx.text(chosen))) return { kind: 'call', span, callee: member(ctx, fn, lowerExpr(ctx, object), `safe_${methodName}`), args };
  }
  // hashlib.new('md5') is hashlib.md5().
  if (methodName === 'new' && dotted(ctx, object) === 'hashlib' && raw[0]?.type === 'string') {
    const algo = stringValue(ctx, raw[0]).toLowerCase().replace(/[^a-z0-9_]/g, '');
    if (/^[a-z][a-z0-9_]*$/.test(algo)) return { kind: 'call', span, callee: member(ctx, fn, lowerExpr(ctx, object), algo), args: args.slice(1) };
  }
  const stored = configEntry(ctx, object, methodName, raw);
  if (stored) return stored;
  // p.read_text() on a pathlib path is pathlib.Path.read_text(p): the path is an argument the sinks check.
  if (PATH_METHODS.has(methodName) && isPath(ctx, object)) {
    const pathClass = member(ctx, fn, { kind: 'module', span: ctx.span(fn), module: 'pathlib' }, 'Path');
    return { kind: 'call', span, callee: member(ctx, fn, pathClass, methodName), args: [lowerExpr(ctx, object), ...args] };
  }
  return undefined;
}

const CONFIG_PARSERS = /^(?:configparser\.)?(?:Raw|Safe)?ConfigParser$/;

/**
 * conf.set('s', 'k', v) and conf.get('s', 'k') on a ConfigParser made here: a store by section and key, lowered as
 * the member `conf['s/k']`, so that another key's value is not what was stored under this one.
 */
function configEntry(ctx: LowerContext, object: SyntaxNode, method: string, raw: SyntaxNode[]): Expr | undefined {
  const made = object.type === 'identifier' ? ctx.scope?.defs.get(ctx.text(object)) : undefined;
  if (!made || made.type !== 'call' || !CONFIG_PARSERS.test(dotted(ctx, fieldOf(made, 'function') ?? made) ?? '')) return undefined;
  const positional = raw.filter((a) => a.type !== 'keyword_argument');
  const [section, key, value] = positional;
  if (!section || !key || !isPlainString(section) || !isPlainString(key)) return undefined;
  const entry: Expr = { kind: 'member', span: ctx.span(object), object: lowerExpr(ctx, object), property: `${literalValue(ctx, section)}/${literalValue(ctx, key)}` };
  if (method === 'set' && value && positional.length === 3) return { kind: 'assign', span: ctx.span(value), target: { kind: 'member', span: entry.span, object: entry.kind === 'member' ? entry.object : entry, property: entry.kind === 'member' ? entry.property : undefined }, value: lowerExpr(ctx, value) };
  if (method !== 'get' || positional.length !== 2) return undefined;
  const fallback = raw.find((a) => a.type === 'keyword_argument' && ctx.text(fieldOf(a, 'name') ?? a) === 'fallback');
  const otherwise = fallback ? fieldOf(fallback, 'value') : undefined;
  return otherwise ? { kind: 'union', span: ctx.span(object), parts: [entry, lowerExpr(ctx, otherwise)] } : entry;
}

/** make_response((body, headers)): Flask reads a tuple as (body, status or headers, headers), as separate arguments. */
function flaskResponseArgs(ctx: LowerContext, fn: SyntaxNode, raw: SyntaxNode[]): Expr[] | undefined {
  if (raw.length !== 1 || raw[0]!.type !== 'tuple' || !/(?:^|\.)make_response$/.test(dotted(ctx, fn) ?? '')) return undefined;
  return namedChildren(raw[0]!).map((item) => lowerExpr(ctx, item));
}

/**
 * minidom/pulldom/sax parse(x, parser) with a parser made here by xml.sax.make_parser() and never given
 * feature_external_ges/pes: expat then reads no external entity, so the parser argument is left out (the XXE
 * rule's sinks need one).
 */
function xmlParseArgs(ctx: LowerContext, fn: SyntaxNode, raw: SyntaxNode[]): Expr[] | undefined {
  const parser = raw[1];
  if (!parser || parser.type !== 'identifier' || !/^xml\.(?:dom\.(?:minidom|pulldom)|sax)\.(?:parseString|parse)$/.test(dotted(ctx, fn) ?? '')) return undefined;
  const made = ctx.scope?.defs.get(ctx.text(parser));
  if (!made || made.type !== 'call' || !/(?:^|\.)make_parser$/.test(dotted(ctx, fieldOf(made, 'function') ?? made) ?? '')) return undefined;
  if (ctx.scope?.entityParsers.has(ctx.text(parser))) return undefined;
  return [lowerExpr(ctx, raw[0]!), ...raw.slice(2).map((a) => lowerExpr(ctx, a))];
}

/** subprocess.run(['sh', '-c', cmd]): the argv runs a shell on one of its items, as `shell=True` does. */
function shellArgvArgs(ctx: LowerContext, fn: SyntaxNode, argsNode: SyntaxNode | undefined, raw: SyntaxNode[]): Expr[] | undefined {
  if (!/^subprocess\.(?:call|run|Popen|check_call|check_output)$/.test(dotted(ctx, fn) ?? '') || !runsShell(ctx, raw.find((a) => a.type !== 'keyword_argument'))) return undefined;
  const args = argumentsOf(ctx, argsNode);
  const shell = { key: 'shell', value: { kind: 'literal' as const, span: ctx.span(fn), value: true }, span: ctx.span(fn) };
  const keywords = args.at(-1);
  if (args.length > 1 && keywords?.kind === 'object') return [...args.slice(0, -1), { ...keywords, entries: [...keywords.entries.filter((e) => e.key !== 'shell'), shell] }];
  return [...args, { kind: 'object', span: ctx.span(fn), entries: [shell] }];
}

/** Arguments some calls take in a shape of their own, or undefined (the plain lowering). */
export function libraryArgs(ctx: LowerContext, fn: SyntaxNode, argsNode: SyntaxNode | undefined): Expr[] | undefined {
  const raw = argsNode ? namedChildren(argsNode) : [];
  return flaskResponseArgs(ctx, fn, raw) ?? xmlParseArgs(ctx, fn, raw) ?? shellArgvArgs(ctx, fn, argsNode, raw);
}

/** parser.setFeature(feature_external_ges, True): that parser resolves external entities. */
export function noteEntityFeature(ctx: LowerContext, fn: SyntaxNode, argsNode: SyntaxNode | undefined): void {
  const object = fn.type === 'attribute' ? fieldOf(fn, 'object') : undefined;
  const method = fn.type === 'attribute' ? fieldOf(fn, 'attribute') : undefined;
  const [feature, on] = argsNode ? namedChildren(argsNode) : [];
  if (!object || object.type !== 'identifier' || !method || ctx.text(method) !== 'setFeature' || !feature || !on) return;
  if (/external_(?:ges|pes)|external-(?:general|parameter)-entities/.test(ctx.text(feature)) && !/^(?:False|0|None)$/.test(ctx.text(on))) ctx.scope?.entityParsers.add(ctx.text(object));
}
