import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import type { LowerContext } from './context.js';

// A local list filled and emptied in straight-line code (`lst = []`, `lst.append(x)`, `lst.pop(0)`) is followed item
// by item, so that `lst[1]` that is a constant reads as that constant rather than as any item of the list. Only
// lists used in these ways are followed: any other use of the name, or a change in a nested branch or loop, stops it.

/** What lowering knows of a local list: each item's constant string (undefined: not a constant). */
export interface KnownList {
  items: (string | undefined)[];
  /** The branch depth it was made at: a change deeper down may not have run. */
  depth: number;
}

function plainString(ctx: LowerContext, node: SyntaxNode): string | undefined {
  if (node.type !== 'string' || node.children.some((c) => c.type === 'interpolation')) return undefined;
  return node.children.filter((c) => c.type === 'string_content').map((c) => ctx.text(c)).join('');
}

function constantIndex(ctx: LowerContext, node: SyntaxNode | undefined): number | undefined {
  if (!node) return undefined;
  const text = ctx.text(node).replace(/\s+/g, '');
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** `name = [...]`: a new list of known length (other right sides make the name no known list). */
export function assignList(ctx: LowerContext, target: SyntaxNode, value: SyntaxNode | undefined): void {
  const scope = ctx.scope;
  if (!scope || target.type !== 'identifier') return;
  const name = ctx.text(target);
  if (value?.type === 'list') scope.lists.set(name, { items: namedChildren(value).map((item) => plainString(ctx, item)), depth: scope.depth });
  else scope.lists.delete(name);
}

/**
 * `lst.append(x)`, `lst.insert(i, x)`, `lst.pop(i)` as a statement on a followed list: the list changed as
 * written, true. Another method, or a change deeper than the list was made, forgets it (false).
 */
export function listStatement(ctx: LowerContext, node: SyntaxNode): boolean {
  const scope = ctx.scope;
  if (!scope || node.type !== 'call') return false;
  const fn = fieldOf(node, 'function');
  const object = fn?.type === 'attribute' ? fieldOf(fn, 'object') : undefined;
  const list = object?.type === 'identifier' ? scope.lists.get(ctx.text(object)) : undefined;
  if (!fn || !object || !list) return false;
  const method = ctx.text(fieldOf(fn, 'attribute') ?? fn);
  const args = namedChildren(fieldOf(node, 'arguments') ?? node);
  const forget = () => {
    scope.lists.delete(ctx.text(object));
    return false;
  };
  if (scope.depth !== list.depth) return forget();
  const at = (i: number | undefined) => (i === undefined ? undefined : i < 0 ? list.items.length + i : i);
  if (method === 'append' && args.length === 1) list.items.push(plainString(ctx, args[0]!));
  else if (method === 'insert' && args.length === 2 && at(constantIndex(ctx, args[0])) !== undefined) list.items.splice(Math.max(0, at(constantIndex(ctx, args[0]))!), 0, plainString(ctx, args[1]!));
  else if (method === 'pop' && args.length <= 1 && list.items.length) {
    const i = args.length ? at(constantIndex(ctx, args[0])) : list.items.length - 1;
    if (i === undefined || i < 0 || i >= list.items.length) return forget();
    list.items.splice(i, 1);
  } else return forget();
  // The call is still lowered (append stores its argument in the list for the engine).
  return true;
}

/** `lst[i]` of a followed list whose item i is a constant: that constant. */
export function listItem(ctx: LowerContext, node: SyntaxNode): string | undefined {
  const value = fieldOf(node, 'value');
  const list = value?.type === 'identifier' ? ctx.scope?.lists.get(ctx.text(value)) : undefined;
  const i = constantIndex(ctx, fieldOf(node, 'subscript'));
  if (!list || i === undefined) return undefined;
  return list.items[i < 0 ? list.items.length + i : i];
}

/** Any other use of a followed list's name (passed on, aliased, iterated, deleted from): it is no longer followed. */
export function releaseList(ctx: LowerContext, name: string): void {
  ctx.scope?.lists.delete(name);
}

const SHELLS = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|dash|zsh|ksh|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh)$/i;

/** What an argv list may hold, over every branch: a shell program and its "run this string" flag (-c, /c). */
export interface ArgvShape {
  shell: boolean;
  flag: boolean;
}

function noteArgvItem(shape: ArgvShape, value: string | undefined): void {
  if (value === undefined) return;
  if (SHELLS.test(value)) shape.shell = true;
  if (/^(?:-c|\/c|-Command)$/i.test(value)) shape.flag = true;
}

/** `argv = [...]` starts a new shape; `argv.append('sh')`, `argv.insert(0, '-c')` in any branch add to it. */
export function noteArgv(ctx: LowerContext, target: SyntaxNode, value: SyntaxNode | undefined): void {
  const scope = ctx.scope;
  if (!scope || target.type !== 'identifier') return;
  if (value?.type !== 'list') {
    scope.argv.delete(ctx.text(target));
    return;
  }
  const shape = { shell: false, flag: false };
  for (const item of namedChildren(value)) noteArgvItem(shape, plainString(ctx, item));
  scope.argv.set(ctx.text(target), shape);
}

export function noteArgvCall(ctx: LowerContext, node: SyntaxNode): void {
  const fn = node.type === 'call' ? fieldOf(node, 'function') : undefined;
  const object = fn?.type === 'attribute' ? fieldOf(fn, 'object') : undefined;
  const shape = object?.type === 'identifier' ? ctx.scope?.argv.get(ctx.text(object)) : undefined;
  if (!fn || !shape) return;
  const method = ctx.text(fieldOf(fn, 'attribute') ?? fn);
  const args = namedChildren(fieldOf(node, 'arguments') ?? node);
  if (method === 'append' || method === 'extend' || method === 'insert') for (const arg of args) noteArgvItem(shape, plainString(ctx, arg));
}

/** An argv that may run a shell on one of its items (['sh', '-c', cmd]): the call runs a shell command. */
export function runsShell(ctx: LowerContext, argv: SyntaxNode | undefined): boolean {
  if (!argv) return false;
  if (argv.type === 'list') {
    const shape = { shell: false, flag: false };
    for (const item of namedChildren(argv)) noteArgvItem(shape, plainString(ctx, item));
    return shape.shell && shape.flag;
  }
  const shape = argv.type === 'identifier' ? ctx.scope?.argv.get(ctx.text(argv)) : undefined;
  return shape !== undefined && shape.shell && shape.flag;
}
