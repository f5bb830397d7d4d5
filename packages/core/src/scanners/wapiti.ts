import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

// Modules that fit a pipeline stage: injection, XSS, command execution, file disclosure, redirects. None of
// them asks a host but the target (wapp, nikto, ssrf, xxe, log4shell and takeover do: left out).
const MODULES = 'sql,xss,exec,file,redirect,crlf';

// Proxy variables would send every request through another host: the scan talks to the target only.
const NO_PROXY_ENV = Object.fromEntries(['http_proxy', 'https_proxy', 'all_proxy'].flatMap((name) => [[name, ''], [name.toUpperCase(), '']]));

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
    return {
      command: 'wapiti',
      args: [
        '-u', url.href,
        '--scope', 'folder',
        '-m', MODULES,
        '-f', 'json',
        '-o', target.outputFile,
        '--flush-session',
        '--store-session', join(dirname(target.outputFile), 'wapiti-session'),
        '--store-config', wapitiConfigDir(target.outputFile),
        // The address file-inclusion payloads name ([EXTERNAL_ENDPOINT]e.php, default wapiti3.ovh): the target
        // itself, so a vulnerable app is not made to fetch from a third party. Never --internal-endpoint: Wapiti
        // would ask it for results (and ping it at start).
        '--external-endpoint', `${url.origin}/`,
        '--max-scan-time', String(target.config.dast?.max_scan_time ?? 300),
        '--no-bugreport',
        '-l', '1',
      ],
      cwd: target.root,
      output: 'file',
      env: NO_PROXY_ENV,
    };
  },
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
