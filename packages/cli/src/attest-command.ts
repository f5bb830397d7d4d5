import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  AttestationError,
  ConfigError,
  checkAttestationPolicy,
  findConfigFile,
  loadConfigFile,
  loadSigningKey,
  loadVerifyingKey,
  parseEnvelopes,
  parseMaxAge,
  readRegular,
  readRegularText,
  resolveSubject,
  scanStatement,
  signStatement,
  statementPayload,
  verifyEnvelopes,
  writeFileAtomic,
  describeAge,
  type DsseEnvelope,
  type VerifiedStatement,
} from '@pipewarden/core';
import type { AttestCliOptions, VerifyCliOptions } from './attest-options.js';
import { PUBLIC_FULCIO, PUBLIC_REKOR, oidcTokenOf, signKeyless, verifyKeyless } from './keyless.js';

export const ATTEST_USAGE = `Usage: pipewarden attest --subject FILE|sha256:DIGEST|IMAGE@sha256:DIGEST... [--key FILE|env:NAME | --keyless] [options]

Signs what a scan found about the artifacts the pipeline built: an in-toto Statement v1 over the subjects'
SHA-256 digests, whose predicate (${'https://pipewarden.dev/attestations/scan/v1'}) records the scan of the
out-dir (report.json, results.sarif): verdict, counts by priority, tool versions, policy digest, commit and
pipeline. It is wrapped in a DSSE envelope and written, one envelope per line, to
OUT-DIR/attestation.intoto.jsonl. See docs/attestations.md.

Options:
  --subject S              an artifact: a FILE (hashed), sha256:DIGEST, or IMAGE@sha256:DIGEST (repeatable)
  --key FILE|env:NAME      a PEM private key (ECDSA P-256 or Ed25519; PKCS#8 or SEC1), from a file or from the
                           environment variable NAME (PEM, or PEM in base64 for CI variables that must be one line)
  --key-passphrase-env N   the environment variable holding an encrypted key's passphrase
  --keyless                sign with Sigstore: a short-lived Fulcio certificate for the CI's OIDC identity
                           (SIGSTORE_ID_TOKEN, or GitHub Actions' id-token), logged in Rekor; also writes
                           OUT-DIR/attestation.sigstore.json (the bundle). Without --key, used when a token is there
  --fulcio-url URL         Fulcio for --keyless (default ${PUBLIC_FULCIO})
  --rekor-url URL          Rekor for --keyless (default ${PUBLIC_REKOR})
  --no-tlog                --keyless without a Rekor entry (private deployments without a log)
  --out-dir DIR            the scan's out-dir (default .pipewarden); the attestation is written there
  -o, --output FILE        write the attestation there instead
  --config FILE            the policy the scan ran with, for its digest (default: ./pipewarden.yml when present)

Exit codes: 0 written, 2 an error (one line on stderr). A failed scan is attested as such: verify decides.`;

export const VERIFY_USAGE = `Usage: pipewarden verify --attestation FILE --subject S... (--key FILE|env:NAME | --certificate-identity ID --certificate-oidc-issuer URL) [--require-verdict pass] [--max-age 7d]

The promotion gate: checks that every envelope in FILE is signed (over DSSE's PAE) by the key and is a
Pipewarden scan statement, then that each subject (FILE, sha256:DIGEST or IMAGE@sha256:DIGEST, matched by
digest) is attested, that the scan's verdict is the one required and that it is recent enough.
With --key no network is used. A keyless attestation (attestation.sigstore.json) is checked against Sigstore's
trusted root, fetched with TUF, and the certificate's identity and issuer.

Options:
  --attestation FILE       attestation.intoto.jsonl (or attestation.sigstore.json for keyless)
  --subject S              an artifact to promote (repeatable); each must be in the attestation
  --key FILE|env:NAME      the PEM public key (a certificate, or the private key, also do)
  --require-verdict V      pass | fail: the verdict the scan must have had
  --max-age D              the scan must be at most this old: 90m, 12h, 7d, 2w
  --certificate-identity   keyless: the signer's identity (the workflow URI, or an e-mail address)
  --certificate-oidc-issuer  keyless: its issuer (https://token.actions.githubusercontent.com, https://gitlab.com)

Exit codes: 0 verified; 1 the policy is not met (a subject not attested, the verdict, the age); 2 an error:
a signature that does not verify, another key, a malformed or truncated file (one line each on stderr).`;

export interface AttestIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A key's PEM text from a file or an environment variable; its content is never shown, only where it came from. */
async function keyText(source: string, io: AttestIo): Promise<{ text: string; shown: string }> {
  if (!source.startsWith('env:')) return { text: await readRegularText(resolve(io.cwd, source), { maxBytes: 1024 * 1024, shown: source }), shown: source };
  const name = source.slice(4);
  const value = io.env[name]?.trim();
  if (!value) throw new ConfigError(`--key env:${name}: the environment variable is not set or is empty`);
  // A CI variable that must be one line (a masked GitLab variable) holds the PEM in base64.
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
  return { text, shown: `env:${name}` };
}

/** The policy file the scan ran with and its parsed form: --config, else ./pipewarden.yml, else the built-in policy. */
async function policyOf(config: string | undefined, cwd: string): Promise<{ file: string | null; bytes: Buffer | null; config: unknown }> {
  const found = config ? resolve(cwd, config) : await findConfigFile(cwd);
  if (!found) return { file: null, bytes: null, config: {} };
  const shown = config ?? relative(cwd, found);
  return { file: shown, bytes: await readRegular(found, { maxBytes: 8 * 1024 * 1024, shown }), config: await loadConfigFile(found) };
}

