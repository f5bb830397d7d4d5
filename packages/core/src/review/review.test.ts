import { describe, expect, it } from 'vitest';
import { ciSignals } from './ci.js';
import { highRiskObjectSchema, reviewSchema } from './config.js';
import { infraSignals } from './infra.js';
import { dependencySignals } from './manifests.js';
import { applyRules } from './rules.js';
import type { ChangedFile } from './signal.js';
import { WORKFLOW_BEFORE } from '../../../../test-support/review-repo.js';

/** A change from `base` to `head`: the lines of head that are not in base count as added. */
function change(path: string, base: string | undefined, head: string | undefined): ChangedFile {
  const old = new Set((base ?? '').split('\n'));
  const added = new Set<number>();
  (head ?? '').split('\n').forEach((line, i) => {
    if (!old.has(line)) added.add(i + 1);
  });
  return { path, base, head, added, hunks: [...added].map((n) => [n, n] as [number, number]) };
}

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}) => `${JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps, devDependencies: dev }, null, 2)}\n`;

describe('dependency manifests', () => {
  it('reports a new direct dependency on its line, and nothing for an unchanged one', async () => {
    const signals = await dependencySignals(change('package.json', pkg({ express: '^4.18.2' }), pkg({ express: '^4.18.2', 'left-pad': '1.3.0' })));
    expect(signals.map((s) => [s.kind, s.lines, s.detail.split(',')[0]])).toEqual([['new-dependency', [6], 'adds left-pad 1.3.0']]);
  });

  it('reports a major upgrade, not a minor one', async () => {
    const major = await dependencySignals(change('package.json', pkg({ express: '^4.18.2', lodash: '4.17.20' }), pkg({ express: '^5.0.0', lodash: '4.17.21' })));
    expect(major.map((s) => [s.kind, s.detail.split(',')[0]])).toEqual([['major-upgrade', 'upgrades express from ^4.18.2 to ^5.0.0']]);
    const zero = await dependencySignals(change('requirements.txt', 'pydantic==0.9.1\n', 'pydantic==0.10.0\n'));
    expect(zero.map((s) => s.kind)).toEqual(['major-upgrade']);
    expect(await dependencySignals(change('requirements.txt', 'pydantic==1.10.0\n', 'pydantic==0.10.0\n'))).toEqual([]);
  });

  it('reports a dependency from a git URL or a tarball, wherever it is declared', async () => {
    const npm = await dependencySignals(change('package.json', pkg({ express: '^4.18.2' }), pkg({ express: '^4.18.2', lodash: 'git+https://github.com/lodash/lodash.git#4.17.21' })));
    expect(npm.map((s) => [s.kind, s.lines])).toEqual([['dependency-source', [6]]]);
    const pip = await dependencySignals(change('requirements.txt', 'flask==3.0.0\n', 'flask==3.0.0\nhttps://example.com/pkgs/tool-1.0.tar.gz\n'));
    expect(pip.map((s) => [s.kind, s.lines])).toEqual([['dependency-source', [2]]]);
  });

  it('reports a registry the repository did not use before, in .npmrc and in requirements', async () => {
    const npmrc = await dependencySignals(change('.npmrc', 'registry=https://registry.npmjs.org/\n', 'registry=https://npm.evil.example/\n'));
    expect(npmrc.map((s) => [s.kind, s.lines, s.detail.split(',')[0]])).toEqual([['new-registry', [1], 'fetches packages from npm.evil.example']]);
    const pip = await dependencySignals(change('requirements.txt', 'flask==3.0.0\n', '--extra-index-url https://pypi.internal.example/simple\nflask==3.0.0\n'));
    expect(pip.map((s) => s.kind)).toEqual(['new-registry']);
    expect(await dependencySignals(change('.npmrc', 'registry=https://registry.npmjs.org/\n', 'registry=https://registry.npmjs.org/\nsave-exact=true\n'))).toEqual([]);
    const lock = (host: string) => `${JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { a: '1.0.0' } }, 'node_modules/a': { version: '1.0.0', resolved: `https://${host}/a/-/a-1.0.0.tgz` } } }, null, 2)}\n`;
    expect((await dependencySignals(change('package-lock.json', lock('registry.npmjs.org'), lock('npm.evil.example')))).map((s) => [s.kind, s.detail.split(',')[0]])).toEqual([['new-registry', 'fetches packages from npm.evil.example']]);
  });
});

const WORKFLOW = WORKFLOW_BEFORE;

