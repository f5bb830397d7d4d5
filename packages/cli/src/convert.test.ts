import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { STREAM_CONVERT_BYTES } from '@pipewarden/core';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles, hasShared, repoRoot, sharedNotice } from '../../../test-support/shared.js';
import { validateSarif } from '../../../test-support/sarif-schema.js';

const run = promisify(execFile);
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

async function convert(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'convert', ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOneLineError(result: { code: number; stderr: string }, file: string, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`pipewarden: ${file}: `)).toBe(true);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

// The corpus folders of the formats Pipewarden reads, and which of their files are that format.
const FOLDERS: Record<string, (name: string) => boolean> = {
  anchore_grype: () => true, bandit: () => true, brakeman: () => true, burp: () => true, checkov: () => true,
  cyclonedx: () => true, dependency_check: () => true, eslint: () => true, github_vulnerability: () => true,
  gitlab_container_scan: () => true, gitlab_dast: () => true, gitlab_dep_scan: () => true, gitlab_sast: () => true,
  gitlab_secret_detection_report: () => true, gitleaks: () => true, gosec: () => true, hadolint: () => true, kics: () => true,
  npm_audit: () => true, npm_audit_7_plus: () => true, nuclei: () => true, osv_scanner: () => true, qualys_webapp: () => true,
  retirejs: () => true, semgrep: () => true, snyk: () => true, sonarqube: (name) => name.endsWith('.json'), terrascan: () => true,
  tfsec: () => true, trivy: () => true, trufflehog: () => true, trufflehog3: () => true, wapiti: () => true, zap: () => true,
  sarif: (name) => name !== 'appendix_k3.sarif' && name !== 'blackduck_nested_fingerprints.sarif',
};
// Tools that write an empty file when they find nothing: read with the format named.
const EMPTY_FORMAT: Record<string, string> = { nuclei: 'nuclei', osv_scanner: 'osv-scanner' };

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
});

describe.skipIf(!hasShared)('pipewarden convert on every corpus report of a supported format', () => {
  sharedNotice('convert on ../shared/corpus');
  for (const [folder, include] of Object.entries(FOLDERS)) {
    it(`${folder}: exit 0 and schema-valid SARIF for every file`, async () => {
      const files = corpusFiles(folder).filter((file) => include(basename(file)));
      expect(files.length).toBeGreaterThan(0);
      const out = await mkdtemp(join(tmpdir(), `pw-cv-${folder}-`));
      for (const [index, file] of files.entries()) {
        const empty = (await readFile(file)).toString('utf8').trim() === '';
        const target = join(out, `${index}.sarif`);
        const result = await convert([file, '-o', target, ...(empty && EMPTY_FORMAT[folder] ? ['--format', EMPTY_FORMAT[folder]!] : [])]);
        expect({ file, code: result.code, stderr: result.stderr.trim() }).toMatchObject({ file, code: 0 });
        expect(validateSarif(JSON.parse(await readFile(target, 'utf8'))).errors, file).toEqual([]);
      }
    });
  }
});

describe('pipewarden convert refuses bad input with one line and exit 2, writing nothing', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-bad-'));
  });

  async function refuse(name: string, data: string | Buffer, pattern: RegExp, extra: string[] = []): Promise<void> {
    const file = join(dir, name);
    await writeFile(file, data);
    const out = join(dir, `${name}.out.sarif`);
    expectOneLineError(await convert([file, '-o', out, ...extra]), file, pattern);
    expect(existsSync(out)).toBe(false);
  }

  it('truncated JSON, with the byte offset', () => refuse('cut.json', '{"SchemaVersion": 2, "Results": [{"Target": "a"', /is truncated.*at byte \d+/));
  it('an empty file', () => refuse('empty.json', '', /: is empty$/));
  it('a binary file', () => refuse('bin.json', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0xff]), /is a binary file/));
  it('JSON nested 100,000 levels deep, with the byte offset', () => refuse('deep.json', '['.repeat(100_000) + ']'.repeat(100_000), /nests deeper than 1000 levels at byte 1000/));
  it('a 100 MB single string', () => refuse('string.json', `"${'a'.repeat(100 * 1024 * 1024)}"`, /unknown report format/));
  it('a known format with a missing required field', () =>
    refuse('semgrep.json', JSON.stringify({ errors: [], results: [{ check_id: 'a.b', path: 'x.js', start: { line: 1 }, end: { line: 1 }, extra: { message: 'm', severity: 'ERROR' } }, { path: 'y.js', extra: {} }] }), /is not a valid Semgrep report: results\[1\] lacks "check_id"/));
  it('a syntax error, with the byte offset', () => refuse('comma.json', '{"results": [1,,2]}', /is not valid JSON at byte 15/));

  it('reads a report with a UTF-8 BOM and CRLF line ends', async () => {
    const file = join(dir, 'bom-crlf.json');
    const report = JSON.stringify([{ line: 3, code: 'DL3007', message: 'Using latest', column: 1, file: 'Dockerfile', level: 'warning' }], null, 2).replace(/\n/g, '\r\n');
    await writeFile(file, `\uFEFF${report}`);
    const result = await convert([file]);
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
    expect(log.runs[0]!.tool.driver.name).toBe('Hadolint');
    expect(log.runs[0]!.results).toHaveLength(1);
  });
});

