#!/usr/bin/env node
// Publishes every public @pipewarden/* package, dependencies first: `pnpm pack` (workspace:* ranges become the
// versions), then `npm publish` of the tarball. A version already on the registry is skipped, so a failed release
// can be run again. Prints `New tag: <name>@<version>` for each one published (what changesets/action reads).
//   node scripts/release/publish.mjs [--provenance] [--registry URL] [--userconfig NPMRC] [--git-tag]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages, publicPackages } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const registry = option('--registry');
const userconfig = option('--userconfig');
const npmArgs = [...(registry ? ['--registry', registry] : []), ...(userconfig ? ['--userconfig', userconfig] : [])];

const tarballs = packPackages(mkdtempSync(join(tmpdir(), 'pw-pack-')));
for (const pkg of publicPackages()) {
  const known = spawnSync('npm', ['view', `${pkg.name}@${pkg.version}`, 'version', ...npmArgs], { encoding: 'utf8' });
  if (known.status === 0 && known.stdout.trim() === pkg.version) {
    console.log(`${pkg.name}@${pkg.version} is already published`);
    continue;
  }
  execFileSync('npm', ['publish', tarballs.get(pkg.name), '--access', 'public', '--loglevel', 'warn', ...(args.includes('--provenance') ? ['--provenance'] : []), ...npmArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`New tag: ${pkg.name}@${pkg.version}`);
  if (args.includes('--git-tag')) execFileSync('git', ['tag', '-a', `${pkg.name}@${pkg.version}`, '-m', `${pkg.name}@${pkg.version}`]);
}
