import type { Expr, ModuleIR, RawOutput, Span, Stmt } from '../../ir/types.js';
import { namedChildren, SourceText, type SyntaxNode } from '../../parse/syntax.js';
import { java } from '../java/adapter.js';
import { lowerMethod } from '../java/classes.js';
import { assignedNames, declaredNames } from '../java/constants.js';
import { JavaContext } from '../java/context.js';
import { lowerStatement } from '../java/statements.js';
import type { LanguageAdapter } from '../types.js';
import { elUses, type ElInput, type ElUse } from './el.js';
import { mask } from './mask.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

/** The page's implicit objects that carry the request and the output: the roles the Java rules know. */
const IMPLICIT_ROLES: [string, string][] = [
  ['request', '$req'],
  ['response', '$res'],
  ['out', '$out'],
];

/** `<%@ page import="java.util.List, java.sql.*" %>`: single-type imports qualify simple names as in a class. */
function pageImports(ctx: JavaContext, text: string): void {
  for (const m of text.matchAll(/<%@\s*page\b[^%]*?\bimport\s*=\s*"([^"]*)"/g)) {
    for (const name of m[1]!.split(',').map((s) => s.trim())) {
      if (name && !name.endsWith('*')) ctx.imported.set(name.split('.').pop()!, name);
    }
  }
}

function input(span: Span, use: ElInput): Expr {
  const callee: Expr = { kind: 'member', span, object: { kind: 'module', span, module: '$req' }, property: use.method };
  return { kind: 'call', span, callee, args: use.key === undefined ? [] : [{ kind: 'literal', span, value: use.key }] };
}

/** One EL as statements: printed (the call `_el`), or bound to a name by <c:set>/<c:forEach>. */
function elStatement(source: SourceText, use: ElUse): Stmt | undefined {
  const span = source.span(use.start, use.end);
  const parts: Expr[] = [...use.inputs.map((i) => input(span, i)), ...use.names.map((name): Expr => ({ kind: 'name', span, name }))];
  const value: Expr = parts.length === 1 ? parts[0]! : { kind: 'union', span, parts };
  if (use.role.kind === 'bind') return { kind: 'assign', span, target: { kind: 'name', span, name: use.role.name }, value };
  if (use.role.kind !== 'print' || !parts.length) return undefined;
  const callee: Expr = { kind: 'name', span: source.span(use.start, use.start + 2), name: '_el' };
  return { kind: 'expr', span, expr: { kind: 'call', span, callee, args: [value] } };
}

/**
 * Data a servlet hands over as request attributes and the page prints unescaped: `${name}`, `${requestScope.name}`,
 * `<%= request.getAttribute("name") %>`. Names the page binds itself are its own, not attributes.
 */
function attributeOutputs(source: SourceText, uses: readonly ElUse[], expressions: readonly { start: number; end: number }[]): RawOutput[] {
  const bound = new Set(uses.flatMap((u) => (u.role.kind === 'bind' ? [u.role.name] : [])));
  const out: RawOutput[] = [];
  for (const use of uses) {
    if (use.role.kind !== 'print') continue;
    const via = source.text.slice(use.start, use.end);
    for (const name of use.names) if (!bound.has(name)) out.push({ name, span: source.span(use.start, use.end), via });
  }
  for (const e of expressions) {
    const text = source.text.slice(e.start, e.end);
    const m = /^<%=\s*request\s*\.\s*getAttribute\s*\(\s*"([^"]+)"\s*\)\s*%>$/.exec(text);
    if (m) out.push({ name: m[1]!, span: source.span(e.start, e.end), via: text });
  }
  return out;
}

/**
 * The page as one handler: its scriptlets' statements and its EL outputs in page order, with `request`, `response`
 * and `out` as the servlet's own. `<%! %>` methods are functions of the page.
 */
function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  // The Java lowering reads names from the masked page (`_o` for `<%=`); offsets are the same in both texts.
  const { java: masked, parts } = mask(source.text);
  const ctx = new JavaContext(new SourceText(masked), file);
  pageImports(ctx, source.text);
  for (const [name, role] of IMPLICIT_ROLES) ctx.fieldRoles.set(name, role);
  ctx.method = { locals: declaredNames(ctx, root), types: new Map(), constants: new Map(), reassigned: assignedNames(ctx, root), collections: new Map(), depth: 0 };
  const placed: { at: number; stmts: Stmt[] }[] = [];
  for (const child of namedChildren(root)) {
    if (child.type === 'method_declaration') placed.push({ at: child.start, stmts: [{ kind: 'function', span: ctx.span(child), fn: lowerMethod(ctx, child, undefined) }] });
    else placed.push({ at: child.start, stmts: lowerStatement(ctx, child) });
  }
  const uses = elUses(source.text, parts);
  for (const use of uses) {
    const stmt = elStatement(source, use);
    if (stmt) placed.push({ at: use.start, stmts: [stmt] });
  }
  const body = placed.sort((a, b) => a.at - b.at).flatMap((p) => p.stmts);
  const expressions = parts.filter((p) => source.text.startsWith('<%=', p.start));
  return { file, language: 'java', body, functions: ctx.functions, imports: ctx.imports, exports: [], rawOutputs: attributeOutputs(source, uses, expressions) };
}

/**
 * JSPs: the page's Java (scriptlets, `<%= %>`, declarations) is parsed by the Java grammar from a masked copy of the
 * page and checked by the Java rules; its EL in template text is read directly. The page is also a template: what a
 * servlet sets as request attributes reaches the `${name}` outputs (a `render: attribute` sink of the rules).
 */
export const jsp: LanguageAdapter = {
  ...java,
  snippetFile: 'src/main/webapp/snippet.jsp',
  grammarFor: GRAMMAR_FOR.jsp,
  preprocess: (text: string) => mask(text).java,
  lower,
};
