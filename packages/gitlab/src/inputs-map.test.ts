import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '../../../test-support/shared.js';

/** Inputs only one platform has: how it runs, not what Pipewarden does. */
const GITLAB_ONLY = new Set(['stage', 'job_name', 'node_image', 'command', 'install']);
// attest and attest-key: on GitLab the attestation is a job of its own (templates/attest.yml), not the scan's.
const GITHUB_ONLY = new Set(['token', 'upload-sarif', 'upload-wait', 'pull-request', 'attest', 'attest-key']);
/** GitLab's `stage` is the pipeline's stage, so Pipewarden's is `pipewarden_stage` there. */
const RENAMED: Record<string, string> = { pipewarden_stage: 'stage' };
/** The CLI option each shared input becomes (the template's script passes it). */
const CLI_OPTION: Record<string, string> = { working_directory: 'DIR', reports: '--report', comment: '--no-note', pipewarden_stage: '--stage' };

const kebab = (snake: string) => snake.replace(/_/g, '-');

describe('one option set on every platform', () => {
  it("the component's inputs and the Action's agree in names and defaults, and each maps onto a CLI option of `pipewarden scan`", async () => {
    const [header] = parseAllDocuments(await readFile(join(repoRoot, 'packages', 'gitlab', 'templates', 'scan.yml'), 'utf8')).map((d) => d.toJSON() as { spec: { inputs: Record<string, { default?: unknown }> } });
    const template = header!.spec.inputs;
    const action = (parse(await readFile(join(repoRoot, 'packages', 'github-action', 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> }).inputs;
    const help = spawnSync(process.execPath, [join(repoRoot, 'packages', 'cli', 'dist', 'cli.js'), 'scan', '--help'], { encoding: 'utf8' }).stdout;

    const shared = Object.keys(template).filter((name) => !GITLAB_ONLY.has(name));
    for (const name of shared) {
      const actionName = RENAMED[name] ?? kebab(name);
      expect(action[actionName], `${name} has no Action input ${actionName}`).toBeDefined();
      expect(String(template[name]!.default), `default of ${name}`).toBe(action[actionName]!.default);
      const option = CLI_OPTION[name] ?? `--${kebab(name)}`;
      expect(help, `scan --help lacks ${option} (for ${name})`).toContain(option);
    }
    // And the other way: every Action input the component lacks is one only GitHub has.
    const mapped = new Set(shared.map((name) => RENAMED[name] ?? kebab(name)));
    expect(Object.keys(action).filter((name) => !mapped.has(name)).sort()).toEqual([...GITHUB_ONLY].sort());
  });

  it("the DAST template's inputs are a subset of the scan template's, with the same meaning", async () => {
    const inputsOf = async (file: string) => (parseAllDocuments(await readFile(join(repoRoot, 'packages', 'gitlab', 'templates', file), 'utf8'))[0]!.toJSON() as { spec: { inputs: Record<string, { options?: unknown[]; type?: string }> } }).spec.inputs;
    const scan = await inputsOf('scan.yml');
    const dast = await inputsOf('dast.yml');
    for (const [name, spec] of Object.entries(dast)) {
      expect(scan[name], name).toBeDefined();
      expect(spec.options, name).toEqual(scan[name]!.options);
      expect(spec.type, name).toEqual(scan[name]!.type);
    }
  });
});

describe('examples/gitlab/.gitlab-ci.yml', () => {
  it('parses, includes both templates with inputs they declare, and has the four kinds of jobs', async () => {
    const pipeline = parse(await readFile(join(repoRoot, 'examples', 'gitlab', '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & { include: { file: string; inputs: Record<string, unknown> }[] };
    for (const include of pipeline.include) {
      const template = parseAllDocuments(await readFile(join(repoRoot, include.file), 'utf8'))[0]!.toJSON() as { spec: { inputs: Record<string, unknown> } };
      for (const key of Object.keys(include.inputs)) expect(Object.keys(template.spec.inputs), `${include.file}: ${key}`).toContain(key);
    }
    expect(pipeline.include.map((i) => i.file)).toEqual(['packages/gitlab/templates/scan.yml', 'packages/gitlab/templates/dast.yml']);
    expect(pipeline['pipewarden-dast']).toMatchObject({ services: [expect.objectContaining({ alias: 'app' })] });
    expect(pipeline['pipewarden-production']).toMatchObject({ rules: [{ if: expect.stringContaining('schedule') }] });
    expect(pipeline['pipewarden-shard']).toMatchObject({ parallel: { matrix: [{ SHARD: ['1', '2', '3', '4'] }] } });
    expect(pipeline['pipewarden-merge']).toMatchObject({ needs: ['pipewarden-shard'] });
  });
});
