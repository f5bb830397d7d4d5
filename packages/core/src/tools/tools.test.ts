import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTool, type ToolFetch } from './install.js';
import { bypassesProxy, proxiedFetch } from './proxied-fetch.js';
import { TOOL_RELEASES, type ToolRelease } from './releases.js';
import { ToolInstallError, assetUrl, entryPath, installHintOf, installedToolDirs, parseChecksums, toolPlatformOf, withToolDirs } from './index.js';
import { unpack } from './unpack.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pw-tools-core-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Archives are built by Python's tarfile and zipfile: entries no well-behaved archiver would write. */
function python(script: string): void {
  execFileSync('python3', ['-c', script], { cwd: work });
}

describe('the pinned table', () => {
  it('has every asset with a 64-hex SHA-256, a kind its name agrees with, and the version in the tag', () => {
    const problems: string[] = [];
    for (const tool of TOOL_RELEASES) {
      if (tool.tag !== `v${tool.version}`) problems.push(`${tool.id}: tag ${tool.tag}`);
      for (const [platform, asset] of Object.entries(tool.assets)) {
        if (!/^[0-9a-f]{64}$/.test(asset.sha256)) problems.push(`${tool.id} ${platform}: sha256`);
        const kind = asset.name.endsWith('.tar.gz') ? 'tar.gz' : asset.name.endsWith('.zip') ? 'zip' : 'binary';
        if (kind !== asset.kind) problems.push(`${tool.id} ${platform}: ${asset.name} is not ${asset.kind}`);
        if (platform.startsWith('windows/') && asset.kind === 'tar.gz') problems.push(`${tool.id} ${platform}: a tarball for Windows`);
      }
      if (!tool.assets['linux/amd64']) problems.push(`${tool.id}: no linux/amd64`);
    }
    const sums = TOOL_RELEASES.flatMap((tool) => Object.values(tool.assets).map((asset) => asset.sha256));
    expect(new Set(sums).size).toBe(sums.length);
    expect(problems).toEqual([]);
  });

  it('addresses the official release, or the same path below a mirror', () => {
    const trivy = TOOL_RELEASES.find((tool) => tool.id === 'trivy')!;
    expect(assetUrl(trivy, trivy.assets['linux/arm64']!)).toBe('https://github.com/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-ARM64.tar.gz');
    expect(assetUrl(trivy, trivy.assets['linux/arm64']!, 'https://mirror.example/gh/')).toBe('https://mirror.example/gh/aquasecurity/trivy/releases/download/v0.69.3/trivy_0.69.3_Linux-ARM64.tar.gz');
    expect(toolPlatformOf('win32', 'x64')).toBe('windows/amd64');
    expect(toolPlatformOf('linux', 'ia32')).toBeUndefined();
  });

  it('reads checksums files as the projects publish them, every bad line at once', () => {
    const sum = 'a'.repeat(64);
    expect([...parseChecksums(`${sum}  trivy.tar.gz\n# comment\n\n${sum.toUpperCase()} *dist/osv-scanner_linux_amd64\n`, 'SUMS')]).toEqual([
      ['trivy.tar.gz', sum],
      ['osv-scanner_linux_amd64', sum],
    ]);
    expect(() => parseChecksums('abc  x\nnot a line\n', 'SUMS')).toThrow('line 1: expected "<sha256>  <file name>"; line 2: expected "<sha256>  <file name>"');
  });

  it('adds the install-tools way to the hint of every scanner a pinned tool serves, and only to those', () => {
    expect(installHintOf({ id: 'trivy-image', installHint: 'install it from https://trivy.dev' })).toBe("install it from https://trivy.dev, or turn on install-tools for Pipewarden's verified Trivy 0.69.3 (docs/tools.md)");
    expect(installHintOf({ id: 'bandit', installHint: 'pipx install bandit' })).toMatch(/verified Bandit 1\.9\.4/);
    expect(installHintOf({ id: 'shellcheck', installHint: 'apt-get install shellcheck' })).toBe('apt-get install shellcheck');
  });

  it('puts the tool folders first on PATH, keeping Windows spelling', () => {
    expect(withToolDirs({ PATH: '/usr/bin', HOME: '/h' }, ['/c/a', '/c/b'], ':')).toEqual({ PATH: '/c/a:/c/b:/usr/bin', HOME: '/h' });
    expect(withToolDirs({ Path: 'C:\\Windows' }, ['C:\\c'], ';')).toEqual({ Path: 'C:\\c;C:\\Windows' });
    expect(withToolDirs({}, ['/c'], ':')).toEqual({ PATH: '/c' });
  });
});

