import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { changedRepo, LOGIN_AFTER, LOGIN_BEFORE, WORKFLOW_AFTER, WORKFLOW_BEFORE } from '../../../test-support/review-repo.js';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

const CONFIG = 'gate:\n  rules:\n    - severity: high\n    - high_risk: require_label\n';
const BASE = { 'README.md': '# shop\n', 'auth/login.js': LOGIN_BEFORE, '.github/workflows/ci.yml': WORKFLOW_BEFORE, 'pipewarden.yml': CONFIG };

/** `pipewarden scan --diff-base main` as another CI (Jenkins) runs it: the PR's labels in PIPEWARDEN_LABELS. */
function scan(dir: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, 'scan', '--scanners', 'none', '--diff-base', 'main', '--out-dir', join(dir, '.pipewarden')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, PIPEWARDEN_OFFLINE: '1', ...env } });
  return { ...run, read: (name: string) => readFile(join(dir, '.pipewarden', name), 'utf8') };
}

describe('high-risk change alerts in `pipewarden scan`', () => {
  it('a login and a workflow trigger change: the reasons everywhere, and gate rule high_risk: require_label fails until the label is on', async () => {
    const { dir } = await changedRepo(BASE, { 'auth/login.js': LOGIN_AFTER, '.github/workflows/ci.yml': WORKFLOW_AFTER });
    const failed = scan(dir);
    expect(failed.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/^Needs security review \(2 reasons; add the "security-approved" label once reviewed\):$/m);
    expect(failed.stdout).toMatch(/^ {2}\.github\/workflows\/ci\.yml:3 {2}CI\/CD privileges: adds the pull_request_target trigger/m);
    expect(failed.stdout).toMatch(/^ {2}auth\/login\.js:7–8 {2}security-sensitive code: login\(\) calls bcrypt\.compare \(bcrypt\) \(authentication, crypto\): it decides who a user is/m);
    expect(failed.stdout).toMatch(/Gate FAILED:\n {2}- high-risk change without the "security-approved" label \(the PR\/MR's labels are unknown here\): 2 \(at most 0\)/);
    const summary = await failed.read('summary.md');
    expect(summary).toMatch(/### Needs security review\n\nThis change is high-risk: 2 reasons in 2 files\. A security reviewer should look at it, then add the `security-approved` label\./);
    expect(summary).toContain('**high-risk change without the "security-approved" label \\(the PR/MR\'s labels are unknown here\\)**: 2 reasons, at most 0 allowed');
    expect(summary).toContain('- `.github/workflows/ci.yml:3` · **CI/CD privileges**: adds the pull\\_request\\_target trigger: it runs with a write token and the secrets on events from forks\n');
    expect(await failed.read('report.html')).toMatch(/<h2>Needs security review<\/h2><p>This change is high-risk: 2 reasons\. A security reviewer should look at it/);
    const report = JSON.parse(await failed.read('report.json')) as { schemaVersion: string; verdict: string; failures: { about?: string; matched: number }[]; review: { needed: boolean; approved: boolean; reasons: { kind: string; file: string; lines: { start: number; end: number }[] }[] } };
    expect(report.schemaVersion).toBe('1.5');
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(repoRoot, 'docs', 'schemas', 'report-v1.schema.json'), 'utf8')) as object);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.verdict).toBe('fail');
    expect(report.failures).toEqual([expect.objectContaining({ about: 'change', matched: 2 })]);
    expect(report.review.reasons.map((r) => [r.kind, r.file, r.lines])).toEqual([
      ['ci-trigger', '.github/workflows/ci.yml', [{ start: 3, end: 3 }]],
      ['security-code', 'auth/login.js', [{ start: 7, end: 8 }]],
    ]);
    const sarif = JSON.parse(await failed.read('results.sarif')) as { runs: { properties?: Record<string, { status?: string; reasons?: unknown[] }> }[]; properties?: Record<string, { status?: string; reasons?: unknown[] }> };
    const props = sarif.properties ?? sarif.runs[0]!.properties!;
    expect(props['pipewarden/verdict']!.status).toBe('fail');
    expect(props['pipewarden/review']!.reasons).toHaveLength(2);
    const history = (await failed.read('history.jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { verdict: string });
    expect(history.at(-1)).toMatchObject({ verdict: 'fail' });

    // Read back from the log: `report` renders the section again, `gate` judges the change again.
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, PIPEWARDEN_OFFLINE: '1' } });
    const markdown = cli('report', join(dir, '.pipewarden', 'results.sarif'), '--format', 'markdown');
    expect(markdown.stdout).toContain('### Needs security review');
    const regated = cli('gate', join(dir, '.pipewarden', 'results.sarif'), '--config', join(dir, 'pipewarden.yml'), '--stage', 'commit', '--out-dir', join(dir, 'regated'));
    expect(regated.status, regated.stderr).toBe(1);

    const approved = scan(dir, { PIPEWARDEN_LABELS: 'security-review, security-approved' });
    expect(approved.status, approved.stdout).toBe(0);
    expect(approved.stdout).toMatch(/^Needs security review \(2 reasons; approved: "security-approved" is on it\):$/m);
    expect(await approved.read('summary.md')).toContain('Approved: the `security-approved` label is on it.');
    expect((JSON.parse(await approved.read('report.json')) as { review: { approved: boolean; labels: string[] } }).review).toMatchObject({ approved: true, labels: ['security-review', 'security-approved'] });
  }, 60_000);

  it('a README-only change needs no review, and the gate passes without any label', async () => {
    const { dir } = await changedRepo(BASE, { 'README.md': '# shop\n\nHow to run it.\n' });
    const run = scan(dir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Needs security review');
    expect(await run.read('summary.md')).not.toContain('Needs security review');
    expect((JSON.parse(await run.read('report.json')) as { review: unknown }).review).toMatchObject({ needed: false, reasons: [] });
  }, 60_000);

  it('removing CODEOWNERS and a workflow, adding a Terraform file and a dependency from a new registry: each said, no link to a file that is gone', async () => {
    const { dir } = await changedRepo({ ...BASE, '.github/CODEOWNERS': '* @acme/appsec\n', '.npmrc': 'registry=https://registry.npmjs.org/\n' }, {
      '.github/CODEOWNERS': null,
      '.github/workflows/ci.yml': null,
      'infra/bucket.tf': 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
      '.npmrc': 'registry=https://npm.mirror.example/\n',
    });
    const run = scan(dir, { PIPEWARDEN_BLOB_URL: 'https://github.com/acme/shop/blob/abc123' });
    expect(run.status).toBe(1);
    const report = JSON.parse(await run.read('report.json')) as { review: { reasons: { kind: string; file: string; detail: string }[] } };
    expect(report.review.reasons.map((r) => [r.kind, r.file, r.detail.split(':')[0]])).toEqual([
      ['codeowners', '.github/CODEOWNERS', 'removes who must approve changes (CODEOWNERS)'],
      ['ci-definition', '.github/workflows/ci.yml', 'removes a pipeline definition'],
      ['new-registry', '.npmrc', 'fetches packages from npm.mirror.example, a registry this repository did not use'],
      ['iac', 'infra/bucket.tf', 'adds Terraform infrastructure code'],
    ]);
    const summary = await run.read('summary.md');
    expect(summary).toContain('- `.github/CODEOWNERS` · **code ownership**');
    expect(summary).toContain('- [`infra/bucket.tf:1–3`](https://github.com/acme/shop/blob/abc123/infra/bucket.tf#L1-L3) · **infrastructure as code**');
  }, 60_000);

  it('paths the user excludes are not reviewed, and rules of their own add reasons with their explanation', async () => {
    const config = `${CONFIG}exclude: ["test/fixtures/**"]\nreview:\n  high_risk:\n    rules:\n      - name: payments code\n        paths: ["services/payments/**"]\n        explanation: Money moves here.\n`;
    const { dir } = await changedRepo({ ...BASE, 'pipewarden.yml': config }, { 'test/fixtures/Dockerfile': 'FROM scratch\n', 'services/payments/charge.js': 'module.exports = (n) => n * 100;\n' });
    const run = scan(dir);
    const report = JSON.parse(await run.read('report.json')) as { review: { reasons: { rule: string; file: string; explanation: string; builtIn: boolean }[] } };
    expect(report.review.reasons).toEqual([expect.objectContaining({ rule: 'payments code', file: 'services/payments/charge.js', explanation: 'Money moves here.', builtIn: false })]);
  }, 60_000);

  it('high_risk: require_label without a diff base is a warning, not a silent pass', async () => {
    const { dir } = await changedRepo(BASE, { 'auth/login.js': LOGIN_AFTER });
    const run = spawnSync(process.execPath, [CLI, 'scan', '--scanners', 'none', '--out-dir', join(dir, '.pipewarden')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning: gate rule 2 (high_risk: require_label) needs a diff base (a PR/MR, or --diff-base): not applied');
  }, 60_000);

  it('a bad review config: every problem with its path, one line each, exit 2', async () => {
    const { dir } = await changedRepo({ ...BASE, 'pipewarden.yml': 'review:\n  high_risk:\n    label: "a,b"\n    rules:\n      - name: x\n' }, { 'README.md': 'x\n' });
    const run = scan(dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^pipewarden: .*pipewarden\.yml: review\.high_risk\.rules\[0\]: a high_risk rule needs paths, change or both$/),
      expect.stringMatching(/^pipewarden: .*pipewarden\.yml: review\.high_risk\.label: a label must not hold a comma/),
    ]);
  }, 60_000);
});
