import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

// Modules by profile. None of them asks a host but the target (wapp, nikto, ssrf, xxe, log4shell and takeover
// do: never run). quick: error-based checks that answer in one request each; full adds what takes longer:
// blind (time-based) SQL injection, stored XSS, command execution and file handling.
export const WAPITI_MODULES = {
  quick: ['sql', 'xss', 'redirect', 'crlf'],
  full: ['sql', 'blindsql', 'xss', 'permanentxss', 'exec', 'file', 'redirect', 'crlf'],
} as const;

// Proxy variables would send every request through another host: the scan talks to the target only, through
// Pipewarden's guard when there is one (given with -p; no_proxy cleared so loopback is not sent around it).
const NO_PROXY_ENV = Object.fromEntries(['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy'].flatMap((name) => [[name, ''], [name.toUpperCase(), '']]));

/**
 * dast.max_scan_time split between Wapiti's own limits: 40 % for the crawl (`--max-scan-time`, which 3.0.4
 * applies to the crawl alone: wapitiCore/main/wapiti.py browse()) and, per attack module (`--max-attack-time`,
 * attack()), twice its even share of the remaining 60 %: most modules finish early, and what they leave is
 * used by the slow ones (blind SQL injection). The guard refuses every request past the whole budget, so the
 * scan ends by it whatever the modules do, and Wapiti still writes its report.
 */
export function wapitiTimeSplit(budgetSeconds: number, modules: number): { crawl: number; perModule: number } {
  return { crawl: Math.max(1, Math.round(budgetSeconds * 0.4)), perModule: Math.max(1, Math.floor((budgetSeconds * 0.6 * 2) / Math.max(1, modules))) };
}

/**
 * The folder Wapiti reads its databases from (`--store-config`), with an empty Wappalyzer database in it.
 * Wapiti 3.0 builds every module, chosen or not, and mod_wapp's constructor downloads apps.json from
 * raw.githubusercontent.com when ~/.wapiti/config has none (wapitiCore/attack/mod_wapp.py): a file that parses
 * is enough to keep it from asking. The current release downloads only when wapp runs, which it never does here.
 */
export function wapitiConfigDir(outputFile: string): string {
  const dir = join(dirname(outputFile), 'wapiti-config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'apps.json'), '{}\n');
  return dir;
}

export const wapiti: Scanner = {
  kind: 'command',
  id: 'wapiti',
  title: 'Wapiti',
  category: 'dast',
  stages: ['acceptance'],
  format: 'wapiti',
  target: 'url',
  timeoutMs: 20 * 60_000,
  installHint: 'install it with `apt-get install wapiti` or `pipx install wapiti3`',
  cost: 5,
  detect: (env) => pathToolAvailability(env, 'wapiti', ['--version'], /Wapiti[- ](\d+\.\d+\.\d+)/i),
  select: () => [],
  command(target) {
    const url = new URL(target.targets.url!.href);
    const dast = target.targets.url!.dast;
    const config = target.config.dast;
    const budget = dast?.budgetSeconds ?? config?.max_scan_time ?? 300;
    const modules = WAPITI_MODULES[dast?.profile ?? config?.profile ?? 'full'];
    const split = wapitiTimeSplit(budget, modules.length);
    // The exclusions are enforced by the guard (-p), not with -x: Wapiti 3.0.4 turns every -x into a regex
    // ending in `\Z(?ms)` (net/crawler.py wildcard_translate), which Python 3.11 refuses ("global flags not at
    // the start of the expression"), so any -x ends the scan with a traceback before its first request.
    const proxy = dast?.proxies.wapiti;
    const skip = [...new Set([...(config?.skip_parameters ?? []), ...(config?.auth?.login?.csrf_field ? [config.auth.login.csrf_field] : [])])];
    return {
      command: 'wapiti',
      args: [
        '-u', url.href,
        '--scope', config?.scope ?? 'folder',
        '-m', modules.join(','),
        '-f', 'json',
        '-o', target.outputFile,
        '--flush-session',
        '--store-session', join(dirname(target.outputFile), 'wapiti-session'),
        '--store-config', wapitiConfigDir(target.outputFile),
        // The address file-inclusion payloads name ([EXTERNAL_ENDPOINT]e.php, default wapiti3.ovh): the target
        // itself, so a vulnerable app is not made to fetch from a third party. Never --internal-endpoint: Wapiti
        // would ask it for results (and ping it at start).
        '--external-endpoint', `${url.origin}/`,
        '--max-scan-time', String(split.crawl),
        '--max-attack-time', String(split.perModule),
        '--no-bugreport',
        '-l', String(config?.level ?? 1),
        ...(proxy ? ['-p', proxy] : []),
        ...(config?.depth ? ['-d', String(config.depth)] : []),
        ...(dast?.startUrls ?? []).flatMap((start) => ['-s', start]),
        ...skip.flatMap((name) => ['--skip', name]),
        ...(dast?.cookieFile ? ['-c', dast.cookieFile] : []),
        ...Object.entries(dast?.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
      ],
      cwd: target.root,
      output: 'file',
      env: NO_PROXY_ENV,
    };
  },
  facts: wapitiFacts,
  // Wapiti stores each finding in its session database as it goes (wapitiCore/net/sqlite_persister.py): run
  // again on that session with no module and no crawl, it only writes the report of what was stored.
  recover(target) {
    const url = new URL(target.targets.url!.href);
    const proxy = target.targets.url!.dast?.proxies.wapiti;
    return {
      command: 'wapiti',
      args: ['-u', url.href, '--scope', target.config.dast?.scope ?? 'folder', '-m', '', '--skip-crawl', '-f', 'json', '-o', target.outputFile, '--store-session', join(dirname(target.outputFile), 'wapiti-session'), '--store-config', wapitiConfigDir(target.outputFile), '--no-bugreport', ...(proxy ? ['-p', proxy] : [])],
      cwd: target.root,
      output: 'file',
      env: NO_PROXY_ENV,
    };
  },
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};

/** What Wapiti's console says besides its report: the modules it ran, and whether one of its limits cut the scan. */
export function wapitiFacts(output: { stdout: string }): Record<string, unknown> {
  const modules = [...new Set([...output.stdout.matchAll(/\[\*\] Launching module (\w+)/g)].map((m) => m[1]!))];
  const crawlCut = /Max scan time was reached, stopping/.test(output.stdout);
  const attackCut = [...new Set([...output.stdout.matchAll(/Max attack time was reached for module (\w+)/g)].map((m) => m[1]!))];
  const cuts = [...(crawlCut ? ['the crawl was stopped by its share of the time budget'] : []), ...(attackCut.length ? [`the attack time ran out for ${attackCut.join(', ')}`] : [])];
  return { modules, ...(cuts.length ? { cutBy: cuts.join('; ') } : {}) };
}
