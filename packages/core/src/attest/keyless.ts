import { X509Certificate } from 'node:crypto';
import { INTOTO_PAYLOAD_TYPE, type DsseEnvelope } from './dsse.js';
import { AttestationError } from './errors.js';
import { keyIdOf, type VerifyingKey } from './keys.js';
import { trustMaterialOf, type TrustedRoot } from './trusted-root.js';

type Env = Readonly<Record<string, string | undefined>>;
type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Sigstore's public instance; --fulcio-url and --rekor-url point elsewhere (a private deployment). */
export const PUBLIC_FULCIO = 'https://fulcio.sigstore.dev';
export const PUBLIC_REKOR = 'https://rekor.sigstore.dev';

/**
 * The OIDC token keyless signing exchanges for a certificate: SIGSTORE_ID_TOKEN (GitLab's `id_tokens:`, or any CI
 * that provides one), else GitHub Actions' token service (the job needs `permissions: id-token: write`).
 */
export async function oidcTokenOf(env: Env, fetcher: Fetch = globalThis.fetch as unknown as Fetch): Promise<string | undefined> {
  const given = env.SIGSTORE_ID_TOKEN?.trim();
  if (given) return given;
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) return undefined;
  const request = new URL(url);
  request.searchParams.set('audience', 'sigstore');
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await fetcher(request.href, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AttestationError(`could not reach GitHub's OIDC token service: ${(error as Error).message}`, { file: request.origin, cause: error });
  }
  if (!response.ok) throw new AttestationError(`GitHub's OIDC token service answered HTTP ${response.status} (does the job have permissions: id-token: write?)`, { file: request.origin });
  const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (typeof body?.value !== 'string' || !body.value) throw new AttestationError('GitHub\'s OIDC token service answered without a token', { file: request.origin });
  return body.value;
}

export interface KeylessOptions {
  token: string;
  fulcioUrl: string;
  rekorUrl: string;
  tlog: boolean;
}

/** A Sigstore bundle (v0.3 JSON) holding the DSSE envelope, Fulcio's certificate and Rekor's entry. */
export async function signKeyless(payload: Buffer, options: KeylessOptions): Promise<{ bundle: Record<string, unknown>; envelope: DsseEnvelope }> {
  const { attest } = await import('./sigstore-client.js');
  let bundle: Awaited<ReturnType<typeof attest>>;
  try {
    bundle = await attest(payload, INTOTO_PAYLOAD_TYPE, { identityToken: options.token, fulcioURL: options.fulcioUrl, rekorURL: options.rekorUrl, tlogUpload: options.tlog, timeout: 30_000 });
  } catch (error) {
    // sigstore-js quotes a token it cannot parse in its message: the token never reaches the console.
    const message = (error as Error).message.split('\n')[0]!.split(options.token).join('[the OIDC token]');
    throw new AttestationError(`keyless signing failed: ${message}`, { file: options.fulcioUrl });
  }
  const envelope = bundle.dsseEnvelope as unknown as DsseEnvelope | undefined;
  if (!envelope) throw new AttestationError('keyless signing returned a bundle without a DSSE envelope', { file: options.fulcioUrl });
  return { bundle: bundle as unknown as Record<string, unknown>, envelope: { payload: envelope.payload, payloadType: envelope.payloadType, signatures: envelope.signatures.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig })) } };
}

export interface KeylessIdentity {
  identity: string;
  issuer: string;
}

/**
 * A Sigstore bundle checked by sigstore-js: certificate chain, transparency log, identity and issuer. Against the
 * given trusted root (offline), else the public good instance's, fetched with TUF (so that path needs the network).
 * Returns the envelope and the certificate's key, which the caller checks the envelope with once more.
 */
export async function verifyKeyless(bundle: unknown, who: KeylessIdentity, source: string, trustedRoot?: TrustedRoot): Promise<{ envelope: DsseEnvelope; key: VerifyingKey }> {
  const { verify } = await import('./sigstore-client.js');
  const typed = bundle as Parameters<typeof verify>[0] & { dsseEnvelope?: DsseEnvelope; verificationMaterial?: { certificate?: { rawBytes?: string }; x509CertificateChain?: { certificates?: { rawBytes?: string }[] } } };
  if (!typed?.dsseEnvelope) throw new AttestationError('not a Sigstore bundle with a DSSE envelope', { file: source });
  const identity = /^[^@\s]+@[^@\s]+$/.test(who.identity) ? { certificateIdentityEmail: who.identity } : { certificateIdentityURI: who.identity };
  try {
    if (trustedRoot) await verifyWithRoot(typed, who, trustedRoot);
    else await verify(typed, { ...identity, certificateIssuer: who.issuer, timeout: 30_000 });
  } catch (error) {
    if (error instanceof AttestationError) throw error;
    throw new AttestationError(`the Sigstore bundle does not verify${trustedRoot ? ` with ${trustedRoot.source}` : ''}: ${explain(error as Error)}`, { file: source, cause: error });
  }
  const raw = typed.verificationMaterial?.certificate?.rawBytes ?? typed.verificationMaterial?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (!raw) throw new AttestationError('the Sigstore bundle holds no certificate', { file: source });
  const publicKey = new X509Certificate(Buffer.from(raw, 'base64')).publicKey;
  const algorithm = publicKey.asymmetricKeyType === 'ed25519' ? 'ed25519' : 'ecdsa-p256';
  return { envelope: typed.dsseEnvelope, key: { publicKey, algorithm, keyid: keyIdOf(publicKey) } };
}

/**
 * What a bundle must carry follows from what the root lists, as cosign does with --trusted-root: an SCT only when
 * it names CT logs (a private Fulcio often has none), a log entry only when it names logs (a TSA may stand in).
 * One timestamp is always required: without it sigstore-js would not check the certificate chain at all.
 */
async function verifyWithRoot(bundle: unknown, who: KeylessIdentity, root: TrustedRoot): Promise<void> {
  const { bundleFromJSON, Verifier, toSignedEntity } = await import('./sigstore-client.js');
  const verifier = new Verifier(await trustMaterialOf(root), { ctlogThreshold: root.ctlogs ? 1 : 0, tlogThreshold: root.tlogs ? 1 : 0, timestampThreshold: 1 });
  verifier.verify(toSignedEntity(bundleFromJSON(bundle)), { subjectAlternativeName: who.identity, extensions: { issuer: who.issuer } });
}

/** sigstore-js' messages name the check, not what it means for the user; the common ones get a hint. */
function explain(error: Error): string {
  const message = error.message.split('\n')[0]!;
  const code = (error as Error & { code?: string }).code;
  if (code === 'CERTIFICATE_ERROR' && /chain|certificate issuer|trusted/i.test(message)) return `${message} (the certificate was not issued by a CA of the trusted root)`;
  if (/inclusion promise|checkpoint|root hash/.test(message)) return `${message} (the entry was not logged by a transparency log of the trusted root)`;
  if (/payload hash mismatch|signature mismatch|signature verification failed/.test(message)) return `${message} (the envelope was altered after signing)`;
  if (/expected \d+ timestamps, got 0/.test(message)) return `${message} (the bundle has neither a transparency log entry nor a signed timestamp: was it made with --no-tlog?)`;
  return message;
}
