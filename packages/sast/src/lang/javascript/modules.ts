import { posix } from 'node:path';
import type { Expr, Stmt } from '../../ir/types.js';
import { fieldOf, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import type { ModuleTarget } from '../types.js';
import { LowerContext, stringValue } from './context.js';
import { lowerStatement, lowerValue } from './statements.js';

/** import x from 'm'; import * as ns from 'm'; import { a as b } from 'm' (type-only imports carry no data). */
export function lowerImport(ctx: LowerContext, node: SyntaxNode): void {
  const source = fieldOf(node, 'source');
  if (!source) return;
  const module = stringValue(ctx, source);
  const clause = node.children.find((c) => c.type === 'import_clause');
  if (!clause || /^import\s+type\b/.test(ctx.text(node))) return;
  for (const part of namedChildren(clause)) {
    if (part.type === 'identifier') ctx.imports.push({ local: ctx.text(part), module, imported: 'default' });
    else if (part.type === 'namespace_import') {
      const local = namedChildren(part)[0];
      if (local) ctx.imports.push({ local: ctx.text(local), module, imported: '*' });
    } else if (part.type === 'named_imports') {
      for (const spec of namedChildren(part)) {
        const name = fieldOf(spec, 'name');
        const alias = fieldOf(spec, 'alias');
        if (name) ctx.imports.push({ local: ctx.text(alias ?? name), module, imported: ctx.text(name) });
      }
    }
  }
}

function declaredNames(stmts: Stmt[]): string[] {
  return stmts.flatMap((s) => {
    if (s.kind === 'function') return s.fn.name ? [s.fn.name] : [];
    if (s.kind === 'class') return s.name ? [s.name] : [];
    if (s.kind === 'assign' && s.target.kind === 'name') return [s.target.name];
    return [];
  });
}

/** export declarations, export default, export { a as b }. Re-exports from other modules are not followed. */
export function lowerExport(ctx: LowerContext, node: SyntaxNode): Stmt[] {
  const isDefault = node.children.some((c) => c.type === 'default');
  const declaration = fieldOf(node, 'declaration');
  if (declaration) {
    const stmts = lowerStatement(ctx, declaration);
    for (const name of declaredNames(stmts)) ctx.exports.push({ name: isDefault ? 'default' : name, local: name });
    return stmts;
  }
  const value = fieldOf(node, 'value');
  if (value) {
    const lowered = lowerValue(ctx, value, 'default');
    if (lowered.kind === 'function') ctx.exports.push({ name: 'default', fn: lowered.fn.id });
    else if (lowered.kind === 'name') ctx.exports.push({ name: 'default', local: lowered.name });
    return [{ kind: 'expr', span: ctx.span(node), expr: lowered }];
  }
  const clause = node.children.find((c) => c.type === 'export_clause');
  if (clause && !fieldOf(node, 'source')) {
    for (const spec of namedChildren(clause)) {
      const name = fieldOf(spec, 'name');
      const alias = fieldOf(spec, 'alias');
      if (name) ctx.exports.push({ name: ctx.text(alias ?? name), local: ctx.text(name) });
    }
  }
  return [];
}

function exportOf(ctx: LowerContext, name: string, value: Expr): void {
  if (value.kind === 'function') ctx.exports.push({ name, fn: value.fn.id });
  else if (value.kind === 'name') ctx.exports.push({ name, local: value.name });
}

/** module.exports = …, module.exports.f = …, exports.f = … (CommonJS). */
export function commonJsExport(ctx: LowerContext, left: SyntaxNode, value: Expr): void {
  const target = ctx.text(left).replace(/\s+/g, '');
  if (target === 'module.exports') {
    if (value.kind !== 'object') return exportOf(ctx, 'default', value);
    for (const entry of value.entries) if (entry.key) exportOf(ctx, entry.key, entry.value);
    return;
  }
  const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (named) exportOf(ctx, named[1]!, value);
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** Relative specifiers to a file of the scan (TypeScript's `./x.js` meaning `./x.ts` too), else the package. */
export function resolveJsModule(spec: string, from: string, files: ReadonlySet<string>): ModuleTarget {
  if (!spec.startsWith('.')) {
    const name = spec.replace(/^node:/, '');
    const parts = name.split('/');
    return { package: name.startsWith('@') ? [parts.slice(0, 2).join('/'), ...parts.slice(2)] : parts };
  }
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  const candidates = [base, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  const found = candidates.find((candidate) => files.has(candidate));
  return { file: found ?? base };
}
