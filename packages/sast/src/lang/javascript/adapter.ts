import type { ModuleIR } from '../../ir/types.js';
import type { SourceText, SyntaxNode } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { LowerContext } from './context.js';
import { resolveJsModule } from './modules.js';
import { lowerBlock } from './statements.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  const ctx = new LowerContext(source, file);
  const body = lowerBlock(ctx, root);
  return { file, language: 'javascript', body, functions: ctx.functions, imports: ctx.imports, exports: ctx.exports };
}

/** JavaScript and TypeScript (JSX, TSX, CommonJS and ESM): one adapter, the rules say `language: javascript`. */
export const javascript: LanguageAdapter = {
  id: 'javascript',
  // TypeScript's grammar reads plain JavaScript too, and snippets may carry type annotations.
  snippetFile: 'snippet.ts',
  grammarFor: GRAMMAR_FOR.javascript,
  lower,
  resolveModule: resolveJsModule,
  mutators: new Set(['push', 'unshift', 'splice', 'set', 'append', 'add', 'fill', 'write']),
  elementCallbacks: new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'reduce', 'then', 'sort', 'each']),
  stringMethods: new Set([
    'toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'substring', 'substr', 'slice',
    'padStart', 'padEnd', 'repeat', 'replace', 'replaceAll', 'concat', 'join', 'normalize', 'charAt', 'at', 'toFixed', 'stringify',
  ]),
  cleanMembers: new Set(['length', 'size', 'byteLength']),
  lookups: /^(?:get|has|find\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*)$/,
};
