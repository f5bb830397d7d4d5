import { join } from 'node:path';
import { nodeToolAvailability, resolveNodePackage } from './node-tool.js';
import type { Scanner } from './types.js';

const HINT = 'it ships with @pipewarden/core; reinstall with `pnpm install`';

export const cyclonedxNpm: Scanner = {
  kind: 'command',
  sbom: 'app',
  id: 'cyclonedx-npm',
  title: 'CycloneDX SBOM for npm',
  category: 'sbom',
  stages: ['commit'],
  format: 'cyclonedx',
  timeoutMs: 5 * 60_000,
  installHint: HINT,
  cost: 2,
  async detect() {
    return nodeToolAvailability('@cyclonedx/cyclonedx-npm', HINT);
  },
  select: (files) => files.filter((file) => file === 'package-lock.json' || file === 'npm-shrinkwrap.json'),
  command(target) {
    const tool = resolveNodePackage('@cyclonedx/cyclonedx-npm')!;
    return {
      command: process.execPath,
      args: [join(tool.dir, 'bin', 'cyclonedx-npm-cli.js'), '--package-lock-only', '--output-format', 'JSON', '--output-file', target.outputFile, '--', 'package.json'],
      cwd: target.root,
      output: 'file',
      // Run from a pnpm or yarn script, npm_execpath names that tool; cyclonedx-npm must run npm's own `npm ls`.
      env: { npm_execpath: '' },
    };
  },
  // The SBOM is the product (kept in out-dir/raw/); it carries no vulnerabilities, so no findings.
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
