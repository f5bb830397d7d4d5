import { readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrustedRoot } from './trusted-root.js';

/** The public good instance's trusted root as sigstore-js ships it (the seed of its TUF cache): real data, offline. */
async function publicGoodRoot(): Promise<string> {
  const sigstoreDir = dirname(dirname(await realpath(createRequire(import.meta.url).resolve('sigstore'))));
  const seeds = JSON.parse(await readFile(join(dirname(sigstoreDir), '@sigstore', 'tuf', 'seeds.json'), 'utf8')) as Record<string, { targets: Record<string, string> }>;
  return Buffer.from(seeds['https://tuf-repo-cdn.sigstore.dev']!.targets['trusted_root.json']!, 'base64').toString('utf8');
}

describe('parseTrustedRoot', () => {
  it('accepts the public good instance\'s trusted root and counts what it lists', async () => {
    const root = await parseTrustedRoot(await publicGoodRoot(), 'trusted_root.json');
    expect(root.certificateAuthorities).toBeGreaterThanOrEqual(1);
    expect(root.tlogs).toBeGreaterThanOrEqual(1);
    expect(root.ctlogs).toBeGreaterThanOrEqual(1);
  });

  it('reports every problem of a malformed root at once, with its path, naming the file', async () => {
    const real = JSON.parse(await publicGoodRoot()) as { mediaType: string; tlogs: { publicKey: { rawBytes: string } }[]; certificateAuthorities: unknown[] };
    real.mediaType = 'application/json';
    real.tlogs[0]!.publicKey.rawBytes = 'not base64!';
    real.certificateAuthorities = [];
    await expect(parseTrustedRoot(JSON.stringify(real), 'root.json')).rejects.toThrow(
      /^not a Sigstore trusted root: mediaType is not a Sigstore trusted root media type .*; certificateAuthorities lists no Fulcio certificate authority: .*; tlogs\.0\.publicKey\.rawBytes is not base64$/,
    );
    await expect(parseTrustedRoot('[1, 2]', 'root.json')).rejects.toMatchObject({ name: 'AttestationError', file: 'root.json' });
    await expect(parseTrustedRoot('{"mediaType"', 'root.json')).rejects.toThrow('not a Sigstore trusted root (not JSON)');
  });

  it('a certificate whose DER does not parse is the root\'s fault, named as such', async () => {
    const real = JSON.parse(await publicGoodRoot()) as { certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[] };
    real.certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes = Buffer.from('truncated').toString('base64');
    await expect(parseTrustedRoot(JSON.stringify(real), 'root.json')).rejects.toThrow(/^not a usable Sigstore trusted root: a certificate or key does not parse \(/);
  });
});
