import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
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

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (leaf: Buffer) => sha256(Buffer.from([0]), leaf);
const largestPowerOfTwoBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

/** RFC 6962's Merkle tree hash over the leaves, as Rekor computes its root. */
function treeHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const k = largestPowerOfTwoBelow(leaves.length);
  return sha256(Buffer.from([1]), treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

/** RFC 6962's audit path for leaf m, from the leaf up: what Rekor's inclusion proof lists. */
function auditPath(m: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k ? [...auditPath(m, leaves.slice(0, k)), treeHash(leaves.slice(k))] : [...auditPath(m - k, leaves.slice(k)), treeHash(leaves.slice(0, k))];
}

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
  /** The fake Rekor's key (SPKI DER): it signs each entry's inclusion promise as Rekor does. */
  rekorKey: Buffer;
  tokenRequests: { authorization?: string; audience: string | null }[];
  certificates: string[];
  entries: { kind: string; apiVersion: string; spec: unknown }[];
}

/**
 * Loopback stand-ins for GitHub's OIDC token service, Fulcio (a test CA that checks the proof of possession and
 * issues a certificate with openssl) and Rekor (an in-memory log that signs its inclusion promises), speaking the
 * paths and shapes sigstore-js uses.
 */
async function startFakes(dir: string): Promise<{ server: Server; fakes: Fakes }> {
  execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'ca.key')]);
  execFileSync('openssl', ['req', '-x509', '-new', '-key', join(dir, 'ca.key'), '-subj', '/O=sigstore.test/CN=fake-fulcio', '-days', '1', '-out', join(dir, 'ca.pem')]);
  // As Fulcio writes them: the issuer as raw bytes (v1 extension, deprecated) and as a DER UTF8String (v2).
  await writeFile(join(dir, 'leaf.cnf'), `subjectAltName=URI:${IDENTITY}\nextendedKeyUsage=codeSigning\nkeyUsage=critical,digitalSignature\n1.3.6.1.4.1.57264.1.1=DER:${Buffer.from(ISSUER).toString('hex').replace(/(..)(?!$)/g, '$1:')}\n1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${ISSUER}\n`);
  const rekor = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const rekorKey = rekor.publicKey.export({ type: 'spki', format: 'der' });
  const logID = createHash('sha256').update(rekorKey).digest('hex');
  const fakes: Fakes = { url: '', rekorKey, tokenRequests: [], certificates: [], entries: [] };
  const leaves: Buffer[] = [];
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
        // Rekor stores a dsse entry as the hashes of the envelope and payload and the signatures with their verifiers.
        const proposed = (entry.spec as { proposedContent: { envelope: string; verifiers: string[] } }).proposedContent;
        const envelope = JSON.parse(proposed.envelope) as { payload: string; signatures: { sig: string }[] };
        const spec = {
          envelopeHash: { algorithm: 'sha256', value: createHash('sha256').update(proposed.envelope).digest('hex') },
          payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(Buffer.from(envelope.payload, 'base64')).digest('hex') },
          signatures: envelope.signatures.map((s, i) => ({ signature: s.sig, verifier: proposed.verifiers[i] ?? proposed.verifiers[0] })),
        };
        const canonical = Buffer.from(JSON.stringify({ apiVersion: entry.apiVersion, kind: entry.kind, spec }));
        const uuid = createHash('sha256').update(canonical).digest('hex');
        const promise = { body: canonical.toString('base64'), integratedTime: Math.floor(Date.now() / 1000), logID, logIndex: fakes.entries.length - 1 };
        // The signed entry timestamp: Rekor's signature over the canonical JSON (keys sorted) of those four fields.
        const signedEntryTimestamp = cryptoSign('sha256', Buffer.from(JSON.stringify(promise, Object.keys(promise).sort())), rekor.privateKey).toString('base64');
        // The inclusion proof: the entry's audit path to the tree's root, and a checkpoint (a signed note) of that root.
        leaves.push(canonical);
        const root = treeHash(leaves);
        const origin = `${new URL(fakes.url).host} - 1`;
        const note = `${origin}\n${leaves.length}\n${root.toString('base64')}\n`;
        const noteSignature = Buffer.concat([Buffer.from(logID, 'hex').subarray(0, 4), cryptoSign('sha256', Buffer.from(note), rekor.privateKey)]);
        const inclusionProof = { logIndex: promise.logIndex, treeSize: leaves.length, rootHash: root.toString('hex'), hashes: auditPath(promise.logIndex, leaves).map((h) => h.toString('hex')), checkpoint: `${note}\n\u2014 ${new URL(fakes.url).host} ${noteSignature.toString('base64')}\n` };
        return json(201, { [uuid]: { ...promise, verification: { signedEntryTimestamp, inclusionProof } } });
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

