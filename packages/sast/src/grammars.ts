import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits one folder below the package root both as src/grammars.ts and bundled into dist/*.js, so
// one relative URL finds dist/grammars/ from the sources (tests) and from the build alike.
const DEFAULT_DIR = new URL('../dist/grammars/', import.meta.url);

/**
 * The folder holding the grammars' .wasm files (and web-tree-sitter's own): what a bundle (the GitHub
 * Action) copies next to itself, then passes back as `grammarsDir` to `analyzeFiles`.
 */
export function grammarsDir(): string {
  return fileURLToPath(DEFAULT_DIR);
}

/** The .wasm files a bundle must ship, by file name. */
export const GRAMMAR_FILES = [
  'web-tree-sitter.wasm',
  'tree-sitter-javascript.wasm',
  'tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm',
  'tree-sitter-python.wasm',
  'tree-sitter-php.wasm',
  'tree-sitter-java.wasm',
  'tree-sitter-embedded_template.wasm',
] as const;

export type GrammarFile = (typeof GRAMMAR_FILES)[number];

/** The .wasm files missing from a grammars folder (none: the engine can run from it). */
export function missingGrammars(dir: string = grammarsDir()): string[] {
  return GRAMMAR_FILES.filter((file) => !existsSync(join(dir, file)));
}
