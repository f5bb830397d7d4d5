import { pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import { TRIVY_EXIT_ZERO } from './trivy.js';
import type { Scanner } from './types.js';

export const trivyImage: Scanner = {
  kind: 'command',
  id: 'trivy-image',
  title: 'Trivy (image: OS and language packages, secrets, misconfigurations)',
  category: 'container',
  stages: ['acceptance'],
  format: 'trivy',
  target: 'image',
  timeoutMs: 20 * 60_000,
  installHint: 'install it from https://trivy.dev/latest/getting-started/installation/ (a release binary, apt or brew)',
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'trivy', ['--version'], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  command: (target) => ({
    command: 'trivy',
    // An archive (docker save, OCI layout) is read without a daemon or a registry.
    args: ['image', '--format', 'json', '--output', target.outputFile, '--scanners', 'vuln,secret,misconfig', ...TRIVY_EXIT_ZERO, '--quiet', ...(target.targets.imageArchive ? ['--input', target.targets.imageArchive] : ['--', target.targets.image!])],
    cwd: target.root,
    output: 'file',
  }),
  exitMeaning: zeroOnlyExit,
};
