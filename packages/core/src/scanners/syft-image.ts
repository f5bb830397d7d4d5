import { anchoreSource } from './image-source.js';
import { pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

export const syftImage: Scanner = {
  kind: 'command',
  id: 'syft-image',
  title: 'Syft SBOM of the whole image (CycloneDX)',
  category: 'sbom',
  stages: ['acceptance'],
  format: 'cyclonedx',
  target: 'image',
  sbom: 'image',
  timeoutMs: 20 * 60_000,
  installHint: 'install it from https://github.com/anchore/syft#installation (a release binary)',
  cost: 3,
  detect: (env) => pathToolAvailability(env, 'syft', ['version'], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  // The SBOM is the product (kept in out-dir/raw/, summarized in the image inventory); it has no findings.
  command: (target) => ({ command: 'syft', args: [anchoreSource(target), '-o', `cyclonedx-json=${target.outputFile}`, '--quiet'], cwd: target.root, output: 'file' }),
  exitMeaning: zeroOnlyExit,
};
