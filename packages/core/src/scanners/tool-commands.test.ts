// The command lines and exit codes of the external tools, as their current releases define them (docs/scanners.md
// names the source read for each). The CLI's stand-in tests run the same commands end to end.
import { mkdtemp, realpath, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { nodeExec } from '../ports/node-exec.js';
import { gitleaks, gitleaksExit } from './gitleaks.js';
import { grypeExit } from './grype.js';
import { osvScanner, osvScannerExit } from './osv-scanner.js';
import { semgrep, semgrepExit } from './semgrep.js';
import { trivy } from './trivy.js';
import { trivyImage } from './trivy-image.js';
import type { CommandScanner, ScannerEnv, ScannerTarget } from './types.js';
import { zap, zapReportPlace } from './zap.js';

// A checkout's place is the machine's business: built from the temp folder, never a machine path.
const ROOT = join(tmpdir(), 'pw-app');
const OUTPUT = join(ROOT, '.pipewarden', 'raw', 'tool.json');
const env: ScannerEnv = { ports: { exec: nodeExec, log: () => undefined }, env: {}, root: ROOT };

function target(options: Record<string, unknown> = {}, extra: Partial<ScannerTarget> = {}): ScannerTarget {
  return { root: ROOT, files: ['app.py'], outputFile: OUTPUT, targets: {}, config: {} as PipewardenConfig, options, ...extra };
}

const commandOf = (scanner: unknown, t = target()) => (scanner as CommandScanner).command(t, env);

describe('semgrep', () => {
  it('runs Registry rulesets with metrics off, never --config auto (which Semgrep refuses with metrics off)', () => {
    const { args } = commandOf(semgrep);
    expect(args).toEqual(['scan', '--config', 'p/default', '--json', '--output', OUTPUT, '--metrics', 'off', '--quiet', '--', 'app.py']);
    expect(args).not.toContain('auto');
  });

  it('scanners.semgrep.config: one or a list of rulesets, rule files or folders; "auto" and options are refused', () => {
    const schema = semgrep.options!;
    expect(schema.parse({ config: 'rules/semgrep.yml' })).toEqual({ config: ['rules/semgrep.yml'] });
    expect(schema.parse({ config: ['p/security-audit', 'p/secrets', '.semgrep/'] })).toEqual({ config: ['p/security-audit', 'p/secrets', '.semgrep/'] });
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ config: 'auto' }).error?.issues[0]?.message).toMatch(/needs Semgrep metrics/);
    expect(schema.safeParse({ config: ['--dangerous'] }).success).toBe(false);
    expect(schema.safeParse({ config: [] }).success).toBe(false);
    expect(schema.safeParse({ rules: 'x' }).success).toBe(false);
    const { args } = commandOf(semgrep, target(schema.parse({ config: ['rules/local.yml', 'p/secrets'] })));
    expect(args.slice(0, 5)).toEqual(['scan', '--config', 'rules/local.yml', '--config', 'p/secrets']);
  });

  it('exit codes: 0 and 1 ran, 3 (unparseable targets, under --strict) ran with the files named; 2, 4, 5, 7, 8, 13, 14 failed', () => {
    expect([0, 1, 3].map(semgrepExit)).toEqual(['clean', 'findings', 'findings']);
    expect([2, 4, 5, 7, 8, 13, 14].map(semgrepExit)).toEqual(Array(7).fill('error'));
  });
});

describe('osv-scanner', () => {
  it('v2: scan source, JSON read from stdout (no deprecated --output)', () => {
    const command = commandOf(osvScanner);
    expect(command).toMatchObject({ command: 'osv-scanner', args: ['scan', 'source', '--format', 'json', '--recursive', '.'], cwd: ROOT, output: 'stdout' });
  });

  it('exit codes: 1 vulnerabilities, 128 no package sources (nothing to scan, not a failure), 127/129/130 errors', () => {
    expect([0, 1, 128].map(osvScannerExit)).toEqual(['clean', 'findings', 'clean']);
    expect([127, 129, 130, 2].map(osvScannerExit)).toEqual(['error', 'error', 'error', 'error']);
  });
});

describe('gitleaks', () => {
  it('`dir` (detect is deprecated), redacted, with an exit code for leaks that is not its error code', () => {
    const { args } = commandOf(gitleaks);
    expect(args).toEqual(['dir', '.', '--report-path', OUTPUT, '--report-format', 'json', '--redact', '--no-banner', '--exit-code', '3']);
    expect([0, 3].map(gitleaksExit)).toEqual(['clean', 'findings']);
    // 1: a partial scan (report written: a partial run) or a fatal error (no report: a failure); 126: an unknown flag.
    expect([1, 126].map(gitleaksExit)).toEqual(['partial', 'error']);
  });
});

describe('grype and trivy: a repository config cannot make findings look like a failure', () => {
  it('grype: 2 is a fail-on threshold from .grype.yaml (findings, report written); 1 an error', () => {
    expect([0, 2, 1].map(grypeExit)).toEqual(['clean', 'findings', 'error']);
  });

  it('trivy fs and trivy image pass --exit-code 0 and --exit-on-eol 0 (a flag wins over trivy.yaml)', () => {
    for (const scanner of [trivy, trivyImage]) {
      const { args } = commandOf(scanner, target({}, { targets: { image: 'registry.example/app:1' } }));
      expect(args.join(' ')).toContain('--exit-code 0 --exit-on-eol 0');
    }
  });
});

describe('zap baseline: the report lands where Pipewarden reads it', () => {
  it('outside a container: -J is the report\'s name, in its folder as the working directory', () => {
    expect(zapReportPlace('/out/raw/zap.json', false)).toEqual({ cwd: '/out/raw', report: 'zap.json' });
  });

  it('in a container: -J is relative to /zap/wrk, which zap-baseline.py joins in front of it', async () => {
    const base = await realpath(await mkdtemp(join(tmpdir(), 'pw-zap-wrk-')));
    const wrk = join(base, 'zap', 'wrk');
    const outputFile = join(base, 'builds', 'app', '.pipewarden', 'raw', 'zap.json');
    // A missing /zap/wrk is made (zap-baseline.py would exit 3: "… is not mounted").
    const place = zapReportPlace(outputFile, true, wrk);
    expect((await stat(wrk)).isDirectory()).toBe(true);
    expect(place.report).toBe('../../builds/app/.pipewarden/raw/zap.json');
    expect(resolve(wrk, place.report)).toBe(outputFile);
    // A workspace mounted at /zap/wrk: the report is under it.
    expect(zapReportPlace(join(wrk, '.pipewarden', 'raw', 'zap.json'), true, wrk).report).toBe('.pipewarden/raw/zap.json');
  });

  it('in a container where /zap/wrk cannot be made: the scanner fails with what to do', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pw-zap-file-'));
    await writeFile(join(base, 'zap'), 'a file where a folder should be');
    expect(() => zapReportPlace(join(base, 'out', 'zap.json'), true, join(base, 'zap', 'wrk'))).toThrow(/could not be made .*mount a folder there/);
  });

  it('exit codes: 0 clean, 1 FAIL and 2 WARN are findings, 3 a failure', () => {
    expect([0, 1, 2, 3].map((code) => (zap as CommandScanner).exitMeaning(code))).toEqual(['clean', 'findings', 'findings', 'error']);
  });
});
