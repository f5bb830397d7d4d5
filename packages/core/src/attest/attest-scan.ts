import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { readRegular, readRegularText } from '../files/safe-read.js';
import { findConfigFile, loadConfigFile } from '../policy/load-config.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import type { DsseEnvelope } from './dsse.js';
import { loadSigningKey } from './keys.js';
import { PUBLIC_FULCIO, PUBLIC_REKOR, oidcTokenOf, signKeyless } from './keyless.js';
import { signStatement, statementPayload } from './sign.js';
import { resolveSubject, scanStatement, type Statement, type Subject } from './statement.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A key's PEM text from a file or an environment variable (`env:NAME`); its content is never shown, only where it came from. */
export async function keyText(source: string, env: Env, cwd: string): Promise<{ text: string; shown: string }> {
  if (!source.startsWith('env:')) return { text: await readRegularText(resolve(cwd, source), { maxBytes: 1024 * 1024, shown: source }), shown: source };
  const name = source.slice(4);
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`--key env:${name}: the environment variable is not set or is empty`);
  if (value.includes('-----BEGIN')) return { text: value, shown: `env:${name}` };
  // A GitLab File variable holds the path of a file with the PEM.
  if (isAbsolute(value) && existsSync(value)) return { text: await readRegularText(value, { maxBytes: 1024 * 1024, shown: `env:${name}` }), shown: `env:${name}` };
  // A CI variable that must be one line (a masked GitLab variable) holds the PEM in base64.
  return { text: Buffer.from(value, 'base64').toString('utf8'), shown: `env:${name}` };
}

/** The policy file the scan ran with and its parsed form: the named file, else DIR/pipewarden.yml, else the built-in policy. */
async function policyOf(config: string | undefined, dir: string, cwd: string): Promise<{ file: string | null; bytes: Buffer | null; config: unknown }> {
  const found = config ? resolve(cwd, config) : await findConfigFile(dir);
  if (!found) return { file: null, bytes: null, config: {} };
  const shown = config ?? (relative(cwd, found) || found);
  return { file: shown, bytes: await readRegular(found, { maxBytes: 8 * 1024 * 1024, shown }), config: await loadConfigFile(found) };
}

export interface AttestScanOptions {
  cwd: string;
  /** The scan's out-dir as the user named it (relative to cwd or absolute). */
  outDir: string;
  /** Where the envelope goes (default OUT-DIR/attestation.intoto.jsonl). */
  output?: string | undefined;
  subjects: readonly string[];
  /** `FILE` or `env:NAME`; none: keyless. */
  key?: string | undefined;
  /** The environment variable holding an encrypted key's passphrase. */
  passphraseEnv?: string | undefined;
  /** Keyless was asked for: no token is an error rather than "give --key". */
  keyless?: boolean | undefined;
  fulcioUrl?: string | undefined;
  rekorUrl?: string | undefined;
  tlog?: boolean | undefined;
  /** pipewarden.yml as named, and the scanned folder whose own one is the default. */
  config?: string | undefined;
  dir?: string | undefined;
  env: Env;
  now?: Date | undefined;
}

export interface AttestScanResult {
  output: string;
  bundle?: string | undefined;
  statement: Statement;
  /** How it was signed, for the log line. */
  signedWith: string;
}

/** A scan's attestation over the subjects, signed with a key or keyless (Sigstore), written atomically. */
export async function attestScan(options: AttestScanOptions): Promise<AttestScanResult> {
  const { cwd, env } = options;
  const subjects: Subject[] = [];
  for (const arg of options.subjects) {
    const subject = await resolveSubject(arg, cwd);
    // The same artifact named twice is one subject.
    if (!subjects.some((s) => s.name === subject.name && s.digest.sha256 === subject.digest.sha256)) subjects.push(subject);
  }
  const passphraseEnv = options.passphraseEnv;
  if (passphraseEnv && !env[passphraseEnv]) throw new ConfigError(`--key-passphrase-env ${passphraseEnv}: the environment variable is not set`);
  // The key is checked before anything is hashed or signed: a wrong secret fails in a second.
  const key = options.key ? await keyText(options.key, env, cwd).then(({ text, shown }) => loadSigningKey(text, shown, passphraseEnv ? env[passphraseEnv] : undefined)) : undefined;
  const token = key ? undefined : await oidcTokenOf(env);
  if (!key && !token) {
    throw new ConfigError(
      options.keyless
        ? 'no OIDC token for keyless signing (set SIGSTORE_ID_TOKEN, e.g. from GitLab id_tokens with aud sigstore; on GitHub Actions give the job permissions: id-token: write)'
        : '--key is required (a PEM private key file or env:NAME), or --keyless where the CI provides an OIDC token',
    );
  }
  const policy = await policyOf(options.config, resolve(cwd, options.dir ?? '.'), cwd);
  const statement = await scanStatement({ outDir: resolve(cwd, options.outDir), shownOutDir: options.outDir, policy, subjects, now: options.now ?? new Date() });
  const output = resolve(cwd, options.output ?? join(options.outDir, 'attestation.intoto.jsonl'));
  let envelope: DsseEnvelope;
  let signedWith: string;
  let bundleFile: string | undefined;
  if (key) {
    envelope = signStatement(statement, key);
    signedWith = `${key.algorithm} key ${key.keyid.slice(0, 16)}`;
  } else {
    const signed = await signKeyless(statementPayload(statement), { token: token!, fulcioUrl: options.fulcioUrl ?? PUBLIC_FULCIO, rekorUrl: options.rekorUrl ?? PUBLIC_REKOR, tlog: options.tlog ?? true });
    envelope = signed.envelope;
    bundleFile = join(dirname(output), `${basename(output).replace(/\.intoto\.jsonl$|\.jsonl$/, '')}.sigstore.json`);
    await writeFileAtomic(bundleFile, `${JSON.stringify(signed.bundle)}\n`);
    signedWith = 'Sigstore (keyless)';
  }
  await writeFileAtomic(output, `${JSON.stringify(envelope)}\n`);
  return { output, bundle: bundleFile, statement, signedWith };
}
