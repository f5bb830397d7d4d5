import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigError,
  PIP_TOOLS,
  TOOL_RELEASES,
  executableName,
  installMany,
  nodeExec,
  pipxDirs,
  readInstallMarker,
  toolDir,
  toolPlatformOf,
  toolSettings,
  toolsNamed,
  type PipewardenConfig,
  type ToolFlags,
} from '@pipewarden/core';

export const TOOLS_USAGE = `Usage: pipewarden tools install [ID...] [options]
       pipewarden tools list [options]

install  downloads the pinned build of each tool (default: ${TOOL_RELEASES.map((t) => t.id).join(', ')}) for this
         OS and architecture into the tool cache, verifies its SHA-256 before unpacking or running anything,
         and skips tools already installed. Python tools (${PIP_TOOLS.map((t) => t.id).join(', ')}) are installed
         with pipx when it is there. A scanner id names its tool (trivy-image is trivy).
list     the pinned tools, their versions, and whether each is installed for this machine.

Options:
  --cache-dir DIR     the tool cache (default: PIPEWARDEN_TOOLS_DIR, on GitHub RUNNER_TOOL_CACHE/pipewarden/tools,
                      else ~/.cache/pipewarden/tools)
  --mirror URL        base URL of a mirror with the releases' layout (<URL>/<owner>/<repo>/releases/download/
                      <tag>/<asset>); also PIPEWARDEN_TOOLS_MIRROR or tools.mirror in pipewarden.yml
  --checksums FILE    "<sha256>  <asset>" lines that replace the pinned checksums (builds you verified yourself);
                      also tools.checksums in pipewarden.yml
  --config FILE       pipewarden.yml (default: ./pipewarden.yml if present)

Downloads honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY, and trust the CAs of NODE_EXTRA_CA_CERTS.
\`pipewarden scan\` runs the tools of the cache before any on PATH. Exit codes: 0 done, 2 an error (a checksum
that differs leaves nothing in the cache).`;

type Io = { env: Readonly<Record<string, string | undefined>>; cwd: string; stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } };

export async function runTools(sub: string | undefined, ids: readonly string[], flags: ToolFlags, config: PipewardenConfig, io: Io): Promise<number> {
  const settings = await toolSettings(flags, config, { env: io.env, cwd: io.cwd, platform: toolPlatformOf(process.platform, process.arch) });
  if (sub === 'list') {
    if (ids.length) throw new ConfigError('tools list takes no tool ids');
    for (const tool of TOOL_RELEASES) {
      const dir = toolDir(settings.cacheDir, tool);
      const built = settings.platform && tool.assets[settings.platform];
      const state = !built ? `no verified build for ${settings.platform ?? 'this machine'}` : readInstallMarker(dir) && existsSync(join(dir, executableName(tool, settings.platform!))) ? `installed in ${dir}` : 'not installed';
      io.stdout.write(`${tool.id.padEnd(13)}${tool.version.padEnd(10)}${state}\n`);
    }
    for (const tool of PIP_TOOLS) {
      const bin = join(pipxDirs(settings.cacheDir).bin, tool.id);
      io.stdout.write(`${tool.id.padEnd(13)}${tool.version.padEnd(10)}${existsSync(bin) || existsSync(`${bin}.exe`) ? `installed with pipx in ${pipxDirs(settings.cacheDir).bin}` : 'not installed (pipx)'}\n`);
    }
    return 0;
  }
  if (sub !== 'install') throw new ConfigError(`unknown tools command "${sub ?? ''}" (tools install [ID...], tools list)`);
  const choices = toolsNamed(ids.length ? ids : TOOL_RELEASES.map((tool) => tool.id));
  await installMany(choices, settings, { pipxRequired: true, exec: nodeExec, say: (line) => io.stderr.write(`pipewarden › ${line}\n`) });
  return 0;
}
