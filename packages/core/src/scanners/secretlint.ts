import { join } from 'node:path';
import { fitsCommandLine, nodeToolAvailability, resolveNodePackage, scannerConfig } from './node-tool.js';
import { annotateRules, zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

const HINT = 'it ships with @pipewarden/core; reinstall with `pnpm install`';
// Binary and generated files cannot hold a secret worth reporting and slow the scan down.
const SKIP = /\.(?:png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|jar|woff2?|ttf|eot|mp[34]|wasm|lock)$|(?:^|\/)(?:pnpm-lock\.yaml|package-lock\.json|yarn\.lock)$/i;

export const secretlint: Scanner = {
  kind: 'command',
  id: 'secretlint',
  title: 'secretlint (recommended preset)',
  category: 'secrets',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 5 * 60_000,
  installHint: HINT,
  fileList: true,
  async detect() {
    return nodeToolAvailability('secretlint', HINT);
  },
  select(files) {
    return files.filter((file) => !SKIP.test(file));
  },
  command(target) {
    const tool = resolveNodePackage('secretlint')!;
    const list = fitsCommandLine(target.files);
    return {
      command: process.execPath,
      args: [
        join(tool.dir, 'bin', 'secretlint.js'),
        ...(list ? ['--no-glob', ...target.files] : ['**/*']),
        '--secretlintrc', scannerConfig('secretlintrc.json'),
        // Secrets stay masked in the report (the default, said here so nobody turns it off by accident).
        '--maskSecrets',
        '--format', '@secretlint/secretlint-formatter-sarif',
        '--no-color',
        '--output', target.outputFile,
      ],
      cwd: target.root,
      output: 'file',
    };
  },
  // With --output secretlint exits 0 even when it finds secrets (so findings are counted from the report);
  // 1 is findings without --output; 2 is a crash.
  exitMeaning: zeroOneExit,
  annotate(log) {
    annotateRules(log, () => ({ severity: '9.0', tags: ['security', 'secret', 'external/cwe/cwe-798'] }));
  },
};
