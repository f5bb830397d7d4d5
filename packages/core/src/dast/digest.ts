import { createHash, randomBytes } from 'node:crypto';

/** A server's Digest challenge (RFC 7616), as read from WWW-Authenticate. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  qop?: string | undefined;
  opaque?: string | undefined;
  algorithm?: string | undefined;
}

export function parseDigestChallenge(header: string | null | undefined): DigestChallenge | undefined {
  if (!header || !/^\s*digest\s/i.test(header)) return undefined;
  const fields = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? '']));
  if (!fields.nonce) return undefined;
  return { realm: fields.realm ?? '', nonce: fields.nonce, qop: fields.qop, opaque: fields.opaque, algorithm: fields.algorithm };
}

/** Answers a challenge for one request; `count` is the nonce count, one more for every request on the same nonce. */
export function digestAuthorization(challenge: DigestChallenge, user: string, password: string, method: string, uri: string, count: number): string {
  const sha = /sha-256/i.test(challenge.algorithm ?? '');
  const hash = (text: string) => createHash(sha ? 'sha256' : 'md5').update(text).digest('hex');
  const ha1 = hash(`${user}:${challenge.realm}:${password}`);
  const ha2 = hash(`${method}:${uri}`);
  const qop = challenge.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const nc = count.toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex');
  const response = qop ? hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [`username="${user}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`, `response="${response}"`];
  if (challenge.algorithm) parts.push(`algorithm=${challenge.algorithm}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}
