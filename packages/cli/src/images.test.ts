import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';
import { startDockerLab, type DockerLab } from '../../../test-support/docker.js';
import { leftPadLockfile } from '../../../test-support/npm-lockfile.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const root = process.getuid?.() === 0;
const ready = root && hasTool('dockerd', ['--version'], 'apt-get install docker.io') && hasTool('docker-registry', ['--version'], 'apt-get install docker-registry') && hasTool('busybox', ['--help'], 'apt-get install busybox-static');
if (!root) process.stderr.write('\n[pipewarden tests] not root: skipping the image tests (they start a Docker daemon)\n');

function scan(dir: string, args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--stage', 'acceptance', '--fail-on', 'never', '--quiet', '--out-dir', join(dir, 'out'), ...args], { encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
  if (run.status !== 0) throw new Error(`scan exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
  return { report, rules: (report.findings as { rule: string }[]).map((f) => f.rule).sort(), stderr: run.stderr };
}

describe.skipIf(!ready)('the images a pipeline builds, with a real Docker daemon and registry', () => {
  let lab: DockerLab;
  const digests: string[] = [];
  const BASE = () => `${lab.registry}/base/busybox`;
  const pushedDigest = (tag: string) => /sha256:[a-f0-9]{64}/.exec(lab.docker(['push', tag]).split('\n').find((l) => l.includes('digest:')) ?? '')![0];

  beforeAll(async () => {
    lab = await startDockerLab();
    // The sanctioned base, v1, in the registry.
    lab.docker(['build', '-q', '-t', `${BASE()}:1`, lab.context('base-v1', 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n')]);
    digests.push(pushedDigest(`${BASE()}:1`));
  }, 120_000);
  afterAll(async () => lab?.stop(), 60_000);

  /** An app image built on whatever `${BASE}:1` is in the daemon, saved as an archive. */
  function app(name: string, policy: string): string {
    const dir = lab.context(name, `FROM ${BASE()}:1\nCOPY app.sh package.json /app/\nUSER 1000\nCMD ["/bin/sh", "/app/app.sh"]\n`, { 'app.sh': 'echo hello\n', 'pipewarden.yml': policy, 'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"left-pad":"1.3.0"}}', 'package-lock.json': leftPadLockfile('shop') });
    lab.docker(['build', '-q', '-t', `${name}:ci`, dir]);
    lab.docker(['save', '-o', join(dir, 'image.tar'), `${name}:ci`]);
    return dir;
  }

  const policy = (extra = '') => `images:\n  sanctioned:\n    - name: "${BASE()}"${extra}\n`;

  it('inspects the saved image: its base from the registry, the layers the build added, nothing to report but the unpinned FROM', () => {
    const dir = app('shop', policy(`\n      digests: ["${digests[0]}"]`));
    const ci = { CI_COMMIT_SHA: 'c0ffee'.padEnd(40, '0'), CI_COMMIT_REF_NAME: 'main', CI_PIPELINE_URL: 'https://gitlab.example.com/shop/-/pipelines/42', CI_PROJECT_PATH: 'acme/shop', CI_DEFAULT_BRANCH: 'main' };
    const { report, rules } = scan(dir, ['--scanners', 'dockerfile,image-policy,cyclonedx-npm', '--image-archive', join(dir, 'image.tar')], ci);
    expect(rules).toEqual(['PW-DF001']);
    const [image] = report.images;
    expect(image.names).toEqual(['shop:ci']);
    expect(image.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(image.base).toMatchObject({ name: `${BASE()}:1`, digest: digests[0], currentDigest: digests[0], fresh: true, sanctioned: true });
    expect(image.layers.base).toBe(2);
    expect(image.layers.added).toHaveLength(1);
    expect(image.layers.added[0].createdBy).toContain('COPY');
    // The application layer's SBOM, made by cyclonedx-npm in the same scan, summarized in the inventory.
    expect(image.sbom).toEqual({ generator: 'cyclonedx-npm (application layer)', components: 1 });
    // The audit trail: which commit and pipeline built this image on which base.
    expect(image.provenance).toEqual({ commit: ci.CI_COMMIT_SHA, branch: 'main', pipeline: ci.CI_PIPELINE_URL, repository: 'acme/shop', defaultBranch: 'main' });
    // …and in the history, where `pipewarden metrics` answers "which images are built on this base?".
    const history = join(dir, 'out', 'history.jsonl');
    const line = JSON.parse(readFileSync(history, 'utf8').trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ repo: 'acme/shop', commit: ci.CI_COMMIT_SHA, pipeline: ci.CI_PIPELINE_URL, stage: 'acceptance' });
    expect(line.images).toEqual([{ digest: image.digest, names: ['shop:ci'], base: { name: `${BASE()}:1`, digest: digests[0], fresh: true, sanctioned: true }, sbom: { generator: 'cyclonedx-npm (application layer)', components: 1 } }]);
    const metrics = spawnSync(process.execPath, [CLI, 'metrics', '--history', history, '--format', 'json'], { encoding: 'utf8' });
    expect(metrics.status, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout).images).toEqual([expect.objectContaining({ repo: 'acme/shop', digest: image.digest, base: `${BASE()}:1`, baseDigest: digests[0], commit: ci.CI_COMMIT_SHA })]);
  }, 120_000);

  it('reports drift when the image was built on a base rebuilt outside the pipeline', () => {
    // Same name and tag, different content, never pushed: someone patched the base by hand.
    lab.docker(['build', '-q', '-t', `${BASE()}:1`, lab.context('base-patched', 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && echo patched > /etc/patched"]\n')]);
    const dir = app('drifted', policy(`\n      digests: ["${digests[0]}"]`));
    const { report, rules } = scan(dir, ['--scanners', 'image-policy', '--image-archive', join(dir, 'image.tar')]);
    expect(rules).toEqual(['PW-IMG002']);
    expect(report.findings[0].message).toContain('rebuilt or patched outside the pipeline');
    expect(report.images[0].layers.base).toBeUndefined();
  }, 120_000);

  it('reports an outdated base when its tag has moved in the registry, weighing what upstream fixed', () => {
    lab.docker(['pull', `${BASE()}@${digests[0]}`]);
    lab.docker(['tag', `${BASE()}@${digests[0]}`, `${BASE()}:1`]);
    const dir = app('stale', '');
    // The platform releases v2 of the base under the same tag, and sanctions it.
    lab.docker(['build', '-q', '-t', `${BASE()}:1`, lab.context('base-v2', 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && echo v2 > /etc/base-release"]\n')]);
    digests.push(pushedDigest(`${BASE()}:1`));
    writeFileSync(join(dir, 'pipewarden.yml'), policy(`\n      digests: ["${digests[0]}", "${digests[1]}"]`));
    const vulns = (n: number) => JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Trivy' } }, results: Array.from({ length: n }, (_, i) => ({ ruleId: `CVE-2024-${1000 + i}`, message: { text: 'x' }, properties: { 'pipewarden/package': { name: 'busybox' } } })) }] });
    writeFileSync(join(dir, 'image-vulns.sarif'), vulns(11));
    writeFileSync(join(dir, 'base-vulns.sarif'), vulns(1));
    const quiet = scan(dir, ['--scanners', 'image-policy', '--image-archive', join(dir, 'image.tar')]);
    expect(quiet.rules).toEqual(['PW-IMG003']);
    expect(quiet.report.images[0].base).toMatchObject({ digest: digests[0], currentDigest: digests[1], fresh: false, sanctioned: true });
    const weighed = scan(dir, ['--scanners', 'image-policy', '--image-archive', join(dir, 'image.tar'), '--image-report', join(dir, 'image-vulns.sarif'), '--base-report', join(dir, 'base-vulns.sarif')]);
    expect(weighed.report.findings[0].message).toContain('10 vulnerabilities are fixed in the current base');
    expect(weighed.report.findings[0].score).toBeGreaterThan(quiet.report.findings[0].score);
  }, 180_000);

  it('reads an OCI image layout, as a folder and as a tar, made of what the registry serves', async () => {
    const { readImageArchive, RegistryClient, parseReference } = await import('@pipewarden/core');
    const layout = join(lab.dir, 'oci-layout');
    const url = `http://${lab.registry}/v2/base/busybox`;
    const manifest = await fetch(`${url}/manifests/${digests[0]}`, { headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
    const manifestBytes = Buffer.from(await manifest.arrayBuffer());
    const { config } = JSON.parse(manifestBytes.toString('utf8')) as { config: { digest: string } };
    const configBytes = Buffer.from(await (await fetch(`${url}/blobs/${config.digest}`)).arrayBuffer());
    mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(layout, 'blobs', 'sha256', digests[0]!.slice(7)), manifestBytes);
    writeFileSync(join(layout, 'blobs', 'sha256', config.digest.slice(7)), configBytes);
    writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: digests[0], size: manifestBytes.length, annotations: { 'org.opencontainers.image.ref.name': `${BASE()}:1` } }] }));
    const fromRegistry = await new RegistryClient().inspect(parseReference(`${BASE()}@${digests[0]}`)!);
    const folder = await readImageArchive(layout);
    expect(folder).toMatchObject({ digest: digests[0], configDigest: config.digest, names: [`${BASE()}:1`], layers: fromRegistry.layers });
    expect(folder.layers).toHaveLength(2);
    spawnSync('tar', ['-cf', join(lab.dir, 'oci.tar'), '-C', layout, '.']);
    expect(await readImageArchive(join(lab.dir, 'oci.tar'))).toMatchObject({ digest: digests[0], layers: fromRegistry.layers });
  }, 60_000);

  it('reads the image from the registry by reference too, and refuses a registry that is not there with one line', () => {
    const dir = lab.context('by-ref', `FROM ${BASE()}:1\n`, { 'pipewarden.yml': policy() });
    const { report } = scan(dir, ['--scanners', 'image-policy', '--image', `${BASE()}:1`]);
    expect(report.images[0].digest).toBe(digests[1]);
    const bad = spawnSync(process.execPath, [CLI, 'scan', dir, '--scanners', 'image-policy', '--image', '127.0.0.1:1/nothing/here:1', '--quiet', '--out-dir', join(dir, 'out2')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n').at(-1)).toMatch(/^pipewarden: image-policy: did not run: .*127\.0\.0\.1:1\/nothing\/here:1.*registry could not be reached/);
  }, 120_000);
});
