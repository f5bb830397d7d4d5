import { execFile, execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const IDENTITY = 'https://github.com/acme/app/.github/workflows/ci.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const RUNTIME_TOKEN = 'actions-runtime-token-for-the-test';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT as GitHub's token service shapes it (unsigned: the fake Fulcio trusts the fake token service). */
const OIDC_TOKEN = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ iss: ISSUER, sub: 'repo:acme/app:ref:refs/heads/main', aud: 'sigstore', job_workflow_ref: 'acme/app/.github/workflows/ci.yml@refs/heads/main' })}.c2ln`;

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

interface Fakes {
  url: string;
  tokenRequests: { authorization?: string; audience: string | null }[];
  certificates: string[];
  entries: { kind: string; apiVersion: string; spec: unknown }[];
}

/**
 * Loopback stand-ins for GitHub's OIDC token service, Fulcio (a test CA that checks the proof of possession and
 * issues a certificate with openssl) and Rekor (an in-memory log), speaking the paths and shapes sigstore-js uses.
 */
async function startFakes(dir: string): Promise<{ server: Server; fakes: Fakes }> {
  execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'ca.key')]);
  execFileSync('openssl', ['req', '-x509', '-new', '-key', join(dir, 'ca.key'), '-subj', '/O=sigstore.test/CN=fake-fulcio', '-days', '1', '-out', join(dir, 'ca.pem')]);
  await writeFile(join(dir, 'leaf.cnf'), `subjectAltName=URI:${IDENTITY}\nextendedKeyUsage=codeSigning\nkeyUsage=critical,digitalSignature\n1.3.6.1.4.1.57264.1.1=ASN1:UTF8String:${ISSUER}\n`);
  const fakes: Fakes = { url: '', tokenRequests: [], certificates: [], entries: [] };
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const json = (status: number, value: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (request.method === 'GET' && url.pathname === '/token') {
        fakes.tokenRequests.push({ authorization: request.headers.authorization, audience: url.searchParams.get('audience') });
        return request.headers.authorization === `Bearer ${RUNTIME_TOKEN}` ? json(200, { value: OIDC_TOKEN }) : json(401, { message: 'bad runtime token' });
      }
      if (request.method === 'POST' && url.pathname === '/api/v2/signingCert') {
        const certRequest = JSON.parse(await body(request)) as { credentials: { oidcIdentityToken: string }; publicKeyRequest: { publicKey: { content: string }; proofOfPossession: string } };
        if (certRequest.credentials.oidcIdentityToken !== OIDC_TOKEN) return json(401, { message: 'unknown token' });
        const publicKey = createPublicKey(certRequest.publicKeyRequest.publicKey.content);
        // Fulcio's proof of possession: the token's subject signed with the key the certificate is for.
        const subject = (JSON.parse(Buffer.from(OIDC_TOKEN.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
        if (!cryptoVerify('sha256', Buffer.from(subject), publicKey, Buffer.from(certRequest.publicKeyRequest.proofOfPossession, 'base64'))) return json(400, { message: 'bad proof of possession' });
        const n = fakes.certificates.length;
        await writeFile(join(dir, `leaf-${n}.pub`), publicKey.export({ type: 'spki', format: 'pem' }));
        execFileSync('openssl', ['x509', '-new', '-force_pubkey', join(dir, `leaf-${n}.pub`), '-subj', '/O=sigstore.test', '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-days', '1', '-extfile', join(dir, 'leaf.cnf'), '-out', join(dir, `leaf-${n}.pem`)]);
        const leaf = await readFile(join(dir, `leaf-${n}.pem`), 'utf8');
        fakes.certificates.push(leaf);
        return json(201, { signedCertificateEmbeddedSct: { chain: { certificates: [leaf, await readFile(join(dir, 'ca.pem'), 'utf8')] } } });
      }
      if (request.method === 'POST' && url.pathname === '/api/v1/log/entries') {
        const entry = JSON.parse(await body(request)) as Fakes['entries'][number];
        fakes.entries.push(entry);
        const canonical = Buffer.from(JSON.stringify({ apiVersion: entry.apiVersion, kind: entry.kind, spec: entry.spec }));
        const uuid = createHash('sha256').update(canonical).digest('hex');
        return json(201, { [uuid]: { body: canonical.toString('base64'), integratedTime: Math.floor(Date.now() / 1000), logID: createHash('sha256').update('fake-rekor').digest('hex'), logIndex: fakes.entries.length - 1, verification: { signedEntryTimestamp: Buffer.from('fake-set').toString('base64') } } });
      }
      json(404, { message: `no route ${request.method} ${url.pathname}` });
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  fakes.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { server, fakes };
}

function cli(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, PIPEWARDEN_OFFLINE: '1', SIGSTORE_ID_TOKEN: '', ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '', HTTPS_PROXY: '', HTTP_PROXY: '', https_proxy: '', http_proxy: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let server: Server;
let fakes: Fakes;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-keyless-'));
  ({ server, fakes } = await startFakes(dir));
  await writeFile(join(dir, 'app.js'), 'console.log(1)\n');
  await writeFile(join(dir, 'build.tar'), 'artifact\n');
  const scan = await cli(['scan', '.', '--scanners', 'none', '--no-history', '--quiet'], dir, {});
  expect(scan.code, scan.stderr).toBe(0);
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('keyless attestations through Sigstore (loopback Fulcio and Rekor)', () => {
  it('GitHub Actions: the id-token is requested for sigstore, exchanged for a certificate, logged; the bundle and the envelope are written', async () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: `${fakes.url}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN };
    const made = await cli(['attest', '--subject', 'build.tar', '--fulcio-url', fakes.url, '--rekor-url', fakes.url], dir, env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/signed with Sigstore \(keyless\); bundle \.pipewarden\/attestation\.sigstore\.json$/m);
    expect(made.stderr).not.toContain(OIDC_TOKEN);
    expect(fakes.tokenRequests).toEqual([{ authorization: `Bearer ${RUNTIME_TOKEN}`, audience: 'sigstore' }]);
    expect(fakes.certificates).toHaveLength(1);
    expect(fakes.entries).toEqual([expect.objectContaining({ kind: 'dsse' })]);
    const bundle = JSON.parse(await readFile(join(dir, '.pipewarden', 'attestation.sigstore.json'), 'utf8')) as { mediaType: string; dsseEnvelope: { payload: string; signatures: { sig: string }[] }; verificationMaterial: { certificate?: { rawBytes: string }; tlogEntries: unknown[] } };
    expect(bundle.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.bundle/);
    expect(bundle.verificationMaterial.tlogEntries).toEqual([expect.objectContaining({ kindVersion: { kind: 'dsse', version: '0.0.1' }, inclusionPromise: { signedEntryTimestamp: Buffer.from('fake-set').toString('base64') } })]);
    const line = JSON.parse((await readFile(join(dir, '.pipewarden', 'attestation.intoto.jsonl'), 'utf8')).trim()) as { payload: string; signatures: { sig: string }[] };
    expect(line.payload).toBe(bundle.dsseEnvelope.payload);
    expect(line.signatures[0]!.sig).toBe(bundle.dsseEnvelope.signatures[0]!.sig);
    // The envelope verifies offline with the certificate Fulcio issued (its key signed the PAE).
    await writeFile(join(dir, 'fulcio-cert.pem'), fakes.certificates[0]!);
    const verified = await cli(['verify', '--attestation', '.pipewarden/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'fulcio-cert.pem', '--require-verdict', 'pass'], dir, {});
    expect(verified.code, verified.stderr).toBe(0);
  }, 60_000);

  it('SIGSTORE_ID_TOKEN (GitLab id_tokens) with --no-tlog: no Rekor entry; a Fulcio that refuses the token is one line, exit 2, token not shown', async () => {
    const before = fakes.entries.length;
    const made = await cli(['attest', '--subject', 'build.tar', '--keyless', '--no-tlog', '--fulcio-url', fakes.url, '-o', 'gitlab.intoto.jsonl'], dir, { SIGSTORE_ID_TOKEN: OIDC_TOKEN });
    expect(made.code, made.stderr).toBe(0);
    expect(fakes.entries).toHaveLength(before);
    const bundle = JSON.parse(await readFile(join(dir, 'gitlab.sigstore.json'), 'utf8')) as { verificationMaterial: { certificate?: unknown; tlogEntries?: unknown[] } };
    expect(bundle.verificationMaterial.certificate).toBeDefined();
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    const wrongToken = `${OIDC_TOKEN.split('.').slice(0, 2).join('.')}.other`;
    const refused = await cli(['attest', '--subject', 'build.tar', '--keyless', '--fulcio-url', fakes.url, '--rekor-url', fakes.url, '-o', 'refused.jsonl'], dir, { SIGSTORE_ID_TOKEN: wrongToken });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pipewarden: http:\/\/127\.0\.0\.1:\d+: keyless signing failed: .*401/)]);
    expect(refused.stderr).not.toContain(wrongToken);
    const runtime = await cli(['attest', '--subject', 'build.tar', '--keyless', '--fulcio-url', fakes.url], dir, { ACTIONS_ID_TOKEN_REQUEST_URL: `${fakes.url}/token`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' });
    expect(runtime.code).toBe(2);
    expect(runtime.stderr).toMatch(/GitHub's OIDC token service answered HTTP 401 \(does the job have permissions: id-token: write\?\)/);
  }, 60_000);
});
