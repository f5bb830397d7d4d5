// The engine loads grammars from dist/grammars (the build copies them there): tests run from src, so copy
// them first when no build has.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const script = fileURLToPath(new URL('../scripts/copy-grammars.mjs', import.meta.url));
  if (!existsSync(fileURLToPath(new URL('../dist/grammars/tree-sitter-tsx.wasm', import.meta.url)))) execFileSync(process.execPath, [script]);
}
