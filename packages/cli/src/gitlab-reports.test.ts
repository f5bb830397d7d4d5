import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGitlab } from '../../../test-support/gitlab-schema.js';
import { demoExpected } from '../../../test-support/demo-app.js';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const FILES = {
  sast: 'gl-sast-report.json',
  dependency_scanning: 'gl-dependency-scanning-report.json',
  container_scanning: 'gl-container-scanning-report.json',
  dast: 'gl-dast-report.json',
  secret_detection: 'gl-secret-detection-report.json',
} as const;

function scan(args: string[]): { code: number | null; out: string } {
  const out = join(tmpdir(), `pw-gl-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const run = spawnSync(process.execPath, [CLI, 'scan', ...args, '--out-dir', out], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
  return { code: run.status, out };
}

async function report(out: string, type: keyof typeof FILES): Promise<{ vulnerabilities: Record<string, unknown>[]; scan: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(out, FILES[type]), 'utf8')) as { vulnerabilities: Record<string, unknown>[]; scan: Record<string, unknown> };
}

describe.skipIf(!hasShared)("GitLab security reports, valid against GitLab's 15.2.1 schemas", () => {
  sharedNotice('the GitLab report schema tests');

  it('the demo scan writes SAST and secret detection reports, with no secret in them', async () => {
    const { out } = scan(['examples/vulnerable-app']);
    const sast = await report(out, 'sast');
    expect(validateGitlab('sast', sast)).toEqual([]);
    // Every finding but the two secrets and lodash's and express's 8 advisories (those go to their own reports).
    expect(sast.vulnerabilities).toHaveLength(demoExpected().total - 2 - 8);
    const dependencies = await report(out, 'dependency_scanning');
    expect(validateGitlab('dependency_scanning', dependencies)).toEqual([]);
    expect(dependencies.vulnerabilities).toHaveLength(8);
    // The engine's findings show their path: source and sink as text, every step as a code-flow node.
    const injection = sast.vulnerabilities.find((v) => (v.identifiers as { value: string }[]).some((i) => i.value === 'js-sql-injection'))!;
    const details = injection.details as Record<string, { type: string; value?: string; items?: { node_type: string; file_location: { file_name: string; line_start: number } }[][] }>;
    expect(details.source).toMatchObject({ type: 'text', value: expect.stringMatching(/^examples\/vulnerable-app\/server\.js:\d+ request parameter `\w+`$/) });
    expect(details.sink).toMatchObject({ type: 'text', value: expect.stringMatching(/^examples\/vulnerable-app\/server\.js:44 passed to `db\.\w+`/) });
    const nodes = details.code_flows!.items![0]!;
    expect([nodes[0]!.node_type, nodes.at(-1)!.node_type]).toEqual(['source', 'sink']);
    expect(nodes.at(-1)!.file_location).toMatchObject({ file_name: 'examples/vulnerable-app/server.js', line_start: 44 });
    // Findings without a flow (the Dockerfile's) have no details.
    expect(sast.vulnerabilities.filter((v) => v.details).length).toBe(5);
    const secrets = await report(out, 'secret_detection');
    expect(validateGitlab('secret_detection', secrets)).toEqual([]);
    expect(secrets.vulnerabilities).toHaveLength(2);
    const config = await readFile(join(repoRoot, 'examples', 'vulnerable-app', 'config.js'), 'utf8');
    for (const [, value] of config.matchAll(/'([A-Za-z0-9/+_]{20,})'/g)) expect(JSON.stringify(secrets)).not.toContain(value);
    expect(existsSync(join(out, FILES.dast))).toBe(false);
  });

  it('dependency, container and DAST findings from ingested reports go to their reports', async () => {
    const { out } = scan([
      await mkdtemp(join(tmpdir(), 'pw-gl-src-')),
      '--scanners', 'none',
      '--report', join(sharedDir, 'corpus', 'npm_audit_7_plus', 'one_vuln.json'),
      '--report', join(sharedDir, 'corpus', 'trivy', 'scheme_2_many_vulns.json'),
      '--report', join(sharedDir, 'corpus', 'zap', 'some_2.9.0.xml'),
    ]);
    for (const type of ['dependency_scanning', 'container_scanning', 'dast'] as const) {
      const data = await report(out, type);
      expect(validateGitlab(type, data), type).toEqual([]);
      expect(data.vulnerabilities.length, type).toBeGreaterThan(0);
    }
    const dast = await report(out, 'dast');
    expect(dast.vulnerabilities[0]!.location).toMatchObject({ hostname: 'https://mainsite.com', method: 'GET' });
    expect((dast.scan.scanned_resources as unknown[]).length).toBeGreaterThan(0);
    const deps = await report(out, 'dependency_scanning');
    expect(deps.vulnerabilities[0]!.location).toMatchObject({ file: 'package-lock.json', dependency: { package: { name: 'debug' } } });
  });
});

describe('junit.xml', () => {
  it('is well-formed XML: a failing case per tripped rule and per finding group (rule + component) that tripped it', async () => {
    const { readDocument } = await import('@pipewarden/core');
    const { out } = scan(['examples/vulnerable-app']);
    const doc = await readDocument(join(out, 'junit.xml'));
    expect(doc.kind).toBe('xml');
    const suites = (doc as { data: { testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_name': string; '@_failures': string }[] } } }).data.testsuites;
    const demo = demoExpected();
    expect(suites.testsuite.map((s) => s['@_name'])).toEqual(demo.suites);
    expect(suites.testsuite[0]!['@_failures']).toBe('2');
    // Groups: the SAST engine's 5 rules in server.js (ESLint's joined into them), secretlint 2 rules in config.js, the Dockerfile's 5 rules, ShellCheck 6 rules in deploy.sh (SC2086 six times).
    expect(Number(suites['@_tests'])).toBe(demo.cases);
    if (demo.shellcheck) {
      const shellcheck = (suites.testsuite.find((t) => t['@_name'] === 'ShellCheck') as unknown as { testcase: { '@_name': string }[] }).testcase;
      expect(shellcheck.map((c) => c['@_name'])).toContain('SC2086 in examples/vulnerable-app/scripts/deploy.sh (6 places)');
    }
    // The 2 tripped rules, the 2 secrets, the 4 critical or high SAST findings, lodash's 4 critical or high advisories and the unsanctioned base (high).
    expect(Number(suites['@_failures'])).toBe(2 + 2 + 4 + (demo.advisories ? 4 : 0) + 1);
  });
});

describe('report.json', () => {
  it('holds the verdict, counts, scanners and every finding with its factors, most urgent first; --json prints the same shape', async () => {
    const { out } = scan(['examples/vulnerable-app']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { verdict: string; counts: { total: number }; findings: { risk: number; factors: unknown[] }[]; scanners: { id: string }[] };
    expect(report.verdict).toBe('fail');
    expect(report.counts.total).toBe(demoExpected().total);
    // ESLint's 3 findings are joined into the engine's on the same lines: counted as merged, not as 0.
    expect((report.scanners as unknown as Record<string, unknown>[]).find((s) => s.id === 'eslint-security')).toMatchObject({ findings: 0, merged: 3, mergedInto: ['pipewarden-sast'] });
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| eslint-security \| [^|]* \| ran \| 3 \| 0 \\\(\\\+3 merged into pipewarden-sast\\\) \|/);
    expect(report.findings.map((f) => f.risk)).toEqual([...report.findings.map((f) => f.risk)].sort((a, b) => b - a));
    expect(report.findings[0]!.factors.length).toBeGreaterThan(0);
    const printed = spawnSync(process.execPath, [CLI, 'scan', 'examples/vulnerable-app', '--json', '--out-dir', join(out, 'again')], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
    const json = JSON.parse(printed.stdout) as Record<string, unknown> & { outputs: string[] };
    expect(Object.keys(json)).toEqual(expect.arrayContaining(Object.keys(report)));
    // Every file written, the ones a person opens next first.
    expect(json).toMatchObject({ exitCode: 1 });
    expect(json.outputs.slice(0, 5)).toEqual([expect.stringMatching(/results\.sarif$/), expect.stringMatching(/summary\.md$/), expect.stringMatching(/report\.html$/), expect.stringMatching(/report\.json$/), expect.stringMatching(/junit\.xml$/)]);
    expect(json.outputs).toEqual(expect.arrayContaining([expect.stringMatching(/gl-sast-report\.json$/), expect.stringMatching(/raw\/ \(\d+ native reports?\)$/)]));
  });
});
