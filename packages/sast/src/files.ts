// @pipewarden/sast/files: which files the engine reads, where its grammars are and its version, without loading
// the engine (its tree-sitter loader, languages and rules are most of a command's start-up): a caller that only
// plans a scan imports this, and the engine itself when it runs.
export { readsFile } from './lang/grammar-for.js';
export { grammarsDir, GRAMMAR_FILES, missingGrammars, type GrammarFile } from './grammars.js';
export { VERSION } from './version.js';
