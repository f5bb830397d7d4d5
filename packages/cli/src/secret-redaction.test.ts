// Issue 22, item 1: no secret value in any output, whichever command wrote it and whichever tool found it.
// Three reports carry secrets where tools really put them: a Bandit JSON report quoting a hardcoded password,
// a SARIF log whose rule descriptions hold a GitHub token, and a gitleaks-style SARIF log with the secret in its
// snippets. Each goes through convert, scan --report, merge, gate and report (every format), and no file the
// commands write, nor their stdout and stderr, may hold a secret or its last 12 characters.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

const PASSWORD = 'Hunter2-Wint3r-Q9x!';
const TOKEN = `ghp_${'Rk4TnB9wYc1H'.repeat(3)}`;
const API_KEY = 'q8Fz2LmX7vRk4TnB9wYc1HdJ6sPa3GeU';
const SECRETS = [PASSWORD, TOKEN, API_KEY];
const KEY = 'test-key-0123456789abcdef0123456789abcdef';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pipewarden(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Run {
  const { PIPEWARDEN_SECRET_KEY: _outer, ...outer } = process.env;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...outer, NO_COLOR: '1', PIPEWARDEN_OFFLINE: '1', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under a folder, relative to it. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The secret, or its last 12 characters, wherever it is: the names of what leaked, for a readable failure. */
function leaksIn(text: string): string[] {
  return SECRETS.flatMap((secret) => [secret, secret.slice(-12)]).filter((part) => text.includes(part));
}

async function expectNoSecretIn(dir: string, expected: readonly string[]): Promise<string[]> {
  const files = await walk(dir);
  for (const name of expected) expect(files, `${name} is written`).toContain(name);
  for (const file of files) expect(leaksIn(await readFile(join(dir, file), 'utf8')), `${file} holds a secret`).toEqual([]);
  return files;
}

function expectClean(run: Run, what: string): void {
  expect(run.code, `${what}: ${run.stderr}`).not.toBe(2);
  expect(leaksIn(run.stdout), `${what}: stdout`).toEqual([]);
  expect(leaksIn(run.stderr), `${what}: stderr`).toEqual([]);
}

const BANDIT = {
  errors: [],
  generated_at: '2025-01-01T00:00:00Z',
  metrics: { _totals: { loc: 3 } },
  results: [
    {
      code: `1 import os\n2 password = '${PASSWORD}'\n3 \n`,
      col_offset: 0,
      filename: './app.py',
      issue_confidence: 'MEDIUM',
      issue_cwe: { id: 259, link: 'https://cwe.mitre.org/data/definitions/259.html' },
      issue_severity: 'LOW',
      issue_text: `Possible hardcoded password: '${PASSWORD}'`,
      line_number: 2,
      line_range: [2],
      more_info: 'https://bandit.readthedocs.io/en/1.7.9/plugins/b105_hardcoded_password_string.html',
      test_id: 'B105',
      test_name: 'hardcoded_password_string',
    },
  ],
};

const RULE_TOKEN_SARIF = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: {
        driver: {
          name: 'DeployLint',
          rules: [
            {
              id: 'DL001',
              name: 'unpinned-action',
              shortDescription: { text: `Unpinned action (example token ${TOKEN})` },
              fullDescription: { text: `Pin actions. The CI uses ${TOKEN} to publish.` },
              help: { text: `Rotate ${TOKEN}`, markdown: `Rotate \`${TOKEN}\`` },
              messageStrings: { default: { text: `Action {0} is unpinned (${TOKEN})` } },
              properties: { tags: ['security'], 'security-severity': '7.5' },
            },
          ],
        },
      },
      invocations: [{ executionSuccessful: true, commandLine: `deploylint --token ${TOKEN} .github`, toolExecutionNotifications: [{ level: 'note', message: { text: `authenticated with ${TOKEN}` } }] }],
      results: [
        {
          ruleId: 'DL001',
          ruleIndex: 0,
          level: 'error',
          message: { id: 'default', arguments: ['actions/checkout@v4'] },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'workflow.yml' }, region: { startLine: 3, snippet: { text: `token: ${TOKEN}` } } } }],
          codeFlows: [{ threadFlows: [{ locations: [{ location: { message: { text: `token ${TOKEN} flows here` }, physicalLocation: { artifactLocation: { uri: 'workflow.yml' }, region: { startLine: 3 } } } }] }] }],
          fixes: [{ description: { text: `replace ${TOKEN}` }, artifactChanges: [{ artifactLocation: { uri: 'workflow.yml' }, replacements: [{ deletedRegion: { startLine: 3 }, insertedContent: { text: `token: ${TOKEN}` } }] }] }],
          properties: { evidence: { value: `token ${TOKEN}` } },
        },
      ],
    },
  ],
};

