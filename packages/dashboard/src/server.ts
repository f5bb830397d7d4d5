import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, InputError, PipewardenError, todayUtc, type MetricsOptions } from '@pipewarden/core';
import { openStore, shownUrl } from '@pipewarden/store';
import { isLoopback } from './access.js';
import { createApp } from './app.js';
import { DashboardData } from './data.js';

export interface DashboardOptions {
  /** SQLite path (or sqlite:PATH) or postgres:// URL. */
  store: string;
  cwd: string;
  host: string;
  port: number;
  /** The token every request must carry; required when host is not a loopback address. */
  token?: string | undefined;
  /** What the token's environment variable is called, for messages. */
  tokenEnv?: string | undefined;
  /** A fixed day to judge ages by (else today, UTC, at each request). */
  today?: string | undefined;
  slaDays?: MetricsOptions['slaDays'];
  weeks?: number | undefined;
  /** How often, at most, a request asks the store whether runs were added (default 60 s; 0: every request). */
  refreshSeconds?: number | undefined;
  log?: (line: string) => void;
}

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** The server could not listen (port taken, address not ours): one line, exit 2. */
export class ListenError extends PipewardenError {
  override readonly name = 'ListenError';
}

/**
 * Opens the store and serves the dashboard until closed. Off loopback it refuses to start without a token:
 * findings are a map of what to attack.
 */
export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const loopback = isLoopback(options.host);
  if (!loopback && !options.token) {
    throw new ConfigError(
      `--host ${options.host} is reachable from other machines: give --token-env NAME, the environment variable holding the token every request must carry${options.tokenEnv ? ` (${options.tokenEnv} is empty or unset)` : ''}`,
    );
  }
  // A SQLite path with a typo would otherwise be created empty and served as a store with no runs.
  if (!/^postgres(ql)?:\/\//i.test(options.store)) {
    const path = resolve(options.cwd, options.store.replace(/^sqlite:(\/\/(?=\/))?/i, ''));
    if (!existsSync(path)) throw new InputError('no store here: pipewarden metrics --store makes one when it adds the first runs', { file: shownUrl(options.store) });
  }
  const store = await openStore(options.store, options.cwd);
  const data = new DashboardData(store, { url: options.store, cwd: options.cwd }, { today: options.today ? () => options.today! : () => todayUtc(), slaDays: options.slaDays, weeks: options.weeks, refreshMs: (options.refreshSeconds ?? 60) * 1000, log: options.log });
  const app = createApp({ data, storeShown: shownUrl(options.store), token: options.token, loopbackOnly: loopback && !options.token, log: options.log });
  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ListenError(code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is in use` : `cannot listen on ${options.host}:${options.port}: ${code ?? message}`, { cause: error });
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // Computed now: the first visitor should not wait for a year of runs to be read.
  data.overview().catch((error: unknown) => options.log?.(`the store could not be read: ${(error as Error).message.split('\n')[0]}`));
  return {
    url: `http://${shownHost}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await store.close().catch(() => undefined);
    },
  };
}
