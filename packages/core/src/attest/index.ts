export { INTOTO_PAYLOAD_TYPE, envelopeOf, pae, signBytes, verifyBytes, type DsseEnvelope, type DsseSignature } from './dsse.js';
export { AttestationError } from './errors.js';
export { keyIdOf, loadSigningKey, loadVerifyingKey, type KeyAlgorithm, type SigningKey, type VerifyingKey } from './keys.js';
export { SCAN_PREDICATE_TYPE, STATEMENT_TYPE, canonicalJson, parseSubjectRef, resolveSubject, scanStatement, sha256Hex, type ScanPredicate, type ScanRecordInput, type Statement, type Subject, type SubjectRef } from './statement.js';
export { checkAttestationPolicy, describeAge, parseEnvelopes, parseMaxAge, verifyEnvelopes, type AttestationPolicy, type VerifiedStatement } from './verify.js';
export { signStatement, statementPayload } from './sign.js';
export { PUBLIC_FULCIO, PUBLIC_REKOR, oidcTokenOf, signKeyless, verifyKeyless, type KeylessIdentity, type KeylessOptions } from './keyless.js';
export { attestScan, keyText, type AttestScanOptions, type AttestScanResult } from './attest-scan.js';
export { parseTrustedRoot, type TrustedRoot, type TrustedRootJson } from './trusted-root.js';
