import { IAC, LOCKFILES, pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

export const trivy: Scanner = {
  kind: 'command',
  id: 'trivy',
  title: 'Trivy (filesystem: vulnerabilities, misconfigurations, secrets)',
  category: 'sca',
  stages: ['commit'],
  format: 'trivy',
  timeoutMs: 15 * 60_000,
  installHint: 'install it from https://trivy.dev/latest/getting-started/installation/ (a release binary, apt or brew)',
  cost: 4,
  detect: (env) => pathToolAvailability(env, 'trivy', ['--version'], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: (files) => files.filter((f) => LOCKFILES.test(f.split('/').pop() ?? '') || IAC.test(f.split('/').pop() ?? '')),
  command: (target) => ({
    command: 'trivy',
    args: ['fs', '--format', 'json', '--output', target.outputFile, '--scanners', 'vuln,misconfig,secret', '--quiet', '.'],
    cwd: target.root,
    output: 'file',
  }),
  // Exit 0 whatever it finds unless --exit-code is given.
  exitMeaning: zeroOnlyExit,
};
