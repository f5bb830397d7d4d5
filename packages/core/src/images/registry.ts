import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { factsOf, type ImageConfig, type ImageFacts } from './archive.js';
import { formatReference, type ImageReference } from './reference.js';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface RegistryOptions {
  /** Registries reached over plain HTTP; loopback ones always are. */
  insecure?: readonly string[] | undefined;
  /** user:password for registries that ask (the platform passes them; never logged). */
  credentials?: ((registry: string) => { username: string; password: string } | undefined) | undefined;
  platform?: { os: string; architecture: string } | undefined;
  timeoutMs?: number | undefined;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;

/** A manifest or image config is kilobytes; a registry that serves more (or an endless stream) is cut off here. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/**
 * A response body, read no further than `limit` bytes: refused by its Content-Length before reading when that
 * says more, and cut off when the stream goes past it (a registry, or something posing as one, that never ends).
 */
async function boundedBody(response: Response, limit: number): Promise<Buffer | { tooLarge: true }> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return { tooLarge: true };
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}

/**
 * A client of the OCI distribution API (and Docker Hub's dialect of it): manifests and image configs, with
 * the Bearer token dance for registries that ask. Only metadata is fetched, never a layer.
 */
export class RegistryClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: RegistryOptions = {}) {}

  private base(registry: string): string {
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    const plain = LOOPBACK.test(host) || (this.options.insecure ?? []).includes(host);
    return `${plain ? 'http' : 'https'}://${host}/v2/`;
  }

  private async get(ref: ImageReference, path: string, accept: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    const url = `${this.base(ref.registry)}${ref.repository}/${path}`;
    const key = `${ref.registry}/${ref.repository}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = this.tokens.get(key);
      const response = await fetch(url, {
        method,
        headers: { accept, ...(token ? { authorization: token } : {}) },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      if (response.status !== 401 || attempt) return response;
      const challenge = response.headers.get('www-authenticate') ?? '';
      await response.body?.cancel();
      const auth = await this.authorize(ref, challenge);
      if (!auth) return response;
      this.tokens.set(key, auth);
    }
    throw new Error('unreachable');
  }

  /** The Authorization value a 401's challenge asks for: Basic with the credentials, or a Bearer token from the realm. */
  private async authorize(ref: ImageReference, challenge: string): Promise<string | undefined> {
    const credentials = this.options.credentials?.(ref.registry);
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
    if (/^basic/i.test(challenge)) return basic;
    if (!/^bearer/i.test(challenge)) return undefined;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    if (!params.realm) return undefined;
    const realm = new URL(params.realm);
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${ref.repository}:pull`);
    const response = await fetch(realm, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }

  private fail(ref: ImageReference, what: string): never {
    throw new InputError(what, { file: formatReference(ref) });
  }

  /** The digest a tag (or digest) points at now, from the manifest the registry serves for it. */
  async digestOf(ref: ImageReference): Promise<string> {
    return (await this.manifest(ref, ref.digest ?? ref.tag ?? 'latest')).digest;
  }

  private async manifest(ref: ImageReference, reference: string): Promise<{ digest: string; body: { mediaType?: string; manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[]; config?: { digest: string; size?: number } } }> {
    let response: Response;
    try {
      response = await this.get(ref, `manifests/${reference}`, ACCEPT);
    } catch (error) {
      this.fail(ref, `the registry could not be reached: ${(error as Error).message}`);
    }
    if (response.status === 404) this.fail(ref, `is not in the registry (${reference} not found)`);
    if (!response.ok) this.fail(ref, `the registry answered ${response.status} ${response.statusText} for ${reference}`);
    const data = await boundedBody(response, MAX_METADATA_BYTES);
    if (!Buffer.isBuffer(data)) this.fail(ref, `the registry served a manifest of more than ${MAX_METADATA_BYTES} bytes for ${reference}; not read`);
    const digest = response.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(data).digest('hex')}`;
    try {
      return { digest, body: JSON.parse(data.toString('utf8')) };
    } catch {
      this.fail(ref, 'the registry served a manifest that is not JSON');
    }
  }

  /** The image a reference names: its manifest (the platform's, from an index), config and layers. */
  async inspect(ref: ImageReference): Promise<ImageFacts> {
    const platform = this.options.platform ?? { os: 'linux', architecture: 'amd64' };
    let { digest, body } = await this.manifest(ref, ref.digest ?? ref.tag ?? 'latest');
    if (body.manifests) {
      const pick = body.manifests.find((m) => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture) ?? body.manifests[0];
      if (!pick) this.fail(ref, 'the registry served an index that lists no image');
      ({ digest, body } = await this.manifest(ref, pick.digest));
    }
    if (!body.config?.digest) this.fail(ref, 'the registry served a manifest without a config');
    const response = await this.get(ref, `blobs/${body.config.digest}`, 'application/vnd.oci.image.config.v1+json, application/vnd.docker.container.image.v1+json, */*');
    if (!response.ok) this.fail(ref, `the registry answered ${response.status} for the image config ${body.config.digest}`);
    // Bounded by the size the manifest declares for it (and by what metadata can be), like a blob on disk.
    const declared = body.config.size;
    const limit = Number.isSafeInteger(declared) && declared! >= 0 ? Math.min(declared!, MAX_METADATA_BYTES) : MAX_METADATA_BYTES;
    const data = await boundedBody(response, limit);
    if (!Buffer.isBuffer(data)) this.fail(ref, `the registry served an image config ${body.config.digest} of more than ${limit} bytes (${declared === limit ? 'the size its manifest declares' : 'more than an image config can be'}); not read`);
    if (declared !== undefined && data.length !== declared) this.fail(ref, `the registry served an image config ${body.config.digest} of ${data.length} bytes where its manifest says ${declared}`);
    let config: ImageConfig;
    try {
      config = JSON.parse(data.toString('utf8')) as ImageConfig;
    } catch {
      this.fail(ref, `the registry served an image config ${body.config.digest} that is not JSON`);
    }
    return factsOf(formatReference(ref), digest, body.config.digest, [formatReference({ ...ref, digest: undefined })], config);
  }
}
