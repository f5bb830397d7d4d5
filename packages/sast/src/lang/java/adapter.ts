import type { ModuleIR, Stmt } from '../../ir/types.js';
import { namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import type { SourceText } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { collectClasses, lowerClass } from './classes.js';
import { JavaContext } from './context.js';
import { resolveJavaModule } from './modules.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

/** import a.b.C; import static a.b.C.m; (wildcards name no binding). */
function lowerImport(ctx: JavaContext, node: SyntaxNode): void {
  const text = ctx.text(node).replace(/^import\s+/, '').replace(/;\s*$/, '').trim();
  if (text.endsWith('*')) return;
  const isStatic = text.startsWith('static ');
  const name = text.replace(/^static\s+/, '').replace(/\s+/g, '');
  const local = name.split('.').pop()!;
  if (isStatic) {
    ctx.imports.push({ local, module: name.split('.').slice(0, -1).join('.'), imported: local });
    return;
  }
  ctx.imported.set(local, name);
  ctx.imports.push({ local, module: name, imported: '*' });
}

function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  const ctx = new JavaContext(source, file);
  collectClasses(ctx, root);
  const body: Stmt[] = [];
  for (const child of namedChildren(root)) {
    if (child.type === 'import_declaration') lowerImport(ctx, child);
    else if (child.type === 'package_declaration') ctx.pkg = ctx.text(child).replace(/^package\s+|;\s*$/g, '').trim();
    else if (/_declaration$/.test(child.type)) body.push(...lowerClass(ctx, child, true));
  }
  return { file, language: 'java', body, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}

/** Java: Servlets and Spring MVC. The rules say `language: java`. */
export const java: LanguageAdapter = {
  id: 'java',
  snippetFile: 'Snippet.java',
  grammarFor: GRAMMAR_FOR.java,
  lower,
  resolveModule: resolveJavaModule,
  mutators: new Set(['add', 'addAll', 'put', 'putAll', 'append', 'insert', 'push', 'offer', 'addElement', 'set', 'setProperty', 'write', 'print', 'println', 'addFirst', 'addLast']),
  elementCallbacks: new Set(['forEach', 'map', 'filter', 'flatMap', 'ifPresent', 'thenApply', 'thenAccept', 'computeIfAbsent']),
  stringMethods: new Set([
    'toString', 'toLowerCase', 'toUpperCase', 'trim', 'strip', 'stripLeading', 'stripTrailing', 'substring', 'subSequence', 'replace', 'replaceAll',
    'replaceFirst', 'concat', 'intern', 'repeat', 'formatted', 'valueOf', 'join', 'getBytes', 'toCharArray', 'split', 'charAt', 'chars', 'translateEscapes',
  ]),
  cleanMembers: new Set(['length', 'size']),
  lookups: /^(?:get|getOrDefault|find\w*|lookup\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|contains\w*)$/,
};