describe('CI/CD definitions', () => {
  it('reports pull_request_target on its line, beside the definition change', async () => {
    const head = WORKFLOW.replace('  pull_request:\n', '  pull_request_target:\n');
    const signals = await ciSignals(change('.github/workflows/ci.yml', WORKFLOW, head));
    expect(signals.map((s) => [s.kind, s.lines])).toEqual([
      ['ci-definition', [3]],
      ['ci-trigger', [3]],
    ]);
    expect(signals[1]!.detail).toMatch(/^adds the pull_request_target trigger: it runs with a write token/);
  });

  it('reports write-all, and a job given a write scope it did not have', async () => {
    const all = await ciSignals(change('.github/workflows/ci.yml', WORKFLOW, WORKFLOW.replace('permissions:\n  contents: read\n', 'permissions: write-all\n')));
    expect(all.filter((s) => s.kind === 'ci-permissions').map((s) => [s.lines, s.detail])).toEqual([[[4], 'gives the workflow permissions: write-all']]);
    const job = await ciSignals(change('.github/workflows/ci.yml', WORKFLOW, WORKFLOW.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n      contents: read\n')));
    expect(job.filter((s) => s.kind === 'ci-permissions').map((s) => [s.lines, s.detail])).toEqual([[[9], 'gives job test write access to packages']]);
  });

  it('reports a secret written into a run: script, not one passed through env:', async () => {
    const inline = await ciSignals(change('.github/workflows/ci.yml', WORKFLOW, WORKFLOW.replace('      - run: npm test\n', '      - run: |\n          npm test\n          curl -H "Authorization: ${{ secrets.DEPLOY_TOKEN }}" https://deploy.example\n')));
    expect(inline.filter((s) => s.kind === 'ci-secrets').map((s) => s.lines)).toEqual([[13]]);
    const viaEnv = await ciSignals(change('.github/workflows/ci.yml', WORKFLOW, WORKFLOW.replace('      - run: npm test\n', '      - run: npm run deploy\n        env:\n          TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n')));
    expect(viaEnv.filter((s) => s.kind === 'ci-secrets')).toEqual([]);
  });

  it('knows GitLab CI and Jenkinsfiles, and leaves other YAML alone', async () => {
    expect((await ciSignals(change('.gitlab-ci.yml', 'test:\n  script: make\n', 'test:\n  script: make test\n'))).map((s) => s.kind)).toEqual(['ci-definition']);
    expect((await ciSignals(change('Jenkinsfile', 'node { sh "make" }\n', 'node {\n  withCredentials([string(credentialsId: "t", variable: "T")]) { sh "make" }\n}\n'))).map((s) => s.kind)).toEqual(['ci-definition', 'ci-secrets']);
    expect(await ciSignals(change('config/app.yml', 'a: 1\n', 'a: 2\n'))).toEqual([]);
  });
});

describe('infrastructure, containers and ownership', () => {
  it('tells Terraform, Kubernetes, CloudFormation, Helm, Dockerfiles and CODEOWNERS apart from other files', async () => {
    const kind = (path: string, head: string) => infraSignals(change(path, undefined, head)).map((s) => s.kind)[0];
    expect(kind('infra/main.tf', 'resource "aws_s3_bucket" "b" {}\n')).toBe('iac');
    expect(kind('deploy/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\n')).toBe('iac');
    expect(kind('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe('iac');
    expect(kind('charts/web/Chart.yaml', 'name: web\n')).toBe('iac');
    expect(kind('docker/Dockerfile.prod', 'FROM node:20\n')).toBe('dockerfile');
    expect(kind('.github/CODEOWNERS', '* @team\n')).toBe('codeowners');
    expect(kind('config/settings.yaml', 'debug: false\n')).toBeUndefined();
  });
});

describe('review.high_risk rules', () => {
  it('reads the short form and the long form, and reports every problem with its path', async () => {
    expect(reviewSchema.parse({ high_risk: [{ paths: ['src/payments/**'] }] }).high_risk?.rules).toEqual([{ paths: ['src/payments/**'] }]);
    const bad = reviewSchema.safeParse({ high_risk: { label: 'a,b', rules: [{ name: 'x' }, { change: 'nope' }] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['high_risk.rules.0', 'high_risk.rules.1.change', 'high_risk.label']);
  });

  it('adds the user\'s rules to the built-in ones, or replaces them with defaults: false', async () => {
    const files = [change('src/payments/charge.ts', 'a\n', 'b\n'), change('README.md', 'a\n', 'b\n')];
    const rules = [{ name: 'payments code', paths: ['src/payments/**'], explanation: 'Money moves here.' }];
    const reasons = applyRules(highRiskObjectSchema.parse({ rules }), [], files);
    expect(reasons.map((r) => [r.rule, r.file, r.explanation])).toEqual([['payments code', 'src/payments/charge.ts', 'Money moves here.']]);
    const signals = [{ kind: 'dockerfile' as const, file: 'Dockerfile', lines: [1], detail: 'changes a container image build' }];
    expect(applyRules(highRiskObjectSchema.parse({ defaults: false }), signals, [change('Dockerfile', 'FROM a\n', 'FROM b\n')])).toEqual([]);
    expect(applyRules(highRiskObjectSchema.parse({}), signals, [change('Dockerfile', 'FROM a\n', 'FROM b\n')]).map((r) => r.rule)).toEqual(['container build']);
  });
});
