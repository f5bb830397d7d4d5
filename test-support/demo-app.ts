import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

export const DEMO = join(repoRoot, 'examples', 'vulnerable-app');

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The demo app on 127.0.0.1, ready to answer; `fixed` serves its fixed variant (DEMO_FIXED=1). */
export async function startDemo(fixed = false): Promise<{ app: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const app = spawn(process.execPath, ['server.js'], { cwd: DEMO, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_FIXED: fixed ? '1' : '0' }, stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (await fetch(url).then(() => true, () => false)) return { app, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  app.kill();
  throw new Error('the demo app did not start');
}