describe('unpacking', () => {
  it('refuses entry names that leave the folder', () => {
    for (const name of ['../evil', 'a/../../evil', '/etc/passwd', 'C:/x', 'a\\..\\b', 'x\0y']) expect(() => entryPath(name, 'archive')).toThrow(ToolInstallError);
    expect(entryPath('./bin//tool', 'archive')).toBe('bin/tool');
    expect(entryPath('./', 'archive')).toBeUndefined();
  });

  it('a tar.gz with a ../ entry, or with a symlink, is refused and writes nothing outside', async () => {
    python(`import tarfile, io
for name, kind in (('dotdot.tar.gz', 'file'), ('link.tar.gz', 'link')):
    with tarfile.open(name, 'w:gz') as t:
        data = b'#!/bin/sh\\n'
        info = tarfile.TarInfo('tool'); info.size = len(data); t.addfile(info, io.BytesIO(data))
        if kind == 'file':
            info = tarfile.TarInfo('../escaped'); info.size = len(data); t.addfile(info, io.BytesIO(data))
        else:
            info = tarfile.TarInfo('tool2'); info.type = tarfile.SYMTYPE; info.linkname = '/etc/passwd'; t.addfile(info)
`);
    await expect(unpack('tar.gz', join(work, 'dotdot.tar.gz'), join(work, 'out1', 'dest'), 'dotdot.tar.gz')).rejects.toThrow('archive entry "../escaped" leaves the folder (..): refused, nothing was installed');
    expect(existsSync(join(work, 'out1', 'escaped'))).toBe(false);
    await expect(unpack('tar.gz', join(work, 'link.tar.gz'), join(work, 'out2'), 'link.tar.gz')).rejects.toThrow('archive entry "tool2" is a symlink, not a file: refused');
  });

  it('a zip unpacks its files; one with a ../ or absolute entry, or a symlink, is refused', async () => {
    python(`import zipfile
with zipfile.ZipFile('good.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('tool.exe', b'MZ' * 1000)
    z.writestr('docs/README.md', 'read me')
with zipfile.ZipFile('dotdot.zip', 'w') as z:
    z.writestr('tool.exe', b'MZ')
    z.writestr('../../escaped.exe', b'MZ')
with zipfile.ZipFile('absolute.zip', 'w') as z:
    z.writestr('/tmp/absolute.exe', b'MZ')
with zipfile.ZipFile('link.zip', 'w') as z:
    info = zipfile.ZipInfo('tool.exe'); info.external_attr = (0o120777 << 16); z.writestr(info, '/etc/passwd')
`);
    await unpack('zip', join(work, 'good.zip'), join(work, 'zip-good'), 'good.zip');
    expect((await readdir(join(work, 'zip-good'), { recursive: true })).sort()).toEqual(['docs', 'docs/README.md', 'tool.exe']);
    expect((await readFile(join(work, 'zip-good', 'tool.exe'))).length).toBe(2000);
    await expect(unpack('zip', join(work, 'dotdot.zip'), join(work, 'zip-bad', 'dest'), 'dotdot.zip')).rejects.toThrow('archive entry "../../escaped.exe" leaves the folder (..)');
    expect(existsSync(join(work, 'escaped.exe'))).toBe(false);
    await expect(unpack('zip', join(work, 'absolute.zip'), join(work, 'zip-abs'), 'absolute.zip')).rejects.toThrow('is an absolute path');
    await expect(unpack('zip', join(work, 'link.zip'), join(work, 'zip-link'), 'link.zip')).rejects.toThrow('is not a regular file');
    await expect(unpack('zip', join(work, 'dotdot.tar.gz'), join(work, 'zip-not'), 'x.zip')).rejects.toThrow(/^not a readable \.zip/);
  });
});

