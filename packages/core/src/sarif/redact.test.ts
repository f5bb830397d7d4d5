import { describe, expect, it } from 'vitest';
import type { Result } from './types.js';
import { maskQuotedValues, REDACTED, redactResult, redactText, shortenMasks } from './redact.js';

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

describe('generated-looking tokens', () => {
  // Made from a fixed seed-like pattern so the test reads the same every run.
  const TOKEN = 'q8Fz2LmX7vRk4TnB9wYc1HdJ6sPa3GeU';

  it('masks a long, mixed, high-entropy run anywhere in a text, and says what it masked', () => {
    const found = new Set<string>();
    expect(redactText(`api key ${TOKEN} was sent`, found)).toBe(`api key ${REDACTED} was sent`);
    expect([...found]).toEqual([TOKEN]);
    expect(redactText(`Authorization: Bearer ${TOKEN}`)).toBe(`Authorization: Bearer ${REDACTED}`);
    // An AWS secret access key has "/" and "+" in it, and is no path.
    expect(redactText('aws_secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(`aws_secret ${REDACTED}`);
  });

  it.each([
    ['a commit id', 'fixed in 0ddf890152a281f12fd6d01c3953da8d88ce2e7b'],
    ['an image digest', 'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'],
    ['a UUID and a prefixed one', 'id 7368f513-0aa9-4e34-a08d-40ea81f48e0e and Gemnasium-7368f513-0aa9-4e34-a08d-40ea81f48e0e'],
    ['our fingerprint', 'pipewarden/v1 3f9a0c1e2d4b5a6978877665544332211:2'],
    ["npm's integrity", 'sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=='],
    ["Go's module hash", 'h1:PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHq='],
    ['identifiers', 'XFrameOptionsMiddleware, aws_s3_bucket_policy, k8s_cluster_node_pool, getUserAccountByIdentifier2'],
    ['vulnerability ids', 'SNYK-DEBIAN11-GCC10-5901313 and GHSA-jf85-cpcp-j695'],
    ['a path', 'src/main/java/com/example/UserService2Impl/AbstractHandlerFactory3'],
    ['a URL path', 'see https://lists.apache.org/thread.html/re470be1ffea44bca28ccb0e67a4cf5d744e2d2b981d00fdbbf5abc13 and http://goat:8080/WebGoat/SqlInjection/attack5a'],
    ['a data URI', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='],
  ])('leaves %s alone', (_, text) => {
    expect(redactText(text)).toBe(text);
  });

  it("masks a credential query parameter's value in a URL, and nothing else of it", () => {
    expect(redactText(`GET https://api.example.test/v1/items/aB3xQ9zK7mP2?access_token=${TOKEN}&page=2`)).toBe(`GET https://api.example.test/v1/items/aB3xQ9zK7mP2?access_token=${REDACTED}&page=2`);
  });
});

describe('quoted values in messages of rules about hardcoded secrets', () => {
  it.each([
    ["Possible hardcoded password: 'Hunter2-Wint3r'", `Possible hardcoded password: '${REDACTED}'`],
    ['Possible hardcoded password: "it\'s-a-secret"', `Possible hardcoded password: "${REDACTED}"`],
    ['Found a string with entropy 4.52 : "s3cr3t-V4lue-xyz"', `Found a string with entropy 4.52 : "${REDACTED}"`],
    ['Hardcoded secret in “config.js”: ‘abc123’', `Hardcoded secret in “${REDACTED}”: ‘${REDACTED}’`],
    ['hardcoded api token: Zx9Zx9Zx9', `hardcoded api token: ${REDACTED}`],
  ])('%s', (message, expected) => {
    const found = new Set<string>();
    expect(maskQuotedValues(message, found)).toBe(expected);
    expect(found.size).toBeGreaterThan(0);
  });

  it("keeps the words that name the kind of secret, templates' placeholders, prose apostrophes and masks already made", () => {
    for (const text of ["'password' detected in this expression, review this potentially hard-coded password.", "Possible hardcoded password: '{0}'", "Don't hardcode it's value", `Possible hardcoded password: '${REDACTED}'`]) {
      expect(maskQuotedValues(text)).toBe(text);
    }
  });
});
