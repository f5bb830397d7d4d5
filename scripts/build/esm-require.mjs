// An ESM bundle with CommonJS inside: esbuild leaves that code's require() of Node's modules to a `require` in
// scope, which ESM does not have. The banner gives each output file one.

/**
 * The banner (tsup's `banner`). `alias` is the name createRequire is imported under: a bundle that is bundled again
 * (core's dist, inside the Action) needs a name of its own, since esbuild cannot see a banner's names to rename them.
 */
export function requireBanner(alias = '__pwCreateRequire') {
  return { js: `import { createRequire as ${alias} } from 'node:module';\nconst require = ${alias}(import.meta.url);` };
}
