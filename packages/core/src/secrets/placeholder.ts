import { wordsOf } from './words.js';

// Whether a value stands in for a credential rather than being one. Documentation, sample configs and
// templates are full of them, and a secrets tool matches their shape: reported, they were the top P0
// findings of real apps while the real secrets went unnoticed.

/** Words that make a value a stand-in on their own: "password", "changeme", "test", "null". */
const STRONG = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'tokens', 'key', 'keys', 'apikey',
  'credential', 'credentials', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'test', 'testing', 'foo', 'bar', 'baz', 'qux', 'foobar',
  'todo', 'tbd', 'fixme', 'redacted', 'masked', 'hidden', 'removed', 'null', 'nil', 'none', 'undefined', 'empty', 'default', 'value', 'string',
  'str', 'text', 'number', 'int', 'integer', 'bool', 'boolean', 'true', 'false', 'yes', 'no', 'required', 'optional', 'xxx', 'any', 'object',
]);

/** Words that only qualify one: "your", "api", "db", "here". Alone they are not a stand-in ("admin", "root" are real defaults). */
const QUALIFIER = new Set([
  'api', 'access', 'private', 'public', 'client', 'auth', 'authentication', 'login', 'session', 'cookie', 'jwt', 'signing', 'encryption', 'master',
  'app', 'application', 'service', 'account', 'user', 'username', 'admin', 'root', 'db', 'database', 'aws', 'github', 'gitlab', 'slack', 'stripe',
  'google', 'oauth', 'bearer', 'hmac', 'your', 'my', 'our', 'the', 'a', 'an', 'this', 'that', 'here', 'goes', 'enter', 'insert', 'put', 'add',
  'set', 'use', 'with', 'some', 'own', 'actual', 'real', 'valid', 'new', 'old', 'current', 'confirm', 'confirmation', 'random', 'long', 'strong',
  'change', 'replace', 'me', 'it', 'go', 'generate', 'generated', 'env', 'environment', 'dev', 'development', 'prod', 'production', 'staging', 'local', 'id',
  'mysql', 'postgres', 'pg', 'sql', 'mongo', 'mongodb', 'redis', 'ldap', 'smtp', 'mail', 'ftp', 'ssh', 'rabbitmq', 'amqp',
]);

const VOCABULARY = new Set([...STRONG, ...QUALIFIER]);

// Stand-in markers anywhere in a value: AWS's documented keys end in EXAMPLE, templates say "your_…" or "…_here".
const MARKER = /example|placeholder|change[-_ ]?(?:me|it|this)|replace[-_ ]?(?:me|with|this)|dummy|redacted|not[-_ ]?a[-_ ]?real|^your|[-_ ]your[-_ ]|insert[-_ ]?(?:your|here)|goes[-_ ]?here|[-_ ]here$/i;

// The whole value is a reference filled in elsewhere: a template, an environment variable, a vault path.
const REFERENCES: readonly RegExp[] = [
  /^<[^<>]*>$/, // <password>, <your-token>, <redacted>
  /^\[[^[\]]*\]$/, // [REDACTED], [your key]
  /^\([A-Za-z][\w\s-]*\)$/, // (password)
  /^\{\{[\s\S]*\}\}$/, // {{ x }} (Jinja, Mustache, Helm)
  /^\{[A-Za-z_][\w.-]*\}$/, // {x}
  /^\$\{\{[\s\S]*\}\}$/, // ${{ secrets.X }}
  /^\$\([\s\S]*\)$/, // $(command)
  /^\$[A-Za-z_]\w*$|^\$\d$/, // $VAR, $1
  /^\$env:[A-Za-z_]\w*$/i, // PowerShell
  /^%[A-Za-z_]\w*%$/, // %VAR% (Windows)
  /^%\([^)]+\)[sdr]$/, // %(var)s (Python)
  /^#\{[\s\S]*\}$/, // #{x} (Ruby, Spring)
  /^@[A-Za-z_][\w.-]*@$/, // @var@ (Maven filtering)
  /^<%=?[\s\S]*%>$/, // ERB
  /^__[A-Z0-9_]+__$/, // __TOKEN__ replaced at deploy time
  /^ENC\([\s\S]*\)$/, // Jasypt: encrypted, not the plain secret
  /^(?:op|vault|secretsmanager|ssm|awssm|gcpsm|azkv|keyvault):\/?\/?\S+$/i, // secret-store references
];

// Template tokens inside a value: what is left once they are gone decides ("Bearer ${token}" is a template).
// An embedded $NAME counts only in capitals: "P@$$w0rd" is a password, not a variable.
const TOKEN = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|<[A-Za-z_][\w\s.-]*>|%\([^)]+\)[sdr]|\$[A-Z_][A-Z0-9_]{2,}|\{[A-Za-z_][\w.-]*\}|#\{[^{}]*\}/;
const TOKENS = new RegExp(TOKEN.source, 'g');
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest)\s+/i;

const SEQUENCES = ['0123456789', '1234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(['"`])([\s\S]*)\1$/.exec(trimmed);
  return quoted ? quoted[2]!.trim() : trimmed;
}

