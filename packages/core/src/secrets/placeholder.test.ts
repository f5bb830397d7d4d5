import { describe, expect, it } from 'vitest';
import { isPlaceholderSecret, placeholderKind } from './placeholder.js';

describe('placeholder secrets', () => {
  it.each([
    // references filled in elsewhere
    ['<password>', 'reference'], ['<your-token>', 'reference'], ['<redacted>', 'reference'], ['[REDACTED]', 'reference'],
    ['${VAR}', 'reference'], ['${DB_PASSWORD:-}', 'reference'], ['$VAR', 'reference'], ['$1', 'reference'], ['%(var)s', 'reference'],
    ['{{ x }}', 'reference'], ['{{ .Values.password }}', 'reference'], ['{x}', 'reference'], ['${{ secrets.NPM_TOKEN }}', 'reference'],
    ['%DB_PASS%', 'reference'], ['#{secret}', 'reference'], ['@db.password@', 'reference'], ['__API_TOKEN__', 'reference'],
    ['ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)', 'reference'], ['op://vault/item/password', 'reference'], ['Bearer ${token}', 'reference'],
    // masks
    ['', 'mask'], ['xxxxxxxx', 'mask'], ['XXXX', 'mask'], ['XXXX-XXXX-XXXX', 'mask'], ['****', 'mask'], ['...', 'mask'], ['ghp_...', 'mask'],
    ['aaaaaaa', 'mask'], ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'mask'], ['---', 'mask'],
    // sequences
    ['123456', 'sequence'], ['12345678', 'sequence'], ['abcdef', 'sequence'], ['qwerty123', 'sequence'], ['abc123', 'sequence'], ['abcabcabc', 'sequence'],
    // words that say what goes there
    ['changeme', 'word'], ['change_me', 'word'], ['CHANGE-ME', 'word'], ['password', 'word'], ['secret', 'word'], ['example', 'word'],
    ['your_api_key_here', 'word'], ['YOUR-TOKEN', 'word'], ['yourapikeyhere', 'word'], ['dummy', 'word'], ['test', 'word'], ['foo', 'word'],
    ['placeholder', 'word'], ['mysecret', 'word'], ['db_password', 'word'], ['mysql_password', 'word'], ['my-secret-token', 'word'],
    ['AKIAIOSFODNN7EXAMPLE', 'word'], ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'word'], ['null', 'word'], ['string', 'word'],
  ])('%j is a stand-in (%s)', (value, kind) => {
    expect(placeholderKind(value)).toBe(kind);
    expect(isPlaceholderSecret(value)).toBe(true);
  });

  it.each([
    'keyboard cat', 'supersecret', 'kekse', 'pa4qacea4VK9t9nGv7yZtwmj', 'P455w0rd', 'MrFooPa$$word', 'P@$$w0rd', 'hunter2', 'admin', 'root',
    'postgres', 'password123', 'Tr0ub4dor&3', 'ghp_hGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rES', 'django-insecure-7x#k2a9b!q', '2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj',
    // a reference with a hardcoded fallback is the fallback
    '${DB_PASSWORD:-s3cr3tP4ss}',
  ])('%j may be a real credential', (value) => {
    expect(placeholderKind(value)).toBeUndefined();
  });

  it('reads a value the way a tool quotes it', () => {
    expect(isPlaceholderSecret('"<password>"')).toBe(true);
    expect(isPlaceholderSecret("'changeme'")).toBe(true);
    expect(isPlaceholderSecret('"hunter22"')).toBe(false);
  });
});
