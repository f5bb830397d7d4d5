import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseSubjectRef } from './statement.js';
import { pae } from './dsse.js';
import { checkAttestationPolicy, describeAge, parseEnvelopes, parseMaxAge, verifyEnvelopes } from './verify.js';
import { loadSigningKey, loadVerifyingKey } from './keys.js';
import { signStatement } from './sign.js';
import type { Statement } from './statement.js';

const HEX = 'a'.repeat(64);

function statement(verdict: 'pass' | 'fail', scannedAt: string, digests: string[]): Statement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: digests.map((sha256, i) => ({ name: `file-${i}`, digest: { sha256 } })),
    predicateType: 'https://pipewarden.dev/attestations/scan/v1',
    predicate: {
      scanner: { name: 'pipewarden', version: '0.0.0', uri: 'https://pipewarden.dev' },
      stage: 'commit',
      verdict,
      failures: verdict === 'fail' ? [{ rule: 'severity critical or worse', matched: 1 }] : [],
      counts: { total: 0, new: 0, fixed: 0, waived: 0, byPriority: {}, bySeverity: {} },
      tools: [],
      policy: { file: null, digest: null, effective: { sha256: HEX } },
      results: { name: 'results.sarif', digest: { sha256: HEX } },
      report: { name: 'report.json', digest: { sha256: HEX } },
      source: {},
      scannedAt,
      attestedAt: scannedAt,
    },
  };
}

describe('DSSE', () => {
  it('PAE is the spec\'s encoding, with byte lengths (the spec\'s test vector, and a multi-byte type)', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    expect(pae('é', Buffer.from('ü')).toString()).toBe('DSSEv1 2 é 2 ü');
  });

  it('a statement signed with Ed25519 verifies with its public key and the policy reads it back', () => {
    const pair = generateKeyPairSync('ed25519');
    const key = loadSigningKey(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'key.pem');
    const now = new Date('2026-11-30T00:00:00Z');
    const envelope = signStatement(statement('fail', '2026-11-20T00:00:00Z', [HEX]), key);
    const verified = verifyEnvelopes(parseEnvelopes(`${JSON.stringify(envelope)}\n\n`, 'a.jsonl'), loadVerifyingKey(pair.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'key.pub'), 'a.jsonl');
    const subject = { name: 'x', digest: { sha256: HEX } };
    expect(checkAttestationPolicy(verified, { subjects: [subject], now })).toEqual([]);
    expect(checkAttestationPolicy(verified, { subjects: [subject], now, requireVerdict: 'pass', maxAgeMs: parseMaxAge('7d'), maxAgeText: '7d' })).toEqual([
      "x (sha256:aaaaaaaaaaaa): the scan's verdict is fail, --require-verdict pass: severity critical or worse (1)",
      'x (sha256:aaaaaaaaaaaa): scanned 10d ago (2026-11-20T00:00:00Z), older than --max-age 7d',
    ]);
    expect(checkAttestationPolicy(verified, { subjects: [subject], now: new Date('2026-11-19T00:00:00Z') })[0]).toMatch(/in the future by 1d: check the clocks$/);
  });
});

describe('subjects and values', () => {
  it('reads FILE, sha256:DIGEST and IMAGE@sha256:DIGEST; an image is named without its tag', () => {
    expect(parseSubjectRef(`sha256:${HEX.toUpperCase()}`)).toEqual({ kind: 'digest', name: `sha256:${HEX}`, sha256: HEX });
    expect(parseSubjectRef(`registry:5000/team/app:v1.2@sha256:${HEX}`)).toEqual({ kind: 'digest', name: 'registry:5000/team/app', sha256: HEX });
    expect(parseSubjectRef(`registry:5000/team/app@sha256:${HEX}`)).toMatchObject({ name: 'registry:5000/team/app' });
    expect(parseSubjectRef('dist/app.tgz')).toEqual({ kind: 'file', path: 'dist/app.tgz' });
    expect(() => parseSubjectRef('app@sha256:12')).toThrow(/64 hexadecimal digits, this one 2/);
  });

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: [{ z: 1, a: undefined, y: 'é' }], a: null })).toBe('{"a":null,"b":[{"y":"é","z":1}]}');
  });

  it('durations and ages', () => {
    expect([parseMaxAge('90s'), parseMaxAge('30m'), parseMaxAge('12h'), parseMaxAge('7d'), parseMaxAge('2w'), parseMaxAge('7'), parseMaxAge('-1d')]).toEqual([90_000, 1_800_000, 43_200_000, 604_800_000, 1_209_600_000, undefined, undefined]);
    expect([describeAge(59_000), describeAge(61 * 60_000), describeAge(26 * 3_600_000)]).toEqual(['0m', '1h 1m', '1d 2h']);
  });

  it('rejects keys of other kinds by name', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => loadSigningKey(p384, 'p384.pem')).toThrow(/an EC key on secp384r1: attestations are signed with ECDSA P-256 or Ed25519 keys/);
    expect(() => loadSigningKey('-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n', 'cosign.key')).toThrow(/cosign-encrypted key/);
    expect(() => loadVerifyingKey('garbage', 'k.pub')).toThrow(/not a PEM key/);
  });
});

describe('keys for verifying', () => {
  it('an encrypted private key given to verify says to give the public key', () => {
    const encrypted = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string;
    expect(() => loadVerifyingKey(encrypted, 'enc.pem')).toThrow(/^an encrypted private key: verify with the public key \(openssl pkey -in KEY -pubout\)$/);
  });
});
