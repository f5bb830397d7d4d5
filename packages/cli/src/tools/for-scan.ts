import { installForScan, installedToolDirs, nodeExec, toolCacheDir, toolPlatformOf, toolSettings, type PipewardenConfig, type Stage } from '@pipewarden/core';

/**
 * The tool folders a scan puts before PATH: every pinned tool already in the cache. With --install-tools the
 * tools of the scanners this run will use are installed first (verified; an error stops the scan with exit 2).
 */
export async function toolDirsForScan(
  run: { install: boolean; scanners: readonly string[] | undefined; stage: Stage; config: PipewardenConfig },
  io: { env: Readonly<Record<string, string | undefined>>; cwd: string },
  say: (level: 'info' | 'warn', line: string) => void,
): Promise<string[]> {
  const platform = toolPlatformOf(process.platform, process.arch);
  if (!run.install) return installedToolDirs(toolCacheDir(io.env, io.cwd), platform);
  const settings = await toolSettings({}, run.config, { ...io, platform });
  const { hints } = await installForScan(run, settings, { exec: nodeExec, say: (line) => say('info', line) });
  for (const hint of hints) say('warn', hint);
  return installedToolDirs(settings.cacheDir, settings.platform);
}