/** A Sigstore trusted root (protobuf JSON, as cosign's --trusted-root takes) naming a Fulcio CA and a Rekor key. */
function trustedRootOf(caPem: string, rekorKey: Buffer, url: string): unknown {
  const start = '2020-01-01T00:00:00Z';
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [{ baseUrl: url, hashAlgorithm: 'SHA2_256', publicKey: { rawBytes: rekorKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } }, logId: { keyId: createHash('sha256').update(rekorKey).digest('base64') } }],
    certificateAuthorities: [{ subject: { organization: 'sigstore.test', commonName: 'fake-fulcio' }, uri: url, certChain: { certificates: [{ rawBytes: new X509Certificate(caPem).raw.toString('base64') }] }, validFor: { start } }],
    ctlogs: [],
    timestampAuthorities: [],
  };
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
    expect(bundle.verificationMaterial.tlogEntries).toEqual([expect.objectContaining({ kindVersion: { kind: 'dsse', version: '0.0.1' }, inclusionPromise: { signedEntryTimestamp: expect.stringMatching(/^[A-Za-z0-9+/]{60,}={0,2}$/) } })]);
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
  it('--trusted-root: keyless verify offline against the test Fulcio CA and Rekor key; wrong identity, issuer, CA, log or payload fail with one line', async () => {
    const caPem = await readFile(join(dir, 'ca.pem'), 'utf8');
    await writeFile(join(dir, 'root.json'), JSON.stringify(trustedRootOf(caPem, fakes.rekorKey, fakes.url)));
    // A proxy that refuses every connection: a TUF fetch of the public root would fail the run.
    const offline = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9' };
    const verify = (args: string[], root = 'root.json', bundle = '.pipewarden/attestation.sigstore.json') =>
      cli(['verify', '--attestation', bundle, '--subject', 'build.tar', '--trusted-root', root, '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER, ...args], dir, offline);
    const ok = await verify(['--require-verdict', 'pass', '--max-age', '1h']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^verified \.pipewarden\/attestation\.sigstore\.json: 1 subject attested by https:\/\/github\.com\/acme\/app\/\.github\/workflows\/ci\.yml@refs\/heads\/main \(Sigstore keyless, trusted root root\.json\); scan .*pass, 0m ago$/m);

    const oneLine = async (run: Promise<{ code: number; stderr: string }>, code: number, expected: RegExp) => {
      const result = await run;
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(expected)]);
    };
    const notVerified = '^pipewarden: \\.pipewarden/attestation\\.sigstore\\.json: the Sigstore bundle does not verify with root\\.json: ';
    await oneLine(cli(['verify', '--attestation', '.pipewarden/attestation.sigstore.json', '--subject', 'build.tar', '--trusted-root', 'root.json', '--certificate-identity', 'https://github.com/acme/other/.github/workflows/ci.yml@refs/heads/main', '--certificate-oidc-issuer', ISSUER], dir, offline), 2, new RegExp(`${notVerified}.*identity.*acme/other`));
    await oneLine(cli(['verify', '--attestation', '.pipewarden/attestation.sigstore.json', '--subject', 'build.tar', '--trusted-root', 'root.json', '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', 'https://gitlab.com'], dir, offline), 2, new RegExp(`${notVerified}.*issuer.*gitlab\\.com`));
    // The policy still applies once the bundle is trusted: a subject it does not name is exit 1.
    await writeFile(join(dir, 'other.tar'), 'another artifact\n');
    const other = await cli(['verify', '--attestation', '.pipewarden/attestation.sigstore.json', '--subject', 'other.tar', '--trusted-root', 'root.json', '--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER], dir, offline);
    expect(other.code, other.stderr).toBe(1);
    expect(other.stderr).toMatch(/other\.tar \(sha256:[0-9a-f]{12}\): not attested/);

    // Another CA's root: the certificate does not chain to it.
    execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'other-ca.key')]);
    execFileSync('openssl', ['req', '-x509', '-new', '-key', join(dir, 'other-ca.key'), '-subj', '/O=sigstore.test/CN=fake-fulcio', '-days', '1', '-out', join(dir, 'other-ca.pem')]);
    await writeFile(join(dir, 'other-ca-root.json'), JSON.stringify(trustedRootOf(await readFile(join(dir, 'other-ca.pem'), 'utf8'), fakes.rekorKey, fakes.url)));
    await oneLine(verify([], 'other-ca-root.json'), 2, /does not verify with other-ca-root\.json: .*not issued by a CA of the trusted root/);
    // Another log's key: Rekor's inclusion promise does not verify.
    const otherLog = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
    await writeFile(join(dir, 'other-log-root.json'), JSON.stringify(trustedRootOf(caPem, otherLog, fakes.url)));
    await oneLine(verify([], 'other-log-root.json'), 2, /does not verify with other-log-root\.json: .*not logged by a transparency log of the trusted root\)$/);

    // The statement edited inside the bundle (the verdict turned to pass from a bundle that says so, or any byte).
    const bundle = JSON.parse(await readFile(join(dir, '.pipewarden', 'attestation.sigstore.json'), 'utf8')) as { dsseEnvelope: { payload: string } };
    const statement = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8');
    bundle.dsseEnvelope.payload = Buffer.from(statement.replace('build.tar', 'build.taR')).toString('base64');
    await writeFile(join(dir, 'tampered.sigstore.json'), JSON.stringify(bundle));
    await oneLine(verify([], 'root.json', 'tampered.sigstore.json'), 2, /^pipewarden: tampered\.sigstore\.json: the Sigstore bundle does not verify with root\.json: .*\(the envelope was altered after signing\)$/);
    // A --no-tlog bundle has no timestamp to check the short-lived certificate at.
    await oneLine(verify([], 'root.json', 'gitlab.sigstore.json'), 2, /does not verify with root\.json: .*made with --no-tlog\?\)$/);

    // Unreadable or malformed roots: one line naming the file, exit 2.
    await writeFile(join(dir, 'not-json.json'), '{"mediaType": ');
    await writeFile(join(dir, 'empty-root.json'), '{}');
    const badDer = trustedRootOf(caPem, fakes.rekorKey, fakes.url) as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] };
    badDer.certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes = Buffer.from('not a certificate').toString('base64');
    await writeFile(join(dir, 'bad-der.json'), JSON.stringify(badDer));
    await oneLine(verify([], 'missing-root.json'), 2, /^pipewarden: missing-root\.json: no such file or directory/);
    await oneLine(verify([], 'not-json.json'), 2, /^pipewarden: not-json\.json: not a Sigstore trusted root \(not JSON\)$/);
    await oneLine(verify([], 'empty-root.json'), 2, /^pipewarden: empty-root\.json: not a Sigstore trusted root: mediaType is required; certificateAuthorities is required \(the Fulcio CAs keyless certificates chain to\)$/);
    await oneLine(verify([], 'bad-der.json'), 2, /^pipewarden: bad-der\.json: not a usable Sigstore trusted root: a certificate or key does not parse/);
    const withKey = await cli(['verify', '--attestation', '.pipewarden/attestation.intoto.jsonl', '--subject', 'build.tar', '--key', 'fulcio-cert.pem', '--trusted-root', 'root.json'], dir, offline);
    expect(withKey.code).toBe(2);
    expect(withKey.stderr).toMatch(/--trusted-root: is for keyless attestations/);
  }, 60_000);
});
