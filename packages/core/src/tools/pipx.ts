import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecRequest, ExecResult } from '../ports/types.js';
import type { PipTool } from './releases.js';
import { ToolInstallError, pipxDirs } from './resolve.js';
import type { ToolSettings } from './settings.js';

/** The version pipx recorded for a package installed in the cache's pipx home, if any. */
function installedVersion(home: string, tool: PipTool): string | undefined {
  try {
    const metadata = JSON.parse(readFileSync(join(home, 'venvs', tool.package, 'pipx_metadata.json'), 'utf8')) as { main_package?: { package_version?: string } };
    return metadata.main_package?.package_version;
  } catch {
    return undefined;
  }
}

export const pipxHint = (tool: PipTool) =>
  `${tool.id}: pipx is not installed; install pipx (https://pipx.pypa.io) and run this again, or install it yourself: pipx install ${tool.package}==${tool.version}`;

/**
 * `pipx install <package>==<version>` with pipx's home and bin folder inside the tool cache, so that the
 * platform's cache keeps Python tools with the others and the scan finds them first.
 */
export async function installWithPipx(tool: PipTool, settings: ToolSettings, exec: (request: ExecRequest) => Promise<ExecResult>): Promise<{ status: 'installed' | 'cached'; dir: string }> {
  const { home, bin } = pipxDirs(settings.cacheDir);
  const executable = join(bin, settings.platform?.startsWith('windows/') ? `${tool.id}.exe` : tool.id);
  if (installedVersion(home, tool) === tool.version && existsSync(executable)) return { status: 'cached', dir: bin };
  const env = { ...settings.env, PIPX_HOME: home, PIPX_BIN_DIR: bin, PIPX_MAN_DIR: join(home, 'man') };
  const run = await exec({ command: 'pipx', args: ['install', '--force', `${tool.package}==${tool.version}`], cwd: settings.cwd, env, timeoutMs: 20 * 60_000 });
  if (run.notFound) throw new ToolInstallError(pipxHint(tool));
  if (run.exitCode !== 0) {
    const last = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim()).filter(Boolean).pop() ?? `exit ${run.exitCode ?? 'signal'}`;
    throw new ToolInstallError(`pipx install ${tool.package}==${tool.version} failed: ${last}`);
  }
  return { status: 'installed', dir: bin };
}
