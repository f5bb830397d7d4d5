import { sign, verify, type KeyObject } from 'node:crypto';
import type { KeyAlgorithm } from './keys.js';

/** The payload type of an in-toto Statement inside a DSSE envelope. */
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseSignature {
  /** A hint for the verifier (DSSE forbids relying on it): sha256 of the public key's DER SubjectPublicKeyInfo. */
  keyid: string;
  /** base64 of the signature over PAE(payloadType, payload). */
  sig: string;
}

export interface DsseEnvelope {
  /** base64 of the serialized statement. */
  payload: string;
  payloadType: string;
  signatures: DsseSignature[];
}

/**
 * DSSE v1 pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as ASCII
 * decimals of byte counts. Signing this, not the bare payload, binds the type: a payload cannot be replayed as
 * another type.
 */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'ascii'), type, Buffer.from(` ${payload.length} `, 'ascii'), payload]);
}

/** ECDSA P-256 signs SHA-256 with an ASN.1 DER signature (what cosign and in-toto-golang expect); Ed25519 signs the message itself. */
export function signBytes(key: KeyObject, algorithm: KeyAlgorithm, data: Uint8Array): Buffer {
  return algorithm === 'ed25519' ? sign(null, data, key) : sign('sha256', data, { key, dsaEncoding: 'der' });
}

export function verifyBytes(key: KeyObject, algorithm: KeyAlgorithm, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return algorithm === 'ed25519' ? verify(null, data, key, signature) : verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    // A signature that is not even well-formed DER is simply not a valid one.
    return false;
  }
}

export function envelopeOf(payload: Uint8Array, payloadType: string, signatures: DsseSignature[]): DsseEnvelope {
  return { payload: Buffer.from(payload).toString('base64'), payloadType, signatures };
}
