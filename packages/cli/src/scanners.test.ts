import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';
import { leftPadLockfile } from '../../../test-support/npm-lockfile.js';
import {
  checkovStandIn,
  gitleaksStandIn,
  grypeStandIn,
  npmRefusedAuditStandIn,
  osvScannerStandIn,
  semgrepStandIn,
  trivyStandIn,
  zapBaselineStandIn,
  type StandInCall,
  type StandInPlace,
} from '../../../test-support/stand-ins.js';
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

  it.skipIf(!hasTool('bandit', ['--version'], 'apt-get install bandit'))('bandit: a file it cannot parse makes a partial run whose findings count', async () => {
    const dir = await repo({ 'legacy.py': 'print "python 2"\n', 'app.py': 'import subprocess\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n' });
    const run = pipewarden(dir, ['scan', '--scanners', 'bandit', '--out-dir', 'out']);
    expect(run.stderr).toMatch(/bandit: partial, [1-9]\d* findings?, 1 file not analysed/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as { scanners: { id: string; status: string; notAnalysed?: { file: string }[] }[] };
    expect(report.scanners.find((s) => s.id === 'bandit')).toMatchObject({ status: 'partial', notAnalysed: [{ file: 'legacy.py' }] });
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

/** A stand-in for a tool outside issue 21's list (Hadolint): answers the version probe, records its arguments, writes a real report. */
async function fakeTool(bin: string, spec: { name: string; version: string; versionArgs: string[]; outFlag?: string; report: string; exit: number; log: string }): Promise<void> {
  const script = `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(spec.log)}, JSON.stringify({ tool: ${JSON.stringify(spec.name)}, args, cwd: process.cwd() }) + '\\n');
if (${JSON.stringify(spec.versionArgs)}.every((a, i) => args[i] === a)) { process.stdout.write(${JSON.stringify(spec.version)} + '\\n'); process.exit(0); }
const data = fs.readFileSync(${JSON.stringify(spec.report)});
const flag = ${JSON.stringify(spec.outFlag ?? null)};
if (flag) fs.writeFileSync(args[args.indexOf(flag) + 1], data); else process.stdout.write(data);
process.exit(${spec.exit});
`;
  await writeFile(join(bin, spec.name), script);
  await chmod(join(bin, spec.name), 0o755);
}

/** A folder for stand-ins inside a test repository (git-ignored there), and their call log. */
async function standIns(dir: string, name: string): Promise<StandInPlace & { env: Record<string, string>; calls: () => Promise<StandInCall[]> }> {
  const bin = join(dir, 'bin', name);
  await mkdir(bin, { recursive: true });
  const log = join(dir, `${name}.jsonl`);
  const calls = async () => (existsSync(log) ? (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as StandInCall) : []);
  return { bin, log, env: { PATH: `${bin}:${process.env.PATH}` }, calls };
}

type Result = { ruleId: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[]; partialFingerprints?: Record<string, string>; properties?: Record<string, unknown> };
const resultsOf = (runs: Log['runs'], scanner: string) => runs.filter((r) => r.properties?.['pipewarden/scanner'] === scanner).flatMap((r) => r.results as Result[]);

// AWS's documentation keys: shaped like real access key ids, valid nowhere.
const KEYS = ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'];

describe.skipIf(!hasShared)('scanners not installable here, through stand-ins of their current releases', () => {
  sharedNotice('the stand-in scanner tests');
  let dir: string;
  let place: Awaited<ReturnType<typeof standIns>>;
  let calls: StandInCall[];
  let run: { code: number | null; stdout: string; stderr: string };
  const corpus = (path: string) => join(sharedDir, 'corpus', path);

  beforeAll(async () => {
    dir = await repo({
      'package-lock.json': leftPadLockfile('x'),
      'Dockerfile': 'FROM node:latest\n',
      'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      'app.py': 'print(1)\n',
      'config/aws.js': `const primary = '${KEYS[0]}';\nconst backup = '${KEYS[1]}';\n`,
      // The repository's own settings for two tools, which read them from their working directory: findings
      // must still read as findings, not as a failed run.
      'trivy.yaml': 'exit-code: 1\n',
      '.grype.yaml': 'fail-on-severity: low\n',
    });
    place = await standIns(dir, 'commit');
    await semgrepStandIn(place, corpus('semgrep/many_findings.json'));
    await trivyStandIn(place, corpus('trivy/misconfigurations_and_secrets.json'));
    await grypeStandIn(place, corpus('anchore_grype/check_all_fields.json'));
    await gitleaksStandIn(place);
    await osvScannerStandIn(place, corpus('osv_scanner/some_findings.json'));
    // Two frameworks checked something: Checkov prints a list.
    await checkovStandIn(place, [corpus('checkov/checkov-report-severity.json'), corpus('checkov/checkov-report-1-vuln.json')]);
    await fakeTool(place.bin, { name: 'hadolint', version: 'Haskell Dockerfile Linter 2.12.0', versionArgs: ['--version'], report: corpus('hadolint/one_dockerfile.json'), exit: 0, log: place.log });
    run = pipewarden(dir, ['scan', '--scanners', 'semgrep,trivy,grype,gitleaks,osv-scanner,checkov,hadolint', '--out-dir', 'out'], place.env);
    calls = await place.calls();
  });

  const argsOf = (tool: string) => calls.filter((c) => c.tool === tool).at(-1)!.args;

  it('each ran, with the command line its current release takes, and its report was read', async () => {
    for (const tool of ['semgrep', 'trivy', 'grype', 'gitleaks', 'osv-scanner', 'checkov', 'hadolint']) expect(run.stderr).toMatch(new RegExp(`${tool}: ran, [1-9]\\d* findings?`));
    expect(argsOf('trivy').slice(0, 5)).toEqual(['fs', '--format', 'json', '--output', expect.stringMatching(/out\/\.raw-[^/]+\/trivy\.json$/)]);
    expect(argsOf('gitleaks').slice(0, 2)).toEqual(['dir', '.']);
    expect(argsOf('gitleaks')).toEqual(expect.arrayContaining(['--redact', '--exit-code', '3']));
    expect(argsOf('semgrep')).toEqual(expect.arrayContaining(['scan', '--config', 'p/default', '--json', '--metrics', 'off']));
    expect(argsOf('semgrep')).not.toContain('auto');
    expect(argsOf('osv-scanner')).toEqual(['scan', 'source', '--format', 'json', '--recursive', '.']);
    expect(argsOf('hadolint')).toEqual(['--format', 'json', '--no-fail', 'Dockerfile']);
    expect(argsOf('grype').slice(0, 3)).toEqual(['dir:.', '-o', 'json']);
    const names = (await runsOf(dir)).map((r) => r.tool.driver.name);
    expect(names).toEqual(expect.arrayContaining(['Semgrep', 'Trivy', 'Grype', 'Gitleaks', 'OSV-Scanner', 'Checkov', 'Hadolint']));
  });

  it('exit codes that mean "found something" are findings, not failures, whatever trivy.yaml and .grype.yaml set; the gate then fails on them', () => {
    // trivy.yaml says exit-code 1 (the flag wins); .grype.yaml's fail-on-severity makes Grype exit 2.
    expect(argsOf('trivy')).toEqual(expect.arrayContaining(['--exit-code', '0']));
    expect(run.stderr).not.toMatch(/did not run/);
    expect(run.code).toBe(1);
  });

  it('gitleaks --redact: no secret in its report nor in ours, and each leak keeps an identity of its own', async () => {
    const raw = await readFile(join(dir, 'out', 'raw', 'gitleaks.json'), 'utf8');
    expect((JSON.parse(raw) as { Secret: string }[]).map((leak) => leak.Secret)).toEqual(['REDACTED', 'REDACTED']);
    const sarif = await readFile(join(dir, 'out', 'results.sarif'), 'utf8');
    for (const key of KEYS) expect(`${raw}${sarif}`).not.toContain(key);
    const leaks = resultsOf(await runsOf(dir), 'gitleaks');
    expect(leaks).toHaveLength(2);
    const digests = leaks.map((leak) => leak.partialFingerprints!['pipewarden/v1']!.split(':')[0]);
    expect(new Set(digests).size).toBe(2);
  });

  it('gitleaks cut short (exit 1 after writing its report) is a partial run whose leaks count, not a failure', async () => {
    const again = pipewarden(dir, ['scan', '--scanners', 'gitleaks', '--out-dir', 'out-partial'], { ...place.env, STAND_IN_PARTIAL: '1' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/gitleaks: partial, 2 findings/);
    expect(again.stderr).not.toMatch(/did not run/);
    const report = JSON.parse(await readFile(join(dir, 'out-partial', 'report.json'), 'utf8')) as { verdict: string; scanners: { id: string; status: string; reason: string }[] };
    expect(report.verdict).toBe('fail');
    expect(report.scanners.find((s) => s.id === 'gitleaks')).toMatchObject({ status: 'partial', reason: expect.stringMatching(/partial scan completed/) });
  });

  it('OSV-Scanner\'s absolute source.path becomes the lockfile\'s path in the checkout', async () => {
    const found = resultsOf(await runsOf(dir), 'osv-scanner');
    expect(found.length).toBeGreaterThan(0);
    for (const result of found) expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('package-lock.json');
    expect(JSON.stringify(found)).not.toContain(dir);
  });

  it('Checkov\'s list of framework reports: the findings of each are read', async () => {
    const count = (file: string) => (JSON.parse(readFileSync(corpus(file), 'utf8')) as { results: { failed_checks: unknown[] } }).results.failed_checks.length;
    expect(resultsOf(await runsOf(dir), 'checkov')).toHaveLength(count('checkov/checkov-report-severity.json') + count('checkov/checkov-report-1-vuln.json'));
  });

  it('Semgrep refuses --config auto with --metrics off, as the real one does; rulesets come from scanners.semgrep.config', async () => {
    const repoDir = await repo({ 'app.py': 'print(1)\n', 'rules/local.yml': 'rules: []\n' });
    const place = await standIns(repoDir, 'semgrep');
    await semgrepStandIn(place, corpus('semgrep/many_findings.json'));
    const refused = spawnSync(join(place.bin, 'semgrep'), ['scan', '--config', 'auto', '--json', '--output', join(repoDir, 'x.json'), '--metrics', 'off'], { cwd: repoDir, encoding: 'utf8' });
    expect({ status: refused.status, stderr: refused.stderr.trim(), written: existsSync(join(repoDir, 'x.json')) }).toEqual({
      status: 2,
      stderr: '[ERROR] Cannot create auto config when metrics are off. Please allow metrics or run with a specific config.',
      written: false,
    });
    // Local rule files for an air-gapped runner.
    await writeFile(join(repoDir, 'pipewarden.yml'), 'scanners:\n  semgrep:\n    config: [rules/local.yml]\n');
    const local = pipewarden(repoDir, ['scan', '--scanners', 'semgrep', '--out-dir', 'out', '--fail-on', 'never'], place.env);
    expect(local.stderr).toMatch(/semgrep: ran, [1-9]\d* findings?/);
    expect((await place.calls()).at(-1)!.args.slice(0, 3)).toEqual(['scan', '--config', 'rules/local.yml']);
    // A rule file that is not there: Semgrep's exit 7, a failed run with its own words.
    await writeFile(join(repoDir, 'pipewarden.yml'), 'scanners:\n  semgrep:\n    config: rules/missing.yml\n');
    const missing = pipewarden(repoDir, ['scan', '--scanners', 'semgrep', '--out-dir', 'out'], place.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^pipewarden: semgrep: did not run: exited with 7: \[ERROR\] invalid configuration file found/m);
    // "auto" is refused before anything runs, with the reason.
    await writeFile(join(repoDir, 'pipewarden.yml'), 'scanners:\n  semgrep:\n    config: auto\n');
    const auto = pipewarden(repoDir, ['scan', '--scanners', 'semgrep', '--out-dir', 'out'], place.env);
    expect(auto.code).toBe(2);
    expect(auto.stderr).toMatch(/scanners\.semgrep\.config: "auto" needs Semgrep metrics/);
  });

  it('OSV-Scanner: no packages (exit 128, nothing written) is a clean run; a checkout gives one fingerprint wherever it lies', async () => {
    const empty = await repo({ 'package-lock.json': '{"name":"x","lockfileVersion":3,"requires":true,"packages":{}}\n' });
    const emptyPlace = await standIns(empty, 'osv');
    await osvScannerStandIn(emptyPlace, corpus('osv_scanner/some_findings.json'));
    const none = pipewarden(empty, ['scan', '--scanners', 'osv-scanner', '--out-dir', 'out', '--no-history'], emptyPlace.env);
    expect({ code: none.code, stderr: none.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/osv-scanner: ran, 0 findings/) });
    expect(none.stderr).not.toMatch(/did not run/);

    const prints: string[][] = [];
    for (let copy = 0; copy < 2; copy++) {
      const checkout = await repo({ 'web/package-lock.json': leftPadLockfile('web') });
      const place = await standIns(checkout, 'osv');
      await osvScannerStandIn(place, corpus('osv_scanner/some_findings.json'));
      const scan = pipewarden(checkout, ['scan', '--scanners', 'osv-scanner', '--out-dir', 'out', '--fail-on', 'never', '--no-history'], place.env);
      expect(scan.stderr).toMatch(/osv-scanner: ran, [1-9]\d* findings?/);
      const found = resultsOf(await runsOf(checkout), 'osv-scanner');
      expect(found.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual(found.map(() => 'web/package-lock.json'));
      prints.push(found.map((r) => r.partialFingerprints!['pipewarden/v1']!));
    }
    expect(prints[1]).toEqual(prints[0]);
  });

  it('Checkov: when nothing was checked it prints only the summary (resource_count …): a run with no findings', async () => {
    const iac = await repo({ 'infra/variables.tf': 'variable "region" {\n  default = "eu-west-1"\n}\n' });
    const place = await standIns(iac, 'checkov');
    await checkovStandIn(place, []);
    const scan = pipewarden(iac, ['scan', '--scanners', 'checkov', '--out-dir', 'out', '--no-history'], place.env);
    expect({ code: scan.code, stderr: scan.stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/checkov: ran, 0 findings/) });
    expect(JSON.parse(await readFile(join(iac, 'out', 'raw', 'checkov.json'), 'utf8'))).toMatchObject({ resource_count: 0, checkov_version: '3.3.30' });
  });

  it('the acceptance stage: trivy image on --image, and ZAP baseline on --target-url, its report where Pipewarden reads it', async () => {
    const place = await standIns(dir, 'acceptance');
    await trivyStandIn(place, corpus('trivy/scheme_2_many_vulns.json'));
    await zapBaselineStandIn(place);
    const accept = pipewarden(dir, ['scan', '--stage', 'acceptance', '--image', 'registry.example.com/teamdojo:latest', '--target-url', 'http://127.0.0.1:9/', '--scanners', 'trivy-image,zap', '--out-dir', 'out-acc'], place.env);
    expect(accept.stderr).toMatch(/trivy-image: ran, [1-9]\d* findings?/);
    expect(accept.stderr).toMatch(/zap: ran, [1-9]\d* findings?/);
    const recorded = await place.calls();
    expect(recorded.find((c) => c.tool === 'trivy' && c.args[0] === 'image')!.args.slice(-2)).toEqual(['--', 'registry.example.com/teamdojo:latest']);
    const scan = recorded.find((c) => c.tool === 'zap-baseline.py' && c.args[0] === '-t')!;
    expect(scan.args.slice(0, 3)).toEqual(['-t', 'http://127.0.0.1:9/', '-J']);
    // In a container zap-baseline.py joins /zap/wrk/ in front of -J; outside one, its working directory.
    const inContainer = existsSync('/.dockerenv') || existsSync('/run/.containerenv') || process.env.IS_CONTAINERIZED === 'true';
    // It writes into this run's own staging folder, whose reports are then moved into raw/.
    expect(resolve(inContainer ? '/zap/wrk' : scan.cwd, scan.args[3]!)).toMatch(new RegExp(`^${join(dir, 'out-acc').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.raw-[^/]+/zap\\.json$`));
    expect(existsSync(join(dir, 'out-acc', 'raw', 'zap.json'))).toBe(true);
    const runs = JSON.parse(await readFile(join(dir, 'out-acc', 'results.sarif'), 'utf8')) as Log;
    const image = runs.runs.find((r) => r.tool.driver.name === 'Trivy')!.results[0] as { properties: Record<string, unknown> };
    expect(image.properties['pipewarden/category']).toBe('container');
  });

  it('grype and syft on the image the pipeline built: an OCI layout folder, a saved archive, or the registry, never a daemon', async () => {
    const place = await standIns(dir, 'anchore');
    await grypeStandIn(place, corpus('anchore_grype/many_vulns2.json'));
    // syft names its output file in the -o value (cyclonedx-json=FILE).
    await writeFile(join(place.bin, 'syft'), `#!${process.execPath}
const fs = require('fs');
const a = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(place.log)}, JSON.stringify({ tool: 'syft', args: a, cwd: process.cwd() }) + '\\n');
if (a[0] === 'version') { console.log('Application:   syft\\nVersion:   1.14.0'); process.exit(0); }
fs.copyFileSync(${JSON.stringify(corpus('cyclonedx/issue_8022.json'))}, a[a.indexOf('-o') + 1].replace(/^cyclonedx-json=/, ''));
`);
    await chmod(join(place.bin, 'syft'), 0o755);
    const layout = join(dir, 'oci-layout');
    await mkdir(layout, { recursive: true });
    await writeFile(join(dir, 'image.tar'), 'a saved image (the stand-ins do not read it)');
    for (const [args, source] of [
      [['--image-archive', layout], `oci-dir:${layout}`],
      [['--image-archive', join(dir, 'image.tar')], join(dir, 'image.tar')],
      [['--image', 'registry.example.com/shop:1.2'], 'registry:registry.example.com/shop:1.2'],
    ] as const) {
      const scan = pipewarden(dir, ['scan', '--stage', 'acceptance', '--scanners', 'grype-image,syft-image', '--fail-on', 'never', '--no-history', '--out-dir', 'out-anchore', ...args], place.env);
      expect(scan.code, scan.stderr).toBe(0);
      expect(scan.stderr).toMatch(/grype-image: ran, [1-9]\d* findings?/);
      expect(scan.stderr).toMatch(/syft-image: ran, \d+ findings? in/);
      const calls = await place.calls();
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

  it('npm audit refused by the registry (405): a scanner failure whose reason is the service\'s status line', async () => {
    const place = await standIns(dir, 'npm');
    await npmRefusedAuditStandIn(place);
    const audit = pipewarden(dir, ['scan', '--scanners', 'npm-audit', '--out-dir', 'out-npm'], place.env);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/^pipewarden: npm-audit: did not run: npm audit: the registry refused the request: 405 Method Not Allowed \(POST https:\/\/registry\.example\/-\/npm\/v1\/security\/advisories\/bulk\)$/m);
    const log = JSON.parse(await readFile(join(dir, 'out-npm', 'results.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
  });
});
