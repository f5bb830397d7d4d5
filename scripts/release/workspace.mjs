// The workspace's packages as a release sees them: which are published, in which order, and what they pull from
// the public registry. Shared by the release workflow (publish.mjs), the loopback-registry test and `pnpm bench`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every package under packages/: name, version, folder, manifest. */
export function workspacePackages() {
  const dir = join(repoRoot, 'packages');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => {
      const manifest = readJson(join(dir, name, 'package.json'));
      return { name: manifest.name, version: manifest.version, dir: join(dir, name), manifest };
    });
}

/** The published packages (not private), each after the workspace packages it depends on. */
export function publicPackages() {
  const all = workspacePackages().filter((pkg) => !pkg.manifest.private);
  const byName = new Map(all.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const visit = (pkg) => {
    if (ordered.includes(pkg)) return;
    for (const dep of Object.keys(pkg.manifest.dependencies ?? {})) if (byName.has(dep)) visit(byName.get(dep));
    ordered.push(pkg);
  };
  for (const pkg of all) visit(pkg);
  return ordered;
}

/** `pnpm pack` of each published package into `dir` (workspace:* ranges become the versions): name → tarball. */
export function packPackages(dir) {
  const tarballs = new Map();
  for (const pkg of publicPackages()) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg.dir, encoding: 'utf8' });
    tarballs.set(pkg.name, out.trim().split('\n').at(-1).trim());
  }
  return tarballs;
}

/**
 * What installing the published packages pulls from the public registry, as this workspace installed it: each
 * third-party package (name, version, installed folder) reachable through dependencies, optional dependencies that
 * are installed here and peer dependencies that are not optional. Optional peers (the store's drivers) are not.
 */
export function dependencyClosure(packages = publicPackages()) {
  const ours = new Set(workspacePackages().map((pkg) => pkg.name));
  const found = new Map();
  const walk = (fromDir, manifest) => {
    const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name));
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
    ];
    for (const name of new Set(names)) {
      if (ours.has(name)) continue;
      const dir = locate(fromDir, name);
      if (!dir) {
        if (manifest.optionalDependencies?.[name]) continue; // not for this platform, or failed to build: npm skips it too
        throw new Error(`${manifest.name} needs ${name}, which is not installed here: run pnpm install`);
      }
      const dep = readJson(join(dir, 'package.json'));
      const key = `${dep.name}@${dep.version}`;
      if (found.has(key)) continue;
      found.set(key, { name: dep.name, version: dep.version, dir, manifest: dep });
      walk(dir, dep);
    }
  };
  for (const pkg of packages) walk(pkg.dir, pkg.manifest);
  return [...found.values()];
}

/** Node's lookup of a package from a folder: <ancestor>/node_modules/<name>, nearest first (pnpm's layout resolves so). */
function locate(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules' && existsSync(join(dir, 'node_modules', name, 'package.json'))) return realpathSync(join(dir, 'node_modules', name));
    if (dirname(dir) === dir) return undefined;
  }
}
