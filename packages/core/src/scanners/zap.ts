import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import type { Scanner, ScannerEnv } from './types.js';

/** Where zap-baseline.py reads and writes every file it is given when it runs inside its image. */
export const ZAP_WORK_DIR = '/zap/wrk';

/** zap-baseline.py's own test (zap_common.running_in_docker): inside a container it uses /zap/wrk. */
export function zapInContainer(env: ScannerEnv['env']): boolean {
  return existsSync('/.dockerenv') || existsSync('/run/.containerenv') || env.IS_CONTAINERIZED === 'true';
}

/**
 * The working directory and `-J` value that make zap-baseline.py write its JSON report at `outputFile`.
 * Outside a container it writes `-J` relative to its working directory. Inside one it writes
 * `os.path.join('/zap/wrk/', J)` and exits 3 when /zap/wrk is missing ("… is not mounted"): the folder is
 * made when it can be, and `-J` is the report's path relative to it (`..` steps resolve from its real path).
 */
export function zapReportPlace(outputFile: string, inContainer: boolean, workDir = ZAP_WORK_DIR): { cwd: string; report: string } {
  if (!inContainer) return { cwd: dirname(outputFile), report: basename(outputFile) };
  if (!existsSync(workDir)) {
    try {
      mkdirSync(workDir, { recursive: true });
    } catch (error) {
      throw new Error(`zap-baseline.py writes its reports under ${workDir}, which is missing and could not be made (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): mount a folder there (docker run -v "$PWD:${workDir}") or create it before the scan`);
    }
  }
  return { cwd: dirname(outputFile), report: relative(realpathSync(workDir), outputFile) };
}

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
  command(target, { env }) {
    const place = zapReportPlace(target.outputFile, zapInContainer(env));
    const dast = target.targets.url!.dast;
    const budget = dast?.budgetSeconds ?? target.config.dast?.max_scan_time ?? 300;
    const proxy = dast?.proxies.zap ? new URL(dast.proxies.zap) : undefined;
    // Through Pipewarden's guard, as ZAP's upstream proxy (the network add-on's network.connection.httpProxy.*
    // options, set with -z): the guard puts the session on ZAP's requests and refuses what is excluded.
    const config = proxy ? ['-config network.connection.httpProxy.enabled=true', `-config network.connection.httpProxy.host=${proxy.hostname}`, `-config network.connection.httpProxy.port=${proxy.port}`].join(' ') : undefined;
    // https: the guard only tunnels, so the session goes to ZAP in its authentication environment variables
    // (ZAP_AUTH_HEADER, ZAP_AUTH_HEADER_VALUE, ZAP_AUTH_HEADER_SITE), never on its command line.
    // One header is all ZAP takes this way: the auth header when there is one, else the session's cookies.
    const header = Object.entries(dast?.headers ?? {})[0] ?? (dast?.cookie ? ['Cookie', dast.cookie] : undefined);
    const authEnv: Record<string, string> = header ? { ZAP_AUTH_HEADER: header[0], ZAP_AUTH_HEADER_VALUE: header[1], ZAP_AUTH_HEADER_SITE: new URL(target.targets.url!.href).host } : {};
    return {
      command: 'zap-baseline.py',
      // -J: the traditional JSON report; -I: warnings alone do not make exit 2 (findings are read from the report);
      // -m: the spider's minutes, within the budget (the passive scan of what it found follows).
      args: ['-t', target.targets.url!.href, '-J', place.report, '-m', String(Math.max(1, Math.floor(budget / 2 / 60))), '-I', ...(config ? ['-z', config] : [])],
      cwd: place.cwd,
      output: 'file',
      ...(Object.keys(authEnv).length ? { env: authEnv } : {}),
    };
  },
  // 0: no FAIL (and, without -I, no WARN); 1: at least one FAIL; 2: WARNs and no FAIL; 3: any other failure
  // (bad option, /zap/wrk missing, ZAP did not start, nothing passed).
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 || code === 2 ? 'findings' : 'error'),
};
