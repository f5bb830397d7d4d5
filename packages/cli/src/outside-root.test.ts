import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const unix = process.platform !== 'win32';
const strace = unix && hasTool('strace', ['-V'], 'apt-get install strace');

interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

/** The CLI, killed after 10 s: a run that waits on a FIFO fails the test instead of hanging it. */
function pipewarden(args: string[], cwd: string, wrap: string[] = []): Run {
  const started = Date.now();
  const [command, ...rest] = wrap.length ? wrap : [process.execPath];
  const run = spawnSync(command!, [...rest, ...(wrap.length ? [process.execPath] : []), CLI, ...args], { cwd, encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1', PIPEWARDEN_OFFLINE: '1' } });
  return { code: run.status, stderr: run.stderr, ms: Date.now() - started };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
});

const URIS = ['../outside.js', '%2e%2e/outside.js', '/etc/passwd', 'file:///etc/passwd', 'src/link.js', 'up/outside.js', 'src/pipe.js', 'src/app.js'];
/** Of URIS, those outside the root (the FIFO is inside: it is not read either, but not marked). */
const OUTSIDE = 6;

/** A repository next to a file it must never read, with a report naming that file every way there is. */
async function fixture(): Promise<{ base: string; root: string; report: string }> {
  const base = await realpath(await mkdtemp(join(tmpdir(), 'pw-outside-')));
  const root = join(base, 'repo');
  await mkdir(join(root, 'src'), { recursive: true });
  await writeFile(join(base, 'outside.js'), 'const password = "hunter2-but-longer-and-real";\neval(input);\n');
  await writeFile(join(root, 'src', 'app.js'), 'const a = 1;\neval(input);\n');
  await writeFile(join(root, 'src', 'routes.js'), "app.get('/items/:id', handler);\n");
  await symlink(join(base, 'outside.js'), join(root, 'src', 'link.js'));
  await symlink(join(base, 'outside.js'), join(root, 'src', 'linked-routes.js'));
  await symlink(base, join(root, 'up'));
  execFileSync('mkfifo', [join(root, 'src', 'pipe.js')]);
  const results = (tool: string) =>
    URIS.map((uri, i) => ({ ruleId: 'r1', message: { text: `${tool} ${i}` }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1, endLine: 2 } } }] }));
  const report = join(root, 'in.sarif');
  await writeFile(
    report,
    JSON.stringify({
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'Probe', rules: [{ id: 'r1' }] } }, results: results('code') },
        // A secrets tool: its findings are screened for placeholders by reading the flagged lines.
        { tool: { driver: { name: 'gitleaks', rules: [{ id: 'r1' }] } }, results: results('secret') },
        // A DAST finding with a URL only: mapped to a route by reading the source files.
        { tool: { driver: { name: 'ZAP', rules: [{ id: 'dast' }] } }, results: [{ ruleId: 'dast', message: { text: 'dast' }, properties: { 'pipewarden/dast': { url: 'http://127.0.0.1/items/3', method: 'GET' } } }] },
      ],
    }),
  );
  return { base, root, report };
}

/** The paths a traced run opened (openat and friends), from strace's output file. */
async function opened(trace: string): Promise<string[]> {
  const text = await readFile(trace, 'utf8');
  return [...text.matchAll(/open(?:at2?)?\((?:AT_FDCWD, )?"([^"]+)"/g)].map((m) => m[1]!);
}

function expectMarked(log: { runs: { results: { message: { text: string }; properties?: Record<string, unknown>; partialFingerprints?: Record<string, string>; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[] }): void {
  for (const run of log.runs.slice(0, 2)) {
    for (const [i, uri] of URIS.entries()) {
      // The secrets run's finding inside the root is read, found a placeholder ("1") and dropped: that is the screening working.
      if (run === log.runs[1] && i >= OUTSIDE) continue;
      const result = run.results.find((r) => r.message.text.endsWith(` ${i}`));
      expect(result, uri).toBeDefined();
      expect(result!.properties?.['pipewarden/outsideRoot'], uri).toBe(i < OUTSIDE ? true : undefined);
      // Where the report put it, as written.
      expect(result!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(uri);
      if (i < OUTSIDE && run === log.runs[0]) expect(result!.partialFingerprints?.primaryLocationLineHash, uri).toBeUndefined();
    }
  }
}

describe.skipIf(!unix)('nothing outside the scanned root is read', () => {
  it.skipIf(!strace)('convert: a result at "..", "%2e%2e", /etc/passwd, file:///etc/passwd or a symlink out is kept, marked, and never opened (strace)', async () => {
    const { base, root } = await fixture();
    const trace = join(base, 'convert.trace');
    const run = pipewarden(['convert', 'in.sarif', '-o', 'out.sarif'], root, ['strace', '-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', trace]);
    expect(run.code, run.stderr).toBe(0);
    const paths = await opened(trace);
    expect(paths.some((p) => p.endsWith('src/app.js')), 'the file inside the root is read').toBe(true);
    // Pipewarden's own code is not the fixture: semver ships a module named ranges/outside.js.
    expect(paths.filter((p) => !p.includes('/node_modules/') && /outside\.js|\/etc\/passwd|link\.js|pipe\.js/.test(p))).toEqual([]);
    expectMarked(JSON.parse(await readFile(join(root, 'out.sarif'), 'utf8')));
  });

  it.skipIf(!strace)('scan --report: nor by the exclusion rules, the secrets screening or the route mapping; the symlink out is not listed for scanners', async () => {
    const { base, root } = await fixture();
    execFileSync('git', ['init', '-q'], { cwd: root });
    const trace = join(base, 'scan.trace');
    const run = pipewarden(['scan', '.', '--scanners', 'none', '--report', 'in.sarif', '--fail-on', 'never', '--no-history', '--out-dir', join(base, 'out')], root, ['strace', '-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', trace]);
    expect(run.code, run.stderr).toBe(0);
    const paths = await opened(trace);
    expect(paths.filter((p) => !p.includes('/node_modules/') && /outside\.js|\/etc\/passwd|link\.js|linked-routes\.js|pipe\.js/.test(p))).toEqual([]);
    const log = JSON.parse(await readFile(join(base, 'out', 'results.sarif'), 'utf8'));
    expectMarked(log);
    // The route came from the file inside the root.
    const dast = log.runs[2].results[0];
    expect(dast.properties['pipewarden/route']).toMatchObject({ file: 'src/routes.js', template: '/items/:id' });
  });

  it('scan with a scanner: the file list given to it leaves out the symlink that leads outside, and says so', async () => {
    const { base, root } = await fixture();
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'src'], { cwd: root });
    const run = pipewarden(['scan', '.', '--scanners', 'dockerfile', '--fail-on', 'never', '--no-history', '--out-dir', join(base, 'out')], root);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(base, 'out', 'report.json'), 'utf8')) as { excluded: { files: Record<string, number> } };
    // src/link.js, src/linked-routes.js and up/: never handed to a scanner.
    expect(report.excluded.files).toEqual({ outside: 3 });
    expect(await readFile(join(base, 'out', 'summary.md'), 'utf8')).toMatch(/3 symlinks that lead outside the scanned folder/);
  });
});

