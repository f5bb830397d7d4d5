import { ConfigError, type PipewardenConfig } from '@pipewarden/core';
import type { z } from 'zod';
import type { serveOptionsSchema } from './options.js';

export const SERVE_USAGE = `Usage: pipewarden serve --store URL [--host 127.0.0.1] [--port 8080] [--token-env NAME]

The read-only security dashboard over a shared store: open findings by priority across repositories, SLA
breaches, caught-before-production rate, introduced and fixed per week, time to fix, the riskiest
repositories; a page per repository and per finding, built images and their bases, waivers about to
expire. Every table sorts and filters through its address and downloads as CSV. Guide: docs/dashboard.md.

Options:
  --store URL        a SQLite file (path or sqlite:PATH) or a postgres:// URL, as metrics --store writes it
  --host HOST        the address to listen on (default 127.0.0.1: this machine only)
  --port N           the port (default 8080; 0 picks a free one)
  --token-env NAME   the environment variable holding the token every request must carry (as a bearer
                     token, or as the basic-auth password in a browser); required off loopback
  --config FILE      pipewarden.yml, for priorities.sla_days (default: ./pipewarden.yml when present)
  --today DATE       judge ages as of this day (YYYY-MM-DD; default today, UTC)
  --weeks N          the last N weeks in the weekly figures (default 52)
  --refresh SECONDS  how often, at most, the overview asks the store whether runs were added (default 60;
                     0: on every request); new figures are computed in the background meanwhile

The figures are those of \`pipewarden metrics --store URL --format json\` for the same store and options.
Stops on Ctrl-C or SIGTERM. Exit codes: 2 when it cannot start (bad options, no token off loopback, port in use).`;

type ServeCliOptions = z.output<typeof serveOptionsSchema>;

interface Io {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stderr: { write(text: string): unknown };
}

/** `pipewarden serve`: runs until the process is stopped. The dashboard's code loads only here. */
export async function runServe(options: ServeCliOptions, config: PipewardenConfig, io: Io): Promise<number> {
  const name = options['token-env'];
  const token = name ? io.env[name] : undefined;
  if (name && !token) throw new ConfigError(`--token-env ${name}: the environment variable ${name} is empty or unset`);
  const { startDashboard } = await import('@pipewarden/dashboard');
  const running = await startDashboard({
    store: options.store,
    cwd: io.cwd,
    host: options.host,
    port: options.port,
    token,
    tokenEnv: name,
    today: options.today,
    slaDays: config.priorities?.sla_days,
    weeks: options.weeks,
    refreshSeconds: options.refresh,
    log: (line) => io.stderr.write(`pipewarden: warning: ${line}\n`),
  });
  io.stderr.write(`pipewarden › dashboard on ${running.url}/ (read-only${token ? `, token from ${name}` : ', this machine only'}); Ctrl-C stops it\n`);
  // Serves until the process is signalled; the CLI's signal handlers end it.
  return new Promise<number>(() => undefined);
}
