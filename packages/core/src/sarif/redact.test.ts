import { describe, expect, it } from 'vitest';
import type { Result } from './types.js';
import { REDACTED, redactResult, redactText } from './redact.js';

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
});
