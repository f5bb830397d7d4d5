import { z } from 'zod';
import { AttestationError } from './errors.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const bytes = z.string({ error: 'is required (base64)' }).min(1, 'is empty').regex(BASE64, 'is not base64');
const validFor = z.object({ start: z.string().datetime({ offset: true }).optional(), end: z.string().datetime({ offset: true }).optional() }).optional();

const transparencyLog = z.object({
  baseUrl: z.string().optional(),
  hashAlgorithm: z.string().optional(),
  publicKey: z.object({ rawBytes: bytes, keyDetails: z.string().optional(), validFor }),
  logId: z.object({ keyId: bytes }),
});

const certificateAuthority = z.object({
  certChain: z.object({ certificates: z.array(z.object({ rawBytes: bytes })).min(1, 'holds no certificate') }),
  validFor,
});

/**
 * What a Sigstore trusted root (trusted_root.json, as `cosign --trusted-root` and `sigstore.trustedRoot()` write it)
 * must hold before sigstore-js is given it: sigstore-js' own parser fills absent fields with empty values, so a
 * file that is not a trusted root at all would otherwise become one that trusts nothing, or fails deep inside.
 */
const trustedRootSchema = z.object({
  mediaType: z.string({ error: 'is required' }).regex(/^application\/vnd\.dev\.sigstore\.trustedroot(\.v[\d.]+)?\+json/, 'is not a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot+json;version=0.1)'),
  certificateAuthorities: z.array(certificateAuthority, { error: 'is required (the Fulcio CAs keyless certificates chain to)' }).min(1, 'lists no Fulcio certificate authority: keyless certificates cannot be checked'),
  tlogs: z.array(transparencyLog).default([]),
  ctlogs: z.array(transparencyLog).default([]),
  timestampAuthorities: z.array(certificateAuthority).default([]),
});

export type TrustedRootJson = z.input<typeof trustedRootSchema>;

/** A validated trusted root: its JSON for sigstore-js, and what it lists (which decides what a bundle must carry). */
export interface TrustedRoot {
  json: Record<string, unknown>;
  source: string;
  certificateAuthorities: number;
  tlogs: number;
  ctlogs: number;
  timestampAuthorities: number;
}

/** A trusted_root.json checked for shape (every problem with its path), then for DER that parses, in sigstore-js. */
export async function parseTrustedRoot(text: string, source: string): Promise<TrustedRoot> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AttestationError('not a Sigstore trusted root (not JSON)', { file: source });
  }
  const parsed = trustedRootSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 4).map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
    throw new AttestationError(`not a Sigstore trusted root: ${problems.join('; ')}`, { file: source });
  }
  const root: TrustedRoot = {
    json: json as Record<string, unknown>,
    source,
    certificateAuthorities: parsed.data.certificateAuthorities.length,
    tlogs: parsed.data.tlogs.length,
    ctlogs: parsed.data.ctlogs.length,
    timestampAuthorities: parsed.data.timestampAuthorities.length,
  };
  await trustMaterialOf(root);
  return root;
}

/** sigstore-js' trust material for the root; a certificate or key whose DER does not parse is the root's fault. */
export async function trustMaterialOf(root: TrustedRoot) {
  const { TrustedRoot: TrustedRootMessage, toTrustMaterial } = await import('./sigstore-client.js');
  try {
    return toTrustMaterial(TrustedRootMessage.fromJSON(root.json));
  } catch (error) {
    throw new AttestationError(`not a usable Sigstore trusted root: a certificate or key does not parse (${(error as Error).message.split('\n')[0]})`, { file: root.source, cause: error });
  }
}
