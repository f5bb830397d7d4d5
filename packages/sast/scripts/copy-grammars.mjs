#!/usr/bin/env node
// Copies the grammars' published .wasm files (and web-tree-sitter's own) into dist/grammars/, so the package
// loads them from its own files at run time: no grammar package, no native build, no network. The grammar
// packages are devDependencies only: installed, they would run node-gyp-build for a binding we never load.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTICES_FILE, writeNotices } from '../../../scripts/build/third-party-notices.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'grammars');

/** [package, file in the package]: the one table to change when a grammar is added. */
const WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
  ['tree-sitter-php', 'tree-sitter-php.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
  ['tree-sitter-embedded-template', 'tree-sitter-embedded_template.wasm'],
];

/** Through the package's exports map where it has one (web-tree-sitter), else beside its package.json. */
function locate(pkg, file) {
  try {
    return require.resolve(`${pkg}/${file}`, { paths: [root] });
  } catch {
    return join(dirname(require.resolve(`${pkg}/package.json`, { paths: [root] })), file);
  }
}

await mkdir(out, { recursive: true });
const sources = WASM.map(([pkg, file]) => locate(pkg, file));
for (const [index, [, file]] of WASM.entries()) {
  await copyFile(sources[index], join(out, file));
}
// The grammars are third-party (MIT) code shipped as is: their license texts go with them.
await writeNotices({ output: join(out, NOTICES_FILE), title: '@pipewarden/sast, dist/grammars/', files: sources });
process.stdout.write(`copy-grammars: ${WASM.length} wasm files into dist/grammars\n`);
