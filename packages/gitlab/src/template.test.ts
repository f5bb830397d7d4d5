import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { readDocument } from '@pipewarden/core';
import { canRunPipelines, componentProject, declaredReports, runPipeline } from '../../../test-support/gitlab-ci-local.js';
import { repoRoot, sharedDir } from '../../../test-support/shared.js';

const TEMPLATES = join(repoRoot, 'packages', 'gitlab', 'templates');
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

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

describe.skipIf(!canRunPipelines('the gitlab-ci-local pipeline test'))('gitlab-ci-local runs a pipeline that includes templates/scan.yml with inputs', () => {
  it('on the demo app: the job fails on the gate (exit 1), and every report it declares exists and is valid', async () => {
    // Dependency, image and DAST reports written by real tools, ingested through the reports input.
    const reports = [join(sharedDir, 'corpus', 'npm_audit_7_plus', 'one_vuln.json'), join(sharedDir, 'corpus', 'trivy', 'scheme_2_many_vulns.json'), join(sharedDir, 'corpus', 'zap', 'some_2.9.0.xml')];
    const dir = await componentProject(`stages: [test]\ninclude:\n  - local: templates/scan.yml\n    inputs:\n      job_name: security\n      command: node ${CLI}\n      reports: ${reports.join(' ')}\n      comment: false\n`);
    const run = await runPipeline(dir, { PIPEWARDEN_OFFLINE: '1' }, { ...process.env, PIPEWARDEN_OFFLINE: '1' });
    expect(run.status, run.out).toBe(1);
    const out = run.out;
    expect(out).toMatch(/security finished in [\d.]+ m?s\s+FAIL 1/);
    expect(out).toMatch(/Gate FAILED/);
    const expanded = parse(run.expanded) as Record<string, { artifacts?: { reports?: Record<string, string>; paths?: string[] } }>;
    for (const report of await declaredReports(dir, expanded.security!.artifacts!.reports!)) {
      expect(report.exists, report.file).toBe(true);
      if (report.type === 'junit') {
        expect((await readDocument(report.file)).kind).toBe('xml');
        continue;
      }
      expect(report.invalid, report.type).toEqual([]);
      expect(report.vulnerabilities, report.type).toBeGreaterThan(0);
    }
    for (const path of expanded.security!.artifacts!.paths!) expect(existsSync(join(dir, path)), path).toBe(true);
  }, 300_000);
});