describe('a real tool\'s SARIF that breaks one rule of the schema', () => {
  it('is read with one warning naming the file and the repair, and the output is strictly valid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-repair-'));
    const file = join(dir, 'slip.sarif');
    const result = (n: number) => ({ ruleId: 'R1', ...(n === 2 ? {} : { message: { text: `finding ${n}` } }), locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: n } } }] });
    await writeFile(file, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Legacy', rules: [{ id: 'R1', shortDescription: { text: 'Rule one' } }] } }, results: [1, 2, 3].map(result) }] }));
    const out = await convert([file]);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(new RegExp(`^pipewarden: warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*no message.*\n$`));
    const log = JSON.parse(out.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results.map((r) => r.message.text)).toEqual(['finding 1', 'Rule one', 'finding 3']);
    // The official schema lives in ../shared: checked where it is there (CI).
    if (hasShared) expect(validateSarif(log)).toMatchObject({ valid: true });
  });
});

describe('a SARIF log large enough to be converted as it is read', () => {
  // Over the size from which `convert -o` streams (lowered to 16 MB here; worker threads, the built CLI); stdout
  // gets the whole-document path: the two must be the same bytes.
  const STREAM_BYTES = 16_000_000;
  async function cli(cwd: string, args: string[], streamBytes = String(STREAM_BYTES)): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, PIPEWARDEN_SECRET_KEY: 'cli-stream-test-key-0123456789abcdef', PIPEWARDEN_CONVERT_STREAM_BYTES: streamBytes };
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, 'convert', ...args], { cwd, env, maxBuffer: 256 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  function bigLog(results: number): string {
    const rules = Array.from({ length: 200 }, (_, r) => ({ id: `R${r}`, shortDescription: { text: `rule ${r}` }, properties: { tags: r % 4 ? ['security', 'external/cwe/cwe-89'] : ['security', 'secret', 'external/cwe/cwe-798'] } }));
    const lines = Array.from({ length: results }, (_, i) =>
      JSON.stringify({
        ruleId: `R${i % 200}`,
        level: ['error', 'warning', 'note'][i % 3],
        message: { text: `Finding ${i % 5000}: tainted value "v${i % 7}" reaches a sink ${'é中😀'.repeat(i % 3)} ${'x'.repeat(300)}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: i % 10 ? `src/m${i % 50}/f${i % 13}.js` : 'src/app.js' }, region: { startLine: 1 + (i % 3), snippet: { text: 'const password = "changeme";' } } } }],
      }),
    );
    return `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Synth","rules":${JSON.stringify(rules)}}},"results":[\n${lines.join(',\n')}\n]},{"tool":{"driver":{"name":"Synth"}},"results":[]}]}`;
  }

  it('writes with -o what the whole-document path writes to stdout, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-stream-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'app.js'), 'const a = 1;\nconst password = "changeme";\nquery(input);\nconst token = "live-value-1";\n');
    await writeFile(join(dir, 'big.sarif'), bigLog(40_000));
    expect((await stat(join(dir, 'big.sarif'))).size).toBeGreaterThan(STREAM_BYTES);
    expect(STREAM_CONVERT_BYTES).toBeGreaterThan(STREAM_BYTES);
    const streamed = await cli(dir, ['big.sarif', '-o', 'out.sarif']);
    // The stand-ins flagged as secrets in src/app.js (lines 1 and 2) are dropped.
    expect(streamed).toMatchObject({ code: 0, stderr: 'pipewarden › wrote out.sarif: 2 runs, 38667 results\n' });
    const whole = await cli(dir, ['big.sarif']);
    expect(whole.code).toBe(0);
    expect(await readFile(join(dir, 'out.sarif'), 'utf8')).toBe(whole.stdout);
  });

  it('refuses a large broken log with the whole path\'s one line, leaving nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-stream-bad-'));
    await writeFile(join(dir, 'cut.sarif'), bigLog(40_000).slice(0, -100));
    const result = await cli(dir, ['cut.sarif', '-o', 'out.sarif']);
    expectOneLineError(result, 'cut.sarif', /is truncated.*at byte \d+/);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
    expect(await readdir(dir)).toEqual(['cut.sarif']);
  });

  it('refuses a size to stream from that is not a whole number of bytes, in one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-stream-env-'));
    await writeFile(join(dir, 'small.sarif'), bigLog(3));
    const result = await cli(dir, ['small.sarif', '-o', 'out.sarif'], '16MB');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pipewarden: PIPEWARDEN_CONVERT_STREAM_BYTES: must be a whole number of bytes\n');
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
  });
});
