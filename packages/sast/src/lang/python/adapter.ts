import type { ModuleIR } from '../../ir/types.js';
import type { SourceText, SyntaxNode } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { LowerContext } from './context.js';
import { resolvePyModule } from './modules.js';
import { lowerBlock } from './statements.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

/** Imports come first, wherever they are written (inside functions too): module chains are known before use. */
function prescan(ctx: LowerContext, node: SyntaxNode): void {
  for (const child of node.children) {
    if (child.type === 'import_statement') {
      for (const part of child.children) {
        if (part.type !== 'dotted_name') continue;
        const segments = ctx.text(part).replace(/\s+/g, '').split('.');
        for (let i = 2; i <= segments.length; i++) ctx.modules.set(segments.slice(0, i).join('.'), segments.slice(0, i).join('.'));
        if (segments[0] === 'fastapi') ctx.fastapi = true;
      }
    } else if (child.type === 'import_from_statement') {
      if (/^from\s+(?:fastapi|starlette)\b/.test(ctx.text(child))) ctx.fastapi = true;
    } else if (child.named && child.children.length) prescan(ctx, child);
  }
}

function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  const ctx = new LowerContext(source, file);
  prescan(ctx, root);
  const body = lowerBlock(ctx, root);
  return { file, language: 'python', body, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}

/** Python: Flask, Django, FastAPI route handlers; the rules say `language: python`. */
export const python: LanguageAdapter = {
  id: 'python',
  snippetFile: 'snippet.py',
  grammarFor: GRAMMAR_FOR.python,
  lower,
  resolveModule: resolvePyModule,
  mutators: new Set(['append', 'extend', 'insert', 'add', 'update', 'setdefault', 'appendleft', 'write', 'writelines', 'put']),
  // `map` is how comprehensions are lowered (Python lists have no map method).
  elementCallbacks: new Set(['map']),
  stringMethods: new Set([
    'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'title', 'capitalize', 'casefold', 'swapcase', 'replace', 'format', 'format_map', 'join', 'split', 'rsplit',
    'splitlines', 'partition', 'rpartition', 'center', 'ljust', 'rjust', 'zfill', 'expandtabs', 'removeprefix', 'removesuffix', 'encode', 'decode', 'translate',
  ]),
  cleanMembers: new Set(['__len__', 'size', 'status_code', 'method']),
  lookups: /^(?:get|has_key|find\w*|filter\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|all|first|one)$/,
};
