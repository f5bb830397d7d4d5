import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, verify as cryptoVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', SIGSTORE_ID_TOKEN: '', ACTIONS_ID_TOKEN_REQUEST_URL: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, errorLines: result.stderr.split('\n').filter((line) => line.startsWith('pipewarden: ')) };
}

function keyPair(type: 'ed25519' | 'p256') {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { private: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, public: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

/** A finding the default gate fails on: a critical vulnerability. */
const FAILING_SARIF = {
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'trivy', version: '0.50.0', rules: [{ id: 'CVE-2021-44228', properties: { 'security-severity': '10.0' } }] } }, results: [{ ruleId: 'CVE-2021-44228', level: 'error', message: { text: 'log4j' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'pom.xml' }, region: { startLine: 1 } } }] }] }],
};

let dir: string;
const keys = { p256: keyPair('p256'), ed25519: keyPair('ed25519'), other: keyPair('p256') };
const out = '.pipewarden';
const attestation = `${out}/attestation.intoto.jsonl`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-attest-'));
  await writeFile(join(dir, 'app.js'), 'console.log("hello")\n');
  await writeFile(join(dir, 'pipewarden.yml'), 'gate:\n  rules:\n    - severity: critical\n      max: 0\n');
  await writeFile(join(dir, 'build.tar'), 'the artifact the pipeline built\n');
  for (const [name, pair] of Object.entries(keys)) {
    await writeFile(join(dir, `${name}.pem`), pair.private);
    await writeFile(join(dir, `${name}.pub`), pair.public);
  }
  const scan = cli(['scan', '.', '--scanners', 'none', '--no-history', '--quiet'], dir);
  expect(scan.code, scan.stderr).toBe(0);
  await writeFile(join(dir, 'failing.sarif'), JSON.stringify(FAILING_SARIF));
  const failing = cli(['scan', '.', '--scanners', 'none', '--report', 'failing.sarif', '--out-dir', 'failed', '--no-history', '--quiet'], dir);
  expect(failing.code, failing.stderr).toBe(1);
}, 120_000);

function envelopeAt(text: string) {
  const envelope = JSON.parse(text.trim().split('\n')[0]!) as { payload: string; payloadType: string; signatures: { keyid: string; sig: string }[] };
  return { envelope, statement: JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) };
}