describe('installTool', () => {
  const bytes = Buffer.from('#!/bin/sh\necho 1.0.0\n');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tool: ToolRelease = { id: 'demo', title: 'Demo', version: '1.0.0', repo: 'acme/demo', tag: 'v1.0.0', binary: 'demo', scanners: [], assets: { 'linux/amd64': { name: 'demo_linux_amd64', sha256, kind: 'binary' } } };
  const served: string[] = [];
  const fetch: ToolFetch = async (url) => {
    served.push(url);
    return { status: 200, body: (async function* () { yield bytes.subarray(0, 5); yield bytes.subarray(5); })() };
  };

  it('installs a plain executable once, verified, marked and runnable; the second call downloads nothing', async () => {
    const cacheDir = join(work, 'cache-a');
    const first = await installTool({ tool, platform: 'linux/amd64', cacheDir, fetch });
    expect(first).toMatchObject({ status: 'installed', bytes: bytes.length, dir: join(cacheDir, 'demo', '1.0.0'), url: 'https://github.com/acme/demo/releases/download/v1.0.0/demo_linux_amd64' });
    expect(await readdir(join(cacheDir, 'demo'))).toEqual(['1.0.0']);
    if (process.platform !== 'win32') expect(execFileSync(first.executable, { encoding: 'utf8' })).toBe('1.0.0\n');
    expect((await installTool({ tool, platform: 'linux/amd64', cacheDir, fetch })).status).toBe('cached');
    expect(served).toHaveLength(1);
    if (toolPlatformOf(process.platform, process.arch) === 'linux/amd64') expect(installedToolDirs(cacheDir, 'linux/amd64')).toEqual([]); // demo is not a pinned tool
  });

  it('two jobs installing into one cache at once: both succeed, one complete copy stays', async () => {
    const cacheDir = join(work, 'cache-race');
    const results = await Promise.all([1, 2, 3].map(() => installTool({ tool, platform: 'linux/amd64', cacheDir, fetch })));
    expect(results.map((r) => r.status)).toEqual(['installed', 'installed', 'installed']);
    expect((await readdir(join(cacheDir, 'demo'))).sort()).toEqual(['1.0.0']);
    expect((await readdir(join(cacheDir, 'demo', '1.0.0'))).sort()).toEqual(['.pipewarden-tool.json', 'demo']);
  });

  it('a checksum that differs, an HTTP error or no build for the platform: an error, and the cache as it was', async () => {
    const cacheDir = join(work, 'cache-b');
    await expect(installTool({ tool, platform: 'linux/amd64', cacheDir, fetch, sha256: 'b'.repeat(64) })).rejects.toThrow(`checksum mismatch for demo_linux_amd64: expected sha256 ${'b'.repeat(64)}, got ${sha256}; nothing was installed`);
    expect(existsSync(cacheDir) ? await readdir(cacheDir, { recursive: true }) : []).toEqual([]);
    await expect(installTool({ tool, platform: 'linux/amd64', cacheDir, fetch: async () => ({ status: 404, body: null }) })).rejects.toThrow('could not download: HTTP 404');
    await expect(installTool({ tool, platform: 'darwin/arm64', cacheDir, fetch })).rejects.toThrow('demo 1.0.0 has no verified build for darwin/arm64 (there are: linux/amd64)');
    expect(existsSync(cacheDir) ? await readdir(cacheDir, { recursive: true }) : []).toEqual([]);
  });
});

describe('proxiedFetch', () => {
  let origin: Server;
  let proxy: Server;
  let originUrl: string;
  let proxyUrl: string;
  const tunnels: string[] = [];

  beforeAll(async () => {
    origin = createServer((request, response) =>
      request.url === '/moved' ? response.writeHead(302, { location: '/file' }).end() : request.url === '/loop' ? response.writeHead(302, { location: '/loop' }).end() : response.end('payload'),
    );
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
    // A CONNECT proxy on loopback that records every tunnel it opens.
    proxy = createServer();
    proxy.on('connect', (request, socket, head) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host!, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => origin.close(resolve));
    await new Promise((resolve) => proxy.close(resolve));
  });

  const text = async (response: Awaited<ReturnType<ToolFetch>>) => {
    let out = '';
    for await (const chunk of response.body!) out += Buffer.from(chunk).toString();
    return out;
  };

  it('goes through HTTP_PROXY, follows redirects, and goes direct for a NO_PROXY host', async () => {
    tunnels.length = 0;
    const through = await proxiedFetch({ httpProxy: proxyUrl })(`${originUrl}/moved`);
    expect(await text(through)).toBe('payload');
    expect(tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(tunnels)).toEqual(new Set([originUrl.replace('http://', '')]));
    tunnels.length = 0;
    const direct = await proxiedFetch({ httpProxy: proxyUrl, noProxy: 'example.com, 127.0.0.1' })(`${originUrl}/file`);
    expect(await text(direct)).toBe('payload');
    expect(tunnels).toEqual([]);
  });

  it('stops a redirect loop', async () => {
    await expect(proxiedFetch({})(`${originUrl}/loop`)).rejects.toThrow('more than 10 redirects');
  });

  it('reads NO_PROXY as curl does', () => {
    const url = new URL('https://objects.githubusercontent.com/x');
    expect(bypassesProxy(url, '.githubusercontent.com')).toBe(true);
    expect(bypassesProxy(url, 'githubusercontent.com:443')).toBe(true);
    expect(bypassesProxy(url, 'githubusercontent.com:8443')).toBe(false);
    expect(bypassesProxy(url, 'github.com')).toBe(false);
    expect(bypassesProxy(url, '*')).toBe(true);
    expect(bypassesProxy(new URL('http://[::1]:8080/'), '::1')).toBe(true);
  });
});
