import type { ModuleIR, Span } from '../../ir/types.js';
import type { SourceText, SyntaxNode } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { TEMPLATE_BASE } from '../template-base.js';
import { GRAMMAR_FOR } from '../grammar-for.js';

/** EJS's own helpers: not data handed in by render(). */
const HELPERS = new Set(['include', 'locals', 'escapeFn', 'rethrow']);

/**
 * EJS templates: `<%- x %>` prints x without escaping. The lowering keeps only those outputs, by the data name
 * they start with (`user` for `<%- user.name %>`, `name` for `<%- locals.name %>`); what reaches them comes from
 * the render() calls of the JavaScript code (a `render` sink of the rules), joined after both are analysed.
 */
function lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR {
  const rawOutputs: { name: string; span: Span }[] = [];
  for (const node of root.children) {
    if (node.type !== 'output_directive' || !source.slice(node).startsWith('<%-')) continue;
    const code = node.children.find((c) => c.type === 'code');
    if (!code) continue;
    const match = /^\s*(?:locals\.)?([A-Za-z_$][\w$]*)/.exec(source.slice(code));
    if (match && !HELPERS.has(match[1]!)) rawOutputs.push({ name: match[1]!, span: source.spanOf(node) });
  }
  return { file, language: 'ejs', body: [], functions: [], imports: [], exports: [], rawOutputs };
}

export const ejs: LanguageAdapter = {
  id: 'ejs',
  ...TEMPLATE_BASE,
  snippetFile: 'views/snippet.ejs',
  grammarFor: GRAMMAR_FOR.ejs,
  lower,
};
