import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ToolPlatform, ToolRelease } from './releases.js';
import { INSTALL_MARKER, ToolInstallError, assetFor, assetUrl, executableName, readInstallMarker, toolDir, type InstallMarker } from './resolve.js';
import { unpack } from './unpack.js';

/** The HTTP side, supplied by the platform (proxy, CAs): the core only asks for a URL's bytes. */
export type ToolFetch = (url: string) => Promise<{ status: number; body: AsyncIterable<Uint8Array> | null }>;

export interface InstallToolOptions {
  tool: ToolRelease;
  platform: ToolPlatform | undefined;
  /** The tool cache's root: the tool goes to `<cacheDir>/<id>/<version>`. */
  cacheDir: string;
  /** A base URL with the releases' layout below it (air-gapped runners); default https://github.com. */
  mirror?: string | undefined;
  /** The checksum to verify instead of the table's (a checksums file the user gave). */
  sha256?: string | undefined;
  fetch: ToolFetch;
}

export interface InstalledTool {
  id: string;
  version: string;
  dir: string;
  executable: string;
  /** cached: it was already there, nothing was downloaded. */
  status: 'installed' | 'cached';
  url: string;
  bytes: number;
}

/** No tool we pin is larger; a server that keeps sending is cut off. */
const MAX_DOWNLOAD_BYTES = 1024 ** 3;

const hidden = (prefix: string) => `.${prefix}-${randomBytes(6).toString('hex')}`;

/** Streams the URL into file, hashing the bytes as they arrive; returns the SHA-256 and the size. */
async function download(fetch: ToolFetch, url: string, file: string): Promise<{ sha256: string; bytes: number }> {
  let response: Awaited<ReturnType<ToolFetch>>;
  try {
    response = await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ToolInstallError(`could not download: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { file: url, cause: error });
  }
  if (response.status !== 200 || !response.body) throw new ToolInstallError(`could not download: HTTP ${response.status}`, { file: url });
  const hash = createHash('sha256');
  let bytes = 0;
  const source = response.body;
  const counted = async function* () {
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > MAX_DOWNLOAD_BYTES) throw new ToolInstallError(`larger than ${MAX_DOWNLOAD_BYTES / 1024 ** 3} GiB: refused`, { file: url });
      hash.update(chunk);
      yield chunk;
    }
  };
  try {
    await pipeline(counted, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if (error instanceof ToolInstallError) throw error;
    throw new ToolInstallError(`download interrupted: ${(error as Error).message}`, { file: url, cause: error });
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Installs one pinned tool into the cache, unless the same verified build is there already. The bytes are
 * downloaded into a hidden file beside the tool's folders and their SHA-256 checked before anything is
 * unpacked or run; the unpacked folder is renamed into place last, so the cache holds a complete tool or none.
 */
export async function installTool(options: InstallToolOptions): Promise<InstalledTool> {
  const { tool, platform } = options;
  const asset = assetFor(tool, platform);
  const expected = (options.sha256 ?? asset.sha256).toLowerCase();
  const url = assetUrl(tool, asset, options.mirror);
  const dir = toolDir(options.cacheDir, tool);
  const executable = join(dir, executableName(tool, platform!));
  const result = { id: tool.id, version: tool.version, dir, executable, url };
  if (readInstallMarker(dir)?.sha256 === expected && existsSync(executable)) return { ...result, status: 'cached', bytes: 0 };

  const parent = join(options.cacheDir, tool.id);
  const createdParent = !existsSync(parent);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, hidden('download'));
  const staging = join(parent, hidden('unpack'));
  try {
    const got = await download(options.fetch, url, temp);
    if (got.sha256 !== expected) throw new ToolInstallError(`checksum mismatch for ${asset.name}: expected sha256 ${expected}, got ${got.sha256}; nothing was installed`, { file: url });
    if (asset.kind === 'binary') {
      await mkdir(staging);
      await rename(temp, join(staging, executableName(tool, platform!)));
    } else await unpack(asset.kind, temp, staging, url);
    const inStaging = join(staging, executableName(tool, platform!));
    if (!existsSync(inStaging)) throw new ToolInstallError(`${asset.name} has no ${executableName(tool, platform!)} at its top: nothing was installed`, { file: url });
    if (!platform!.startsWith('windows/')) await chmod(inStaging, 0o755);
    const marker: InstallMarker = { id: tool.id, version: tool.version, asset: asset.name, sha256: expected, url };
    await writeFile(join(staging, INSTALL_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    // Another job sharing the cache may have finished the same install meanwhile: its copy stays (it may be running).
    const done = () => readInstallMarker(dir)?.sha256 === expected && existsSync(executable);
    if (done()) return { ...result, status: 'installed', bytes: got.bytes };
    // A folder of the same version without a matching marker is an older or incomplete install: replaced.
    await rm(dir, { recursive: true, force: true });
    try {
      await rename(staging, dir);
    } catch (error) {
      if (!done()) throw error;
    }
    return { ...result, status: 'installed', bytes: got.bytes };
  } finally {
    await rm(temp, { force: true });
    await rm(staging, { recursive: true, force: true });
    // Nothing of a failed first install stays in the cache, not even the tool's empty folder.
    if (createdParent) await rmdir(parent).catch(() => undefined);
  }
}
