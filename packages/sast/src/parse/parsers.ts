import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { GrammarError } from '../errors.js';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { grammarsDir, type GrammarFile } from '../grammars.js';
import { copyTree, type SyntaxNode } from './syntax.js';

async function readGrammar(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new GrammarError(`a grammar is missing or unreadable: ${file}`, file, { cause: error });
  }
}

/** Compiled grammars, shared by every Parsers of the thread: compiling a grammar's wasm costs more than parsing a project. */
const LANGUAGES = new Map<string, Promise<Language>>();
let runtime: Promise<void> | undefined;

/**
 * One Parser per grammar, made on first use. web-tree-sitter's runtime is initialised once per thread
 * (each worker has its own), from the wasm file in the grammars folder, never from the network.
 */
export class Parsers {
  private readonly dir: string;
  private readonly parsers = new Map<GrammarFile, Promise<Parser>>();

  /**
   * @param modules grammars compiled once by the main thread and handed to workers: a thread then instantiates
   * them instead of compiling 1 MB of wasm again (V8 shares the compiled code between threads).
   */
  constructor(
    dir: string = grammarsDir(),
    private readonly modules?: ReadonlyMap<string, WebAssembly.Module>,
  ) {
    this.dir = dir;
  }

  private runtime(): Promise<void> {
    const file = join(this.dir, 'web-tree-sitter.wasm');
    if (!existsSync(file)) return Promise.reject(new GrammarError(`the tree-sitter runtime is missing: ${file}`, file));
    runtime ??= Parser.init({ locateFile: (name: string) => join(this.dir, name.endsWith('.wasm') ? 'web-tree-sitter.wasm' : name) });
    return runtime;
  }

  private language(grammar: GrammarFile): Promise<Language> {
    const file = join(this.dir, grammar);
    let language = LANGUAGES.get(file);
    if (!language) {
      const compiled = this.modules?.get(grammar);
      // Bytes, not a path: Language.load would otherwise fetch() a URL-looking string.
      language = this.runtime().then(async () => (compiled ? Language.loadSync(compiled) : Language.load(new Uint8Array(await readGrammar(file)))));
      // A failed load is not kept (the files may be put back), and its rejection is observed here: a grammar
      // asked for ahead of use must not end the process as an unhandled rejection when nobody awaits it.
      language.catch(() => LANGUAGES.delete(file));
      LANGUAGES.set(file, language);
    }
    return language;
  }

  parser(grammar: GrammarFile): Promise<Parser> {
    let parser = this.parsers.get(grammar);
    if (!parser) {
      parser = this.language(grammar).then((language) => {
        const made = new Parser();
        made.setLanguage(language);
        return made;
      });
      parser.catch(() => this.parsers.delete(grammar));
      this.parsers.set(grammar, parser);
    }
    return parser;
  }

  /** Parses and copies the tree out of wasm memory, then frees it: the copy is what the run keeps. */
  async parse(grammar: GrammarFile, text: string): Promise<SyntaxNode> {
    const parser = await this.parser(grammar);
    const tree = parser.parse(text);
    if (!tree) throw new Error(`tree-sitter returned no tree (${grammar})`);
    try {
      return copyTree(tree);
    } finally {
      tree.delete();
    }
  }

  /** The grammars compiled, for workers (see the constructor). */
  static async compile(dir: string, grammars: Iterable<GrammarFile>): Promise<Map<string, WebAssembly.Module>> {
    const out = new Map<string, WebAssembly.Module>();
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
    for (const grammar of new Set(grammars)) out.set(grammar, await wasm.compile(await readGrammar(join(dir, grammar))));
    return out;
  }

  dispose(): void {
    // A parser that never loaded (missing grammars) has nothing to free, and its failure was already reported.
    for (const parser of this.parsers.values()) parser.then((p) => p.delete(), () => undefined);
    this.parsers.clear();
  }
}
