import { posix } from 'node:path';
import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import type { ModuleTarget } from '../types.js';
import { LowerContext } from './context.js';

/** import a, import a.b (binds `a`; the chain `a.b` names the module a.b), import a.b as c. */
export function lowerImport(ctx: LowerContext, node: SyntaxNode): void {
  for (const part of namedChildren(node)) {
    if (part.type === 'dotted_name') {
      const module = ctx.text(part).replace(/\s+/g, '');
      const segments = module.split('.');
      ctx.imports.push({ local: segments[0]!, module: segments[0]!, imported: '*' });
      for (let i = 2; i <= segments.length; i++) ctx.modules.set(segments.slice(0, i).join('.'), segments.slice(0, i).join('.'));
      if (segments[0] === 'fastapi') ctx.fastapi = true;
    } else if (part.type === 'aliased_import') {
      const name = fieldOf(part, 'name');
      const alias = fieldOf(part, 'alias');
      if (!name || !alias) continue;
      const module = ctx.text(name).replace(/\s+/g, '');
      ctx.imports.push({ local: ctx.text(alias), module, imported: '*' });
      if (module.split('.')[0] === 'fastapi') ctx.fastapi = true;
    }
  }
}

/** from m import a, from m import a as b, from . import x (a star import binds nothing the engine can name). */
export function lowerImportFrom(ctx: LowerContext, node: SyntaxNode): void {
  const moduleNode = fieldOf(node, 'module_name');
  if (!moduleNode) return;
  const module = ctx.text(moduleNode).replace(/\s+/g, '');
  if (module.split('.')[0] === 'fastapi' || module === 'starlette' || module.startsWith('starlette.')) ctx.fastapi = true;
  for (const part of node.children) {
    if (part.field !== 'name') continue;
    if (part.type === 'dotted_name') ctx.imports.push({ local: ctx.text(part), module, imported: ctx.text(part) });
    else if (part.type === 'aliased_import') {
      const name = fieldOf(part, 'name');
      const alias = fieldOf(part, 'alias');
      if (name && alias) ctx.imports.push({ local: ctx.text(alias), module, imported: ctx.text(name) });
    }
  }
}

/** Files of the scan by every suffix of their module path: `helpers/utils.py` is found as `helpers.utils` from anywhere. */
const INDEX = new WeakMap<ReadonlySet<string>, Map<string, string>>();

function indexOf(files: ReadonlySet<string>): Map<string, string> {
  let index = INDEX.get(files);
  if (index) return index;
  index = new Map();
  for (const file of files) {
    if (!file.endsWith('.py')) continue;
    const segments = file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/');
    for (let i = 0; i < segments.length; i++) {
      const key = segments.slice(i).join('/');
      const known = index.get(key);
      if (!known || known.length > file.length) index.set(key, file);
    }
  }
  INDEX.set(files, index);
  return index;
}

/** Relative imports from the importing file's package; absolute ones from the root, then by suffix; else a package. */
export function resolvePyModule(spec: string, from: string, files: ReadonlySet<string>): ModuleTarget {
  const dots = /^\.*/.exec(spec)![0].length;
  const rest = spec.slice(dots).split('.').filter(Boolean).join('/');
  if (dots > 0) {
    let dir = posix.dirname(from);
    for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
    const base = posix.normalize(rest ? posix.join(dir, rest) : dir);
    const found = [`${base}.py`, `${base}/__init__.py`].find((f) => files.has(f));
    return { file: found ?? `${base}.py` };
  }
  for (const candidate of [`${rest}.py`, `${rest}/__init__.py`, posix.join(posix.dirname(from), `${rest}.py`)]) if (files.has(candidate)) return { file: candidate };
  const bySuffix = indexOf(files).get(rest);
  if (bySuffix && rest.includes('/')) return { file: bySuffix };
  return { package: spec.split('.') };
}