const GITLEAKS_SARIF = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: { driver: { name: 'gitleaks', semanticVersion: 'v8.18.0', rules: [{ id: 'generic-api-key', name: 'Generic API Key', shortDescription: { text: 'Generic API Key' } }] } },
      results: [
        {
          ruleId: 'generic-api-key',
          message: { text: 'generic-api-key has detected secret for file config/settings.env.' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'config/settings.env' },
                region: { startLine: 1, startColumn: 9, endColumn: 41, snippet: { text: API_KEY } },
                contextRegion: { startLine: 1, snippet: { text: `API_KEY=${API_KEY}` } },
              },
            },
          ],
          partialFingerprints: { commitSha: '', email: '', author: '', date: '', commitMessage: '' },
        },
      ],
    },
  ],
};

/** A Bandit of the current release's output, on PATH: writes the report above to -o (the installed one may be too old to see B105). */
const BANDIT_STAND_IN = `#!${process.execPath}
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log('bandit 1.7.9\\n  python version = 3.11.2'); process.exit(0); }
require('fs').writeFileSync(args[args.indexOf('-o') + 1], JSON.stringify(${JSON.stringify(BANDIT)}));
process.exit(1);
`;

let dir: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` first`);
  dir = await mkdtemp(join(tmpdir(), 'pw-secrets-out-'));
  await mkdir(join(dir, 'config'));
  await mkdir(join(dir, 'bin'));
  await writeFile(join(dir, 'app.py'), `import os\npassword = '${PASSWORD}'\n\n`);
  await writeFile(join(dir, 'workflow.yml'), `on: push\njobs:\n  token: ${TOKEN}\n`);
  await writeFile(join(dir, 'config', 'settings.env'), `API_KEY=${API_KEY}\n`);
  await writeFile(join(dir, 'bandit.json'), JSON.stringify(BANDIT));
  await writeFile(join(dir, 'rule-token.sarif'), JSON.stringify(RULE_TOKEN_SARIF));
  await writeFile(join(dir, 'gitleaks.sarif'), JSON.stringify(GITLEAKS_SARIF));
  await writeFile(join(dir, 'bin', 'bandit'), BANDIT_STAND_IN);
  await chmod(join(dir, 'bin', 'bandit'), 0o755);
});

const REPORTS = ['bandit.json', 'rule-token.sarif', 'gitleaks.sarif'] as const;
const EVERY_OUTPUT = ['results.sarif', 'summary.md', 'report.html', 'report.json', 'junit.xml'];

