import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { readDocument } from '@pipewarden/core';
import { validateGitlab } from '../../../test-support/gitlab-schema.js';
import { hasShared, repoRoot, sharedDir, sharedNotice } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const TEMPLATES = join(repoRoot, 'packages', 'gitlab', 'templates');
const GCL = join(repoRoot, 'packages', 'gitlab', 'node_modules', '.bin', 'gitlab-ci-local');
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const REPORT_TYPES = { sast: 'sast', dependency_scanning: 'dependency_scanning', container_scanning: 'container_scanning', dast: 'dast', secret_detection: 'secret_detection' } as const;

describe('the component templates', () => {
  it('each is a spec:inputs header and plain jobs: snake_case inputs with descriptions, stage and job_name, nothing that leaks into the pipeline', async () => {
    for (const name of await readdir(TEMPLATES)) {
      const [header, body] = parseAllDocuments(await readFile(join(TEMPLATES, name), 'utf8')).map((d) => d.toJSON() as Record<string, unknown>);
      const inputs = (header!.spec as { inputs: Record<string, { description?: string; default?: unknown }> }).inputs;
      expect(Object.keys(inputs), name).toEqual(expect.arrayContaining(['stage', 'job_name']));
      for (const [input, spec] of Object.entries(inputs)) {
        expect(input, name).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
        expect(spec.description?.length, `${name}: ${input}`).toBeGreaterThan(10);
      }
      for (const key of ['default', 'variables', 'stages', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache']) expect(Object.keys(body!), name).not.toContain(key);
      const [job] = Object.values(body!) as { artifacts?: { reports?: Record<string, string> }; rules: unknown[]; script: string[] }[];
      // The scanning jobs hand GitLab every security report; attest and verify (docs/attestations.md) scan nothing.
      if (/\bset -- scan\b/.test(job!.script.join('\n'))) expect(Object.keys(job!.artifacts?.reports ?? {}).sort(), name).toEqual(['container_scanning', 'dast', 'dependency_scanning', 'junit', 'sast', 'secret_detection']);
      expect(job!.rules.length, name).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!hasShared || !hasTool('rsync', ['--version'], 'apt-get install rsync (gitlab-ci-local needs it)'))('gitlab-ci-local runs a pipeline that includes templates/scan.yml with inputs', () => {
  sharedNotice('the gitlab-ci-local pipeline test');

  it('on the demo app: the job fails on the gate (exit 1), and every report it declares exists and is valid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-gcl-'));
    await cp(join(repoRoot, 'examples', 'vulnerable-app'), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
    await mkdir(join(dir, 'templates'));
    await cp(join(TEMPLATES, 'scan.yml'), join(dir, 'templates', 'scan.yml'));
    // Dependency, image and DAST reports written by real tools, ingested through the reports input.
    const reports = [join(sharedDir, 'corpus', 'npm_audit_7_plus', 'one_vuln.json'), join(sharedDir, 'corpus', 'trivy', 'scheme_2_many_vulns.json'), join(sharedDir, 'corpus', 'zap', 'some_2.9.0.xml')];
    await writeFile(
      join(dir, '.gitlab-ci.yml'),
      `stages: [test]\ninclude:\n  - local: templates/scan.yml\n    inputs:\n      job_name: security\n      command: node ${CLI}\n      reports: ${reports.join(' ')}\n      comment: false\n`,
    );
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'init');
    const run = spawnSync(GCL, ['--force-shell-executor', '--ignore-predefined-vars', 'CI_DEFAULT_BRANCH', '--variable', 'CI_DEFAULT_BRANCH=main', '--variable', 'PIPEWARDEN_OFFLINE=1', '--home', join(dir, '.gcl-home')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' }, timeout: 240_000 });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    // gitlab-ci-local colours its summary: strip the escapes before reading it.
    const out = (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '');
    expect(out).toMatch(/security finished in [\d.]+ m?s\s+FAIL 1/);
    expect(out).toMatch(/Gate FAILED/);
    const expanded = parse(await readFile(join(dir, '.gitlab-ci-local', 'expanded-gitlab-ci.yml'), 'utf8')) as Record<string, { artifacts?: { reports?: Record<string, string>; paths?: string[] } }>;
    const declared = expanded.security!.artifacts!.reports!;
    for (const [type, path] of Object.entries(declared)) {
      const file = join(dir, path);
      expect(existsSync(file), `${type}: ${path}`).toBe(true);
      if (type === 'junit') {
        const doc = await readDocument(file);
        expect(doc.kind).toBe('xml');
        continue;
      }
      const data = JSON.parse(await readFile(file, 'utf8')) as { vulnerabilities: unknown[] };
      expect(validateGitlab(REPORT_TYPES[type as keyof typeof REPORT_TYPES], data), type).toEqual([]);
      expect(data.vulnerabilities.length, type).toBeGreaterThan(0);
    }
    for (const path of expanded.security!.artifacts!.paths!) expect(existsSync(join(dir, path)), path).toBe(true);
  }, 300_000);
});