function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** `pipewarden attest`: the scan's statement over the subjects, signed with a key or keyless, written atomically. */
export async function runAttest(options: AttestCliOptions, io: AttestIo): Promise<number> {
  const subjects = [];
  for (const subject of options.subject) subjects.push(await resolveSubject(subject, io.cwd));
  const outDir = resolve(io.cwd, options['out-dir']);
  const passphraseEnv = options['key-passphrase-env'];
  if (passphraseEnv && !io.env[passphraseEnv]) throw new ConfigError(`--key-passphrase-env ${passphraseEnv}: the environment variable is not set`);
  // The key is checked before anything is hashed or signed: a wrong secret fails in a second.
  const key = options.key ? await keyText(options.key, io).then(({ text, shown }) => loadSigningKey(text, shown, passphraseEnv ? io.env[passphraseEnv] : undefined)) : undefined;
  const token = key ? undefined : await oidcTokenOf(io.env);
  if (!key && !token) {
    throw new ConfigError(
      options.keyless
        ? '--keyless: no OIDC token (set SIGSTORE_ID_TOKEN, e.g. from GitLab id_tokens with aud sigstore; on GitHub Actions give the job permissions: id-token: write)'
        : '--key is required (a PEM private key file or env:NAME), or --keyless where the CI provides an OIDC token',
    );
  }
  const statement = await scanStatement({ outDir, shownOutDir: options['out-dir'], policy: await policyOf(options.config, io.cwd), subjects, now: new Date() });
  const output = resolve(io.cwd, options.output ?? join(options['out-dir'], 'attestation.intoto.jsonl'));
  let envelope: DsseEnvelope;
  let how: string;
  if (key) {
    envelope = signStatement(statement, key);
    how = `${key.algorithm} key ${key.keyid.slice(0, 16)}`;
  } else {
    const signed = await signKeyless(statementPayload(statement), { token: token!, fulcioUrl: options['fulcio-url'] ?? PUBLIC_FULCIO, rekorUrl: options['rekor-url'] ?? PUBLIC_REKOR, tlog: !options['no-tlog'] });
    envelope = signed.envelope;
    const bundleFile = join(dirname(output), `${basename(output).replace(/\.intoto\.jsonl$|\.jsonl$/, '')}.sigstore.json`);
    await writeFileAtomic(bundleFile, `${JSON.stringify(signed.bundle)}\n`);
    how = `Sigstore (keyless; bundle ${shownPath(io.cwd, bundleFile)})`;
  }
  await writeFileAtomic(output, `${JSON.stringify(envelope)}\n`);
  const { predicate } = statement;
  io.stderr.write(`pipewarden › wrote ${shownPath(io.cwd, output)}: ${subjects.length} subject${subjects.length === 1 ? '' : 's'}, verdict ${predicate.verdict}${predicate.source.commit ? ` at ${predicate.source.commit.slice(0, 12)}` : ''}, signed with ${how}\n`);
  return 0;
}

/** Every envelope checked with the key, or the keyless bundle with Sigstore's trusted root. */
async function verifiedStatements(options: VerifyCliOptions, io: AttestIo): Promise<VerifiedStatement[]> {
  const source = options.attestation;
  const text = await readRegularText(resolve(io.cwd, source), { maxBytes: 64 * 1024 * 1024, shown: source });
  if (options.key) {
    const { text: pem, shown } = await keyText(options.key, io);
    return verifyEnvelopes(parseEnvelopes(text, source), loadVerifyingKey(pem, shown), source);
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    throw new AttestationError('not a Sigstore bundle (not JSON; an attestation.intoto.jsonl is verified with --key)', { file: source });
  }
  const { envelope, key } = await verifyKeyless(bundle, { identity: options['certificate-identity']!, issuer: options['certificate-oidc-issuer']! }, source);
  return verifyEnvelopes(parseEnvelopes(JSON.stringify(envelope), source), key, source);
}

/** `pipewarden verify`: 0 verified, 1 the policy is not met, 2 an attestation that cannot be trusted (thrown). */
export async function runVerify(options: VerifyCliOptions, io: AttestIo): Promise<number> {
  const verified = await verifiedStatements(options, io);
  const subjects = [];
  for (const subject of options.subject) subjects.push(await resolveSubject(subject, io.cwd));
  const maxAge = options['max-age'];
  const now = new Date();
  const failures = checkAttestationPolicy(verified, { subjects, requireVerdict: options['require-verdict'], maxAgeMs: maxAge ? parseMaxAge(maxAge) : undefined, maxAgeText: maxAge, now });
  for (const failure of failures) io.stderr.write(`pipewarden: ${options.attestation}: ${failure}\n`);
  if (failures.length) return 1;
  const newest = verified.map((v) => v.statement.predicate).sort((a, b) => Date.parse(b.scannedAt) - Date.parse(a.scannedAt))[0]!;
  const at = newest.source.commit ? ` of ${newest.source.commit.slice(0, 12)}` : '';
  io.stdout.write(`verified ${options.attestation}: ${subjects.length} subject${subjects.length === 1 ? '' : 's'} attested by key ${verified[0]!.keyid.slice(0, 16)}; scan${at} ${newest.verdict}, ${describeAge(Math.max(0, now.getTime() - Date.parse(newest.scannedAt)))} ago\n`);
  return 0;
}
