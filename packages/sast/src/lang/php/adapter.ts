import type { ModuleIR } from '../../ir/types.js';
import { fieldOf, type SyntaxNode, type SourceText } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { LowerContext } from './context.js';
import { lowerBlock } from './statements.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

/** One walk before lowering: the HTML outside `<?php ?>` (for output contexts), the classes' methods and constructors. */
function survey(ctx: LowerContext, node: SyntaxNode, className?: string): void {
  if (node.type === 'text') ctx.html.push({ start: node.start, text: ctx.text(node) });
  let cls = className;
  if (node.type === 'class_declaration' || node.type === 'trait_declaration') {
    const name = fieldOf(node, 'name');
    cls = name ? ctx.text(name) : undefined;
  }
  if (node.type === 'method_declaration') {
    const name = fieldOf(node, 'name');
    const method = name ? ctx.text(name) : '';
    if (method.toLowerCase() === '__construct') {
      if (cls) ctx.constructors.add(cls);
    } else if (method) ctx.methods.add(method);
  }
  for (const child of node.children) survey(ctx, child, cls);
}

function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  const ctx = new LowerContext(source, file);
  survey(ctx, root);
  const body = lowerBlock(ctx, root);
  return { file, language: 'php', body, functions: ctx.functions, imports: [], exports: [] };
}

/**
 * PHP (with HTML around it: text outside `<?php ?>` is output). Superglobals are plain names (`_GET`), output is a
 * call of `echo` (or `echo:<context>` where HTML encoding does not protect: script, style, unquoted attributes),
 * include/require are calls of `include`, `require`, …; src/rules/php/ holds the models and rules.
 */
export const php: LanguageAdapter = {
  id: 'php',
  snippetFile: 'snippet.php',
  grammarFor: GRAMMAR_FOR.php,
  lower,
  // include/require of other files are not followed (no summaries across PHP files yet).
  resolveModule: (spec) => ({ package: [spec] }),
  mutators: new Set(['append', 'add', 'push', 'set', 'offsetSet', 'attach']),
  elementCallbacks: new Set(),
  stringMethods: new Set(['toString', '__toString', 'getContent', 'trim', 'lower', 'upper']),
  cleanMembers: new Set(['length', 'num_rows', 'affected_rows', 'insert_id', 'size']),
  lookups: /^(?:get\w*|has|find\w*|lookup\w*|fetch\w*|load\w*|read\w*|select\w*|count\w*|exists\w*|query\w*|first|where\w*)$/,
};
