import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

export const LOGIN_APP = join(repoRoot, 'examples', 'login-app');

interface LoginApp {
  server: Server;
  /** Requests by path, as the app's access log would count them. */
  counts: Record<string, number>;
}

/** The login demo (examples/login-app) in this process on 127.0.0.1, so a test can read what was requested. */
export async function startLoginApp(options: { password: string; slowMs?: number; fixed?: boolean }): Promise<LoginApp & { url: string; stop: () => Promise<void> }> {
  const { createApp } = createRequire(import.meta.url)(join(LOGIN_APP, 'app.js')) as { createApp: (o: typeof options) => Promise<LoginApp> };
  const app = await createApp(options);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/`;
  const stop = () => new Promise<void>((resolve) => {
    app.server.closeAllConnections();
    app.server.close(() => resolve());
  });
  return { ...app, url, stop };
}
