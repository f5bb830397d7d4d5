import type { CommentStyle } from './literals.js';

export type Language = 'js' | 'py' | 'php' | 'java' | 'cs' | 'go' | 'ruby' | 'hcl' | 'yaml' | 'properties' | 'ini' | 'env' | 'shell' | 'json' | 'xml';

/** How a file writes assignments and comments: what the detector needs to know of its language. */
export interface Syntax {
  language: Language;
  comments: CommentStyle;
  /** Values may be written without quotes (YAML, .env, .properties, INI, shell). */
  bare: boolean;
  /** Source code: a literal must end its expression (`'a' + b` is not a literal value) and types may sit before "=". */
  code: boolean;
}

const BY_EXTENSION: Readonly<Record<string, Syntax>> = (() => {
  const code = (language: Language, comments: CommentStyle): Syntax => ({ language, comments, bare: false, code: true });
  const config = (language: Language, comments: CommentStyle, bare: boolean): Syntax => ({ language, comments, bare, code: false });
  const table: Record<string, Syntax> = {};
  const add = (extensions: string, syntax: Syntax) => {
    for (const extension of extensions.split(' ')) table[extension] = syntax;
  };
  add('js cjs mjs jsx ts tsx mts cts vue svelte', code('js', 'c'));
  add('py', code('py', 'hash'));
  add('php', code('php', 'both'));
  add('java kt kts scala groovy gradle', code('java', 'c'));
  add('cs', code('cs', 'c'));
  add('go', code('go', 'c'));
  add('rb', code('ruby', 'hash'));
  add('tf tfvars hcl', config('hcl', 'both', false));
  add('yml yaml', config('yaml', 'hash', true));
  add('properties', config('properties', 'hash', true));
  add('ini cfg conf toml', config('ini', 'hash', true));
  add('env', config('env', 'hash', true));
  add('sh bash zsh', config('shell', 'hash', true));
  add('json', config('json', 'none', false));
  add('xml config', config('xml', 'none', false));
  return table;
})();

// Files that document a configuration rather than hold one: their values are examples.
const EXAMPLE_FILE = /[._-](?:example|sample|template|tmpl)(?:\.[^/]*)?$/i;

/** The syntax of a file by its name, or undefined when the detector does not read such files. */
export function syntaxOf(path: string): Syntax | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  // Type declarations describe values, they hold none (their examples are comments).
  if (EXAMPLE_FILE.test(name) || /\.d\.[cm]?ts$/.test(name)) return undefined;
  // .env, .env.local, .env.production: dotenv files by name.
  if (/^\.env(?:\.[\w-]+)?$/.test(name)) return BY_EXTENSION.env;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}
