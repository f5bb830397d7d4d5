import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '../../../test-support/shared.js';
import { ACTION_REFERENCE, CLI_REFERENCE, filesNamingVersions, syncVersions } from '../../../scripts/release/sync-cli-version.mjs';

const VERSION = (JSON.parse(await readFile(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
const DEFAULT_COMMAND = `npx --yes @pipewarden/cli@${VERSION}`;
// Built in pieces, so the sync script never rewrites this test's own fixtures.
const CLI = '@pipewarden/cli@';

describe('the released version, wherever a pipeline names it', () => {
  it(`the GitLab component's and the Jenkins step's default command is ${DEFAULT_COMMAND}`, async () => {
    const templates = filesNamingVersions().filter((file) => /^packages\/gitlab\/.*templates\/[^/]+\.ya?ml$/.test(file));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) {
      const spec = parseAllDocuments(await readFile(join(repoRoot, file), 'utf8'))[0]!.toJSON() as { spec: { inputs: Record<string, { default?: unknown }> } };
      expect(spec.spec.inputs.command?.default, file).toBe(DEFAULT_COMMAND);
    }
    const scan = await readFile(join(repoRoot, 'packages', 'jenkins', 'vars', 'pipewardenScan.groovy'), 'utf8');
    expect(scan.match(/^\s*command\s*:\s*'([^']*)'/m)?.[1]).toBe(DEFAULT_COMMAND);
    const merge = await readFile(join(repoRoot, 'packages', 'jenkins', 'vars', 'pipewardenMerge.groovy'), 'utf8');
    expect(merge.match(/\?: '(npx [^']*)'/)?.[1]).toBe(DEFAULT_COMMAND);
  });

  it('every file that names a CLI version names packages/cli/package.json\'s, and the Action\'s major tag is its major', async () => {
    const major = `v${VERSION.split('.')[0]}`;
    const stale: string[] = [];
    for (const file of filesNamingVersions()) {
      const text = await readFile(join(repoRoot, file), 'utf8');
      for (const [reference] of text.matchAll(CLI_REFERENCE)) if (reference !== `${CLI}${VERSION}`) stale.push(`${file}: ${reference}`);
      for (const [reference] of text.matchAll(ACTION_REFERENCE)) if (!reference.endsWith(`@${major}`)) stale.push(`${file}: ${reference}`);
    }
    expect(stale).toEqual([]);
  });

  it('sync-cli-version rewrites a stale reference, and leaves the rest of the file as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-sync-'));
    await writeFile(join(dir, 'scan.yml'), `spec:\n  inputs:\n    command:\n      default: npx --yes ${CLI}0.9.1\n---\njob: { script: [npx --yes ${CLI}0.9.1-rc.2 scan] }\n`);
    await writeFile(join(dir, 'usage.md'), `uses: pipewarden/pipewarden/packages/github-action${'@'}v0\n`);
    await writeFile(join(dir, 'other.md'), 'nothing to do here\n');
    expect(syncVersions(dir, ['scan.yml', 'usage.md', 'other.md'], '1.2.3')).toEqual(['scan.yml', 'usage.md']);
    expect(await readFile(join(dir, 'scan.yml'), 'utf8')).toBe(`spec:\n  inputs:\n    command:\n      default: npx --yes ${CLI}1.2.3\n---\njob: { script: [npx --yes ${CLI}1.2.3 scan] }\n`);
    expect(await readFile(join(dir, 'usage.md'), 'utf8')).toBe(`uses: pipewarden/pipewarden/packages/github-action${'@'}v1\n`);
  });
});

describe('the release machinery', () => {
  it('changesets versions every @pipewarden package as one, the Action included', async () => {
    const config = JSON.parse(await readFile(join(repoRoot, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][]; access: string; privatePackages: { version: boolean } };
    expect(config.fixed).toEqual([['@pipewarden/*']]);
    expect(config).toMatchObject({ access: 'public', privatePackages: { version: true } });
  });

  it('every published package names its repository and folder, as npm provenance requires', async () => {
    const { publicPackages } = await import('../../../scripts/release/workspace.mjs');
    const packages = publicPackages() as { name: string; dir: string; manifest: { repository?: { url: string; directory: string } } }[];
    expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['@pipewarden/cli', '@pipewarden/core', '@pipewarden/sast']));
    for (const pkg of packages) {
      expect(pkg.manifest.repository, pkg.name).toEqual({ type: 'git', url: 'git+https://github.com/pipewarden/pipewarden.git', directory: pkg.dir.slice(repoRoot.length + 1) });
    }
  });

  it('the release workflow publishes with provenance, versions through the sync, and tags the Action v<major> and v<version>', async () => {
    const text = await readFile(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
    const workflow = parse(text) as { permissions: Record<string, string>; jobs: { release: { steps: { uses?: string; with?: Record<string, string>; run?: string }[] } } };
    expect(workflow.permissions).toMatchObject({ contents: 'write', 'id-token': 'write' });
    const steps = workflow.jobs.release.steps;
    const changesets = steps.find((step) => step.uses?.startsWith('changesets/action@'))!;
    expect(changesets.with).toMatchObject({ version: 'pnpm run version-packages', publish: expect.stringMatching(/^node scripts\/release\/publish\.mjs --provenance/) });
    const root = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(root.scripts['version-packages']).toMatch(/^changeset version && node scripts\/release\/sync-cli-version\.mjs && .*pnpm build$/);
    const tagging = steps.find((step) => step.run?.includes('git tag'))!.run!;
    expect(tagging).toMatch(/git tag -a "v\$\{version\}"/);
    expect(tagging).toMatch(/git tag -fa "\$\{major\}"/);
    expect(tagging).toMatch(/git push --force origin "\$\{major\}"/);
  });
});
