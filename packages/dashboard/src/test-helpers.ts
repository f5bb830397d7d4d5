import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../test-support/shared.js';

export const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
/** The day the seeded store's figures are judged on: fixed, so the figures and screenshots do not move. */
export const TODAY = '2026-11-30';
export const HOSTILE_REPO = 'org-1/service-1';

export function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
}

/** 3 repositories × 90 days of runs through the store's own API (one with a hostile finding), and a real scan's line. */
export async function seedStore(url: string, cwd: string): Promise<void> {
  const { openStore } = await import('@pipewarden/store');
  // @ts-expect-error: a plain ES module of the benchmark's, shared with the tests
  const { storeLines } = (await import('../../../bench/dashboard-data.mjs')) as { storeLines: (o: object) => Iterable<unknown[]> };
  const store = await openStore(url, cwd);
  try {
    for (const lines of storeLines({ repos: 3, days: 90, end: '2026-11-29', hostileRepo: HOSTILE_REPO })) await store.add(lines as never);
  } finally {
    await store.close();
  }
}

export interface Served {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

/** `pipewarden serve` as a user starts it; resolves with its address once it listens, rejects with its stderr if it exits. */
export function serve(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /dashboard on (http:\/\/\S+?)\/? /.exec(err);
      if (match)
        resolve({
          url: match[1]!,
          child,
          stderr: () => err,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(Object.assign(new Error(`serve exited ${code}: ${err}`), { code, stderr: err })));
  });
}

/** The PostgreSQL URL of the tests (see .ci/run), pointed at a schema of this test's own so parallel tests do not meet. */
export async function postgresSchema(base: string, schema: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await run(`CREATE SCHEMA ${schema}`);
  return { url: `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}