/** Whether a run-together word is made of vocabulary words ("yourapikeyhere"), and which ones. */
function segment(word: string): string[] | undefined {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    // Parts of two letters or more: a lone "a" would let almost any word through.
    for (let start = Math.max(0, end - 16); start <= end - 2; start++) {
      const head = best[start];
      const part = word.slice(start, end);
      if (head && VOCABULARY.has(part)) {
        best[end] = [...head, part];
        break;
      }
    }
  }
  return best[word.length];
}

/** Every word is vocabulary and one of them is a stand-in: "your_api_key_here", "db-password", "mysecret". */
function isVocabulary(value: string): boolean {
  const words = wordsOf(value);
  if (!words.length || words.length > 8) return false;
  const parts: string[] = [];
  for (const word of words) {
    const split = VOCABULARY.has(word) ? [word] : segment(word);
    if (!split) return false;
    parts.push(...split);
  }
  return parts.some((part) => STRONG.has(part));
}

/** One character repeated (xxxx, ****, 0000), ignoring separators (XXXX-XXXX). */
function isRepeated(value: string): boolean {
  const bare = value.replace(/[-_.:/\s]/g, '').toLowerCase();
  return [...bare].every((char) => char === bare[0]);
}

/** Masks (xxxx, ****, ####) make up at least half of it: sk_live_xxxxxxxxxxxxxxxx. */
function isMostlyMask(value: string): boolean {
  const masked = (value.match(/[xX*•#]{4,}/g) ?? []).reduce((n, run) => n + run.length, 0);
  return masked > 0 && masked * 2 >= value.length;
}

/** A unit of up to four characters said three times or more: abcabcabc, 121212. */
function isRepeatedUnit(value: string): boolean {
  return /^([\s\S]{1,4})\1{2,}$/.test(value);
}

/** Runs of three or more from a keyboard row or the alphabet, in either direction: 123456, abcdef, qwerty123. */
function isSequence(value: string): boolean {
  const bare = value.toLowerCase().replace(/[-_.\s]/g, '');
  if (bare.length < 3) return false;
  let at = 0;
  while (at < bare.length) {
    let longest = 0;
    for (const base of SEQUENCES) {
      for (const order of [base, [...base].reverse().join('')]) {
        const from = order.indexOf(bare[at]!);
        if (from < 0) continue;
        let n = 0;
        while (at + n < bare.length && order[from + n] === bare[at + n]) n++;
        longest = Math.max(longest, n);
      }
    }
    if (longest < 3) return false;
    at += longest;
  }
  return true;
}

/** What a template leaves once its tokens are gone: fewer than four letters or digits is no secret. */
function isTemplate(value: string): boolean {
  if (!TOKEN.test(value)) return false;
  const rest = value.replace(TOKENS, ' ').replace(AUTH_SCHEME, '');
  const letters = rest.replace(/[^A-Za-z0-9]/g, '');
  return letters.length < 4 || isPlaceholderSecret(rest);
}

/** ${VAR:-fallback}: a reference unless its fallback is itself a secret; undefined when it is no such reference. */
function shellReference(value: string): boolean | undefined {
  const match = /^\$\{([A-Za-z_][\w.]*)(?:(:?[-=?+])([\s\S]*))?\}$/.exec(value);
  if (!match) return undefined;
  return match[3] === undefined || match[3] === '' || isPlaceholderSecret(match[3]);
}

/**
 * Why a value is a stand-in: `reference` (filled in elsewhere: `<password>`, `${VAR}`, `$VAR`, `%(var)s`,
 * `{{ x }}`, `{x}`, a vault path), `mask` (`xxxx`, `****`, `...`, one character repeated, nothing but
 * punctuation), `sequence` (`123456`, `abcdef`, `qwerty`, `abcabc`) or `word` (`changeme`, `password`,
 * `your_api_key_here`, `test`, `dummy`, `example`).
 */
export type PlaceholderKind = 'reference' | 'mask' | 'sequence' | 'word';

/** The kind of stand-in a value is, or undefined when it may be a real credential (empty is a mask). */
export function placeholderKind(value: string): PlaceholderKind | undefined {
  const bare = unquote(value).replace(AUTH_SCHEME, '');
  if (bare === '' || /\.\.\.|…/.test(bare) || isRepeated(bare) || isMostlyMask(bare)) return 'mask';
  const shell = shellReference(bare);
  if (shell !== undefined) return shell ? 'reference' : undefined;
  if (REFERENCES.some((pattern) => pattern.test(bare))) return 'reference';
  if (MARKER.test(bare) || isVocabulary(bare)) return 'word';
  if (isRepeatedUnit(bare) || isSequence(bare)) return 'sequence';
  return isTemplate(bare) ? 'reference' : undefined;
}

/** Whether a secret value is a stand-in for one rather than a credential (see PlaceholderKind). */
export function isPlaceholderSecret(value: string): boolean {
  return placeholderKind(value) !== undefined;
}
