import { dirname } from 'node:path';
import type { Scanner } from './types.js';

export const zap: Scanner = {
  kind: 'command',
  id: 'zap',
  title: 'OWASP ZAP baseline',
  category: 'dast',
  stages: ['acceptance'],
  format: 'zap',
  target: 'url',
  timeoutMs: 30 * 60_000,
  installHint: 'run it from the ZAP image (ghcr.io/zaproxy/zaproxy: zap-baseline.py on PATH) — https://www.zaproxy.org/docs/docker/baseline-scan/',
  cost: 5,
  async detect({ ports, env, root }) {
    // zap-baseline.py has no --version: it is there when -h answers with its usage.
    const probe = await ports.exec({ command: 'zap-baseline.py', args: ['-h'], cwd: root, env, timeoutMs: 30_000 });
    if (probe.notFound) return { available: false, reason: 'zap-baseline.py is not on PATH' };
    if (probe.exitCode !== 0 || !/usage/i.test(`${probe.stdout}${probe.stderr}`)) return { available: false, reason: `zap-baseline.py -h failed (exit ${probe.exitCode ?? 'signal'})` };
    return { available: true, version: 'baseline' };
  },
  select: () => [],
  command(target) {
    // zap-baseline.py writes its reports into its working directory (/zap/wrk in the image).
    return {
      command: 'zap-baseline.py',
      args: ['-t', target.targets.url!.href, '-J', 'zap.json', '-m', String(Math.max(1, Math.round((target.config.dast?.max_scan_time ?? 300) / 60))), '-I'],
      cwd: dirname(target.outputFile),
      output: 'file',
    };
  },
  // 0: no alerts; 1: alerts at FAIL level; 2: warnings (not with -I); 3: the scan failed.
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 || code === 2 ? 'findings' : 'error'),
};
