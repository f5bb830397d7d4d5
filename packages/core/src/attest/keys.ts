import { X509Certificate, createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AttestationError } from './errors.js';

export type KeyAlgorithm = 'ecdsa-p256' | 'ed25519';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  algorithm: KeyAlgorithm;
  keyid: string;
}

export interface VerifyingKey {
  publicKey: KeyObject;
  algorithm: KeyAlgorithm;
  keyid: string;
}

/** sha256 of the DER SubjectPublicKeyInfo, hex: the same for the private key's and the public key's file. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

function algorithmOf(key: KeyObject, source: string): KeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256';
  const kind = key.asymmetricKeyType === 'ec' ? `an EC key on ${key.asymmetricKeyDetails?.namedCurve ?? 'another curve'}` : `a ${key.asymmetricKeyType?.toUpperCase() ?? 'symmetric'} key`;
  throw new AttestationError(`${kind}: attestations are signed with ECDSA P-256 or Ed25519 keys`, { file: source });
}

/** Why a PEM could not be read; `passphrase` null: reading a key for verifying, where none is asked for. */
function pemProblem(error: unknown, pem: string, passphrase: string | null | undefined): string {
  const code = (error as { code?: string }).code ?? '';
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
  if (encrypted && passphrase === null) return 'an encrypted private key: verify with the public key (openssl pkey -in KEY -pubout)';
  if (encrypted && passphrase === undefined) return 'the key is encrypted: name the environment variable holding its passphrase with --key-passphrase-env';
  if (encrypted || /BAD_DECRYPT/.test(code)) return 'the passphrase does not decrypt the key';
  return 'not a PEM key Pipewarden can read (PKCS#8 "PRIVATE KEY", "EC PRIVATE KEY", or "PUBLIC KEY")';
}

/** A PEM private key (PKCS#8 or SEC1, optionally encrypted) for signing; `source` names it in errors, never its content. */
export function loadSigningKey(pem: string, source: string, passphrase?: string): SigningKey {
  if (/-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----/.test(pem)) {
    throw new AttestationError('a cosign-encrypted key (cosign generate-key-pair): give a PKCS#8 PEM key instead, e.g. from openssl genpkey -algorithm ed25519', { file: source });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', ...(passphrase !== undefined ? { passphrase } : {}) });
  } catch (error) {
    throw new AttestationError(pemProblem(error, pem, passphrase), { file: source });
  }
  const algorithm = algorithmOf(privateKey, source);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, algorithm, keyid: keyIdOf(publicKey) };
}

/** A PEM public key, certificate, or (for convenience on a developer's machine) private key, for verifying. */
export function loadVerifyingKey(pem: string, source: string): VerifyingKey {
  let publicKey: KeyObject;
  try {
    if (/-----BEGIN CERTIFICATE-----/.test(pem)) publicKey = new X509Certificate(pem).publicKey;
    else if (/PRIVATE KEY-----/.test(pem)) publicKey = createPublicKey(createPrivateKey({ key: pem, format: 'pem' }));
    else publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new AttestationError(pemProblem(error, pem, null), { file: source });
  }
  return { publicKey, algorithm: algorithmOf(publicKey, source), keyid: keyIdOf(publicKey) };
}
