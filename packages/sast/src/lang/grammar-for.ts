import type { GrammarFile } from '../grammars.js';

// Which grammar reads a file, per language, apart from the adapters: asking which files the engine reads (a
// scanner's file selection, a review's "is this code") then loads none of the engine, its grammars' loader nor
// its rules. Each adapter's grammarFor is its entry here.

type GrammarFor = (file: string) => GrammarFile | 'lexed' | undefined;

/** Jinja2 and Twig: Twig by its extension; Jinja2 by its own extensions, or any page under a templates/ folder. */
export const TWIG = /\.twig$/i;
const JINJA = /\.(?:j2|jinja2?)$/i;
const IN_TEMPLATES = /(?:^|\/)templates\/(?:.*\/)?[^/]+\.(?:html?|xml|xhtml|svg|txt)$/i;

export const GRAMMAR_FOR = {
  javascript(file) {
    if (/\.(?:tsx)$/i.test(file)) return 'tree-sitter-tsx.wasm';
    if (/\.(?:ts|mts|cts)$/i.test(file)) return /\.d\.[cm]?ts$/i.test(file) ? undefined : 'tree-sitter-typescript.wasm';
    // JSX is part of the JavaScript grammar.
    if (/\.(?:js|jsx|mjs|cjs)$/i.test(file)) return 'tree-sitter-javascript.wasm';
    return undefined;
  },
  ejs: (file) => (/\.ejs$/i.test(file) ? 'tree-sitter-embedded_template.wasm' : undefined),
  java: (file) => (/\.java$/i.test(file) ? 'tree-sitter-java.wasm' : undefined),
  jsp: (file) => (/\.jspf?$/i.test(file) ? 'tree-sitter-java.wasm' : undefined),
  php: (file) => (/\.(?:php|phtml|php[3-8]|inc)$/i.test(file) ? 'tree-sitter-php.wasm' : undefined),
  python: (file) => (/\.(?:py|pyw)$/i.test(file) ? 'tree-sitter-python.wasm' : undefined),
  jinja: (file) => (TWIG.test(file) || JINJA.test(file) || IN_TEMPLATES.test(file) ? 'lexed' : undefined),
} satisfies Record<string, GrammarFor>;

/** Whether some language of the engine reads this file (what adapterFor answers, without loading the adapters). */
export function readsFile(file: string): boolean {
  for (const grammarFor of Object.values(GRAMMAR_FOR) as GrammarFor[]) if (grammarFor(file) !== undefined) return true;
  return false;
}