describe('no secret value in any output', () => {
  it('convert: each report alone and all together, to a file and to stdout', async () => {
    await mkdir(join(dir, 'converted'), { recursive: true });
    for (const report of REPORTS) {
      const file = join('converted', `${report}.sarif`);
      expectClean(pipewarden(['convert', report, '-o', file], dir, { PIPEWARDEN_SECRET_KEY: KEY }), `convert ${report}`);
      const toStdout = pipewarden(['convert', report], dir, { PIPEWARDEN_SECRET_KEY: KEY });
      expectClean(toStdout, `convert ${report} to stdout`);
      expect(JSON.parse(toStdout.stdout)).toMatchObject({ version: '2.1.0' });
    }
    expectClean(pipewarden(['convert', ...REPORTS, '-o', join('converted', 'all.sarif')], dir, { PIPEWARDEN_SECRET_KEY: KEY }), 'convert all');
    await expectNoSecretIn(join(dir, 'converted'), ['all.sarif']);
    const bandit = JSON.parse(await readFile(join(dir, 'converted', 'bandit.json.sarif'), 'utf8')) as { runs: { results: { message: { text: string } }[] }[] };
    expect(bandit.runs[0]!.results[0]!.message.text).toBe("Possible hardcoded password: '[redacted]'");
  });

  it('scan --report: every file of the out-dir (SARIF, GitHub SARIF, summary, HTML, JSON, JUnit, GitLab reports)', async () => {
    const run = pipewarden(['scan', '.', '--scanners', 'none', ...REPORTS.flatMap((r) => ['--report', r]), '--out-dir', 'out-scan', '--no-history'], dir, { PIPEWARDEN_SECRET_KEY: KEY });
    expectClean(run, 'scan --report');
    const files = await expectNoSecretIn(join(dir, 'out-scan'), EVERY_OUTPUT);
    expect(files.some((f) => f.startsWith('github/') && f.endsWith('.sarif'))).toBe(true);
    expect(files.some((f) => /^gl-.*\.json$/.test(f))).toBe(true);
  });

  it("scan with a scanner: its native report in raw/ keeps none of what the run masked", async () => {
    const run = pipewarden(['scan', '.', '--scanners', 'bandit', '--out-dir', 'out-bandit', '--no-history'], dir, { PIPEWARDEN_SECRET_KEY: KEY, PATH: `${join(dir, 'bin')}:${process.env.PATH}` });
    expectClean(run, 'scan --scanners bandit');
    expect(run.stderr).toMatch(/bandit: ran, 1 finding/);
    await expectNoSecretIn(join(dir, 'out-bandit'), [...EVERY_OUTPUT, 'raw/bandit.json']);
    // Still the native report, still JSON, with the value masked where it was.
    const raw = JSON.parse(await readFile(join(dir, 'out-bandit', 'raw', 'bandit.json'), 'utf8')) as typeof BANDIT;
    expect(raw.results[0]!.issue_text).toBe("Possible hardcoded password: '[redacted]'");
  });

  it('merge: the SARIF logs as other tools wrote them, secrets and all', async () => {
    const run = pipewarden(['merge', 'rule-token.sarif', 'gitleaks.sarif', join('converted', 'bandit.json.sarif'), '-o', join('out-merge', 'merged.sarif'), '--baseline', 'gitleaks.sarif'], dir);
    expectClean(run, 'merge');
    await expectNoSecretIn(join(dir, 'out-merge'), ['merged.sarif']);
  });

  it('gate: a log with secrets, and a baseline with secrets whose results come back as absent', async () => {
    for (const log of ['rule-token.sarif', 'gitleaks.sarif', join('out-merge', 'merged.sarif')]) {
      const out = `out-gate-${log.replace(/\W+/g, '-')}`;
      expectClean(pipewarden(['gate', log, '--baseline', 'rule-token.sarif', '--out-dir', out, '--no-history'], dir), `gate ${log}`);
      await expectNoSecretIn(join(dir, out), EVERY_OUTPUT);
    }
  });

  it('report: every format, from logs that hold secrets', async () => {
    for (const log of ['rule-token.sarif', 'gitleaks.sarif']) {
      const name = log.replace(/\W+/g, '-');
      for (const format of ['markdown', 'html', 'json', 'junit', 'text']) {
        expectClean(pipewarden(['report', log, '--format', format], dir), `report ${log} ${format} to stdout`);
        expectClean(pipewarden(['report', log, '--format', format, '-o', join(`out-report-${name}`, `report.${format}`)], dir), `report ${log} ${format}`);
      }
      expectClean(pipewarden(['report', log, '--format', 'github', '-o', join(`out-report-${name}`, 'github')], dir), `report ${log} github`);
      expectClean(pipewarden(['report', log, '--format', 'gitlab', '-o', join(`out-report-${name}`, 'gitlab')], dir), `report ${log} gitlab`);
      expectClean(pipewarden(['report', log, '--format', 'all', '-o', join(`out-report-${name}`, 'all')], dir), `report ${log} all`);
      const files = await expectNoSecretIn(join(dir, `out-report-${name}`), ['report.markdown', 'report.html', 'report.json', 'report.junit', 'all/results.sarif', 'all/report.html']);
      expect(files.some((f) => f.startsWith('github/') && f.endsWith('.sarif'))).toBe(true);
    }
  });
});

describe('the identity of a secret', () => {
  const fingerprintsOf = async (file: string) =>
    (JSON.parse(await readFile(join(dir, file), 'utf8')) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs.flatMap((run) => run.results.map((r) => r.partialFingerprints));

  it('is keyed by PIPEWARDEN_SECRET_KEY: stable with the same key, unlike with another or none', async () => {
    const convert = (out: string, env: Record<string, string | undefined>) => expectClean(pipewarden(['convert', 'gitleaks.sarif', 'bandit.json', '-o', out], dir, env), `convert ${out}`);
    convert('id-a.sarif', { PIPEWARDEN_SECRET_KEY: KEY });
    convert('id-b.sarif', { PIPEWARDEN_SECRET_KEY: KEY });
    convert('id-c.sarif', { PIPEWARDEN_SECRET_KEY: `${KEY}-other` });
    convert('id-d.sarif', { PIPEWARDEN_REPOSITORY: 'acme/shop' });
    const [a, b, c, d] = await Promise.all(['id-a.sarif', 'id-b.sarif', 'id-c.sarif', 'id-d.sarif'].map(fingerprintsOf));
    expect(a).toEqual(b);
    for (const [i, fp] of a!.entries()) {
      expect(c![i]!['pipewarden/v1']).not.toBe(fp['pipewarden/v1']);
      expect(d![i]!['pipewarden/v1']).not.toBe(fp['pipewarden/v1']);
    }
  });

  it('a key too short is refused in one line', () => {
    const run = pipewarden(['convert', 'gitleaks.sarif'], dir, { PIPEWARDEN_SECRET_KEY: 'short' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^pipewarden: PIPEWARDEN_SECRET_KEY is 5 characters: use at least 16/);
  });
});
