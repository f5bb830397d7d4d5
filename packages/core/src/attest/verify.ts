import { z } from 'zod';
import { pae, verifyBytes, INTOTO_PAYLOAD_TYPE, type DsseEnvelope } from './dsse.js';
import { AttestationError } from './errors.js';
import type { VerifyingKey } from './keys.js';
import { SCAN_PREDICATE_TYPE, STATEMENT_TYPE, type ScanPredicate, type Statement, type Subject } from './statement.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const envelopeSchema = z.object({
  payload: z.string().regex(BASE64, 'not base64'),
  payloadType: z.string(),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string().regex(BASE64, 'not base64').min(1) })).min(1),
});

const statementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.record(z.string(), z.string()) })).min(1),
  predicateType: z.string(),
  predicate: z.object({
    verdict: z.enum(['pass', 'fail']),
    scannedAt: z.string().datetime({ offset: true }),
    attestedAt: z.string().datetime({ offset: true }),
    failures: z.array(z.object({ rule: z.string(), matched: z.number() })).default([]),
    source: z.object({ commit: z.string().optional() }).passthrough().default({}),
  }).passthrough(),
});

export interface VerifiedStatement {
  line: number;
  keyid: string;
  statement: Statement;
}

function problemsOf(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** An envelope per line (blank lines skipped), each parsed strictly: a truncated or edited file is an error, not a pass. */
export function parseEnvelopes(text: string, source: string): { line: number; envelope: DsseEnvelope }[] {
  const found: { line: number; envelope: DsseEnvelope }[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AttestationError(`line ${index + 1}: not a JSON object (truncated or edited?)`, { file: source });
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) throw new AttestationError(`line ${index + 1}: not a DSSE envelope: ${problemsOf(parsed.error)}`, { file: source });
    found.push({ line: index + 1, envelope: parsed.data as DsseEnvelope });
  });
  if (!found.length) throw new AttestationError('holds no attestation (an empty file)', { file: source });
  return found;
}

/**
 * Every envelope must be signed by the key over PAE(payloadType, payload) and carry a Pipewarden scan statement.
 * The key's id in the envelope is only a hint (DSSE): a mismatch says "another key" to help, never decides.
 */
export function verifyEnvelopes(envelopes: readonly { line: number; envelope: DsseEnvelope }[], key: VerifyingKey, source: string): VerifiedStatement[] {
  return envelopes.map(({ line, envelope }) => {
    const where = `line ${line}`;
    if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) throw new AttestationError(`${where}: payloadType is ${JSON.stringify(envelope.payloadType)}, expected ${INTOTO_PAYLOAD_TYPE}`, { file: source });
    const payload = Buffer.from(envelope.payload, 'base64');
    const message = pae(envelope.payloadType, payload);
    const good = envelope.signatures.find((s) => verifyBytes(key.publicKey, key.algorithm, message, Buffer.from(s.sig, 'base64')));
    if (!good) {
      const ours = envelope.signatures.some((s) => s.keyid === key.keyid);
      const ids = envelope.signatures.map((s) => (s.keyid ? s.keyid.slice(0, 16) : '(no keyid)')).join(', ');
      throw new AttestationError(
        ours
          ? `${where}: the signature does not verify with key ${key.keyid.slice(0, 16)}: the payload or the signature was altered after signing`
          : `${where}: not signed by key ${key.keyid.slice(0, 16)} (signed by ${ids}): wrong key, or the attestation was replaced`,
        { file: source },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      throw new AttestationError(`${where}: the signed payload is not JSON`, { file: source });
    }
    const parsed = statementSchema.safeParse(json);
    if (!parsed.success) throw new AttestationError(`${where}: not an in-toto Statement v1: ${problemsOf(parsed.error)}`, { file: source });
    if (parsed.data.predicateType !== SCAN_PREDICATE_TYPE) throw new AttestationError(`${where}: predicateType is ${parsed.data.predicateType}, not a Pipewarden scan (${SCAN_PREDICATE_TYPE})`, { file: source });
    return { line, keyid: key.keyid, statement: parsed.data as unknown as Statement };
  });
}

export interface AttestationPolicy {
  subjects: readonly Subject[];
  requireVerdict?: 'pass' | 'fail' | undefined;
  maxAgeMs?: number | undefined;
  /** As the user wrote it, for the failure line. */
  maxAgeText?: string | undefined;
  now: Date;
}

/** Allowed clock skew between the machine that attested and the one that verifies. */
const SKEW_MS = 5 * 60 * 1000;

export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days) return `${days}d${hours ? ` ${hours}h` : ''}`;
  if (hours) return `${hours}h${minutes % 60 ? ` ${minutes % 60}m` : ''}`;
  return `${minutes}m`;
}

function short(subject: Subject): string {
  return `${subject.name} (sha256:${subject.digest.sha256.slice(0, 12)})`;
}

/**
 * What the promotion gate checks once the signatures hold: each given subject is in a statement, and that
 * statement's scan passed (if required) and is recent enough. One line per failure.
 */
export function checkAttestationPolicy(verified: readonly VerifiedStatement[], policy: AttestationPolicy): string[] {
  const failures: string[] = [];
  const attested = verified.flatMap((v) => v.statement.subject);
  for (const subject of policy.subjects) {
    // The newest statement covering the subject decides; its name may differ (a file downloaded elsewhere).
    const covering = verified
      .filter((v) => v.statement.subject.some((s) => s.digest.sha256?.toLowerCase() === subject.digest.sha256))
      .sort((a, b) => Date.parse(b.statement.predicate.scannedAt) - Date.parse(a.statement.predicate.scannedAt))[0];
    if (!covering) {
      const known = attested.slice(0, 4).map(short).join(', ');
      failures.push(`${short(subject)}: not attested: its SHA-256 matches no subject of the attestation (${known}${attested.length > 4 ? ', …' : ''})`);
      continue;
    }
    const predicate: ScanPredicate = covering.statement.predicate;
    if (policy.requireVerdict && predicate.verdict !== policy.requireVerdict) {
      const why = predicate.failures.length ? `: ${predicate.failures.map((f) => `${f.rule} (${f.matched})`).join('; ')}` : '';
      failures.push(`${short(subject)}: the scan's verdict is ${predicate.verdict}, --require-verdict ${policy.requireVerdict}${why}`);
    }
    const age = policy.now.getTime() - Date.parse(predicate.scannedAt);
    if (age < -SKEW_MS) failures.push(`${short(subject)}: scanned at ${predicate.scannedAt}, in the future by ${describeAge(-age)}: check the clocks`);
    else if (policy.maxAgeMs !== undefined && age > policy.maxAgeMs) failures.push(`${short(subject)}: scanned ${describeAge(age)} ago (${predicate.scannedAt}), older than --max-age ${policy.maxAgeText ?? describeAge(policy.maxAgeMs)}`);
  }
  return failures;
}

/** `7d`, `12h`, `30m`, `2w`, `90s` → milliseconds. */
export function parseMaxAge(text: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}
