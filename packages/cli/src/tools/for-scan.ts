import { defaultRegistry, installedToolDirs, resolveScanners, toolPlatformOf, type PipewardenConfig, type Stage } from '@pipewarden/core';
import { installMany, toolsForScanners } from './install-many.js';
import { toolCacheDir, toolSettings, type ToolFlags } from './settings.js';

interface ScanTools {
  install: boolean;
  scanners: readonly string[] | undefined;
  stage: Stage;
  config: PipewardenConfig;
  flags?: ToolFlags;
}

/**
 * The tool folders a scan puts before PATH: every pinned tool already in the cache. With --install-tools the
 * tools of the scanners this run will use are installed first (verified; an error stops the scan with exit 2).
 */
export async function toolDirsForScan(options: ScanTools, io: { env: Readonly<Record<string, string | undefined>>; cwd: string }, say: (level: 'info' | 'warn', line: string) => void): Promise<string[]> {
  if (!options.install) return installedToolDirs(toolCacheDir(io.env, io.cwd), toolPlatformOf(process.platform, process.arch));
  const settings = await toolSettings(options.flags ?? {}, options.config, io);
  const { scanners } = resolveScanners(options.scanners, options.stage, options.config, defaultRegistry);
  const { hints } = await installMany(toolsForScanners(scanners.map((scanner) => scanner.id)), settings, false, (line) => say('info', line));
  for (const hint of hints) say('warn', hint);
  return installedToolDirs(settings.cacheDir, settings.platform);
}
