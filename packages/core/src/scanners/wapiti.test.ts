import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { nodeExec } from '../ports/node-exec.js';
import type { DastHandOff } from '../model/dast.js';
import type { CommandScanner, ScannerEnv } from './types.js';
import { wapiti, wapitiFacts, wapitiTimeSplit } from './wapiti.js';

// A root no test reads: the commands are only built.
const ROOT = join(tmpdir(), 'pw-app');
const env: ScannerEnv = { ports: { exec: nodeExec, log: () => undefined }, env: {}, root: ROOT };

async function commandFor(href: string, dast: Record<string, unknown> = { max_scan_time: 120 }, handOff?: DastHandOff) {
  const raw = await mkdtemp(join(tmpdir(), 'pw-wapiti-'));
  const outputFile = join(raw, 'wapiti.json');
  const command = (wapiti as CommandScanner).command({ root: ROOT, files: [], outputFile, targets: { url: { href, dast: handOff } }, config: { dast } as PipewardenConfig, options: {} }, env);
  const value = (flag: string) => command.args[command.args.indexOf(flag) + 1];
  return { command, value, raw };
}

// What Wapiti asks besides the target (wapiti-scanner/wapiti; Debian's 3.0.4 under wapitiCore/): mod_wapp
// (Wappalyzer data and, in the current release, CVE files from GitHub), mod_nikto (its database from GitHub, with --update),
// mod_ssrf and mod_xxe (results from wapiti3.ovh), mod_log4shell (dns.wapiti3.ovh), mod_takeover (public DNS
// resolvers, GitHub, Shopify), and crash reports to wapiti3.ovh/upload.php.
describe('wapiti talks to the target only', () => {
  it('runs only modules that ask no other host, never --update, without crash reports', async () => {
    const { command, value } = await commandFor('http://127.0.0.1:3000/shop/');
    const modules = value('-m')!.split(',');
    expect(modules).toEqual(['sql', 'blindsql', 'xss', 'permanentxss', 'exec', 'file', 'redirect', 'crlf']);
    for (const external of ['wapp', 'nikto', 'ssrf', 'xxe', 'log4shell', 'takeover', 'cms', 'wp_enum', 'all', 'common']) expect(modules).not.toContain(external);
    expect(command.args).toContain('--no-bugreport');
    expect(command.args).not.toContain('--update');
    expect(command.args).not.toContain('--internal-endpoint');
    expect(command.args).not.toContain('--endpoint');
    expect(value('-u')).toBe('http://127.0.0.1:3000/shop/');
    expect(value('--scope')).toBe('folder');
    // 40 % of dast.max_scan_time (120 s) for the crawl; each of 8 modules twice its share of the other 60 %.
    expect(value('--max-scan-time')).toBe('48');
    expect(value('--max-attack-time')).toBe('18');
  });

  it('reads its databases from a folder of the run, with an empty Wappalyzer file so 3.0 does not download one', async () => {
    const { value, raw } = await commandFor('http://127.0.0.1:3000/');
    expect(value('--store-config')).toBe(join(raw, 'wapiti-config'));
    expect(JSON.parse(await readFile(join(raw, 'wapiti-config', 'apps.json'), 'utf8'))).toEqual({});
    expect(value('--store-session')).toBe(join(raw, 'wapiti-session'));
  });

  it('file-inclusion payloads name the target itself, not wapiti3.ovh', async () => {
    expect((await commandFor('http://127.0.0.1:3000/shop/?a=1')).value('--external-endpoint')).toBe('http://127.0.0.1:3000/');
    expect((await commandFor('https://[::1]:8443/')).value('--external-endpoint')).toBe('https://[::1]:8443/');
  });

  it('runs without proxy variables, which would send every request through another host', async () => {
    const { command } = await commandFor('http://127.0.0.1:3000/');
    // no_proxy too: with it, loopback requests would bypass the guard given with -p.
    expect(command.env).toEqual({ http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '', all_proxy: '', ALL_PROXY: '', no_proxy: '', NO_PROXY: '' });
  });
});

