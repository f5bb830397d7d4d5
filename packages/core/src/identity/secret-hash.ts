import { createHmac, scrypt, scryptSync } from 'node:crypto';
import { ConfigError } from '../errors.js';

// A secret's identity in two steps (docs/identity.md, "Secret identities"):
// 1. secretHash(value): an HMAC under a public constant, made where the value is read (a parser, an
//    analyzer). It stands in for the value inside the process and is never written out as it is: anyone
//    could compute it from a guess.
// 2. SecretKeyer.rekey(hash): what goes into properties and fingerprints. With PIPEWARDEN_SECRET_KEY an HMAC
//    under that key (nobody without the key can test a guess); without it, scrypt with the repository's name
//    as salt (a guess costs scrypt's time and memory, and no table serves two repositories).

const SECRET_SALT = 'pipewarden/secret/v1';
const KEYED_CONTEXT = 'pipewarden/secret/v2';

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB and about a tenth of a second per secret (and per guess). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** The shortest PIPEWARDEN_SECRET_KEY taken: shorter keys can be guessed themselves. */
export const MIN_SECRET_KEY_LENGTH = 16;

/** A hash of step 1 (and what Pipewarden 0.x wrote into logs): re-keyed wherever a log is read. */
export const UNKEYED_SECRET_HASH = /^hmac-sha256:[0-9a-f]{32}$/;

/**
 * Step 1: the value's stand-in inside the process. Never written out as it is: readReport and identify
 * re-key it (SecretKeyer) before anything leaves.
 */
export function secretHash(value: string): string {
  return `hmac-sha256:${createHmac('sha256', SECRET_SALT).update(value).digest('hex').slice(0, 32)}`;
}

/** Where the key of secret identities comes from: the platform reads PIPEWARDEN_SECRET_KEY and names the repository. */
export interface SecretKeying {
  /** PIPEWARDEN_SECRET_KEY: private to the repository or pipeline (a CI secret variable). */
  key?: string | undefined;
  /** The repository as the platform names it (owner/name): the salt when there is no key. */
  repository?: string | undefined;
}

/** The keying of a run from the environment the platform passed (never process.env itself). */
export function secretKeyingOf(env: Readonly<Record<string, string | undefined>>, repository?: string): SecretKeying {
  const key = env.PIPEWARDEN_SECRET_KEY?.trim();
  return { ...(key ? { key } : {}), ...(repository ? { repository } : {}) };
}

export interface SecretKeyer {
  /** 'key': HMAC under PIPEWARDEN_SECRET_KEY; 'derived': scrypt salted with the repository's name. */
  readonly mode: 'key' | 'derived';
  /** Computes the re-keyed hashes of these step-1 hashes ahead, side by side (scrypt runs on the thread pool). */
  prepare(hashes: Iterable<string>): Promise<void>;
  /** Step 2 of a step-1 hash (synchronous: from what prepare computed, else computed now). */
  rekey(hash: string): string;
}

/** The keyer of a run: one per command, so each secret costs one scrypt however often it is met. */
export function createSecretKeyer(keying: SecretKeying = {}): SecretKeyer {
  const cache = new Map<string, string>();
  const key = keying.key;
  if (key !== undefined && key.length < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigError(`PIPEWARDEN_SECRET_KEY is ${key.length} characters: use at least ${MIN_SECRET_KEY_LENGTH} random ones (openssl rand -hex 32)`);
  }
  const salt = `${KEYED_CONTEXT}\u0000${keying.repository ?? ''}`;
  const input = (hash: string) => `${KEYED_CONTEXT}\u0000${hash}`;
  if (key !== undefined) {
    const rekey = (hash: string) => {
      let keyed = cache.get(hash);
      if (keyed === undefined) cache.set(hash, (keyed = `keyed:${createHmac('sha256', key).update(input(hash)).digest('hex').slice(0, 32)}`));
      return keyed;
    };
    return { mode: 'key', prepare: async () => {}, rekey };
  }
  const derived = (bytes: Buffer) => `derived:${bytes.toString('hex')}`;
  return {
    mode: 'derived',
    async prepare(hashes) {
      const missing = [...new Set(hashes)].filter((hash) => !cache.has(hash));
      await Promise.all(
        missing.map(
          (hash) =>
            new Promise<void>((resolve, reject) =>
              scrypt(input(hash), salt, 16, SCRYPT, (error, bytes) => {
                if (error) reject(error);
                else {
                  cache.set(hash, derived(bytes));
                  resolve();
                }
              }),
            ),
        ),
      );
    },
    rekey(hash) {
      let keyed = cache.get(hash);
      if (keyed === undefined) cache.set(hash, (keyed = derived(scryptSync(input(hash), salt, 16, SCRYPT))));
      return keyed;
    },
  };
}
