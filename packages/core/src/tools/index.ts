export { TOOL_RELEASES, PIP_TOOLS, TOOL_OSES, TOOL_ARCHES, type ToolRelease, type ToolAsset, type PipTool, type ToolPlatform, type ToolOs, type ToolArch, type AssetKind } from './releases.js';
export {
  ToolInstallError,
  RELEASES_BASE_URL,
  INSTALL_MARKER,
  getToolRelease,
  getPipTool,
  pinnedToolFor,
  installHintOf,
  toolIds,
  toolPlatformOf,
  assetFor,
  assetUrl,
  toolDir,
  executableName,
  readInstallMarker,
  installedToolDirs,
  pipxDirs,
  withToolDirs,
  parseChecksums,
  type InstallMarker,
} from './resolve.js';
export { installTool, type InstallToolOptions, type InstalledTool, type ToolFetch } from './install.js';
export { entryPath, unpack } from './unpack.js';
export { proxiedFetch, bypassesProxy, type ProxySettings } from './proxied-fetch.js';
export { toolSettings, toolCacheDir, proxyOf, type ToolSettings, type ToolFlags } from './settings.js';
export { installWithPipx, pipxHint } from './pipx.js';
export { installMany, installForScan, toolDirsForScan, toolsNamed, toolsForScanners, type ToolChoice } from './install-many.js';