describe('wapiti is told the crawl and attack settings of dast:', () => {
  it('the guard as its proxy, start pages, depth, scope, level, parameters not attacked (the CSRF field too), the quick profile', async () => {
    const handOff: DastHandOff = { proxies: { wapiti: 'http://127.0.0.1:40001/' }, exclude: [], startUrls: ['http://127.0.0.1:3000/admin/'], budgetSeconds: 60, profile: 'quick' };
    const dast = { max_scan_time: 60, depth: 3, scope: 'domain', level: 2, skip_parameters: ['captcha'], auth: { login: { url: '/login', username: 'a', password_env: 'P', csrf_field: 'csrf_token' } } };
    const { command, value } = await commandFor('http://127.0.0.1:3000/', dast, handOff);
    expect(value('-p')).toBe('http://127.0.0.1:40001/');
    expect(value('-s')).toBe('http://127.0.0.1:3000/admin/');
    expect(value('-d')).toBe('3');
    expect(value('--scope')).toBe('domain');
    expect(value('-l')).toBe('2');
    expect(command.args.filter((_, i) => command.args[i - 1] === '--skip')).toEqual(['captcha', 'csrf_token']);
    expect(value('-m')).toBe('sql,xss,redirect,crlf');
    // Never -x: Wapiti 3.0.4 on Python 3.11 dies on any of them; the guard refuses excluded pages instead.
    expect(command.args).not.toContain('-x');
    // The session is the guard's to add: no cookie file, no header on the command line.
    expect(command.args).not.toContain('-c');
    expect(command.args).not.toContain('-H');
  });

  it('splits the budget: 40 % for the crawl, twice an even share of 60 % per module', () => {
    expect(wapitiTimeSplit(300, 8)).toEqual({ crawl: 120, perModule: 45 });
    expect(wapitiTimeSplit(10, 4)).toEqual({ crawl: 4, perModule: 3 });
    expect(wapitiTimeSplit(10, 100)).toEqual({ crawl: 4, perModule: 1 });
  });

  it('reads from its console the modules it ran and the limits that cut it', () => {
    const stdout = '[*] Launching module sql\nMax attack time was reached for module sql, stopping.\n[*] Launching module xss\nMax scan time was reached, stopping.\n';
    expect(wapitiFacts({ stdout })).toEqual({ modules: ['sql', 'xss'], cutBy: 'the crawl was stopped by its share of the time budget; the attack time ran out for sql' });
    expect(wapitiFacts({ stdout: '[*] Launching module xss\n' })).toEqual({ modules: ['xss'] });
  });

  it('https, where the guard only tunnels: the session as a cookie file outside raw/ and the header given to Wapiti itself', async () => {
    const handOff: DastHandOff = { proxies: { wapiti: 'http://127.0.0.1:40001/' }, exclude: [], startUrls: [], budgetSeconds: 60, profile: 'full', cookieFile: '/tmp/pw-dast-x/cookies.json', headers: { authorization: 'Bearer t0ken' } };
    const { value, command } = await commandFor('https://127.0.0.1:8443/', { max_scan_time: 60 }, handOff);
    expect(value('-c')).toBe('/tmp/pw-dast-x/cookies.json');
    expect(value('-H')).toBe('authorization: Bearer t0ken');
    expect(command.args).not.toContain(join('raw', 'cookies.json'));
  });

  it('after a timeout, writes the report of what its session stored: no module, no crawl, the same session', async () => {
    const raw = await mkdtemp(join(tmpdir(), 'pw-wapiti-'));
    const outputFile = join(raw, 'wapiti.json');
    const target = { root: ROOT, files: [], outputFile, targets: { url: { href: 'http://127.0.0.1:3000/' } }, config: { dast: { max_scan_time: 60 } } as PipewardenConfig, options: {} };
    const recover = (wapiti as CommandScanner).recover!(target, env)!;
    const arg = (flag: string) => recover.args[recover.args.indexOf(flag) + 1];
    expect(arg('-m')).toBe('');
    expect(recover.args).toContain('--skip-crawl');
    expect(recover.args).not.toContain('--flush-session');
    expect(arg('--store-session')).toBe(join(raw, 'wapiti-session'));
    expect(arg('-o')).toBe(outputFile);
  });
});
