import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { readRegularText } from '../files/safe-read.js';
import { toolsSchema, type PipewardenConfig } from '../policy/config-schema.js';
import type { ToolFetch } from './install.js';
import { proxiedFetch } from './proxied-fetch.js';
import type { ToolPlatform } from './releases.js';
import { parseChecksums } from './resolve.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where and how tools are installed, from the flags, the environment and pipewarden.yml (in that order). */
export interface ToolSettings {
  cacheDir: string;
  mirror: string | undefined;
  /** Checksums that replace the pinned ones, by asset name. */
  checksums: ReadonlyMap<string, string>;
  platform: ToolPlatform | undefined;
  fetch: ToolFetch;
  /** The environment for the commands it runs (pipx); platforms pass theirs in. */
  env: Env;
  cwd: string;
}

export interface ToolFlags {
  'cache-dir'?: string | undefined;
  mirror?: string | undefined;
  checksums?: string | undefined;
}

/**
 * The tool cache: PIPEWARDEN_TOOLS_DIR, else the runner's tool cache on GitHub (RUNNER_TOOL_CACHE/pipewarden/tools),
 * else tools/ in Pipewarden's cache ($PIPEWARDEN_CACHE_DIR, $XDG_CACHE_HOME/pipewarden or ~/.cache/pipewarden).
 */
export function toolCacheDir(env: Env, cwd: string): string {
  if (env.PIPEWARDEN_TOOLS_DIR) return resolve(cwd, env.PIPEWARDEN_TOOLS_DIR);
  if (env.RUNNER_TOOL_CACHE) return join(env.RUNNER_TOOL_CACHE, 'pipewarden', 'tools');
  const base = env.PIPEWARDEN_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(env.HOME ?? env.USERPROFILE ?? cwd, '.cache'), 'pipewarden');
  return join(resolve(cwd, base), 'tools');
}

/** Proxy variables as curl reads them: lower case first. */
export const proxyOf = (env: Env) => ({
  httpsProxy: env.https_proxy ?? env.HTTPS_PROXY,
  httpProxy: env.http_proxy ?? env.HTTP_PROXY,
  noProxy: env.no_proxy ?? env.NO_PROXY,
});

/** The platform passes its environment, working directory and machine (ToolPlatform of process.platform/arch) in. */
export async function toolSettings(flags: ToolFlags, config: PipewardenConfig, io: { env: Env; cwd: string; platform: ToolPlatform | undefined }): Promise<ToolSettings> {
  // The environment's mirror is user input like the flag's: checked by the same schema, every problem at once.
  const given = { mirror: flags.mirror ?? io.env.PIPEWARDEN_TOOLS_MIRROR ?? config.tools?.mirror, checksums: flags.checksums ?? config.tools?.checksums };
  const parsed = toolsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path[0] === 'mirror' ? (flags.mirror ? '--mirror' : io.env.PIPEWARDEN_TOOLS_MIRROR ? 'PIPEWARDEN_TOOLS_MIRROR' : 'tools.mirror') : '--checksums'}: ${issue.message}`);
    throw new ConfigError(problems.join('; '), { problems });
  }
  let checksums: ReadonlyMap<string, string> = new Map();
  if (parsed.data.checksums) {
    const file = resolve(io.cwd, parsed.data.checksums);
    checksums = parseChecksums(await readRegularText(file, { maxBytes: 1024 * 1024 }), parsed.data.checksums);
  }
  return {
    cacheDir: flags['cache-dir'] ? resolve(io.cwd, flags['cache-dir']) : toolCacheDir(io.env, io.cwd),
    mirror: parsed.data.mirror,
    checksums,
    platform: io.platform,
    fetch: proxiedFetch(proxyOf(io.env)),
    env: io.env,
    cwd: io.cwd,
  };
}
