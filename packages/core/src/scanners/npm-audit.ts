import { pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json)$/;

export const npmAudit: Scanner = {
  kind: 'command',
  id: 'npm-audit',
  title: 'npm audit',
  category: 'sca',
  stages: ['commit'],
  format: 'npm-audit',
  timeoutMs: 5 * 60_000,
  installHint: 'it comes with Node.js (npm); it needs a package-lock.json and access to the npm registry',
  cost: 2,
  detect: (env) => pathToolAvailability(env, 'npm', ['--version'], /^(\d+\.\d+\.\d+)/m),
  // Audits the lockfile at the root of the target; nested projects are scanned by running Pipewarden there.
  select: (files) => files.filter((file) => LOCKFILE.test(file) && !file.includes('/')),
  command(target) {
    return { command: 'npm', args: ['audit', '--json', '--package-lock-only'], cwd: target.root, output: 'stdout' };
  },
  // 1: vulnerabilities at or above the audit level. A registry whose audit endpoint refuses also exits 1, with
  // {message, method, uri, statusCode, …} (or, for npm's own errors, {"error": …}) as the report: the format
  // records that as a failed run with the service's status line, so it is not mistaken for a clean one.
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 ? 'findings' : 'error'),
};
