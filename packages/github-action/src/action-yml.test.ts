import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../../test-support/shared.js';
import { INPUT_NAMES } from './inputs.js';

interface ActionYml {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

describe('action.yml', () => {
  it('declares exactly the inputs the code reads, kebab-case, each with a description and a default; node24; the documented outputs', async () => {
    const action = parse(await readFile(join(repoRoot, 'packages', 'github-action', 'action.yml'), 'utf8')) as ActionYml;
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(input.description.length, name).toBeGreaterThan(10);
      expect(typeof input.default, name).toBe('string');
    }
    expect(Object.keys(action.outputs).sort()).toEqual(['attestation-file', 'fixed-count', 'json-file', 'new-count', 'report-file', 'sarif-file', 'summary-file', 'verdict']);
  });
});

describe('examples/github', () => {
  it('every workflow parses and passes the Action only inputs it has', async () => {
    const { readdir } = await import('node:fs/promises');
    const dir = join(repoRoot, 'examples', 'github');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['fan-out.yml', 'fork-follow-up.yml', 'production.yml', 'security.yml']);
    let uses = 0;
    for (const file of files) {
      const workflow = parse(await readFile(join(dir, file), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (!step.uses?.startsWith('pipewarden/pipewarden/packages/github-action@')) continue;
          uses++;
          for (const key of Object.keys(step.with ?? {})) expect(INPUT_NAMES, `${file}: ${key}`).toContain(key);
        }
      }
    }
    expect(uses).toBe(4);
  });
});
