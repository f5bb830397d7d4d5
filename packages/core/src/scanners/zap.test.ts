import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DastHandOff } from '../model/dast.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { nodeExec } from '../ports/node-exec.js';
import type { CommandScanner, ScannerEnv } from './types.js';
import { zap } from './zap.js';

// A root no test reads: the commands are only built.
const ROOT = join(tmpdir(), 'pw-app');
const env: ScannerEnv = { ports: { exec: nodeExec, log: () => undefined }, env: {}, root: ROOT };

async function commandFor(href: string, handOff: DastHandOff) {
  const outputFile = join(await mkdtemp(join(tmpdir(), 'pw-zap-')), 'zap.json');
  return (zap as CommandScanner).command({ root: ROOT, files: [], outputFile, targets: { url: { href, dast: handOff } }, config: { dast: { max_scan_time: 600 } } as PipewardenConfig, options: {} }, env);
}

describe('zap-baseline.py is pointed at the guard', () => {
  it("the guard is ZAP's upstream proxy (the network add-on's options through -z); the spider gets half the budget", async () => {
    const command = await commandFor('http://127.0.0.1:3000/', { proxies: { zap: 'http://127.0.0.1:40123/' }, exclude: [], startUrls: [], budgetSeconds: 600, profile: 'full' });
    expect(command.args[command.args.indexOf('-z') + 1]).toBe('-config network.connection.httpProxy.enabled=true -config network.connection.httpProxy.host=127.0.0.1 -config network.connection.httpProxy.port=40123');
    expect(command.args[command.args.indexOf('-m') + 1]).toBe('5');
    expect(command.env).toBeUndefined();
  });

  it('https: the session header in ZAP_AUTH_HEADER* for this site, never on the command line', async () => {
    const command = await commandFor('https://shop.example:8443/', { proxies: { zap: 'http://127.0.0.1:40123/' }, exclude: [], startUrls: [], budgetSeconds: 600, profile: 'full', headers: {}, cookie: 'sid=s3cr3t-session' });
    expect(command.env).toEqual({ ZAP_AUTH_HEADER: 'Cookie', ZAP_AUTH_HEADER_VALUE: 'sid=s3cr3t-session', ZAP_AUTH_HEADER_SITE: 'shop.example:8443' });
    expect(command.args.join(' ')).not.toContain('s3cr3t');
    const bearer = await commandFor('https://shop.example:8443/', { proxies: {}, exclude: [], startUrls: [], budgetSeconds: 600, profile: 'full', headers: { authorization: 'Bearer t0ken-123' }, cookie: 'sid=1' });
    expect(bearer.env).toMatchObject({ ZAP_AUTH_HEADER: 'authorization', ZAP_AUTH_HEADER_VALUE: 'Bearer t0ken-123' });
  });
});
