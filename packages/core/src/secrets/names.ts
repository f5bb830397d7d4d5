import { wordsOf } from './words.js';

/**
 * What a name says its value is, which decides how a value must look to be reported: a password may be a
 * word a person chose; a secret (session, cookie, JWT, client secret) is often chosen too; tokens and keys
 * are generated, so a word assigned to one is a name or a setting, not the credential.
 */
export type SecretKind = 'password' | 'secret' | 'token' | 'key';

const PASSWORD = new Set(['password', 'passwd', 'pwd', 'pw', 'passphrase', 'passcode']);
/** A bare "pass" is a password alone (nodemailer's auth.pass) or after these; allPass, anyPass are predicates. */
const PASS_QUALIFIER = new Set([
  'db', 'database', 'user', 'admin', 'root', 'smtp', 'mail', 'email', 'ftp', 'sftp', 'ssh', 'ldap', 'redis', 'mysql', 'pg', 'postgres', 'sql',
  'auth', 'login', 'basic', 'proxy', 'app', 'api', 'amqp', 'rabbit', 'mongo', 'key', 'store', 'trust', 'wifi', 'master', 'service', 'account',
]);
const TOKEN = new Set(['token', 'authorization']);
const KEY = new Set(['key', 'apikey']);
/** What makes a "key" a credential: an API key, a private key, a signing key (a "primary key" or a "cache key" is not one). */
const KEY_QUALIFIER = new Set([
  'api', 'private', 'access', 'secret', 'auth', 'encryption', 'enc', 'signing', 'sign', 'master', 'app', 'client', 'hmac', 'crypto', 'cipher',
  'aes', 'jwt', 'session', 'cookie', 'server', 'service', 'account', 'subscription', 'consumer', 'license',
]);

/**
 * Words that make the name about something else: the field's label, its length rule, the file the key is in,
 * the public half, a CSRF or pagination token, a password's hash.
 */
const NEGATING = new Set([
  'label', 'placeholder', 'title', 'text', 'msg', 'message', 'messages', 'error', 'errors', 'hint', 'tooltip', 'prompt', 'description', 'desc',
  'help', 'caption', 'heading', 'button', 'btn', 'link', 'field', 'fields', 'input', 'column', 'col', 'regex', 'regexp', 'pattern', 'validation',
  'validator', 'validate', 'policy', 'strength', 'rule', 'rules', 'requirement', 'requirements', 'min', 'max', 'minimum', 'maximum', 'length',
  'len', 'size', 'count', 'expiry', 'expires', 'expiration', 'expire', 'expired', 'ttl', 'timeout', 'lifetime', 'url', 'uri', 'endpoint', 'path',
  'file', 'filename', 'dir', 'directory', 'folder', 'type', 'types', 'format', 'encoding', 'algorithm', 'algorithms', 'algo', 'alg', 'mode',
  'header', 'prefix', 'suffix', 'param', 'params', 'parameter', 'query', 'selector', 'class', 'env', 'var', 'variable', 'enabled', 'enable',
  'disabled', 'required', 'is', 'has', 'show', 'hide', 'forgot', 'forget', 'reset', 'change', 'update', 'toggle', 'visible', 'visibility',
  'icon', 'i18n', 'translation', 'lang', 'locale', 'route', 'action', 'event', 'handler', 'callback', 'provider', 'strategy', 'storage',
  'manager', 'generator', 'helper', 'method', 'version', 'location', 'position', 'hash', 'hashed', 'salt', 'rounds', 'iterations', 'mask',
  'ref', 'reference', 'arn', 'name', 'names', 'status', 'state', 'flag', 'schema', 'model', 'table', 'attribute', 'attr', 'property', 'option',
  'options', 'public', 'publishable', 'site', 'csrf', 'xsrf', 'cancel', 'cancellation', 'next', 'page', 'paging', 'pagination', 'continuation',
  'cursor', 'sync', 'device', 'push', 'primary', 'foreign', 'cache', 'sort', 'partition', 'idempotency', 'lexer', 'parser', 'eof', 'usage',
  'id', 'ids', 'kid', 'fingerprint', 'secrets', 'passwords', 'tokens', 'keys',
]);

/** Words after the secret word that keep it the secret: DB_PASSWORD_PROD, SECRET_KEY_BASE, API_KEY_2. */
const NEUTRAL_TAIL = /^(?:\d+|dev|development|prod|production|staging|stage|test|local|live|value|val|str|string|plain|plaintext|raw|default|old|new|current|hex|b64|base64|bytes|base|bin)$/;

/** A run-together word's secret ending: dbpassword, jwtsecret, authtoken, apikey. */
const COMPOUND: readonly [RegExp, SecretKind][] = [
  [/(?:password|passwd)$|^(?:key|store|trust|db|smtp)pass$/, 'password'],
  [/secret$|^secret(?:key|token)$/, 'secret'],
  [/(?:auth|access|api|bearer|bot|refresh|session)token$/, 'token'],
  [/^(?:api|private|access|auth|master|signing|encryption|app|client)key$/, 'key'],
];

function wordKind(word: string, before: string | undefined): SecretKind | undefined {
  if (PASSWORD.has(word)) return 'password';
  if (word === 'pass') return before === undefined || PASS_QUALIFIER.has(before) ? 'password' : undefined;
  if (word === 'secret') return 'secret';
  if (TOKEN.has(word)) return 'token';
  if (word === 'apikey') return 'key';
  if (KEY.has(word)) return before !== undefined && KEY_QUALIFIER.has(before) ? 'key' : undefined;
  return COMPOUND.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * The kind of secret a variable, property, setting or key name holds, whatever its spelling (camelCase,
 * snake_case, kebab-case, SCREAMING_CASE, run together), or undefined when the name is not a secret's.
 */
export function secretKindOf(name: string): SecretKind | undefined {
  const words = wordsOf(name.replace(/^.*(?:\.|->|::)/, ''));
  if (!words.length || words.length > 8 || words.some((word) => NEGATING.has(word))) return undefined;
  let last = words.length - 1;
  while (last > 0 && NEUTRAL_TAIL.test(words[last]!)) last--;
  // A secret anywhere in the name is the secret it holds: aws_secret_access_key, secretOrKey, token_secret.
  if (words.slice(0, last + 1).some((word) => word === 'secret' || /secret$/.test(word))) return 'secret';
  return wordKind(words[last]!, words[last - 1]);
}