describe.skipIf(!unix)('a FIFO, socket or device where a file is read: refused at once, one line, exit 2', () => {
  let dir: string;
  let fifo: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-fifo-'));
    fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await mkdir(join(dir, 'app'));
    await writeFile(join(dir, 'ok.sarif'), JSON.stringify({ version: '2.1.0', runs: [] }));
  });

  const cases: [string, (fifo: string) => string[]][] = [
    ['--config', (f) => ['scan', 'app', '--scanners', 'none', '--config', f, '--out-dir', 'out']],
    ['--report', (f) => ['scan', 'app', '--scanners', 'none', '--report', f, '--out-dir', 'out']],
    ['the history file', (f) => ['scan', 'app', '--scanners', 'none', '--history', f, '--out-dir', 'out']],
    ['a baseline', (f) => ['gate', 'ok.sarif', '--baseline', f]],
    ['a report to convert', (f) => ['convert', f]],
    ['a log to report on', (f) => ['report', f, '--format', 'markdown']],
    ['the feeds folder\'s KEV file', () => ['gate', 'ok.sarif', '--feeds-dir', 'feeds']],
  ];
  for (const [what, args] of cases) {
    it(`${what}`, async () => {
      if (what.includes('KEV')) {
        await mkdir(join(dir, 'feeds'), { recursive: true });
        if (!existsSync(join(dir, 'feeds', 'known_exploited_vulnerabilities.json'))) execFileSync('mkfifo', [join(dir, 'feeds', 'known_exploited_vulnerabilities.json')]);
      }
      const run = pipewarden(args('fifo'), dir);
      expect(run.ms).toBeLessThan(5000);
      expect(run.code, run.stderr).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^pipewarden: \S*(fifo|known_exploited_vulnerabilities\.json): .*is not a regular file \(a FIFO\); refused without opening it$/);
    });
  }

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero as a report: refused as a device, not read forever', () => {
    const run = pipewarden(['convert', '/dev/zero'], dir);
    expect(run.ms).toBeLessThan(5000);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('pipewarden: /dev/zero: is not a regular file (a character device); refused without opening it');
  });
});

describe.skipIf(!unix)('an image layout whose config points at /dev/zero or at an endless file', () => {
  /** An OCI layout whose config descriptor declares `size`; `blob` makes the config blob. */
  async function layout(blob: (path: string) => Promise<void>, size: number): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'pw-layout-'));
    const hex = 'c'.repeat(64);
    await mkdir(join(dir, 'image', 'blobs', 'sha256'), { recursive: true });
    await mkdir(join(dir, 'app'));
    await blob(join(dir, 'image', 'blobs', 'sha256', hex));
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${hex}`, size }, layers: [] }));
    const digest = createHash('sha256').update(manifest).digest('hex');
    await writeFile(join(dir, 'image', 'blobs', 'sha256', digest), manifest);
    await writeFile(join(dir, 'image', 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${digest}`, size: manifest.length }] }));
    return dir;
  }

  function scanImage(dir: string): Run {
    return pipewarden(['scan', 'app', '--stage', 'acceptance', '--scanners', 'image-policy', '--image-archive', 'image', '--quiet', '--no-history', '--out-dir', 'out'], dir);
  }

  it.skipIf(!existsSync('/dev/zero'))('a config blob that is a symlink to /dev/zero: the scanner could not run, said in one line, at once', async () => {
    const run = scanImage(await layout((path) => symlink('/dev/zero', path), 1000));
    expect(run.ms).toBeLessThan(5000);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^pipewarden: image-policy: did not run: .*image: names blobs\/sha256\/c{64}, which leads outside the image layout; not read$/);
  });

  it('a config blob of a terabyte (sparse), refused by its size before anything is read', async () => {
    const huge = async (path: string) => {
      await writeFile(path, '');
      execFileSync('truncate', ['-s', '1T', path]);
    };
    let run = scanImage(await layout(huge, 1000));
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/did not run: .*holds blobs\/sha256\/c{64}, larger than the 1000 bytes its descriptor says; not read$/);
    run = scanImage(await layout(huge, 1024 ** 4));
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/did not run: .*names blobs\/sha256\/c{64} of 1099511627776 bytes, more than an image's metadata can be$/);
  });
});
