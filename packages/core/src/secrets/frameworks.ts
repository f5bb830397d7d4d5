import type { SecretKind } from './names.js';
import type { Language } from './syntax.js';
import { wordsOf } from './words.js';

/**
 * Calls whose argument is a secret by position: whoever knows it forges the app's sessions and tokens
 * (a framework) or its MACs and ciphertexts (a crypto key).
 */
export interface SecretCall {
  /** Ends at the call's "(" (global: a line may call it twice). */
  pattern: RegExp;
  /** The argument that is the secret, 0-based. */
  argument: number;
  /** How the finding names it (never the value). */
  label: string;
  kind: SecretKind;
  framework?: string;
  /** Judged like a value assigned to a name (every stand-in skipped), not like a certain secret. */
  byName?: boolean;
}

export const SECRET_CALLS: readonly SecretCall[] = [
  { pattern: /\bcookieParser\s*\(/g, argument: 0, label: 'cookieParser() secret', kind: 'secret', framework: 'cookie-parser' },
  { pattern: /\bjwt\.(?:sign|verify)\s*\(/g, argument: 1, label: 'jwt.sign()/verify() secret', kind: 'secret', framework: 'jsonwebtoken' },
  { pattern: /\bjwt\.(?:encode|decode)\s*\(/g, argument: 1, label: 'jwt.encode()/decode() key', kind: 'secret', framework: 'PyJWT' },
  { pattern: /\bJWT::(?:encode|decode)\s*\(/g, argument: 1, label: 'JWT::encode() key', kind: 'secret', framework: 'php-jwt' },
  { pattern: /\bAlgorithm\.HMAC(?:256|384|512)\s*\(/g, argument: 0, label: 'Algorithm.HMAC256() secret', kind: 'secret', framework: 'java-jwt' },
  { pattern: /\.setSigningKey\s*\(/g, argument: 0, label: 'setSigningKey() key', kind: 'secret', framework: 'jjwt' },
  { pattern: /\.signWith\s*\(/g, argument: 1, label: 'signWith() key', kind: 'secret', framework: 'jjwt' },
  { pattern: /\bcreateHmac\s*\(/g, argument: 1, label: 'createHmac() key', kind: 'key' },
  { pattern: /\bcreate(?:De)?cipheriv\s*\(/gi, argument: 1, label: 'createCipheriv() key', kind: 'key' },
  { pattern: /\bhash_hmac\s*\(/g, argument: 2, label: 'hash_hmac() key', kind: 'key' },
  { pattern: /\bhmac\.new\s*\(/g, argument: 0, label: 'hmac.new() key', kind: 'key' },
  { pattern: /\bnew\s+SecretKeySpec\s*\(/g, argument: 0, label: 'new SecretKeySpec() key', kind: 'key' },
  // Database connections by position: the password is the third argument. A stand-in word here is sample
  // code more often than a deployed password, so these are judged like a name, not like a framework's secret.
  { pattern: /\bmysqli?_connect\s*\(/g, argument: 2, label: 'mysql_connect() password', kind: 'password', byName: true },
  { pattern: /\bnew\s+(?:mysqli|PDO)\s*\(/g, argument: 2, label: 'new mysqli()/PDO() password', kind: 'password', byName: true },
  { pattern: /\bDriverManager\.getConnection\s*\(/g, argument: 2, label: 'DriverManager.getConnection() password', kind: 'password', byName: true },
  { pattern: /\bMySQLdb\.connect\s*\(/g, argument: 2, label: 'MySQLdb.connect() password', kind: 'password', byName: true },
];

/** A call that takes an options object with a `secret`: express-session({ secret: 'keyboard cat' }) and its kin. */
const SESSION_OPENERS: readonly [RegExp, string][] = [
  [/\b(?:expressSession|session)\s*\(\s*\{/, 'express-session'],
  [/\bcookieSession\s*\(\s*\{/, 'cookie-session'],
  [/\b(?:expressJwt|expressjwt|jwt)\s*\(\s*\{/, 'express-jwt'],
  [/\bJwtModule\.register(?:Async)?\s*\(\s*\{/, '@nestjs/jwt'],
  [/\bfastify(?:Session|SecureSession|Cookie|Jwt)\b/, 'fastify'],
  [/\bnew\s+(?:Jwt)?Strategy\s*\(\s*\{/, 'passport-jwt'],
  [/\bkoaSession\s*\(|\bsession\s*\(\s*app\b/, 'koa-session'],
];

/** How far above a `secret:` line its call may have opened: session options are short objects. */
const LOOKBACK = 12;

/** The session call a JavaScript `secret` option belongs to, or undefined when it is a plain object's. */
function sessionFramework(lines: readonly string[], index: number, column: number): string | undefined {
  for (let n = index; n >= Math.max(0, index - LOOKBACK); n--) {
    const text = n === index ? lines[n]!.slice(0, column) : lines[n]!;
    const hit = SESSION_OPENERS.find(([pattern]) => pattern.test(text));
    if (hit) return hit[1];
    // The object above closed before this line: the option is not inside it.
    if (n !== index && /^\s*\}\s*\)/.test(text)) return undefined;
  }
  return undefined;
}

/** Setting names frameworks sign sessions with, by language (`SECRET_KEY` in a Python file is Django's or Flask's). */
const SETTINGS: readonly { words: string; languages: readonly Language[] | 'any'; framework: string }[] = [
  { words: 'secret key', languages: ['py'], framework: 'Django/Flask' },
  { words: 'jwt secret key', languages: ['py'], framework: 'Flask-JWT-Extended' },
  { words: 'secret key base', languages: 'any', framework: 'Rails' },
  { words: 'app key', languages: ['env'], framework: 'Laravel' },
  { words: 'app secret', languages: ['env'], framework: 'Symfony' },
];

/**
 * The framework a named setting belongs to: a known setting name in its language, or a `secret` (or
 * passport-jwt's `secretOrKey`) option inside a session or JWT middleware's options in JavaScript.
 */
export function frameworkOf(name: string, language: Language, lines: readonly string[], index: number, column: number): string | undefined {
  const words = wordsOf(name.replace(/^.*(?:\.|->|::)/, '')).join(' ');
  const setting = SETTINGS.find((s) => s.words === words && (s.languages === 'any' || s.languages.includes(language)));
  if (setting) return setting.framework;
  if (language === 'js' && (words === 'secret' || words === 'secret or key')) return sessionFramework(lines, index, column);
  return undefined;
}
