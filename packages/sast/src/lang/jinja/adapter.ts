import type { ModuleIR } from '../../ir/types.js';
import type { SourceText } from '../../parse/syntax.js';
import type { LanguageAdapter } from '../types.js';
import { TEMPLATE_BASE } from '../template-base.js';
import { rawOutputs, type Dialect } from './lexer.js';
import { GRAMMAR_FOR, TWIG } from '../grammar-for.js';


/**
 * Whether the framework escapes a template's outputs by its name. Flask turns Jinja2's autoescape on for .html,
 * .htm, .xml, .xhtml and .svg only (Jinja2's own Environment() leaves it off); Twig escapes every template but
 * `*.txt.twig` (its default "name" strategy: js and css files get their own escaping, which counts as escaped).
 */
function dialectOf(file: string): Dialect {
  if (TWIG.test(file)) return { raw: 'raw', autoescape: !/\.txt\.twig$/i.test(file) };
  return { raw: 'safe', autoescape: /\.(?:html?|xml|xhtml|svg)$/i.test(file) };
}

function lex(source: SourceText, file: string): ModuleIR {
  return { file, language: 'jinja', body: [], functions: [], imports: [], exports: [], rawOutputs: rawOutputs(source, dialectOf(file)) };
}

/**
 * Jinja2 (Flask) and Twig (Symfony) templates: no grammar, the tags are lexed. What reaches their outputs comes
 * from the render calls of the code's rules (render_template('page.html', name=…), $this->render('page.html.twig',
 * ['name' => …])), joined after both are analysed.
 */
export const jinja: LanguageAdapter = {
  id: 'jinja',
  ...TEMPLATE_BASE,
  snippetFile: 'templates/snippet.html',
  grammarFor: GRAMMAR_FOR.jinja,
  lower: (_root, source, file) => lex(source, file),
  lex,
};
