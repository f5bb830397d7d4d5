import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../test-support/demo-app.js';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

// The acceptance stage reaches the target and nothing else: the whole run (the demo app, pipewarden, Wapiti)
// in a network namespace with only loopback, Wapiti under strace, every address it sends to recorded.
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const PORT = 3000;

const notice = (what: string) => process.stderr.write(`\n[pipewarden tests] ${what}: skipping the tests that run Wapiti with loopback only\n`);

/** The unshare flags that make a network namespace here (root: -n; else a user namespace too: -rn), or none. */
function namespaceFlags(): string[] | undefined {
  if (!hasTool('unshare', ['--version'], 'apt-get install util-linux') || !hasTool('ip', ['-V'], 'apt-get install iproute2')) return undefined;
  for (const flags of [['-n'], ['-rn']]) if (spawnSync('unshare', [...flags, 'ip', 'link', 'set', 'lo', 'up']).status === 0) return flags;
  notice('unshare cannot make a network namespace here (it needs root or user namespaces)');
  return undefined;
}

/** Wapiti and a strace that may trace here (a container can forbid ptrace). */
function tracing(): boolean {
  if (!hasTool('wapiti', ['--version'], 'apt-get install wapiti') || !hasTool('strace', ['-V'], 'apt-get install strace')) return false;
  if (spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true']).status === 0) return true;
  notice('strace cannot trace here (ptrace is not permitted)');
  return false;
}

const flags = tracing() ? namespaceFlags() : undefined;

interface Contact {
  family: string;
  address: string;
  port?: number;
  line: string;
}

/** Every address a traced call names: IPv4, IPv6 and Unix sockets (netlink, to the kernel, is not a contact). */
function contactsOf(trace: string): Contact[] {
  const contacts: Contact[] = [];
  for (const line of trace.split('\n')) {
    const found: Contact[] = [];
    for (const match of line.matchAll(/sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/g)) found.push({ family: 'inet', address: match[2]!, port: Number(match[1]), line });
    for (const match of line.matchAll(/sa_family=AF_INET6, sin6_port=htons\((\d+)\),.*?inet_pton\(AF_INET6, "([^"]+)"/g)) found.push({ family: 'inet6', address: match[2]!, port: Number(match[1]), line });
    // A form this parser does not know is a failure, not a contact let through.
    if ((line.match(/sa_family=AF_INET6?\b/g) ?? []).length !== found.length) found.push({ family: 'unparsed', address: line, line });
    for (const match of line.matchAll(/sa_family=AF_UNIX, sun_path=@?"([^"]*)"/g)) found.push({ family: 'unix', address: match[1]!, line });
    contacts.push(...found);
  }
  return contacts;
}

/**
 * In a fresh network namespace (only loopback, brought up): start the app with `serve` (a shell command that
 * listens on 127.0.0.1:$PW_PORT), wait for it, scan it with Pipewarden's wapiti, stop it. Wapiti runs under
 * strace (a wrapper first on PATH: its --version probe and the scan are both traced) with an empty HOME and
 * proxy variables set. Returns the run and every address Wapiti's calls named.
 */
async function scanInNamespace(serve: string, dir: string): Promise<{ status: number | null; stderr: string; out: string; contacts: Contact[] }> {
  const work = await mkdtemp(join(tmpdir(), 'pw-dast-egress-'));
  const [bin, traces, home] = [join(work, 'bin'), join(work, 'traces'), join(work, 'home')];
  await Promise.all([mkdir(bin), mkdir(traces), mkdir(home)]);
  const real = spawnSync('sh', ['-c', 'command -v wapiti'], { encoding: 'utf8' }).stdout.trim();
  await writeFile(join(bin, 'wapiti'), `#!/bin/sh\nexec strace -f -qq -e trace=connect,sendto,sendmsg,sendmmsg -o "$PW_TRACE_DIR/wapiti.$$" '${real}' "$@"\n`);
  await chmod(join(bin, 'wapiti'), 0o755);
  const script = [
    'ip link set lo up',
    `(${serve}) & app=$!`,
    'i=0; until "$PW_NODE" -e "require(\'net\').connect($PW_PORT, \'127.0.0.1\').on(\'connect\', () => process.exit(0)).on(\'error\', () => process.exit(1))"; do i=$((i+1)); [ $i -lt 100 ] || { kill $app; exit 90; }; sleep 0.1; done',
    '"$PW_NODE" "$PW_CLI" scan "$PW_DIR" --stage acceptance --scanners wapiti --target-url "http://127.0.0.1:$PW_PORT/" --out-dir "$PW_OUT"; code=$?',
    'kill $app; exit $code',
  ].join('\n');
  const run = spawnSync('unshare', [...flags!, 'sh', '-c', script], {
    cwd: work,
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      // An empty ~/.wapiti: Wapiti 3.0 would fetch its Wappalyzer data from GitHub into it.
      HOME: home,
      // A proxy the run must not use (Wapiti's HTTP clients honour these): asking it means resolving its name.
      HTTP_PROXY: 'http://proxy.ci.invalid:3128',
      HTTPS_PROXY: 'http://proxy.ci.invalid:3128',
      PIPEWARDEN_OFFLINE: '1',
      PW_TRACE_DIR: traces,
      PW_DIR: dir,
      PW_PORT: String(PORT),
      PW_NODE: process.execPath,
      PW_CLI: CLI,
      PW_OUT: join(work, 'out'),
    },
  });
  const files = (await readdir(traces)).filter((name) => name.startsWith('wapiti.'));
  const contacts = (await Promise.all(files.map((name) => readFile(join(traces, name), 'utf8')))).flatMap(contactsOf);
  // Two calls at least: pipewarden's --version probe, then the scan.
  expect(files.length, run.stderr).toBeGreaterThanOrEqual(2);
  return { status: run.status, stderr: run.stderr, out: join(work, 'out'), contacts };
}

/**
 * What a run contacted besides the target: any address but the target (127.0.0.1:PORT) and Pipewarden's guard
 * (the -p proxy Wapiti was given, which forwards to the target alone: packages/core/src/dast/session.test.ts),
 * any resolver socket (nscd, systemd-resolved).
 */
async function offTarget(contacts: Contact[], out: string): Promise<string[]> {
  const network = contacts.filter((c) => c.family !== 'unix');
  expect(network.length, 'no connection to the target was traced').toBeGreaterThan(0);
  const sarif = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as { runs: { invocations?: { commandLine?: string }[] }[] };
  const guard = Number(/ -p http:\/\/127\.0\.0\.1:(\d+)\//.exec(sarif.runs[0]?.invocations?.[0]?.commandLine ?? '')?.[1]);
  expect(guard, 'wapiti was given the guard as its proxy').toBeGreaterThan(0);
  return contacts.filter((c) => (c.family === 'unix' ? /nscd|resolve/.test(c.address) : !(c.address === '127.0.0.1' && (c.port === PORT || c.port === guard)))).map((c) => c.line);
}

// A page that points everywhere but at itself: links, a form, frames, images, scripts, a meta refresh, a JS
// redirect, Location redirects to another name and to another loopback address.
const LINKS_OUT = `
const port = Number(process.env.PW_PORT);
require('node:http').createServer((req, res) => {
  if (req.url.startsWith('/away')) return res.writeHead(302, { location: 'http://outside.test/landing?x=1' }).end();
  if (req.url.startsWith('/elsewhere')) return res.writeHead(301, { location: 'http://127.0.0.2:' + port + '/' }).end();
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><html><head><title>out</title><link rel="stylesheet" href="https://cdn.outside.test/site.css">' +
    '<script src="https://cdn.outside.test/app.js"></script><meta http-equiv="refresh" content="5;url=http://outside.test/refresh"></head><body>' +
    '<a href="/away">away</a> <a href="/elsewhere">elsewhere</a> <a href="/search?q=' + encodeURIComponent(new URL(req.url, 'http://x').searchParams.get('q') ?? '') + '">search</a>' +
    '<a href="http://outside.test/page?id=1">outside</a> <a href="//outside.test/scheme-relative?id=2">relative</a>' +
    '<a href="http://127.0.0.2:' + port + '/other?id=3">another loopback address</a> <a href="http://localhost:' + port + '/by-name?id=4">by name</a>' +
    '<form action="http://outside.test/post" method="post"><input name="q"></form><iframe src="http://outside.test/frame?id=5"></iframe>' +
    '<img src="http://outside.test/pixel.png"><script>window.location = "http://outside.test/js";</script></body></html>');
}).listen(port, '127.0.0.1');
`;

describe.skipIf(!flags)('DAST reaches only the target', () => {
  it('wapiti against the demo app, loopback only: every connection goes to the target; no name is looked up, no proxy asked', async () => {
    const run = await scanInNamespace('cd "$PW_DIR" && PORT=$PW_PORT HOST=127.0.0.1 DEMO_FIXED=0 exec "$PW_NODE" server.js', DEMO);
    expect(await offTarget(run.contacts, run.out)).toEqual([]);
    // It ran for real, through no proxy: the XSS of the demo was found.
    const log = JSON.parse(await readFile(join(run.out, 'results.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(log.runs.flatMap((r) => r.results).map((r) => r.ruleId)).toContain('wapiti/cross-site-scripting');
    expect(run.status, run.stderr).toBe(1);
  }, 300_000);

  it('a target whose pages link, redirect and embed elsewhere: wapiti follows none of it off the target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-dast-links-'));
    await writeFile(join(dir, 'links-out.cjs'), LINKS_OUT);
    const run = await scanInNamespace('exec "$PW_NODE" "$PW_DIR/links-out.cjs"', dir);
    expect(await offTarget(run.contacts, run.out)).toEqual([]);
    expect(run.stderr).toMatch(/wapiti: ran/);
    expect([0, 1], run.stderr).toContain(run.status);
  }, 300_000);
});

describe('contactsOf reads strace lines', () => {
  it('IPv4, IPv6, Unix sockets, and any address form it does not know', () => {
    const trace = [
      '101 connect(4, {sa_family=AF_INET, sin_port=htons(3000), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)',
      '101 connect(4, {sa_family=AF_INET, sin_port=htons(3000), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)',
      '101 connect(4, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
      '101 sendto(5, "GET / HTTP/1.1\\r\\n"..., 300, 0, NULL, 0) = 300',
      '101 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:50c0:8000::154", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH',
      '101 connect(4, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)',
      '101 sendmmsg(4, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, msg_namelen=16}}], 2, MSG_NOSIGNAL) = 2',
      '101 connect(6, {sa_family=AF_INET, sin_port=htons(53), sin_addr=???}, 16) = 0',
    ].join('\n');
    expect(contactsOf(trace).map((c) => `${c.family} ${c.family === 'unparsed' ? '' : c.address}${c.port ? `:${c.port}` : ''}`.trim())).toEqual([
      'inet 127.0.0.1:3000',
      'inet 127.0.0.1:3000',
      'inet 10.255.255.53:53',
      'inet6 2606:50c0:8000::154:443',
      'unix /var/run/nscd/socket',
      'inet 8.8.8.8:53',
      'unparsed',
    ]);
  });
});
