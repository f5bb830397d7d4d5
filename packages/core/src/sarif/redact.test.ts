import { describe, expect, it } from 'vitest';
import type { Result } from './types.js';
import { REDACTED, redactResult, redactText, shortenMasks } from './redact.js';

const AWS = 'AKIA' + 'QWERTYUIOPASDFGH';
const GH = 'ghp_' + 'a'.repeat(36);

describe('redaction', () => {
  it('masks credential shapes in free text and keeps the rest', () => {
    expect(redactText(`key ${AWS} and token ${GH} in url https://bob:hunter22@example.test/x`)).toBe(
      `key ${REDACTED} and token ${REDACTED} in url https://bob:${REDACTED}@example.test/x`,
    );
    expect(redactText('-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----')).toBe(REDACTED);
    expect(redactText('nothing secret here: user_id = 42')).toBe('nothing secret here: user_id = 42');
  });

  // Each shape alone: the quick pre-check that skips most texts must let every one of them through.
  it.each([
    ['AWS (each prefix)', ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'APKA'].map((p) => `${p}QWERTYUIOPASDFGH`)],
    ['GitHub', [GH, 'gho_' + 'b'.repeat(36), 'github_pat_' + 'c'.repeat(30)]],
    ['GitLab', ['glpat-' + 'd'.repeat(20)]],
    ['Slack', ['xoxb-' + '1'.repeat(12)]],
    ['npm', ['npm_' + 'e'.repeat(36)]],
    ['Stripe', ['sk_live_' + 'f'.repeat(24), 'sk_test_' + 'g'.repeat(24)]],
    ['Google', ['AIza' + 'h'.repeat(35)]],
    ['JWT', ['eyJ' + 'i'.repeat(12) + '.eyJ' + 'j'.repeat(12) + '.' + 'k'.repeat(12)]],
  ])('masks a %s credential on its own', (_, secrets) => {
    for (const secret of secrets) expect(redactText(`x ${secret} y`)).toBe(`x ${REDACTED} y`);
  });

  it('masks a password in a URL on its own', () => {
    expect(redactText('postgres://app:s3cr3tpw@db:5432/x')).toBe(`postgres://app:${REDACTED}@db:5432/x`);
  });

  it('drops every snippet of a secrets finding and scrubs other snippets', () => {
    const result: Result = {
      message: { text: `found ${GH}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 1, snippet: { text: 'password = "x9!kd"' } }, contextRegion: { startLine: 1, snippet: { text: 'ctx' } } } }],
    };
    expect(redactResult(result, true)).toBe(true);
    expect(result.message.text).toBe(`found ${REDACTED}`);
    expect(result.locations![0]!.physicalLocation!.region!.snippet).toBeUndefined();
    expect(result.locations![0]!.physicalLocation!.contextRegion!.snippet).toBeUndefined();

    const other: Result = { message: { text: 'eval' }, locations: [{ physicalLocation: { region: { startLine: 1, snippet: { text: `const t = "${AWS}"` } } } }] };
    redactResult(other, false);
    expect(other.locations![0]!.physicalLocation!.region!.snippet!.text).toBe(`const t = "${REDACTED}"`);
  });

  it("shortens a tool's long masks in a secrets finding's message, and only there", () => {
    expect(shortenMasks(`found GitHub Token(${'*'.repeat(29)}): ${'*'.repeat(40)}`)).toBe('found GitHub Token(****): ****');
    expect(shortenMasks(`token ghp_${'*'.repeat(32)}a1b2 and pin ***`)).toBe('token ghp_****…a1b2 and pin ***');
    const secret: Result = { message: { text: `found MongoDB connection string: ${'*'.repeat(100)}` } };
    expect(redactResult(secret, true)).toBe(false);
    expect(secret.message.text).toBe('found MongoDB connection string: ****');
    const other: Result = { message: { text: `/${'*'.repeat(10)}/ banner comment` } };
    redactResult(other, false);
    expect(other.message.text).toBe(`/${'*'.repeat(10)}/ banner comment`);
  });
});
