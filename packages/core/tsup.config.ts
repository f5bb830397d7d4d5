import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { thirdPartyNotices } from '../../scripts/build/third-party-notices.mjs';
import { requireBanner } from '../../scripts/build/esm-require.mjs';

/**
 * The npm-based tools core runs, each through a runner of its own (src/scanners/runners/<id>.ts), and the package
 * whose version it reports. A runner is bundled with its tool inside: the CLI's install and the GitHub Action
 * (which copies dist/runners/) run the same file with the same Node, nothing resolved from any node_modules at run
 * time, and none of these tools (nor their native optional addons) is installed with @pipewarden/core.
 */
const RUNNERS: Record<string, string> = {
  'eslint-security': 'eslint',
  secretlint: '@secretlint/core',
  'lockfile-lint': 'lockfile-lint',
  'cyclonedx-npm': '@cyclonedx/cyclonedx-npm',
};

const version = async (name: string) => (JSON.parse(await readFile(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

export default defineConfig([
  {
    // A streamed convert's and a parallel merge's worker threads start convert-worker.js and merge-worker.js by file, next to index.js.
    entry: ['src/index.ts', 'src/convert-worker.ts', 'src/merge-worker.ts'],
    format: ['esm'],
    target: 'node20',
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    // sigstore-js (keyless signing and checking bundles: attest/sigstore-client.ts, loaded only then) is bundled with
    // all it pulls in (npm's fetch with its cache, TUF, proxy agents: 10 MB installed), into one chunk.
    noExternal: ['sigstore', /^@sigstore\//],
    // That client is CommonJS and require()s Node's modules.
    banner: requireBanner('__pwCoreCreateRequire'),
    esbuildOptions(options) {
      // The maps point at the sources by name; their text is not shipped (the bundled client would double the size).
      options.sourcesContent = false;
    },
    // sigstore-js and what it pulls in, with their licenses (Apache-2.0 asks for its text and NOTICE with copies).
    esbuildPlugins: [thirdPartyNotices({ output: 'dist/THIRD-PARTY-NOTICES.txt', title: '@pipewarden/core, dist/ (but runners/, which has its own)' })],
  },
  {
    entry: Object.fromEntries(Object.keys(RUNNERS).map((id) => [`runners/${id}`, `src/scanners/runners/${id}.ts`])),
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // Everything but what is never loaded: jiti and typescript (TypeScript config files of ESLint and of lockfile-lint's
    // cosmiconfig; ESLint's config is built in, a lockfile-lint config in TypeScript is not supported), and
    // libxmljs2, CycloneDX's optional XML validator (a native addon; the SBOM is JSON, run with --no-validate).
    noExternal: [/^(?!(?:jiti|typescript|libxmljs2)(?:\/|$))/],
    external: ['jiti', 'typescript', 'libxmljs2'],
    splitting: false,
    sourcemap: false,
    // Third-party code only: minified, a third of the size to install or check out.
    minify: true,
    esbuildOptions(options) {
      // CommonJS first, as Node resolves a require(): ESLint require()s esquery, whose "module" build has no named exports.
      options.mainFields = ['main', 'module'];
    },
    esbuildPlugins: [
      // Each runner bundles its tool: their notices travel with them in runners/ (the Action copies that folder).
      thirdPartyNotices({ output: 'dist/runners/THIRD-PARTY-NOTICES.txt', title: '@pipewarden/core, dist/runners/' }),
      {
        // cyclonedx-npm's command line lives in dist/cli.js, which its exports map hides.
        name: 'cyclonedx-npm-cli',
        setup(build) {
          build.onResolve({ filter: /^cyclonedx-npm-cli$/ }, () => ({ path: realpathSync('node_modules/@cyclonedx/cyclonedx-npm/dist/cli.js') }));
          // It reads its own package.json (its version, the SBOM's tool metadata) beside its module, which a bundle does
          // not have: `module.path` is pointed at the runner's copy (written below, as cyclonedx-npm/package.json).
          build.onLoad({ filter: /cyclonedx-npm[\\/]dist[\\/][^\\/]+\.js$/ }, async (args) => {
            const text = await readFile(args.path, 'utf8');
            return { contents: text.replaceAll('module.path', "require('node:path').join(__dirname, 'cyclonedx-npm', 'dist')"), loader: 'js' };
          });
        },
      },
    ],
    // Bundled CommonJS code calls require() and asks for its own file name.
    banner: {
      js: [
        "import { createRequire as __pwCreateRequire } from 'node:module';",
        "import { fileURLToPath as __pwFileURLToPath } from 'node:url';",
        'const require = __pwCreateRequire(import.meta.url);',
        'const __filename = __pwFileURLToPath(import.meta.url);',
        "const __dirname = __pwFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    // Each runner's tool version, read at run time without resolving the tool.
    async onSuccess() {
      const manifest: Record<string, { tool: string; version: string }> = {};
      for (const [id, tool] of Object.entries(RUNNERS)) manifest[id] = { tool, version: await version(tool) };
      await writeFile('dist/runners/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      await mkdir('dist/runners/cyclonedx-npm', { recursive: true });
      await copyFile('node_modules/@cyclonedx/cyclonedx-npm/package.json', 'dist/runners/cyclonedx-npm/package.json');
    },
  },
]);
