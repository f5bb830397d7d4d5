import { relative, resolve } from 'node:path';
import {
  AttestationError,
  PUBLIC_FULCIO,
  PUBLIC_REKOR,
  attestScan,
  checkAttestationPolicy,
  describeAge,
  keyText,
  loadVerifyingKey,
  parseEnvelopes,
  parseMaxAge,
  parseTrustedRoot,
  readRegularText,
  resolveSubject,
  verifyEnvelopes,
  verifyKeyless,
  type VerifiedStatement,
} from '@pipewarden/core';
import type { AttestCliOptions, VerifyCliOptions } from './attest-options.js';

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
With --key no network is used. A keyless attestation (attestation.sigstore.json) is checked against a Sigstore
trusted root (--trusted-root, offline; else the public instance's, fetched with TUF) and the certificate's
identity and issuer.

Options:
  --attestation FILE       attestation.intoto.jsonl (or attestation.sigstore.json for keyless)
  --subject S              an artifact to promote (repeatable); each must be in the attestation
  --key FILE|env:NAME      the PEM public key (a certificate, or the private key, also do)
  --require-verdict V      pass | fail: the verdict the scan must have had
  --max-age D              the scan must be at most this old: 90m, 12h, 7d, 2w
  --certificate-identity   keyless: the signer's identity (the workflow URI, or an e-mail address)
  --certificate-oidc-issuer  keyless: its issuer (https://token.actions.githubusercontent.com, https://gitlab.com)
  --trusted-root FILE      keyless, offline: a Sigstore trusted_root.json (Fulcio CAs, Rekor and CT log keys, TSAs),
                           as cosign's --trusted-root takes; an SCT is required when it lists CT logs, a log entry
                           when it lists transparency logs

Exit codes: 0 verified; 1 the policy is not met (a subject not attested, the verdict, the age); 2 an error:
a signature that does not verify, another key or keyless identity/issuer/CA, a malformed or truncated file
(one line each on stderr).`;

export interface AttestIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** `pipewarden attest`: the scan's statement over the subjects, signed with a key or keyless, written atomically. */
export async function runAttest(options: AttestCliOptions, io: AttestIo): Promise<number> {
  const result = await attestScan({
    cwd: io.cwd,
    outDir: options['out-dir'],
    output: options.output,
    subjects: options.subject,
    key: options.key,
    passphraseEnv: options['key-passphrase-env'],
    keyless: options.keyless,
    fulcioUrl: options['fulcio-url'],
    rekorUrl: options['rekor-url'],
    tlog: !options['no-tlog'],
    config: options.config,
    env: io.env,
  });
  const { predicate, subject } = result.statement;
  const bundle = result.bundle ? `; bundle ${shownPath(io.cwd, result.bundle)}` : '';
  io.stderr.write(`pipewarden › wrote ${shownPath(io.cwd, result.output)}: ${subject.length} subject${subject.length === 1 ? '' : 's'}, verdict ${predicate.verdict}${predicate.source.commit ? ` at ${predicate.source.commit.slice(0, 12)}` : ''}, signed with ${result.signedWith}${bundle}\n`);
  return 0;
}

/** Every envelope checked with the key, or the keyless bundle with Sigstore's trusted root. */
async function verifiedStatements(options: VerifyCliOptions, io: AttestIo): Promise<{ verified: VerifiedStatement[]; signer: string }> {
  const source = options.attestation;
  const text = await readRegularText(resolve(io.cwd, source), { maxBytes: 64 * 1024 * 1024, shown: source });
  if (options.key) {
    const { text: pem, shown } = await keyText(options.key, io.env, io.cwd);
    const verified = verifyEnvelopes(parseEnvelopes(text, source), loadVerifyingKey(pem, shown), source);
    return { verified, signer: `key ${verified[0]!.keyid.slice(0, 16)}` };
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch {
    throw new AttestationError('not a Sigstore bundle (not JSON; an attestation.intoto.jsonl is verified with --key)', { file: source });
  }
  const rootFile = options['trusted-root'];
  const trustedRoot = rootFile ? await parseTrustedRoot(await readRegularText(resolve(io.cwd, rootFile), { maxBytes: 16 * 1024 * 1024, shown: rootFile }), rootFile) : undefined;
  const { envelope, key } = await verifyKeyless(bundle, { identity: options['certificate-identity']!, issuer: options['certificate-oidc-issuer']! }, source, trustedRoot);
  const verified = verifyEnvelopes(parseEnvelopes(JSON.stringify(envelope), source), key, source);
  return { verified, signer: `${options['certificate-identity']} (Sigstore keyless${trustedRoot ? `, trusted root ${rootFile}` : ''})` };
}

/** `pipewarden verify`: 0 verified, 1 the policy is not met, 2 an attestation that cannot be trusted (thrown). */
export async function runVerify(options: VerifyCliOptions, io: AttestIo): Promise<number> {
  const { verified, signer } = await verifiedStatements(options, io);
  const subjects = [];
  for (const subject of options.subject) subjects.push(await resolveSubject(subject, io.cwd));
  const maxAge = options['max-age'];
  const now = new Date();
  const failures = checkAttestationPolicy(verified, { subjects, requireVerdict: options['require-verdict'], maxAgeMs: maxAge ? parseMaxAge(maxAge) : undefined, maxAgeText: maxAge, now });
  for (const failure of failures) io.stderr.write(`pipewarden: ${options.attestation}: ${failure}\n`);
  if (failures.length) return 1;
  const newest = verified.map((v) => v.statement.predicate).sort((a, b) => Date.parse(b.scannedAt) - Date.parse(a.scannedAt))[0]!;
  const at = newest.source.commit ? ` of ${newest.source.commit.slice(0, 12)}` : '';
  io.stdout.write(`verified ${options.attestation}: ${subjects.length} subject${subjects.length === 1 ? '' : 's'} attested by ${signer}; scan${at} ${newest.verdict}, ${describeAge(Math.max(0, now.getTime() - Date.parse(newest.scannedAt)))} ago\n`);
  return 0;
}
