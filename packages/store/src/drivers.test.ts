import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared.js';
import { loadDriver } from './drivers.js';

const DIST = pathToFileURL(join(repoRoot, 'packages', 'store', 'dist', 'index.js')).href;

/**
 * loadDriver from the built store, in a Node process of its own whose import of `name` is made from a folder with no
 * node_modules above it: what a CLI installed without the driver sees. Prints the error's one line, or "loaded".
 */
async function loadOutsideTheWorkspace(driver: string, name: string, file: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-driver-'));
  const script = `import { loadDriver, MissingDriverError } from ${JSON.stringify(DIST)};
try { await loadDriver(${JSON.stringify(driver)}, ${JSON.stringify(file)}, () => import(${JSON.stringify(name)})); console.log('loaded'); }
catch (error) { console.log(error instanceof MissingDriverError ? error.toLine() : 'other: ' + error.code); }`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' }).trim();
}

describe('database drivers, loaded on first use', () => {
  it('a missing driver is one line naming the package to add', async () => {
    expect(await loadOutsideTheWorkspace('better-sqlite3', 'better-sqlite3', 'sqlite:metrics.db')).toBe(
      'sqlite:metrics.db: the SQLite store needs the better-sqlite3 package, which Pipewarden does not install: add it beside @pipewarden/cli (npm install better-sqlite3@12.9.0)',
    );
    expect(await loadOutsideTheWorkspace('pg', 'pg', 'postgres://x@db/p')).toMatch(/^postgres:\/\/x@db\/p: a PostgreSQL store needs the pg package.*npm install pg@8\.23\.1\)$/);
  });

  it('a driver that is there but fails to load is not mistaken for a missing one', async () => {
    const broken = new Error('libstdc++.so.6: cannot open shared object file');
    await expect(loadDriver('better-sqlite3', 'sqlite:m.db', () => Promise.reject(broken))).rejects.toBe(broken);
    // Another package missing (one the driver itself needs) is that package's problem, not "add the driver".
    expect(await loadOutsideTheWorkspace('pg', 'pg-protocol', 'postgres://db/p')).toBe('other: ERR_MODULE_NOT_FOUND');
  });

  it('an installed driver loads', async () => {
    const { default: pg } = await loadDriver('pg', 'postgres://db/p', () => import('pg'));
    expect(typeof pg.Client).toBe('function');
  });
});
