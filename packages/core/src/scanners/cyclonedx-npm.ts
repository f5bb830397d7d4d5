import { runnerAvailability, toolRunner } from './node-tool.js';
import type { Scanner } from './types.js';

export const cyclonedxNpm: Scanner = {
  kind: 'command',
  sbom: 'app',
  id: 'cyclonedx-npm',
  title: 'CycloneDX SBOM for npm',
  category: 'sbom',
  stages: ['commit'],
  format: 'cyclonedx',
  timeoutMs: 5 * 60_000,
  installHint: 'built in',
  cost: 2,
  async detect() {
    return runnerAvailability('cyclonedx-npm');
  },
  select: (files) => files.filter((file) => file === 'package-lock.json' || file === 'npm-shrinkwrap.json'),
  command(target) {
    return {
      command: process.execPath,
      // Not validated against the schema: the validators are optional dependencies (one a native addon) left out of
      // the runner, and the SBOM is the generator's own output.
      args: [toolRunner('cyclonedx-npm')!.script, '--package-lock-only', '--no-validate', '--output-format', 'JSON', '--output-file', target.outputFile, '--', 'package.json'],
      cwd: target.root,
      output: 'file',
      // Run from a pnpm or yarn script, npm_execpath names that tool; cyclonedx-npm must run npm's own `npm ls`.
      env: { npm_execpath: '' },
    };
  },
  // The SBOM is the product (kept in out-dir/raw/); it carries no vulnerabilities, so no findings.
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
