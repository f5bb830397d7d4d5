import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { nodeExec } from '../ports/node-exec.js';
import type { CommandScanner, ScannerEnv } from './types.js';
import { wapiti } from './wapiti.js';

const env: ScannerEnv = { ports: { exec: nodeExec, log: () => undefined }, env: {}, root: '/work/app' };

async function commandFor(href: string) {
  const raw = await mkdtemp(join(tmpdir(), 'pw-wapiti-'));
  const outputFile = join(raw, 'wapiti.json');
  const command = (wapiti as CommandScanner).command({ root: '/work/app', files: [], outputFile, targets: { url: { href } }, config: { dast: { max_scan_time: 120 } } as PipewardenConfig, options: {} }, env);
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
    expect(modules).toEqual(['sql', 'xss', 'exec', 'file', 'redirect', 'crlf']);
    for (const external of ['wapp', 'nikto', 'ssrf', 'xxe', 'log4shell', 'takeover', 'cms', 'wp_enum', 'all', 'common']) expect(modules).not.toContain(external);
    expect(command.args).toContain('--no-bugreport');
    expect(command.args).not.toContain('--update');
    expect(command.args).not.toContain('--internal-endpoint');
    expect(command.args).not.toContain('--endpoint');
    expect(value('-u')).toBe('http://127.0.0.1:3000/shop/');
    expect(value('--scope')).toBe('folder');
    expect(value('--max-scan-time')).toBe('120');
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
    expect(command.env).toEqual({ http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '', all_proxy: '', ALL_PROXY: '' });
  });
});
