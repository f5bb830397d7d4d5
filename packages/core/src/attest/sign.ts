import { envelopeOf, pae, signBytes, INTOTO_PAYLOAD_TYPE, type DsseEnvelope } from './dsse.js';
import type { SigningKey } from './keys.js';
import type { Statement } from './statement.js';

/** The statement serialized once: those exact bytes are what is signed and carried (base64) in the envelope. */
export function statementPayload(statement: Statement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/** A DSSE envelope of the statement, signed with the key over PAE. */
export function signStatement(statement: Statement, key: SigningKey): DsseEnvelope {
  const payload = statementPayload(statement);
  const sig = signBytes(key.privateKey, key.algorithm, pae(INTOTO_PAYLOAD_TYPE, payload));
  return envelopeOf(payload, INTOTO_PAYLOAD_TYPE, [{ keyid: key.keyid, sig: sig.toString('base64') }]);
}
