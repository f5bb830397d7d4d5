import type { SecretKind } from './names.js';
import { placeholderKind } from './placeholder.js';

/** Shannon entropy in bits per character: how unpredictable the characters of a value are. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface ValueRule {
  minLength: number;
  /** Bits per character: a generated token has many; a chosen password may have few. */
  minEntropy: number;
  /** Made by a machine: a lone word ("production", "Bearer") is a setting, not the credential. */
  generated: boolean;
}

/**
 * Per kind, and `certain` where the place makes it a secret (a framework's session secret, an HMAC key):
 * there only a reference, a mask or a value under four characters (Flask's tutorial `'dev'`) is let go;
 * names alone need more evidence.
 */
export const VALUE_RULES: Readonly<Record<SecretKind | 'certain', ValueRule>> = {
  password: { minLength: 6, minEntropy: 0, generated: false },
  secret: { minLength: 8, minEntropy: 2.5, generated: false },
  token: { minLength: 8, minEntropy: 3, generated: true },
  key: { minLength: 8, minEntropy: 3, generated: true },
  certain: { minLength: 4, minEntropy: 0, generated: false },
};

// Shapes that say "this is where the value comes from", not the value: a URL, a file, a variable's name.
const SHAPES: readonly [RegExp, string][] = [
  [/^[a-z][a-z0-9+.-]*:\/\//i, 'a URL'],
  // An absolute path of word-like folders (/Users/maciej, /etc/ssl): a base64 secret may start with "/" too.
  [/^\/(?:[A-Za-z][a-z0-9._-]*\/)*[A-Za-z][a-z0-9._-]*\/?$/, 'a file path'],
  [/^(?:\.{1,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|ya?ml|txt|env|properties|ini|conf|cfg|pub|der|gpg|asc)$/i, 'a file path'],
  [/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, "a variable's name"],
  // Lower case only: a JWT is dotted too.
  [/^[a-z][a-z0-9_-]{0,40}(?:\.[a-z][a-z0-9_-]{0,40})+$/, 'a dotted key'],
  [/^[a-z_]+(?::[^|\s]*)?(?:\|[a-z_]+(?::[^|\s]*)?)+$/, 'a validation rule'],
  [/^[#.][A-Za-z][\w-]*$|<\/?[a-z][^>]*>/i, 'markup'],
  // Password hashes (bcrypt, argon2, crypt, Django, Werkzeug): what a seed file stores instead of the password.
  [/^\$2[aby]?\$\d{2}\$|^\$argon2|^\$[156]\$|^(?:pbkdf2|scrypt|sha\d+|md5)[_:$]/i, 'a password hash'],
];

// Provider tokens with a fixed prefix, and AWS's secret access key under its own name: secretlint's
// recommended rules (run in the same stages) name the provider and how to revoke it; a second, generic
// finding of the same value would only be noise.
const PROVIDER_TOKEN = /^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{22}|npm_[A-Za-z0-9]{36}|xox[abposr]-|SG\.[\w-]{22}\.|shp(?:at|ca|pa|ss)_|sk-ant-|sk-proj-|lin_api_)/;
const AWS_SECRET_NAME = /^["']?(?:aws)?_?secret_?access_?key["']?$/i;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+=]{40}$/;

/** Whether secretlint's provider rules report this value already (by its prefix, or AWS's name and shape). */
export function coveredByProviderRule(name: string, value: string): boolean {
  return PROVIDER_TOKEN.test(value) || (AWS_SECRET_NAME.test(name.replace(/^.*(?:\.|->|::)/, '')) && AWS_SECRET_VALUE.test(value));
}

/**
 * Why a literal assigned to a name of this kind is not reported, or undefined when it is: a stand-in, too
 * short, prose, a reference to where the value lives, or too predictable for its kind. Where the place
 * makes it `certain` (a framework's session secret, a literal handed to an HMAC), a stand-in word or
 * sequence is what the app really signs with: only references and masks are let go there.
 */
export function rejectValue(value: string, kind: SecretKind, certain: boolean): string | undefined {
  const rule = VALUE_RULES[certain ? 'certain' : kind];
  const placeholder = placeholderKind(value);
  if (placeholder && (!certain || placeholder === 'reference' || placeholder === 'mask')) return `a placeholder (${placeholder})`;
  if ([...value].length < rule.minLength) return 'too short';
  const spaces = value.trim().split(/\s+/).length - 1;
  // A person may choose "keyboard cat" as a secret; passwords and generated tokens have no spaces.
  const allowed = certain || kind === 'secret' ? 1 : 0;
  if (spaces > allowed && !value.includes('-----BEGIN')) return 'prose';
  if (kind === 'password' && !certain && /^[a-f0-9]{32}$|^[a-f0-9]{40}$|^[a-f0-9]{64}$/i.test(value)) return 'a password hash';
  // A capitalised word is a form's label ("Passwort", "Contraseña"); people's passwords have digits or symbols.
  if (kind === 'password' && !certain && /^\p{Lu}\p{Ll}+$/u.test(value)) return 'a label';
  const shape = SHAPES.find(([pattern]) => pattern.test(value));
  if (shape) return shape[1];
  if (shannonEntropy(value) < rule.minEntropy) return 'too predictable';
  // Generated tokens and keys carry digits (random base62 of 20 characters lacks one 3% of the time); words
  // and identifiers assigned to a token-named variable ("production", "?InterpolationInTemplate") do not.
  if (rule.generated && !/\d/.test(value) && !value.includes('-----BEGIN')) return 'a word';
  return undefined;
}
