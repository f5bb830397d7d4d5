import { IAC, LOCKFILES, pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

/**
 * Findings never change Trivy's exit code: a trivy.yaml in the working directory is read on its own and may set
 * `exit-code` (or `exit-on-eol`); a flag wins over the file. Its other settings (mirrors, skips) still apply.
 */
export const TRIVY_EXIT_ZERO = ['--exit-code', '0', '--exit-on-eol', '0'] as const;

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
    args: ['fs', '--format', 'json', '--output', target.outputFile, '--scanners', 'vuln,misconfig,secret', ...TRIVY_EXIT_ZERO, '--quiet', '.'],
    cwd: target.root,
    output: 'file',
  }),
  // 0 whatever it finds (--exit-code 0 given); 1 an error.
  exitMeaning: zeroOnlyExit,
};
