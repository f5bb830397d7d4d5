// A real npm registry (Verdaccio) on 127.0.0.1 with no uplink, for the release test and `pnpm bench`: our packages
// are published to it as a release publishes them, and the third-party packages they pull are seeded into it from
// this workspace's install (no network beyond loopback, ever).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dependencyClosure, repoRoot } from './workspace.mjs';

const VERDACCIO = join(repoRoot, 'node_modules', 'verdaccio', 'bin', 'verdaccio');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Verdaccio on 127.0.0.1 with its storage in a temporary folder and no uplink, and registers a user.
 * Returns the registry URL, an npmrc that authenticates to it (for `npm publish`), and stop().
 */
export async function startRegistry() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-registry-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 10',
      // No uplinks: what is not published here does not exist.
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'max_body_size: 200mb',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [VERDACCIO, '--config', config, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/-/ping`).then((r) => r.ok, () => false)) break;
    if (i > 300 || child.exitCode !== null) {
      await stop();
      throw new Error(`Verdaccio did not start: ${output.trim().split('\n').slice(-3).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const user = await fetch(`${url}/-/user/org.couchdb.user:pipewarden`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'pipewarden', password: 'loopback-only', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const { token } = await user.json();
  if (!token) {
    await stop();
    throw new Error(`Verdaccio registered no user (HTTP ${user.status})`);
  }
  const npmrc = join(dir, 'npmrc');
  writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  return { url, npmrc, token, dir, stop };
}

/**
 * A tarball of an installed package folder, as npm packs one (everything under package/), its manifest as seeded.
 * pnpm installs files as hard links: tar would store identical files as links to each other, which npm skips.
 */
function tarballOf(pkg, manifest, work) {
  const file = join(work, `${pkg.name.replace('/', '-')}-${pkg.version}.tgz`);
  const manifestFile = join(work, `${pkg.name.replace('/', '-')}-${pkg.version}.json`);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  execFileSync('tar', ['-czf', file, '--hard-dereference', '--exclude=node_modules', '--exclude=./package.json', '-C', pkg.dir, '--transform', 's,^\\.,package,', '.', '-C', work, '--transform', `s,^${manifestFile.split('/').at(-1).replace(/[.]/g, '\\.')}$,package/package.json,`, manifestFile.split('/').at(-1)]);
  return readFileSync(file);
}

/** Publishes one version the way `npm publish` does: a PUT of the packument with the tarball attached. */
async function put(registry, manifest, tarball) {
  const filename = `${manifest.name.split('/').at(-1)}-${manifest.version}.tgz`;
  const dist = {
    shasum: createHash('sha1').update(tarball).digest('hex'),
    integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
    tarball: `${registry.url}/${manifest.name}/-/${filename}`,
  };
  const body = {
    _id: manifest.name,
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: { [manifest.version]: { ...manifest, _id: `${manifest.name}@${manifest.version}`, dist } },
    _attachments: { [filename]: { content_type: 'application/octet-stream', data: tarball.toString('base64'), length: tarball.length } },
  };
  const response = await fetch(`${registry.url}/${manifest.name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${registry.token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`seeding ${manifest.name}@${manifest.version}: HTTP ${response.status} ${await response.text()}`);
}

const compareVersions = (a, b) => {
  const parts = (v) => v.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) > (y[i] ?? 0) ? 1 : -1;
  return 0;
};

/**
 * Seeds the registry with the third-party packages our published ones pull, from this workspace's install: each
 * version a package has here, oldest first so `latest` is the newest. Returns how many were seeded.
 */
export async function seedDependencies(registry) {
  // The workspace's pnpm overrides pin some transitive versions; the seeded manifests ask for what was installed.
  const overrides = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).pnpm?.overrides ?? {};
  const pinned = (manifest) => {
    const dependencies = { ...manifest.dependencies };
    for (const [name, version] of Object.entries(overrides)) if (dependencies[name]) dependencies[name] = version;
    return { ...manifest, dependencies };
  };
  const work = join(registry.dir, 'seed');
  mkdirSync(work, { recursive: true });
  const byName = new Map();
  for (const pkg of dependencyClosure()) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  const lines = [...byName.values()].map((versions) => versions.sort((a, b) => compareVersions(a.version, b.version)));
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      for (const pkg of lines[next++]) {
        const manifest = pinned(pkg.manifest);
        await put(registry, manifest, tarballOf(pkg, manifest, work));
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return lines.flat().length;
}
