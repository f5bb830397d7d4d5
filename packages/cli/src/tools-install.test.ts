import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_RELEASES, toolPlatformOf } from '@pipewarden/core';
import { repoRoot } from '../../../test-support/shared.js';
import { gitleaksStandIn } from '../../../test-support/stand-ins.js';

// `pipewarden tools install` against a release server of ours on loopback, reached through the mirror setting
// at the URL layout of the real GitHub releases; the archive is built here and holds an executable named like
// the tool (the Gitleaks stand-in), so the installed tool then really runs in a scan.

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const gitleaks = TOOL_RELEASES.find((tool) => tool.id === 'gitleaks')!;
const platform = toolPlatformOf(process.platform, process.arch);
const asset = platform ? gitleaks.assets[platform] : undefined;

function pipewarden(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Without git or node on PATH beyond what the run needs: no gitleaks but the installed one can be found.
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: `${join(process.execPath, '..')}${delimiter}/usr/bin${delimiter}/bin`, HOME: cwd, PIPEWARDEN_OFFLINE: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
let archive: Buffer;
let server: Server;
let mirror: string;
const requests: string[] = [];
const calls = () => readFile(join(work, 'calls.jsonl'), 'utf8').catch(() => '');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pw-tools-'));
  const pack = join(work, 'pack');
  await mkdir(pack);
  await gitleaksStandIn({ bin: pack, log: join(work, 'calls.jsonl') });
  await writeFile(join(pack, 'LICENSE'), 'MIT\n');
  execFileSync('tar', ['-czf', join(work, 'gitleaks.tar.gz'), '-C', pack, 'gitleaks', 'LICENSE']);
  archive = await readFile(join(work, 'gitleaks.tar.gz'));
  await writeFile(join(work, 'SHA256SUMS'), `${createHash('sha256').update(archive).digest('hex')}  ${asset?.name}\n`);
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    // GitHub answers a release download with a redirect to its storage: so does this server.
    if (request.url === `/${gitleaks.repo}/releases/download/${gitleaks.tag}/${asset?.name}`) {
      response.writeHead(302, { location: `/storage/${asset?.name}` }).end();
    } else if (request.url === `/storage/${asset?.name}`) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': archive.length }).end(archive);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!asset || process.platform === 'win32')('pipewarden tools install', () => {
  it('a download whose checksum differs from the pinned one: one line, exit 2, nothing left in the cache', async () => {
    const cache = join(work, 'cache-wrong');
    requests.length = 0;
    const run = await pipewarden(work, ['tools', 'install', 'gitleaks', '--mirror', mirror], { PIPEWARDEN_TOOLS_DIR: cache });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^pipewarden: ${mirror}/gitleaks/gitleaks/releases/download/v8\\.30\\.1/${asset!.name.replace(/\./g, '\\.')}: checksum mismatch for ${asset!.name.replace(/\./g, '\\.')}: expected sha256 ${asset!.sha256}, got [0-9a-f]{64}; nothing was installed$`));
    expect(requests).toEqual([`/gitleaks/gitleaks/releases/download/v8.30.1/${asset!.name}`, `/storage/${asset!.name}`]);
    expect(existsSync(cache) ? await readdir(cache, { recursive: true }) : []).toEqual([]);
  });

  it('with the right checksum (a checksums file): installed once, the second call downloads nothing, and scan runs the installed tool', async () => {
    const cache = join(work, 'cache');
    const sums = join(work, 'SHA256SUMS');
    requests.length = 0;
    const first = await pipewarden(work, ['tools', 'install', 'gitleaks', '--mirror', mirror, '--checksums', sums], { PIPEWARDEN_TOOLS_DIR: cache });
    expect(first.stderr).toMatch(new RegExp(`^pipewarden › gitleaks 8\\.30\\.1: installed in ${cache}/gitleaks/8\\.30\\.1 \\(0\\.0 MB, sha256 verified\\)\\n$`));
    expect(first.code).toBe(0);
    expect(await readdir(join(cache, 'gitleaks', '8.30.1'))).toEqual(['.pipewarden-tool.json', 'LICENSE', 'gitleaks']);
    expect(requests).toHaveLength(2);

    const second = await pipewarden(work, ['tools', 'install', 'gitleaks', '--mirror', mirror, '--checksums', sums], { PIPEWARDEN_TOOLS_DIR: cache });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/gitleaks 8\.30\.1: already installed in /);
    expect(requests).toHaveLength(2);

    const list = await pipewarden(work, ['tools', 'list'], { PIPEWARDEN_TOOLS_DIR: cache });
    expect(list.stdout).toMatch(new RegExp(`^gitleaks +8\\.30\\.1 +installed in ${cache}/gitleaks/8\\.30\\.1$`, 'm'));
    expect(list.stdout).toMatch(/^trivy +0\.69\.3 +not installed$/m);

    const app = join(work, 'app');
    await mkdir(app);
    execFileSync('git', ['init', '-q'], { cwd: app });
    await writeFile(join(app, 'config.js'), "export const key = 'AKIAZ5T7XQ3PLM2NB4VC';\n");
    // Another gitleaks earlier on PATH: the cache's verified build runs before it.
    const decoy = join(work, 'decoy-bin');
    await mkdir(decoy, { recursive: true });
    await writeFile(join(decoy, 'gitleaks'), `#!/bin/sh\necho called > ${join(work, 'decoy-called')}\necho 7.0.0\n`, { mode: 0o755 });
    const path = `${decoy}${delimiter}${join(process.execPath, '..')}${delimiter}/usr/bin${delimiter}/bin`;
    const scan = await pipewarden(app, ['scan', '--scanners', 'gitleaks', '--out-dir', 'out', '--no-history', '--json'], { PIPEWARDEN_TOOLS_DIR: cache, PATH: path });
    expect(existsSync(join(work, 'decoy-called'))).toBe(false);
    expect(scan.stderr).toMatch(/gitleaks: ran, 1 finding/);
    expect(scan.code).toBe(1);
    const report = JSON.parse(scan.stdout) as { findings: { rule: string; location: { path: string } }[] };
    expect(report.findings.map((f) => [f.rule, f.location.path])).toEqual([['aws-access-token', 'config.js']]);
    expect((await calls()).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { args: string[] }).args[0])).toEqual(['version', 'dir']);
  });

  it('scan --install-tools installs what the run uses, then scans with it', async () => {
    const cache = join(work, 'cache-scan');
    const app = join(work, 'app2');
    await mkdir(app);
    execFileSync('git', ['init', '-q'], { cwd: app });
    await writeFile(join(app, 'a.txt'), 'nothing here\n');
    await writeFile(join(app, 'pipewarden.yml'), `tools:\n  checksums: ${join(work, 'SHA256SUMS')}\n`);
    requests.length = 0;
    const scan = await pipewarden(app, ['scan', '--scanners', 'gitleaks', '--install-tools', '--out-dir', 'out', '--no-history'], { PIPEWARDEN_TOOLS_DIR: cache, PIPEWARDEN_TOOLS_MIRROR: mirror });
    expect(scan.stderr).toMatch(/pipewarden › gitleaks 8\.30\.1: installed in .*sha256 verified/);
    expect(scan.stderr).toMatch(/gitleaks: ran, 0 findings/);
    expect(scan.code).toBe(0);
    expect(requests).toHaveLength(2);
  });

  it('an https mirror with a private CA: refused until NODE_EXTRA_CA_CERTS names the CA', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { cwd: work, stdio: 'ignore' });
    const tls = createHttpsServer({ key: await readFile(join(work, 'key.pem')), cert: await readFile(join(work, 'ca.pem')) }, (request, response) => {
      if (request.url === `/${gitleaks.repo}/releases/download/${gitleaks.tag}/${asset?.name}`) response.end(archive);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const https = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
      const env = { PIPEWARDEN_TOOLS_DIR: join(work, 'cache-tls'), PIPEWARDEN_TOOLS_MIRROR: https };
      const untrusted = await pipewarden(work, ['tools', 'install', 'gitleaks', '--checksums', join(work, 'SHA256SUMS')], env);
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toMatch(/^pipewarden: https:\/\/127\.0\.0\.1:\d+\/.*: could not download: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\n$/);
      const trusted = await pipewarden(work, ['tools', 'install', 'gitleaks', '--checksums', join(work, 'SHA256SUMS')], { ...env, NODE_EXTRA_CA_CERTS: join(work, 'ca.pem') });
      expect(trusted.stderr).toMatch(/gitleaks 8\.30\.1: installed in .*sha256 verified/);
      expect(trusted.code).toBe(0);
    } finally {
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('Python tools: a one-line hint without pipx; with pipx, `pipx install <package>==<pinned>` into the cache, once', async () => {
    const cache = join(work, 'cache-pipx');
    const none = await pipewarden(work, ['tools', 'install', 'semgrep'], { PIPEWARDEN_TOOLS_DIR: cache });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('pipewarden: semgrep: pipx is not installed; install pipx (https://pipx.pypa.io) and run this again, or install it yourself: pipx install semgrep==1.185.0\n');
    // A pipx stand-in: records its call and lays out what pipx would (the venv's metadata, the app in PIPX_BIN_DIR).
    const bin = join(work, 'pipx-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'pipx'),
      `#!${process.execPath}
const fs = require('fs'); const path = require('path');
fs.appendFileSync(${JSON.stringify(join(work, 'pipx.jsonl'))}, JSON.stringify({ args: process.argv.slice(2), home: process.env.PIPX_HOME, bin: process.env.PIPX_BIN_DIR }) + '\\n');
const [pkg, version] = process.argv[4].split('==');
fs.mkdirSync(path.join(process.env.PIPX_HOME, 'venvs', pkg), { recursive: true });
fs.writeFileSync(path.join(process.env.PIPX_HOME, 'venvs', pkg, 'pipx_metadata.json'), JSON.stringify({ main_package: { package: pkg, package_version: version } }));
fs.mkdirSync(process.env.PIPX_BIN_DIR, { recursive: true });
fs.writeFileSync(path.join(process.env.PIPX_BIN_DIR, pkg), '#!/bin/sh\\necho ' + version + '\\n', { mode: 0o755 });
`,
      { mode: 0o755 },
    );
    const path = `${bin}${delimiter}${join(process.execPath, '..')}${delimiter}/usr/bin${delimiter}/bin`;
    for (let i = 0; i < 2; i++) {
      const run = await pipewarden(work, ['tools', 'install', 'semgrep'], { PIPEWARDEN_TOOLS_DIR: cache, PATH: path });
      expect(run.stderr).toMatch(i === 0 ? /semgrep 1\.185\.0: installed with pipx in .*pipx\/bin/ : /semgrep 1\.185\.0: already installed in /);
      expect(run.code).toBe(0);
    }
    const pipxCalls = (await readFile(join(work, 'pipx.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { args: string[]; home: string; bin: string });
    expect(pipxCalls).toEqual([{ args: ['install', '--force', 'semgrep==1.185.0'], home: join(cache, 'pipx', 'home'), bin: join(cache, 'pipx', 'bin') }]);
  });

  it('refuses a mirror that is not an http(s) URL, naming where it came from', async () => {
    const run = await pipewarden(work, ['tools', 'install', 'gitleaks'], { PIPEWARDEN_TOOLS_DIR: join(work, 'c'), PIPEWARDEN_TOOLS_MIRROR: 'ftp://mirror' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pipewarden: PIPEWARDEN_TOOLS_MIRROR: expected an http(s) URL such as https://mirror.example.com/github\n');
  });

  it('an unknown tool is named with the known ones', async () => {
    const run = await pipewarden(work, ['tools', 'install', 'nmap'], { PIPEWARDEN_TOOLS_DIR: join(work, 'c') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pipewarden: unknown tool "nmap" \(tools: trivy, grype, syft, gitleaks, osv-scanner, hadolint, semgrep, checkov, bandit\)\n$/);
  });
});
