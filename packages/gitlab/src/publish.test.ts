import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '../../../test-support/shared.js';

const PACKAGE = join(repoRoot, 'packages', 'gitlab');
const SCRIPT = join(PACKAGE, 'publish', 'publish-component.sh');
const cliVersion = async () => (JSON.parse(await readFile(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** The component project: a bare repository with one commit on main, as GitLab creates it with a README. */
async function componentProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-component-'));
  git(dir, 'init', '-q', '--bare', '-b', 'main', 'component.git');
  git(dir, 'clone', '-q', join(dir, 'component.git'), 'seed');
  execFileSync('sh', ['-c', 'echo "# component" > README.md && git add README.md && git -c user.name=seed -c user.email=seed@example.com commit -qm init && git push -q origin HEAD:main'], { cwd: join(dir, 'seed') });
  return join(dir, 'component.git');
}

function publish(tag: string, repository: string, env: Record<string, string> = {}) {
  // No git identity anywhere: the job sets its own (the documented job used to fail here).
  return spawnSync('sh', [SCRIPT], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dirname(repository), GIT_CONFIG_NOSYSTEM: '1', CI_COMMIT_TAG: tag, COMPONENT_REPOSITORY: repository, ...env } });
}

describe('publishing the component project', () => {
  it('templates/ at the root, the README with absolute links, the release pipeline, an annotated semver tag, pushed', async () => {
    const repository = await componentProject();
    const run = publish('v1.4.2', repository);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('publish-component: pushed main and tag 1.4.2 to the component project; its tag pipeline creates the release\n');
    expect(git(repository, 'cat-file', '-t', 'refs/tags/1.4.2')).toBe('tag');
    expect(git(repository, 'for-each-ref', '--format=%(taggername) %(taggeremail) %(contents:subject)', 'refs/tags/1.4.2')).toBe('Pipewarden release <release@pipewarden.dev> Pipewarden component 1.4.2');
    expect(git(repository, 'rev-parse', 'refs/tags/1.4.2^{commit}')).toBe(git(repository, 'rev-parse', 'refs/heads/main'));
    const checkout = await mkdtemp(join(tmpdir(), 'pw-component-checkout-'));
    git(checkout, 'clone', '-q', '--branch', '1.4.2', repository, 'c');
    const root = join(checkout, 'c');
    expect((await readdir(root)).filter((name) => name !== '.git').sort()).toEqual(['.gitlab-ci.yml', 'README.md', 'templates']);
    expect((await readdir(join(root, 'templates'))).sort()).toEqual((await readdir(join(PACKAGE, 'templates'))).sort());
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('component: $CI_SERVER_FQDN/pipewarden/pipewarden-component/scan@1.4.2');
    // Every link works from the component project: absolute, or to a file it has.
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https:\/\//.test(target!)) expect(target).toMatch(/^https:\/\/github\.com\/pipewarden\/pipewarden\/blob\/v1\.4\.2\//);
      else expect(existsSync(resolve(root, target!.split('#')[0]!)), target).toBe(true);
    }
    const pipeline = parse(await readFile(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, { release?: { tag_name: string }; rules?: { if: string }[] }>;
    expect(pipeline['create-release']).toMatchObject({ release: { tag_name: '$CI_COMMIT_TAG' }, rules: [{ if: '$CI_COMMIT_TAG =~ /^\\d+\\.\\d+\\.\\d+$/' }] });
  });

  it('a tag that is not a semantic version, or one already released: one line, exit 2, nothing pushed', async () => {
    const repository = await componentProject();
    const bad = publish('v1.4', repository);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('publish-component: CI_COMMIT_TAG "v1.4" is not a semantic version (v1.2.3): the catalog needs one\n');
    expect(publish('1.0.0', repository).status).toBe(0);
    const again = publish('v1.0.0', repository);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('publish-component: the component project already has tag 1.0.0: a released version is never moved\n');
    expect(git(repository, 'tag')).toBe('1.0.0');
  });

  it("the README documents every input of every template with the template's default", async () => {
    const readme = await readFile(join(PACKAGE, 'README.md'), 'utf8');
    const problems: string[] = [];
    for (const name of await readdir(join(PACKAGE, 'templates'))) {
      const [header] = parseAllDocuments(await readFile(join(PACKAGE, 'templates', name), 'utf8')).map((d) => d.toJSON() as { spec: { inputs: Record<string, { default?: unknown }> } });
      const section = readme.split(`\n## ${name.replace(/\.yml$/, '')}\n`)[1]?.split('\n## ')[0] ?? '';
      for (const [input, spec] of Object.entries(header!.spec.inputs)) {
        const row = new RegExp(`^\\| \`${input}\` \\| (.*?) \\|`, 'm').exec(section);
        const shown = row?.[1]?.replace(/^`|`$/g, '').replace(/^''$/, '').replace('@VERSION@', await cliVersion());
        if (!row) problems.push(`${name}: ${input} is not in the README`);
        else if (shown !== String(spec.default ?? '')) problems.push(`${name}: ${input} shows ${shown}, the template says ${String(spec.default)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the monorepo job runs the script on v-tags only', async () => {
    const job = (parse(await readFile(join(PACKAGE, 'publish', 'publish-job.yml'), 'utf8')) as Record<string, { rules: { if: string }[]; script: string[] }>)['publish-component']!;
    expect(job.rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^v\\d+\\.\\d+\\.\\d+$/' }]);
    expect(job.script).toEqual(['sh packages/gitlab/publish/publish-component.sh']);
  });
});
