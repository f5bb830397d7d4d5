import { existsSync, readFileSync } from 'node:fs';
import { delimiter as pathDelimiter, join } from 'node:path';
import { PipewardenError } from '../errors.js';
import { PIP_TOOLS, TOOL_RELEASES, type PipTool, type ToolAsset, type ToolPlatform, type ToolRelease } from './releases.js';

/** A tool could not be installed: no build for this machine, a download that failed, a checksum that differs. */
export class ToolInstallError extends PipewardenError {
  override readonly name = 'ToolInstallError';
}

/** Where the official releases live; a mirror keeps the same layout below its own base URL. */
export const RELEASES_BASE_URL = 'https://github.com';

/** The file beside an installed tool that says what was installed, from which bytes. */
export const INSTALL_MARKER = '.pipewarden-tool.json';

export interface InstallMarker {
  id: string;
  version: string;
  asset: string;
  sha256: string;
  url: string;
}

export const getToolRelease = (id: string): ToolRelease | undefined => TOOL_RELEASES.find((tool) => tool.id === id);
export const getPipTool = (id: string): PipTool | undefined => PIP_TOOLS.find((tool) => tool.id === id);
export const toolIds = (): string[] => [...TOOL_RELEASES.map((tool) => tool.id), ...PIP_TOOLS.map((tool) => tool.id)];

/** The tool Pipewarden can install for a scanner (trivy-image: Trivy), if any. */
export function pinnedToolFor(scannerId: string): ToolRelease | PipTool | undefined {
  return TOOL_RELEASES.find((tool) => tool.scanners.includes(scannerId)) ?? PIP_TOOLS.find((tool) => tool.scanners.includes(scannerId));
}

/** How to install a scanner: its own hint, and for a pinned tool the option every platform has for it. */
export function installHintOf(scanner: { id: string; installHint: string }): string {
  const tool = pinnedToolFor(scanner.id);
  return tool ? `${scanner.installHint}, or turn on install-tools for Pipewarden's verified ${tool.title} ${tool.version} (docs/tools.md)` : scanner.installHint;
}

/** Node's process.platform / process.arch in the table's terms; undefined where no tool is published. */
export function toolPlatformOf(platform: string, arch: string): ToolPlatform | undefined {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'windows' : undefined;
  const cpu = arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined;
  return os && cpu ? `${os}/${cpu}` : undefined;
}

/** The release asset for a platform, or a one-line reason naming the platforms there are. */
export function assetFor(tool: ToolRelease, platform: ToolPlatform | undefined): ToolAsset {
  const asset = platform && tool.assets[platform];
  if (asset) return asset;
  const there = Object.keys(tool.assets).join(', ');
  throw new ToolInstallError(`${tool.id} ${tool.version} has no verified build for ${platform ?? 'this machine'} (there are: ${there}); install it yourself and put it on PATH`);
}

/** The asset's URL: the official release, or the same path below a mirror's base URL. */
export function assetUrl(tool: ToolRelease, asset: ToolAsset, mirror?: string): string {
  const base = (mirror ?? RELEASES_BASE_URL).replace(/\/+$/, '');
  return `${base}/${tool.repo}/releases/download/${encodeURIComponent(tool.tag)}/${encodeURIComponent(asset.name)}`;
}

/** `<cache>/<id>/<version>`: one folder per pinned version, so a bump installs beside the old one. */
export const toolDir = (cacheDir: string, tool: ToolRelease): string => join(cacheDir, tool.id, tool.version);

export const executableName = (tool: ToolRelease, platform: ToolPlatform): string => (platform.startsWith('windows/') ? `${tool.binary}.exe` : tool.binary);

/** The installed tool's marker, when it is complete (the marker is written last, inside the folder renamed into place). */
export function readInstallMarker(dir: string): InstallMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, INSTALL_MARKER), 'utf8')) as Partial<InstallMarker>;
    return typeof marker.sha256 === 'string' && typeof marker.asset === 'string' ? (marker as InstallMarker) : undefined;
  } catch {
    return undefined;
  }
}

/** The pipx folders inside the tool cache: Python tools are installed there, so the platform's cache keeps them too. */
export const pipxDirs = (cacheDir: string) => ({ home: join(cacheDir, 'pipx', 'home'), bin: join(cacheDir, 'pipx', 'bin') });

/** Folders of the tools installed in the cache for this platform (pinned versions only), in table order. */
export function installedToolDirs(cacheDir: string, platform: ToolPlatform | undefined): string[] {
  const dirs: string[] = [];
  if (platform) {
    for (const tool of TOOL_RELEASES) {
      const dir = toolDir(cacheDir, tool);
      if (readInstallMarker(dir) && existsSync(join(dir, executableName(tool, platform)))) dirs.push(dir);
    }
  }
  const pipx = pipxDirs(cacheDir).bin;
  if (existsSync(pipx)) dirs.push(pipx);
  return dirs;
}

/**
 * The environment with the tool folders first on PATH: the scanners find the installed, verified tools before
 * any other copy. Windows spells the variable Path; the existing spelling is kept.
 */
export function withToolDirs(env: Readonly<Record<string, string | undefined>>, dirs: readonly string[], delimiter: string = pathDelimiter): Record<string, string | undefined> {
  if (!dirs.length) return { ...env };
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  const current = env[key];
  return { ...env, [key]: [...dirs, ...(current ? [current] : [])].join(delimiter) };
}

/**
 * A checksums file as the projects publish them (`sha256sum` output: `<64 hex>  <file name>`, `*` before the
 * name in binary mode). Every bad line is reported at once, with its number.
 */
export function parseChecksums(text: string, file: string): Map<string, string> {
  const sums = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line.trim());
    if (!match) problems.push(`line ${index + 1}: expected "<sha256>  <file name>"`);
    else sums.set(match[2]!.replace(/^.*\//, ''), match[1]!.toLowerCase());
  });
  if (problems.length) throw new ToolInstallError(problems.join('; '), { file });
  return sums;
}
