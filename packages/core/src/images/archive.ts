import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { InputError, describeFsError } from '../errors.js';
import { openRegular, rootReader } from '../files/safe-read.js';

/** What Pipewarden knows of an image, from an archive, an OCI layout or a registry. */
export interface ImageFacts {
  /** Where it was read: a file, a folder or a registry reference. */
  source: string;
  /** The manifest's digest when known (OCI layout, registry), else the image id (its config's digest). */
  digest: string;
  configDigest: string;
  /** Tags the archive names (docker save) or the reference it was read by. */
  names: string[];
  created?: string | undefined;
  os?: string | undefined;
  architecture?: string | undefined;
  labels: Record<string, string>;
  /** The uncompressed layer digests (rootfs.diff_ids), base layers first: what drift is judged on. */
  layers: string[];
  /** The build steps, for what each added layer did. */
  history: { createdBy?: string | undefined; created?: string | undefined; emptyLayer: boolean }[];
}

/** An image's metadata (index, manifest, config) is kilobytes; past this it is not metadata, whatever a descriptor says. */
const MAX_JSON = 16 * 1024 * 1024;
const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** An image config (OCI image spec), the parts read here. */
export interface ImageConfig {
  created?: string;
  os?: string;
  architecture?: string;
  config?: { Labels?: Record<string, string> | null };
  rootfs?: { diff_ids?: string[] };
  history?: { created?: string; created_by?: string; empty_layer?: boolean }[];
}

export function factsOf(source: string, digest: string, configDigest: string, names: string[], config: ImageConfig): ImageFacts {
  const labels = Object.fromEntries(Object.entries(config.config?.Labels ?? {}).filter(([, v]) => typeof v === 'string'));
  return {
    source,
    digest,
    configDigest,
    names,
    created: config.created,
    os: config.os,
    architecture: config.architecture,
    labels,
    layers: (config.rootfs?.diff_ids ?? []).filter((d) => typeof d === 'string'),
    history: (config.history ?? []).map((h) => ({ createdBy: h.created_by, created: h.created, emptyLayer: h.empty_layer === true })),
  };
}

/** Entries of a tar file by name (ustar, GNU long names and pax paths), with where their data starts. */
async function tarEntries(file: string): Promise<Map<string, { offset: number; size: number }>> {
  // A regular file only: a FIFO or a device named as the archive is refused before it is opened.
  const { handle, size: total } = await openRegular(file);
  const entries = new Map<string, { offset: number; size: number }>();
  try {
    const header = Buffer.alloc(512);
    let offset = 0;
    let longName: string | undefined;
    while (offset + 512 <= total) {
      const { bytesRead } = await handle.read(header, 0, 512, offset);
      if (bytesRead < 512) throw new Error(`is truncated at byte ${offset}`);
      if (header.every((b) => b === 0)) break;
      const text = (from: number, length: number) => header.toString('utf8', from, from + length).replace(/\0.*$/s, '');
      const size = parseInt(text(124, 12).trim() || '0', 8);
      if (!Number.isFinite(size) || size < 0) throw new Error(`has a broken tar header at byte ${offset}`);
      const type = String.fromCharCode(header[156]!);
      const prefix = header.toString('utf8', 257, 263).startsWith('ustar') ? text(345, 155) : '';
      const data = offset + 512;
      if (data + size > total) throw new Error(`is truncated: an entry at byte ${offset} runs past the end`);
      if (type === 'L' || type === 'x') {
        const body = Buffer.alloc(Math.min(size, 65536));
        await handle.read(body, 0, body.length, data);
        if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
        else longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? longName;
      } else {
        const name = (longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100))).replace(/^\.\//, '');
        longName = undefined;
        if (type === '0' || type === '\0' || type === '7') entries.set(name, { offset: data, size });
      }
      offset = data + Math.ceil(size / 512) * 512;
    }
  } finally {
    await handle.close();
  }
  return entries;
}

/**
 * Reads what an archive or an OCI layout folder holds, by name, small JSON files only: never more than the size
 * its descriptor declares (when one does) nor than MAX_JSON, and a blob whose size is not the declared one is
 * refused. A name is looked up inside the archive or folder only.
 */
type Reader = (name: string, declared?: number) => Promise<Buffer | undefined>;

/** The most a part may be: what its descriptor says, never more than metadata can be. */
function limitOf(name: string, declared: number | undefined): number {
  if (declared === undefined) return MAX_JSON;
  if (!Number.isSafeInteger(declared) || declared < 0) throw new Error(`names ${name} with a size that is not a byte count (${JSON.stringify(declared)})`);
  if (declared > MAX_JSON) throw new Error(`names ${name} of ${declared} bytes, more than an image's metadata can be`);
  return declared;
}

function checkDeclared(name: string, data: Buffer, declared: number | undefined): Buffer {
  if (declared !== undefined && data.length !== declared) throw new Error(`holds ${name} of ${data.length} bytes where its descriptor says ${declared}`);
  return data;
}

