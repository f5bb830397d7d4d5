import { ConfigError } from '../errors.js';
import type { ExecRequest, ExecResult } from '../ports/types.js';
import { installTool } from './install.js';
import { installWithPipx, pipxHint } from './pipx.js';
import { PIP_TOOLS, TOOL_RELEASES, type PipTool, type ToolPlatform, type ToolRelease } from './releases.js';
import { assetFor, getPipTool, getToolRelease, installedToolDirs, toolIds } from './resolve.js';
import { toolCacheDir, toolSettings, type ToolSettings } from './settings.js';
import type { Stage } from '../model/stage.js';
import { resolveScanners } from '../pipeline/prepare.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { defaultRegistry, type ScannerRegistry } from '../scanners/registry.js';

export type ToolChoice = { kind: 'release'; tool: ToolRelease } | { kind: 'pip'; tool: PipTool };

/** A tool by its id or by the id of a scanner it serves (trivy-image is Trivy). */
export function toolsNamed(ids: readonly string[]): ToolChoice[] {
  const unknown: string[] = [];
  const chosen = new Map<string, ToolChoice>();
  for (const id of ids) {
    const release = getToolRelease(id) ?? TOOL_RELEASES.find((tool) => tool.scanners.includes(id));
    const pip = getPipTool(id) ?? PIP_TOOLS.find((tool) => tool.scanners.includes(id));
    if (release) chosen.set(release.id, { kind: 'release', tool: release });
    else if (pip) chosen.set(pip.id, { kind: 'pip', tool: pip });
    else unknown.push(id);
  }
  if (unknown.length) throw new ConfigError(`unknown tool${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')} (tools: ${toolIds().join(', ')})`);
  return [...chosen.values()];
}

/** The tools that serve these scanners (for scan --install-tools): the stage's external tools only. */
export function toolsForScanners(scannerIds: readonly string[]): ToolChoice[] {
  const ids = new Set(scannerIds);
  return [
    ...TOOL_RELEASES.filter((tool) => tool.scanners.some((id) => ids.has(id))).map((tool) => ({ kind: 'release' as const, tool })),
    ...PIP_TOOLS.filter((tool) => tool.scanners.some((id) => ids.has(id))).map((tool) => ({ kind: 'pip' as const, tool })),
  ];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Installs each tool in turn. A download, checksum or archive problem throws (the caller exits 2); a Python
 * tool without pipx is a hint (returned), thrown only when `pipxRequired` (the user named it).
 */
export async function installMany(
  choices: readonly ToolChoice[],
  settings: ToolSettings,
  options: { pipxRequired: boolean; exec: (request: ExecRequest) => Promise<ExecResult>; say: (line: string) => void },
): Promise<{ hints: string[] }> {
  const { say } = options;
  const report = { hints: [] as string[] };
  for (const choice of choices) {
    if (choice.kind === 'release') {
      const { tool } = choice;
      const asset = assetFor(tool, settings.platform);
      const done = await installTool({ tool, platform: settings.platform, cacheDir: settings.cacheDir, mirror: settings.mirror, sha256: settings.checksums.get(asset.name), fetch: settings.fetch });
      say(done.status === 'cached' ? `${tool.id} ${tool.version}: already installed in ${done.dir}` : `${tool.id} ${tool.version}: installed in ${done.dir} (${mb(done.bytes)}, sha256 verified)`);
      continue;
    }
    const { tool } = choice;
    try {
      const done = await installWithPipx(tool, settings, options.exec);
      say(done.status === 'cached' ? `${tool.id} ${tool.version}: already installed in ${done.dir}` : `${tool.id} ${tool.version}: installed with pipx in ${done.dir}`);
    } catch (error) {
      if (options.pipxRequired || !(error instanceof Error) || error.message !== pipxHint(tool)) throw error;
      report.hints.push(pipxHint(tool));
    }
  }
  return report;
}

/**
 * scan's --install-tools: the tools of the scanners this run will use (the named ones, else the stage's),
 * installed before it starts. Python tools without pipx are hints: the scan then reports them not installed.
 */
export async function installForScan(
  run: { scanners: readonly string[] | undefined; stage: Stage; config: PipewardenConfig; registry?: ScannerRegistry },
  settings: ToolSettings,
  options: { exec: (request: ExecRequest) => Promise<ExecResult>; say: (line: string) => void },
): Promise<{ hints: string[] }> {
  const { scanners } = resolveScanners(run.scanners, run.stage, run.config, run.registry ?? defaultRegistry);
  return installMany(toolsForScanners(scanners.map((scanner) => scanner.id)), settings, { ...options, pipxRequired: false });
}

/**
 * The tool folders a scan puts before PATH: every pinned tool already in the cache. With `install` the tools
 * of the scanners the run will use are installed first (verified: a download or checksum problem throws).
 */
export async function toolDirsForScan(
  run: { install: boolean; scanners: readonly string[] | undefined; stage: Stage; config: PipewardenConfig },
  host: { env: Readonly<Record<string, string | undefined>>; cwd: string; platform: ToolPlatform | undefined; exec: (request: ExecRequest) => Promise<ExecResult> },
  say: (level: 'info' | 'warn', line: string) => void,
): Promise<string[]> {
  if (!run.install) return installedToolDirs(toolCacheDir(host.env, host.cwd), host.platform);
  const settings = await toolSettings({}, run.config, host);
  const { hints } = await installForScan(run, settings, { exec: host.exec, say: (line) => say('info', line) });
  for (const hint of hints) say('warn', hint);
  return installedToolDirs(settings.cacheDir, settings.platform);
}
