import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { parseMaxAge, parseSubjectRef } from '@pipewarden/core';

// attest's and verify's command-line values, validated with zod; every problem reported at once.

const nonEmpty = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`);

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `FILE` or `env:NAME`: keys come from a file or an environment variable, never from the command line itself. */
const keySource = (what: string) =>
  nonEmpty(what).refine((value) => !value.startsWith('env:') || ENV_NAME.test(value.slice(4)), { error: (issue) => `"${String(issue.input)}": env: takes an environment variable's name` }).refine((value) => !/-----BEGIN/.test(value), 'give a file or env:NAME, never the key itself (it would be in the shell history and the process list)');

const subjects = z
  .array(z.string(), { error: 'at least one --subject is required (FILE, sha256:DIGEST or IMAGE@sha256:DIGEST)' })
  .min(1, 'at least one --subject is required (FILE, sha256:DIGEST or IMAGE@sha256:DIGEST)')
  .superRefine((list, ctx) => {
    list.forEach((subject, index) => {
      if (!subject.trim()) ctx.addIssue({ code: 'custom', path: [index], message: 'must not be empty' });
      else
        try {
          parseSubjectRef(subject);
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: [index], message: (error as Error).message.replace(/^--subject \S+: /, '') });
        }
    });
  });

const httpsUrl = (what: string) =>
  z
    .string()
    .url(`${what} must be a URL`)
    .refine((value) => /^https:/.test(value) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(value), `${what} must be https (plain http only to a loopback test server)`)
    .optional();

export const attestOptionsSchema = z
  .object({
    subject: subjects,
    key: keySource('--key').optional(),
    'key-passphrase-env': z.string().regex(ENV_NAME, 'an environment variable name').optional(),
    keyless: z.boolean().default(false),
    'out-dir': nonEmpty('--out-dir').default('.pipewarden'),
    output: nonEmpty('--output').optional(),
    config: nonEmpty('--config').optional(),
    'fulcio-url': httpsUrl('--fulcio-url'),
    'rekor-url': httpsUrl('--rekor-url'),
    'no-tlog': z.boolean().default(false),
  })
  .refine((o) => !(o.key && o.keyless), { path: ['keyless'], message: 'choose --key or --keyless, not both' });

export const verifyOptionsSchema = z
  .object({
    attestation: nonEmpty('--attestation'),
    subject: subjects,
    key: keySource('--key').optional(),
    'require-verdict': z.enum(['pass', 'fail'], { error: (issue) => `"${String(issue.input)}" is not a verdict (pass, fail)` }).optional(),
    'max-age': z
      .string()
      .refine((value) => parseMaxAge(value) !== undefined, { error: (issue) => `"${String(issue.input)}" is not a duration (e.g. 90m, 12h, 7d, 2w)` })
      .optional(),
    'certificate-identity': nonEmpty('--certificate-identity').optional(),
    'certificate-oidc-issuer': nonEmpty('--certificate-oidc-issuer').optional(),
    'trusted-root': nonEmpty('--trusted-root').optional(),
  })
  .refine((o) => o.key || o['certificate-identity'], { path: ['key'], message: 'is required (a public key PEM file or env:NAME; or, for a keyless attestation, --certificate-identity and --certificate-oidc-issuer)' })
  .refine((o) => !o['certificate-identity'] || o['certificate-oidc-issuer'], { path: ['certificate-oidc-issuer'], message: 'is required with --certificate-identity' })
  .refine((o) => !o['trusted-root'] || o['certificate-identity'], { path: ['trusted-root'], message: 'is for keyless attestations (with --certificate-identity); a --key needs no trusted root' });

export type AttestCliOptions = z.output<typeof attestOptionsSchema>;
export type VerifyCliOptions = z.output<typeof verifyOptionsSchema>;

export const ATTEST_FLAGS = {
  subject: { type: 'string', multiple: true },
  key: { type: 'string' },
  'key-passphrase-env': { type: 'string' },
  keyless: { type: 'boolean' },
  'out-dir': { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'no-tlog': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const VERIFY_FLAGS = {
  attestation: { type: 'string' },
  subject: { type: 'string', multiple: true },
  key: { type: 'string' },
  'require-verdict': { type: 'string' },
  'max-age': { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'trusted-root': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];
