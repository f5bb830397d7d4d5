import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';
import { leftPadLockfile } from '../../../test-support/npm-lockfile.js';
import { hasTool } from '../../../test-support/tools.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

interface Log {
  runs: { tool: { driver: { name: string } }; properties?: Record<string, unknown>; results: unknown[]; invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[] }[];
}

function pipewarden(cwd: string, args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-scanners-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  await writeFile(join(dir, '.gitignore'), 'out/\nbin/\n');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const runsOf = async (dir: string) => (JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as Log).runs;

describe('scanners from Debian and npm, run for real', () => {
  it('lockfile-lint flags a lockfile entry from another host over plain HTTP', async () => {
    const lock = (resolved: string) =>
      JSON.stringify({
        name: 'x',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: { '': { name: 'x', version: '1.0.0' }, 'node_modules/left-pad': { version: '1.3.0', resolved, integrity: 'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQpQcRenBVZXPh+a7vdA99w5RWmZ4ZCrt+bbqSNU9AJmhHkKA==' } },
      });
    const tampered = await repo({ 'package-lock.json': lock('http://registry.evil.example/left-pad/-/left-pad-1.3.0.tgz') });
    const run = pipewarden(tampered, ['scan', '--scanners', 'lockfile-lint', '--out-dir', 'out']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/lockfile-lint\/invalid-protocol/);
    expect(run.stdout).toMatch(/lockfile-lint\/invalid-host-s/);
    const clean = await repo({ 'package-lock.json': lock('https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz') });
    const ok = pipewarden(clean, ['scan', '--scanners', 'lockfile-lint', '--out-dir', 'out']);
    expect({ code: ok.code, stderr: ok.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/lockfile-lint: ran, 0 findings/) });
  });

  it.skipIf(!hasTool('bandit', ['--version'], 'apt-get install bandit'))('bandit finds a shell injection in Python', async () => {
    const dir = await repo({ 'app.py': 'import subprocess\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n' });
    const run = pipewarden(dir, ['scan', '--scanners', 'bandit', '--out-dir', 'out']);
    expect(run.stderr).toMatch(/bandit: ran, [1-9]\d* findings?/);
    expect(run.stdout).toMatch(/app\.py:4 +B602/);
  });

  it.skipIf(!hasTool('flawfinder', ['--version'], 'apt-get install flawfinder'))('flawfinder flags strcpy in C (SARIF)', async () => {
    const dir = await repo({ 'src/copy.c': '#include <string.h>\nvoid f(char *in) {\n  char buf[8];\n  strcpy(buf, in);\n}\n' });
    const run = pipewarden(dir, ['scan', '--scanners', 'flawfinder', '--out-dir', 'out']);
    expect(run.stderr).toMatch(/flawfinder: ran, [1-9]\d* findings?/);
    expect(run.stdout).toMatch(/src\/copy\.c:4 /);
  });

  it.skipIf(!hasTool('cppcheck', ['--version'], 'apt-get install cppcheck'))('cppcheck finds a null dereference (XML)', async () => {
    const dir = await repo({ 'src/p.c': 'void f(void) {\n  char *p = 0;\n  *p = 1;\n}\n' });
    const run = pipewarden(dir, ['scan', '--scanners', 'cppcheck', '--out-dir', 'out']);
    expect(run.stdout).toMatch(/src\/p\.c:3 +nullPointer/);
  });

  it.skipIf(!hasTool('npm'))('cyclonedx-npm writes an SBOM of the lockfile (no findings, the SBOM kept), also when run from a pnpm script', async () => {
    const dir = await repo({
      'package.json': JSON.stringify({ name: 'demo', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }),
      'package-lock.json': leftPadLockfile('demo'),
    });
    // npm's update check is network: off, so the test stays on this machine.
    const run = pipewarden(dir, ['scan', '--scanners', 'cyclonedx-npm', '--out-dir', 'out'], { NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_OFFLINE: 'true', npm_execpath: '/usr/lib/node_modules/pnpm/bin/pnpm.cjs' });
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/cyclonedx-npm: ran, 0 findings/) });
    const bom = JSON.parse(await readFile(join(dir, 'out', 'raw', 'cyclonedx-npm.json'), 'utf8')) as { bomFormat: string; components: { name: string }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.components.map((c) => c.name)).toContain('left-pad');
  });
});

