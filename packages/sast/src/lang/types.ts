import type { GrammarFile } from '../grammars.js';
import type { ModuleIR } from '../ir/types.js';
import type { SourceText, SyntaxNode } from '../parse/syntax.js';

/** Where an import points: a file of this scan (relative to the root, POSIX), or a package by its name's segments. */
export type ModuleTarget = { file: string } | { package: string[] };

/**
 * What a language brings to the engine. Everything language-specific lives behind this: the engine reads
 * only the IR (src/ir/types.ts) and the rules' patterns. To add a language:
 * - src/lang/<id>/adapter.ts exports a LanguageAdapter and is listed in src/lang/registry.ts;
 * - its lowering turns tree-sitter nodes into IR: functions (with route handlers' request parameters marked
 *   by `ref` or `source`), calls, member access, string building as `concat`, assignments and destructuring
 *   as patterns, returns, branches, loops, imports and exports;
 * - src/rules/<id>/models.yaml names the frameworks' request objects and globals as source patterns (and library calls that sanitise or pass data on), and
 *   src/rules/<id>/<class>.yaml one rule per class, each listed in src/rules/builtin.ts.
 */
export interface LanguageAdapter {
  /** The `language` of the rules this adapter's files are checked with. */
  readonly id: string;
  /**
   * 'template': its files have no rules of their own; they list the data names they print unescaped
   * (ModuleIR.rawOutputs), and render() sinks of the code's rules reach them. Default 'code'.
   */
  readonly kind?: 'code' | 'template';
  /** The file name a rule's test snippet is analysed as, when the snippet does not name one: 'snippet.ts'. */
  readonly snippetFile: string;
  /** The grammar that parses this file, 'lexed' when `lex` reads it without one, undefined when the file is not this language's. */
  grammarFor(file: string): GrammarFile | 'lexed' | undefined;
  /** The copied syntax tree lowered into the engine's form. */
  lower(root: SyntaxNode, source: SourceText, file: string): ModuleIR;
  /** A template language without a grammar: its text read directly into the engine's form. */
  lex?(source: SourceText, file: string): ModuleIR;
  /**
   * The text the grammar parses, when the file is another language around this one's code (a JSP around Java): of
   * the same length and lines, so that every offset, line and column still points into the file as written.
   */
  preprocess?(text: string): string;
  /** Where a module name written in `from` points, given every file of the scan. */
  resolveModule(spec: string, from: string, files: ReadonlySet<string>): ModuleTarget;
  /** Methods that store their arguments in their receiver: arr.push(x), sb.append(x), list.add(x). */
  readonly mutators: ReadonlySet<string>;
  /** Methods that hand their receiver's elements (or a promise's value) to their callback: map, forEach, then. */
  readonly elementCallbacks: ReadonlySet<string>;
  /** Methods whose result is a string made from their receiver (it is no longer an object: no operator injection). */
  readonly stringMethods: ReadonlySet<string>;
  /** Members whose value carries no data of the object: length, size. */
  readonly cleanMembers: ReadonlySet<string>;
  /**
   * Methods that look data up by their arguments (map.get(key), Model.findAll(query)): on a receiver that is
   * not itself tainted, their result is stored data, not the key passed in.
   */
  readonly lookups: RegExp;
}
