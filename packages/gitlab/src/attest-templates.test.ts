import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const TEMPLATES = join(repoRoot, 'packages', 'gitlab', 'templates');
const GCL = join(repoRoot, 'packages', 'gitlab', 'node_modules', '.bin', 'gitlab-ci-local');
const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

/** A project whose pipeline includes scan, attest and verify; verify's subjects are given per run. */
async function project(verifySubjects: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-gcl-attest-'));
  await mkdir(join(dir, 'templates'));
  for (const name of ['scan.yml', 'attest.yml', 'verify.yml']) await cp(join(TEMPLATES, name), join(dir, 'templates', name));
  await writeFile(join(dir, 'README.md'), '# app\n');
  await writeFile(join(dir, 'app.tgz'), 'the package the pipeline built\n');
  await writeFile(join(dir, 'other.tgz'), 'a package nobody scanned\n');
  await writeFile(
    join(dir, '.gitlab-ci.yml'),
    [
      'stages: [test, build, deploy]',
      'include:',
      '  - local: templates/scan.yml',
      `    inputs: { command: node ${CLI}, scanners: none, comment: false, history: none }`,
      '  - local: templates/attest.yml',
      `    inputs: { stage: build, command: node ${CLI}, subjects: app.tgz, key_variable: SIGNING_KEY }`,
      '  - local: templates/verify.yml',
      `    inputs: { command: node ${CLI}, subjects: ${verifySubjects}, public_key_variable: VERIFY_KEY }`,
      '',
    ].join('\n'),
  );
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'init');
  return dir;
}

function pipeline(dir: string, variables: Record<string, string>) {
  const args = ['--force-shell-executor', '--ignore-predefined-vars', 'CI_DEFAULT_BRANCH', '--variable', 'CI_DEFAULT_BRANCH=main', '--variable', 'PIPEWARDEN_OFFLINE=1', '--home', join(dir, '.gcl-home')];
  for (const [name, value] of Object.entries(variables)) args.push('--variable', `${name}=${value}`);
  const run = spawnSync(GCL, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' }, timeout: 240_000 });
  return { status: run.status, out: (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '') };
}

describe.skipIf(!hasTool('rsync', ['--version'], 'apt-get install rsync (gitlab-ci-local needs it)'))('gitlab-ci-local: templates/attest.yml signs the scan, templates/verify.yml gates the deployment', () => {
  const pair = generateKeyPairSync('ed25519');
  // Masked GitLab variables are one line: the PEMs travel in base64.
  const variables = {
    SIGNING_KEY: Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).toString('base64'),
    VERIFY_KEY: Buffer.from(pair.publicKey.export({ type: 'spki', format: 'pem' }) as string).toString('base64'),
  };

  it('scan → attest → verify passes for the artifact built; verify of another artifact fails the job', async () => {
    const good = await project('app.tgz');
    const passed = pipeline(good, variables);
    expect(passed.status, passed.out).toBe(0);
    expect(passed.out).toMatch(/wrote \.pipewarden\/attestation\.intoto\.jsonl: 1 subject, verdict pass at [0-9a-f]{12}, signed with ed25519 key/);
    expect(passed.out).toMatch(/verified \.pipewarden\/attestation\.intoto\.jsonl: 1 subject attested by key/);
    expect(passed.out).not.toContain(variables.SIGNING_KEY.slice(20, 60));
    const envelope = JSON.parse(await readFile(join(good, '.pipewarden', 'attestation.intoto.jsonl'), 'utf8')) as { payloadType: string };
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');

    const other = await project('other.tgz');
    const refused = pipeline(other, variables);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/other\.tgz \(sha256:[0-9a-f]{12}\): not attested/);
    expect(refused.out).toMatch(/pipewarden-verify finished in [\d.]+ m?s\s+FAIL 1/);
  }, 300_000);
});
