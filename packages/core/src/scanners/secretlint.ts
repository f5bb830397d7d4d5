import { fitsCommandLine, leftOutLinkPatterns, runnerAvailability, toolRunner } from './node-tool.js';
import { annotateRules, zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

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
  installHint: 'built in',
  fileList: true,
  async detect() {
    return runnerAvailability('secretlint');
  },
  select(files) {
    return files.filter((file) => !SKIP.test(file));
  },
  command(target) {
    const list = fitsCommandLine(target.files);
    const skips = list ? [] : leftOutLinkPatterns(target.leftOutLinks);
    return {
      // secretlint's engine with its recommended preset, secrets masked, built into the runner (runners/secretlint.ts).
      command: process.execPath,
      args: [toolRunner('secretlint')!.script, '--output', target.outputFile, ...skips, ...(list ? ['--', ...target.files] : ['--all'])],
      cwd: target.root,
      output: 'file',
    };
  },
  // The runner exits 0 whether or not it finds secrets (findings are counted from the report); 2 is a crash.
  exitMeaning: zeroOneExit,
  annotate(log) {
    annotateRules(log, () => ({ severity: '9.0', tags: ['security', 'secret', 'external/cwe/cwe-798'] }));
  },
};
