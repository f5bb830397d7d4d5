import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot, sharedNotice } from './shared.js';
import { hasTool } from './tools.js';

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

/**
 * What a scan of the demo finds with the scanners installed here. The SAST engine, ESLint, secretlint, the
 * Dockerfile checks and the dependency check ship with Pipewarden (ESLint's 3 findings are the engine's on the
 * same lines, joined into them; the dependency check's 8 are lodash 4.17.4's 7 advisories and express's 1, read
 * offline from the shared OSV records: test-support/advisories.ts); ShellCheck (11 findings in scripts/deploy.sh:
 * 10 P3, 1 P4, SC2086 six times) only where `apt-get install shellcheck` ran. Tests count what can be found, not
 * what CI has.
 */
export function demoExpected() {
  const shellcheck = hasTool('shellcheck', ['--version'], 'apt-get install shellcheck');
  // Without ../shared there are no advisories offline: the demo's policy turns the dependency check's failure
  // into a warning (its pipewarden.yml), so its 8 findings are not there to count.
  const advisories = Boolean(process.env.PIPEWARDEN_ADVISORIES_DIR);
  if (!advisories) sharedNotice("the demo's dependency findings (no OSV advisories offline)");
  const sca = advisories ? 8 : 0;
  return {
    shellcheck,
    advisories,
    total: (shellcheck ? 31 : 20) - (8 - sca),
    /** Open findings by priority, P0 to P4 (the dependency check's 8: 1 P0, 3 P1, 3 P2, 1 P3). */
    byPriority: (shellcheck ? [6, 5, 7, 12, 1] : [6, 5, 7, 2, 0]).map((n, i) => n - (advisories ? 0 : [1, 3, 3, 1, 0][i]!)),
    /** The junit.xml suites, in order. */
    suites: ['pipewarden gate', 'Pipewarden SAST', ...(advisories ? ['Pipewarden SCA'] : []), 'secretlint', 'Pipewarden Dockerfile', ...(shellcheck ? ['ShellCheck'] : [])],
    /** junit.xml cases: the gate's 2 tripped rules, the SAST engine's 5 rule groups, the dependency check's 8 advisories, secretlint 2, the Dockerfile's 5, ShellCheck 6. */
    cases: 2 + 5 + sca + 2 + 5 + (shellcheck ? 6 : 0),
  };
}