describe('pipewarden attest and verify with a key', () => {
  it('P-256: attest then verify with the public key passes; the statement records the scan', async () => {
    const image = `ghcr.io/acme/app:1.2@sha256:${sha256('image')}`;
    const made = cli(['attest', '--subject', 'build.tar', '--subject', image, '--key', 'p256.pem'], dir, { GITHUB_SHA: 'abc123def4567890', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42' });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/wrote \.pipewarden\/attestation\.intoto\.jsonl: 2 subjects, verdict pass, signed with ecdsa-p256 key/);
    const text = await readFile(join(dir, attestation), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
    const { envelope, statement } = envelopeAt(text);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://pipewarden.dev/attestations/scan/v1');
    expect(statement.subject).toEqual([
      { name: 'build.tar', digest: { sha256: sha256(await readFile(join(dir, 'build.tar'))) } },
      { name: 'ghcr.io/acme/app', digest: { sha256: sha256('image') } },
    ]);
    const { predicate } = statement;
    expect(predicate.verdict).toBe('pass');
    expect(predicate.results.digest.sha256).toBe(sha256(await readFile(join(dir, out, 'results.sarif'))));
    expect(predicate.report.digest.sha256).toBe(sha256(await readFile(join(dir, out, 'report.json'))));
    expect(predicate.policy).toMatchObject({ file: 'pipewarden.yml', digest: { sha256: sha256(await readFile(join(dir, 'pipewarden.yml'))) } });
    expect(predicate.policy.effective.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(predicate.counts).toMatchObject({ total: 0, new: 0 });
    expect(Date.parse(predicate.scannedAt)).toBeLessThanOrEqual(Date.parse(predicate.attestedAt));
    // The scan's own provenance is what report.json recorded (none in this scan); the env of attest is not used for it.
    expect(predicate.scanner.name).toBe('pipewarden');
    // An ASN.1 DER ECDSA signature (SEQUENCE of two INTEGERs), as cosign and in-toto-golang write them.
    expect(Buffer.from(envelope.signatures[0]!.sig, 'base64')[0]).toBe(0x30);
    const verified = cli(['verify', '--attestation', attestation, '--subject', 'build.tar', '--subject', image, '--key', 'p256.pub', '--require-verdict', 'pass', '--max-age', '1d'], dir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^verified \.pipewarden\/attestation\.intoto\.jsonl: 2 subjects attested by key [0-9a-f]{16}; scan pass/);
    // A digest alone is matched by digest, whatever name the statement gives it.
    expect(cli(['verify', '--attestation', attestation, '--subject', `sha256:${sha256('image')}`, '--key', 'p256.pub'], dir).code).toBe(0);
  });

  it('Ed25519 from environment variables (PEM, or PEM in base64) signs and verifies', () => {
    const env = { SIGNING_KEY: Buffer.from(keys.ed25519.private).toString('base64'), VERIFY_KEY: keys.ed25519.public };
    // The same file named twice (./build.tar is build.tar) is one subject.
    const made = cli(['attest', '--subject', 'build.tar', '--subject', './build.tar', '--key', 'env:SIGNING_KEY', '-o', 'ed.intoto.jsonl'], dir, env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/: 1 subject, verdict pass, signed with ed25519 key/);
    expect(made.stderr + made.stdout).not.toContain(env.SIGNING_KEY.slice(10, 40));
    const verified = cli(['verify', '--attestation', 'ed.intoto.jsonl', '--subject', 'build.tar', '--key', 'env:VERIFY_KEY'], dir, env);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it('one byte changed in the subject: exit 1, one line naming it', async () => {
    expect(cli(['attest', '--subject', 'build.tar', '--key', 'p256.pem', '-o', 'one.jsonl'], dir).code).toBe(0);
    const original = await readFile(join(dir, 'build.tar'));
    const changed = Buffer.from(original);
    changed[0] = changed[0]! ^ 1;
    await writeFile(join(dir, 'build-changed.tar'), changed);
    const result = cli(['verify', '--attestation', 'one.jsonl', '--subject', 'build-changed.tar', '--key', 'p256.pub'], dir);
    expect(result.code).toBe(1);
    expect(result.errorLines).toHaveLength(1);
    expect(result.errorLines[0]).toMatch(/^pipewarden: one\.jsonl: build-changed\.tar \(sha256:[0-9a-f]{12}\): not attested: its SHA-256 matches no subject/);
  });

  it('one byte changed in the envelope\'s payload: exit 2, one line, the signature does not verify', async () => {
    expect(cli(['attest', '--subject', 'build.tar', '--key', 'p256.pem', '-o', 'tampered.jsonl'], dir).code).toBe(0);
    const { envelope } = envelopeAt(await readFile(join(dir, 'tampered.jsonl'), 'utf8'));
    const payload = Buffer.from(envelope.payload, 'base64');
    const at = payload.indexOf('"verdict":"pass"') + '"verdict":"'.length;
    payload[at] = 'q'.charCodeAt(0);
    await writeFile(join(dir, 'tampered.jsonl'), `${JSON.stringify({ ...envelope, payload: payload.toString('base64') })}\n`);
    const result = cli(['verify', '--attestation', 'tampered.jsonl', '--subject', 'build.tar', '--key', 'p256.pub'], dir);
    expect(result.code).toBe(2);
    expect(result.errorLines).toEqual([expect.stringMatching(/^pipewarden: tampered\.jsonl: line 1: the signature does not verify with key [0-9a-f]{16}: the payload or the signature was altered after signing$/)]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('another key: exit 2, one line', () => {
    const result = cli(['verify', '--attestation', 'one.jsonl', '--subject', 'build.tar', '--key', 'other.pub'], dir);
    expect(result.code).toBe(2);
    expect(result.errorLines).toEqual([expect.stringMatching(/^pipewarden: one\.jsonl: line 1: not signed by key [0-9a-f]{16} \(signed by [0-9a-f]{16}\): wrong key, or the attestation was replaced$/)]);
    // An Ed25519 key against a P-256 signature is "another key" too, not a crash.
    expect(cli(['verify', '--attestation', 'one.jsonl', '--subject', 'build.tar', '--key', 'ed25519.pub'], dir).code).toBe(2);
  });

  it('a fail verdict fails --require-verdict pass (exit 1, with the gate\'s failures); without it the attestation verifies', () => {
    const made = cli(['attest', '--subject', 'build.tar', '--key', 'p256.pem', '--out-dir', 'failed'], dir);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/verdict fail/);
    const required = cli(['verify', '--attestation', 'failed/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'p256.pub', '--require-verdict', 'pass'], dir);
    expect(required.code).toBe(1);
    expect(required.errorLines).toEqual([expect.stringMatching(/build\.tar \(sha256:[0-9a-f]{12}\): the scan's verdict is fail, --require-verdict pass: .*critical/)]);
    expect(cli(['verify', '--attestation', 'failed/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'p256.pub'], dir).code).toBe(0);
  });

  it('--max-age: a scan ten days old fails 7d and passes 2w', async () => {
    const report = JSON.parse(await readFile(join(dir, out, 'report.json'), 'utf8')) as Record<string, unknown>;
    const old = join(dir, 'old');
    await import('node:fs/promises').then((fs) => fs.mkdir(old));
    await writeFile(join(old, 'report.json'), JSON.stringify({ ...report, generatedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }));
    await writeFile(join(old, 'results.sarif'), await readFile(join(dir, out, 'results.sarif')));
    expect(cli(['attest', '--subject', 'build.tar', '--key', 'ed25519.pem', '--out-dir', 'old'], dir).code).toBe(0);
    const stale = cli(['verify', '--attestation', 'old/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'ed25519.pub', '--max-age', '7d'], dir);
    expect(stale.code).toBe(1);
    expect(stale.errorLines).toEqual([expect.stringMatching(/scanned 10d ago \(.+\), older than --max-age 7d$/)]);
    expect(cli(['verify', '--attestation', 'old/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'ed25519.pub', '--max-age', '2w'], dir).code).toBe(0);
  });

  it('a truncated, empty or foreign attestation file: one line, exit 2', async () => {
    const text = await readFile(join(dir, 'one.jsonl'), 'utf8');
    const cases: [string, string, RegExp][] = [
      ['truncated.jsonl', text.slice(0, Math.floor(text.length / 2)), /line 1: not a JSON object \(truncated or edited\?\)$/],
      ['empty.jsonl', '', /holds no attestation/],
      ['foreign.jsonl', '{"hello":"world"}\n', /line 1: not a DSSE envelope: payload: /],
      ['binary.jsonl', '\u0000\u0001\u0002', /line 1: not a JSON object/],
    ];
    for (const [name, content, expected] of cases) {
      await writeFile(join(dir, name), content);
      const result = cli(['verify', '--attestation', name, '--subject', 'build.tar', '--key', 'p256.pub'], dir);
      expect(result.code, name).toBe(2);
      expect(result.errorLines, name).toEqual([expect.stringMatching(new RegExp(`^pipewarden: ${name.replace('.', '\\.')}: ${expected.source}`))]);
    }
  });

  it('bad keys and options: one line each, exit 2, no key material shown', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await writeFile(join(dir, 'rsa.pem'), rsa);
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string;
    await writeFile(join(dir, 'encrypted.pem'), encrypted);
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['--key', 'rsa.pem'], /^pipewarden: rsa\.pem: a RSA key: attestations are signed with ECDSA P-256 or Ed25519 keys$/],
      [['--key', 'missing.pem'], /^pipewarden: missing\.pem: no such file or directory/],
      [['--key', 'env:NOPE'], /--key env:NOPE: the environment variable is not set or is empty$/],
      [['--key', 'encrypted.pem'], /^pipewarden: encrypted\.pem: the key is encrypted: name the environment variable holding its passphrase with --key-passphrase-env$/],
      [['--key', 'encrypted.pem', '--key-passphrase-env', 'PASS'], /^pipewarden: encrypted\.pem: the passphrase does not decrypt the key$/, { PASS: 'wrong' }],
      [[], /--key is required .* or --keyless where the CI provides an OIDC token$/],
      [['--keyless'], /no OIDC token for keyless signing/],
    ];
    for (const [args, expected, env] of cases) {
      const result = cli(['attest', '--subject', 'build.tar', ...args], dir, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.errorLines, args.join(' ')).toEqual([expect.stringMatching(expected)]);
      expect(result.stderr).not.toContain('PRIVATE KEY');
    }
    expect(cli(['attest', '--subject', 'build.tar', '--key', 'encrypted.pem', '--key-passphrase-env', 'PASS', '-o', 'enc.jsonl'], dir, { PASS: 'correct horse' }).code).toBe(0);
    const options = cli(['attest', '--subject', 'sha256:abc', '--subject', 'nope.tar', '--key', 'p256.pem'], dir);
    expect(options.code).toBe(2);
    expect(options.errorLines).toEqual([expect.stringMatching(/--subject\[0\]: a sha256 digest has 64 hexadecimal digits, this one 3/)]);
    const missing = cli(['attest', '--subject', 'nope.tar', '--key', 'p256.pem'], dir);
    expect(missing.errorLines).toEqual(['pipewarden: nope.tar: no such file or directory']);
    const noScan = cli(['attest', '--subject', 'build.tar', '--key', 'p256.pem', '--out-dir', 'nowhere'], dir);
    expect(noScan.code).toBe(2);
    expect(noScan.errorLines).toEqual([expect.stringMatching(/^pipewarden: nowhere\/report\.json: .*run pipewarden scan first/)]);
    const verifyOptions = cli(['verify', '--attestation', 'one.jsonl', '--max-age', 'soon', '--require-verdict', 'maybe'], dir);
    expect(verifyOptions.code).toBe(2);
    expect(verifyOptions.errorLines.join('\n')).toMatch(/--subject: at least one --subject is required[\s\S]*"maybe" is not a verdict[\s\S]*"soon" is not a duration/);
  });
});

describe('interoperability: the envelope is DSSE as the spec and sigstore-js define it', () => {
  /** PAE written out from the DSSE v1 spec (protocol.md), independently of ours. */
  const specPae = (type: string, body: Buffer) => Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);

  it('the spec\'s own test vector, and sigstore-js\'s PAE and verifier, accept our envelopes (P-256 and Ed25519)', async () => {
    expect(specPae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    const sigstoreCore = createRequire(createRequire(join(repoRoot, 'packages', 'core', 'package.json')).resolve('sigstore'))('@sigstore/core') as {
      dsse: { preAuthEncoding(type: string, payload: Buffer): Buffer };
      crypto: { createPublicKey(key: string): import('node:crypto').KeyObject; verify(data: Buffer, key: import('node:crypto').KeyObject, signature: Buffer, algorithm?: string): boolean };
    };
    for (const [file, pub, ed] of [['one.jsonl', keys.p256.public, false], ['ed.intoto.jsonl', keys.ed25519.public, true]] as const) {
      const { envelope } = envelopeAt(await readFile(join(dir, file), 'utf8'));
      const body = Buffer.from(envelope.payload, 'base64');
      const signature = Buffer.from(envelope.signatures[0]!.sig, 'base64');
      const ours = specPae(envelope.payloadType, body);
      expect(sigstoreCore.dsse.preAuthEncoding(envelope.payloadType, body).equals(ours)).toBe(true);
      const key = sigstoreCore.crypto.createPublicKey(pub);
      expect(ed ? cryptoVerify(null, ours, key, signature) : sigstoreCore.crypto.verify(ours, key, signature, 'sha256')).toBe(true);
      // The keyid is the SHA-256 of the key's DER SubjectPublicKeyInfo.
      expect(envelope.signatures[0]!.keyid).toBe(sha256(key.export({ type: 'spki', format: 'der' })));
      // Signing the bare payload (no PAE) would not verify: the signature covers the type too.
      expect(cryptoVerify(ed ? null : 'sha256', body, key, signature)).toBe(false);
    }
  });
});