async function tarReader(file: string): Promise<Reader> {
  const entries = await tarEntries(file);
  return async (name, declared) => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const limit = limitOf(name, declared);
    if (entry.size > limit) throw new Error(`holds ${name} of ${entry.size} bytes, ${declared === undefined ? "more than an image's metadata can be" : `where its descriptor says ${declared}`}`);
    const { handle } = await openRegular(file);
    try {
      const buffer = Buffer.alloc(entry.size);
      const { bytesRead } = await handle.read(buffer, 0, entry.size, entry.offset);
      if (bytesRead < entry.size) throw new Error(`is truncated: ${name} runs past the end`);
      return checkDeclared(name, buffer, declared);
    } finally {
      await handle.close();
    }
  };
}

function dirReader(dir: string): Reader {
  const reader = rootReader(dir);
  return async (name, declared) => {
    const limit = limitOf(name, declared);
    const read = await reader.read(name, { maxBytes: limit });
    if (!('refused' in read)) return checkDeclared(name, read.data, declared);
    switch (read.refused) {
      case 'missing':
        return undefined;
      case 'outside':
        throw new Error(`names ${name}, which leads outside the image layout; not read`);
      case 'not-regular':
        throw new Error(`holds ${name}, which is not a regular file (a FIFO, a device or a folder); not read`);
      case 'too-large':
        throw new Error(`holds ${name}, ${declared === undefined ? "larger than an image's metadata can be" : `larger than the ${declared} bytes its descriptor says`}; not read`);
    }
  };
}

function parseJson<T>(data: Buffer, what: string): T {
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch {
    throw new Error(`holds ${what} that is not valid JSON`);
  }
}

const blobPath = (digest: string) => {
  const [algorithm, hex] = digest.split(':');
  if (!algorithm || !hex || !/^[a-z0-9]+$/.test(algorithm) || !/^[a-f0-9]+$/.test(hex)) throw new Error(`names a blob with a malformed digest ${JSON.stringify(digest)}`);
  return `blobs/${algorithm}/${hex}`;
};

interface Descriptor {
  mediaType?: string;
  digest: string;
  /** The blob's exact size in bytes (OCI image spec): reads are bounded by it. */
  size?: number;
  annotations?: Record<string, string>;
  platform?: { os?: string; architecture?: string };
}

/** OCI layout (index.json + blobs/): the first image manifest, through nested indexes, for the wanted platform. */
async function readOci(read: Reader, source: string, platform: { os: string; architecture: string }): Promise<ImageFacts> {
  const index = parseJson<{ manifests?: Descriptor[] }>((await read('index.json'))!, 'index.json');
  let names: string[] = [];
  let candidates = index.manifests ?? [];
  for (let depth = 0; depth < 4; depth++) {
    const pick = candidates.find((d) => !d.platform || (d.platform.os === platform.os && d.platform.architecture === platform.architecture)) ?? candidates[0];
    if (!pick) throw new Error('has an index.json that lists no image');
    const name = pick.annotations?.['io.containerd.image.name'] ?? pick.annotations?.['org.opencontainers.image.ref.name'];
    if (name && !names.length) names = [name];
    const data = await read(blobPath(pick.digest), pick.size);
    if (!data) throw new Error(`lacks the blob ${pick.digest} that its index names`);
    const manifest = parseJson<{ mediaType?: string; manifests?: Descriptor[]; config?: Descriptor }>(data, `the manifest ${pick.digest}`);
    if (manifest.manifests) {
      candidates = manifest.manifests;
      continue;
    }
    if (!manifest.config?.digest) throw new Error(`has a manifest ${pick.digest} without a config`);
    const config = await read(blobPath(manifest.config.digest), manifest.config.size);
    if (!config) throw new Error(`lacks the config blob ${manifest.config.digest}`);
    return factsOf(source, pick.digest, manifest.config.digest, names, parseJson<ImageConfig>(config, 'the image config'));
  }
  throw new Error('nests indexes deeper than an image does');
}

/** `docker save` (legacy): manifest.json names the config and the tags. */
async function readDockerSave(read: Reader, source: string): Promise<ImageFacts> {
  const manifest = parseJson<{ Config?: string; RepoTags?: string[] | null }[]>((await read('manifest.json'))!, 'manifest.json');
  const first = Array.isArray(manifest) ? manifest[0] : undefined;
  if (!first?.Config) throw new Error('has a manifest.json that names no image config');
  const data = await read(first.Config);
  if (!data) throw new Error(`lacks ${first.Config}, the image config its manifest.json names`);
  const configDigest = sha256(data);
  return factsOf(source, configDigest, configDigest, first.RepoTags ?? [], parseJson<ImageConfig>(data, 'the image config'));
}

/**
 * The image in a `docker save` archive (legacy or OCI, as Docker 25+ writes), an OCI layout folder, or an
 * OCI layout archive: no daemon, no layer is read (their digests are in the config). Bad input is one
 * InputError naming the file.
 */
export async function readImageArchive(path: string, platform = { os: 'linux', architecture: 'amd64' }): Promise<ImageFacts> {
  try {
    const info = await stat(path);
    const read = info.isDirectory() ? dirReader(path) : await tarReader(path);
    if (await read('index.json')) return await readOci(read, path, platform);
    if (await read('manifest.json')) return await readDockerSave(read, path);
    throw new Error('is neither a docker save archive nor an OCI layout (no index.json or manifest.json)');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code ? describeFsError(error) : (error as Error).message, { file: path, cause: error });
  }
}
