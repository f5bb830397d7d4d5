import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { NOTICES_FILE, thirdPartyNotices } from '../../scripts/build/third-party-notices.mjs';
import { requireBanner } from '../../scripts/build/esm-require.mjs';

const require = createRequire(import.meta.url);
// Core's runners for its npm-based tools (ESLint, secretlint, lockfile-lint, cyclonedx-npm), each already a bundle
// with its tool inside: core runs them as `node dist/runners/<id>.js`, so nothing is resolved from any node_modules.
const runners = dirname(require.resolve('@pipewarden/core/runners/manifest.json'));

/** Whether Node runs this file as CommonJS: .cjs, or .js under a package.json that does not say "module". */
function isCommonJs(file: string): boolean {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string }).type !== 'module';
    } catch {
      // no package.json here: the one above decides
    }
  }
  return true;
}

const FACADE = Symbol('cjs facade');
/** Names a facade cannot declare (reserved words, its own binding); such an export is still on the default. */
const RESERVED = new Set(['default', '__pwCjs', ...'await break case catch class const continue debugger delete do else enum export extends false finally for function if implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield arguments eval'.split(' ')]);

/**
 * In a split build, `await import('yaml')` of a CommonJS package becomes a chunk whose only export is the default,
 * so `const { parseDocument } = await import('yaml')` gets undefined where Node gives the named exports. Each such
 * import goes through a facade that names the package's exports (read here, at build time) beside the default.
 */
const cjsDynamicImports = {
  name: 'cjs-dynamic-imports',
  setup(build: import('esbuild').PluginBuild) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === FACADE) return undefined;
      const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: FACADE });
      if (resolved.errors.length || resolved.external || !isCommonJs(resolved.path)) return undefined;
      // Relative: the path is written into the bundle (a comment), which must not depend on where the repository is.
      return { path: relative(process.cwd(), resolved.path), namespace: 'cjs-facade' };
    });
    build.onLoad({ filter: /.*/, namespace: 'cjs-facade' }, (args) => {
      const file = resolve(args.path);
      const names = Object.keys(require(file) as object).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name));
      // require(), not import: the default is module.exports whatever __esModule says, as Node gives it.
      return { contents: `const __pwCjs = require(${JSON.stringify(file)});\nexport default __pwCjs;\nexport const { ${names.join(', ')} } = __pwCjs;\n`, resolveDir: dirname(file), loader: 'js' };
    });
  },
};

// ESM with every dependency inside (a runner does not install node_modules for an action), committed in dist/ and
// checked fresh in CI. Split into chunks: what only some runs load (keyless signing, Jira, the Dockerfile, CVSS and
// XML parsers) is a chunk of its own that node reads and compiles only then; as one 7.9 MB file, compiling it was
// most of the Action's start-up (451 → 228 ms to load and refuse an input, median of 9).
export default defineConfig({
  // index.js only starts the worker thread that runs action.js (src/main.ts).
  entry: { index: 'src/main.ts', action: 'src/action-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  splitting: true,
  // One notices file for all of dist/: the bundled packages, those inside core's dist (sigstore-js: its notices are
  // merged as its chunk is bundled), the runners' tools and the grammars copied below.
  esbuildPlugins: [
    cjsDynamicImports,
    thirdPartyNotices({
      output: `dist/${NOTICES_FILE}`,
      title: 'the pipewarden GitHub Action, dist/ (with runners/ and grammars/)',
      include: [join(runners, NOTICES_FILE), join('..', 'sast', 'dist', 'grammars', NOTICES_FILE)],
    }),
  ],
  sourcemap: false,
  clean: true,
  minify: false,
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: requireBanner(),
  async onSuccess() {
    // Their notices are in dist/THIRD-PARTY-NOTICES.txt with the rest: one file to read, not three.
    const filter = (source: string) => basename(source) !== NOTICES_FILE;
    await cp(runners, 'dist/runners', { recursive: true, filter });
    // The SAST engine's grammars (WebAssembly): it looks for them beside the bundle (no worker file here, so it
    // runs in one thread).
    await cp('../sast/dist/grammars', 'dist/grammars', { recursive: true, filter });
  },
});
