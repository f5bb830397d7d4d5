#!/usr/bin/env node
// pnpm bench (install part): what a CI job pays to get the CLI. Every @pipewarden/* package is published, as a
// release publishes it, to Verdaccio on 127.0.0.1 (no uplink; the third-party packages seeded from this
// workspace's install), then `npm install @pipewarden/cli@<version>` runs into an empty folder: cold (an empty npm
// cache) and warm (the cache the cold run filled, a new empty folder). Budget (issue 25): cold under 25 s and
// under 60 MB of node_modules, warm under 8 s. Measurements, printed against the budget, never assertions.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDependencies, startRegistry } from '../scripts/release/local-registry.mjs';
import { repoRoot } from '../scripts/release/workspace.mjs';

const version = JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')).version;

/** Bytes on disk under a folder (what `du` counts, in 4 KiB blocks: what the machine pays). */
function diskUsage(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += Math.ceil(statSync(join(entry.parentPath, entry.name)).size / 4096) * 4096;
  }
  return bytes;
}

const registry = await startRegistry();
try {
  const seeded = await seedDependencies(registry);
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'release', 'publish.mjs'), '--registry', `${registry.url}/`, '--userconfig', registry.npmrc], { stdio: 'ignore' });
  const cache = mkdtempSync(join(tmpdir(), 'pw-bench-npm-cache-'));
  const install = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-bench-install-'));
    const started = performance.now();
    const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', `@pipewarden/cli@${version}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: cache, npm_config_registry: `${registry.url}/`, npm_config_cache: cache, npm_config_update_notifier: 'false' },
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`npm install failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const packages = readdirSync(join(dir, 'node_modules'), { recursive: true }).filter((p) => p.endsWith('package.json') && p.split('node_modules').length === 1 && p.split('/').length <= 3).length;
    const result = { seconds, megabytes: diskUsage(join(dir, 'node_modules')) / 1024 / 1024, packages };
    rmSync(dir, { recursive: true, force: true });
    return result;
  };
  const cold = install();
  const warm = install();
  rmSync(cache, { recursive: true, force: true });
  const verdict = (ok) => (ok ? 'within' : 'OVER');
  console.log(`\nInstall of @pipewarden/cli@${version} from a loopback registry (${seeded} third-party packages seeded; Node ${process.version}, npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()})\n`);
  console.log('| install | wall | node_modules | packages | budget |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| cold (empty cache) | ${cold.seconds.toFixed(1)} s | ${cold.megabytes.toFixed(1)} MB | ${cold.packages} | 25 s, 60 MB: ${verdict(cold.seconds < 25 && cold.megabytes < 60)} |`);
  console.log(`| warm (cache filled) | ${warm.seconds.toFixed(1)} s | ${warm.megabytes.toFixed(1)} MB | ${warm.packages} | 8 s: ${verdict(warm.seconds < 8)} |`);
} finally {
  await registry.stop();
}