/** A stand-in executable: answers the version probe as the tool does, records its arguments, writes a real report. */
async function fakeTool(bin: string, spec: { name: string; version: string; versionArgs: string[]; outFlag?: string; report: string; exit: number; log: string }): Promise<void> {
  const script = `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(spec.log)}, JSON.stringify({ tool: ${JSON.stringify(spec.name)}, args }) + '\\n');
if (${JSON.stringify(spec.versionArgs)}.every((a, i) => args[i] === a)) { process.stdout.write(${JSON.stringify(spec.version)} + '\\n'); process.exit(0); }
const data = fs.readFileSync(${JSON.stringify(spec.report)});
const flag = ${JSON.stringify(spec.outFlag ?? null)};
if (flag) fs.writeFileSync(args[args.indexOf(flag) + 1], data); else process.stdout.write(data);
process.exit(${spec.exit});
`;
  await writeFile(join(bin, spec.name), script);
  await chmod(join(bin, spec.name), 0o755);
}

describe.skipIf(!hasShared)('scanners not installable here, through stand-ins that write real reports', () => {
  sharedNotice('the stand-in scanner tests');
  let dir: string;
  let calls: { tool: string; args: string[] }[];
  let run: { code: number | null; stdout: string; stderr: string };
  const corpus = (path: string) => join(sharedDir, 'corpus', path);

  beforeAll(async () => {
    dir = await repo({
      'package-lock.json': '{"name":"x","lockfileVersion":3,"packages":{}}',
      'Dockerfile': 'FROM node:latest\n',
      'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      'app.py': 'print(1)\n',
    });
    const bin = join(dir, 'bin');
    await mkdir(bin);
    const log = join(dir, 'calls.jsonl');
    const specs = [
      { name: 'semgrep', version: '1.85.0', versionArgs: ['--version'], outFlag: '--output', report: corpus('semgrep/many_findings.json'), exit: 0 },
      { name: 'trivy', version: 'Version: 0.54.1', versionArgs: ['--version'], outFlag: '--output', report: corpus('trivy/misconfigurations_and_secrets.json'), exit: 0 },
      { name: 'grype', version: 'Application: grype\nVersion: 0.79.0', versionArgs: ['version'], outFlag: '--file', report: corpus('anchore_grype/check_all_fields.json'), exit: 0 },
      { name: 'gitleaks', version: 'v8.18.4', versionArgs: ['version'], outFlag: '--report-path', report: corpus('gitleaks/gitleaks8_many.json'), exit: 1 },
      { name: 'osv-scanner', version: 'osv-scanner version: 1.8.2', versionArgs: ['--version'], outFlag: '--output', report: corpus('osv_scanner/some_findings.json'), exit: 1 },
      { name: 'checkov', version: '3.2.255', versionArgs: ['--version'], report: corpus('checkov/checkov-report-severity.json'), exit: 1 },
      { name: 'hadolint', version: 'Haskell Dockerfile Linter 2.12.0', versionArgs: ['--version'], report: corpus('hadolint/one_dockerfile.json'), exit: 0 },
    ];
    for (const spec of specs) await fakeTool(bin, { ...spec, log });
    run = pipewarden(dir, ['scan', '--scanners', specs.map((s) => s.name).join(','), '--out-dir', 'out'], { PATH: `${bin}:${process.env.PATH}` });
    calls = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { tool: string; args: string[] });
  });

  it('each ran, with the command line its tool expects, and its report was read', async () => {
    for (const tool of ['semgrep', 'trivy', 'grype', 'gitleaks', 'osv-scanner', 'checkov', 'hadolint']) expect(run.stderr).toMatch(new RegExp(`${tool}: ran, [1-9]\\d* findings?`));
    const argsOf = (tool: string) => calls.filter((c) => c.tool === tool).at(-1)!.args;
    expect(argsOf('trivy').slice(0, 5)).toEqual(['fs', '--format', 'json', '--output', expect.stringMatching(/out\/raw\/trivy\.json$/)]);
    expect(argsOf('gitleaks')).toEqual(expect.arrayContaining(['detect', '--no-git', '--redact']));
    expect(argsOf('semgrep')).toEqual(expect.arrayContaining(['scan', '--json', '--metrics', 'off']));
    expect(argsOf('hadolint')).toEqual(['--format', 'json', '--no-fail', 'Dockerfile']);
    expect(argsOf('grype').slice(0, 3)).toEqual(['dir:.', '-o', 'json']);
    const names = (await runsOf(dir)).map((r) => r.tool.driver.name);
    expect(names).toEqual(expect.arrayContaining(['Semgrep', 'Trivy', 'Grype', 'Gitleaks', 'OSV-Scanner', 'Checkov', 'Hadolint']));
  });

  it('exit codes that mean "found something" are findings, not failures; the gate then fails on them', () => {
    expect(run.stderr).not.toMatch(/did not run/);
    expect(run.code).toBe(1);
  });

  it('the acceptance stage: trivy image on --image, and ZAP baseline on --target-url', async () => {
    const bin = join(dir, 'bin-acceptance');
    await mkdir(bin);
    const log = join(dir, 'acceptance.jsonl');
    await fakeTool(bin, { name: 'trivy', version: 'Version: 0.54.1', versionArgs: ['--version'], outFlag: '--output', report: corpus('trivy/scheme_2_many_vulns.json'), exit: 0, log });
    // zap-baseline.py writes -J's file into its working directory; the stand-in writes a real ZAP report there.
    await writeFile(join(bin, 'zap-baseline.py'), `#!${process.execPath}
const fs = require('fs');
const a = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: 'zap', args: a }) + '\\n');
if (a[0] === '-h') { console.log('Usage: zap-baseline.py -t <target>'); process.exit(0); }
fs.copyFileSync(${JSON.stringify(corpus('zap/some_2.9.0.xml'))}, a[a.indexOf('-J') + 1]);
process.exit(2);
`);
    await chmod(join(bin, 'zap-baseline.py'), 0o755);
    const accept = pipewarden(dir, ['scan', '--stage', 'acceptance', '--image', 'registry.example.com/teamdojo:latest', '--target-url', 'http://127.0.0.1:9/', '--scanners', 'trivy-image,zap', '--out-dir', 'out-acc'], { PATH: `${bin}:${process.env.PATH}` });
    expect(accept.stderr).toMatch(/trivy-image: ran, [1-9]\d* findings?/);
    expect(accept.stderr).toMatch(/zap: ran, [1-9]\d* findings?/);
    const recorded = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { tool: string; args: string[] });
    expect(recorded.find((c) => c.tool === 'trivy' && c.args[0] === 'image')!.args.slice(-2)).toEqual(['--', 'registry.example.com/teamdojo:latest']);
    expect(recorded.find((c) => c.tool === 'zap' && c.args[0] === '-t')!.args.slice(0, 4)).toEqual(['-t', 'http://127.0.0.1:9/', '-J', 'zap.json']);
    const runs = JSON.parse(await readFile(join(dir, 'out-acc', 'results.sarif'), 'utf8')) as Log;
    const image = runs.runs.find((r) => r.tool.driver.name === 'Trivy')!.results[0] as { properties: Record<string, unknown> };
    expect(image.properties['pipewarden/category']).toBe('container');
  });

  it('grype and syft on the image the pipeline built: an OCI layout folder, a saved archive, or the registry, never a daemon', async () => {
    const bin = join(dir, 'bin-anchore');
    await mkdir(bin);
    const log = join(dir, 'anchore.jsonl');
    await fakeTool(bin, { name: 'grype', version: 'Application:   grype\nVersion:   0.80.1', versionArgs: ['version'], outFlag: '--file', report: corpus('anchore_grype/many_vulns2.json'), exit: 0, log });
    // syft names its output file in the -o value (cyclonedx-json=FILE).
    await writeFile(join(bin, 'syft'), `#!${process.execPath}
const fs = require('fs');
const a = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: 'syft', args: a }) + '\\n');
if (a[0] === 'version') { console.log('Application:   syft\\nVersion:   1.14.0'); process.exit(0); }
fs.copyFileSync(${JSON.stringify(corpus('cyclonedx/issue_8022.json'))}, a[a.indexOf('-o') + 1].replace(/^cyclonedx-json=/, ''));
`);
    await chmod(join(bin, 'syft'), 0o755);
    const layout = join(dir, 'oci-layout');
    await mkdir(layout, { recursive: true });
    await writeFile(join(dir, 'image.tar'), 'a saved image (the stand-ins do not read it)');
    const env = { PATH: `${bin}:${process.env.PATH}` };
    for (const [args, source] of [
      [['--image-archive', layout], `oci-dir:${layout}`],
      [['--image-archive', join(dir, 'image.tar')], join(dir, 'image.tar')],
      [['--image', 'registry.example.com/shop:1.2'], 'registry:registry.example.com/shop:1.2'],
    ] as const) {
      const scan = pipewarden(dir, ['scan', '--stage', 'acceptance', '--scanners', 'grype-image,syft-image', '--fail-on', 'never', '--no-history', '--out-dir', 'out-anchore', ...args], env);
      expect(scan.code, scan.stderr).toBe(0);
      expect(scan.stderr).toMatch(/grype-image: ran, [1-9]\d* findings?/);
      expect(scan.stderr).toMatch(/syft-image: ran, \d+ findings? in/);
      const calls = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { tool: string; args: string[] });
      expect(calls.filter((c) => c.tool === 'grype').at(-1)!.args.slice(0, 3)).toEqual([source, '-o', 'json']);
      expect(calls.filter((c) => c.tool === 'syft').at(-1)!.args[0]).toBe(source);
    }
    const runs = JSON.parse(await readFile(join(dir, 'out-anchore', 'results.sarif'), 'utf8')) as Log;
    const grype = runs.runs.find((r) => r.properties?.['pipewarden/scanner'] === 'grype-image')!;
    expect((grype.results[0] as { properties: Record<string, unknown> }).properties['pipewarden/category']).toBe('container');
    // The whole image's SBOM is kept and counted (the inventory takes the count when image-policy runs too).
    const sbom = runs.runs.find((r) => r.properties?.['pipewarden/scanner'] === 'syft-image')!;
    expect(sbom.properties!['pipewarden/sbomComponents']).toBeGreaterThan(0);
  });

  it('npm audit refused by the registry (405) is a scanner failure with that reason', async () => {
    const bin = join(dir, 'bin-npm');
    await mkdir(bin);
    const refused = join(dir, 'refused.json');
    await writeFile(refused, JSON.stringify({ error: { code: 'E405', summary: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', detail: '' } }));
    await fakeTool(bin, { name: 'npm', version: '10.8.2', versionArgs: ['--version'], report: refused, exit: 1, log: join(dir, 'npm.jsonl') });
    const audit = pipewarden(dir, ['scan', '--scanners', 'npm-audit', '--out-dir', 'out-npm'], { PATH: `${bin}:${process.env.PATH}` });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/^pipewarden: npm-audit: did not run: E405: 405 Method Not Allowed/m);
    const log = JSON.parse(await readFile(join(dir, 'out-npm', 'results.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
  });
});
