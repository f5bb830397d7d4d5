import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './demo-app.js';

/**
 * A Docker daemon (Debian's docker.io) and a registry (Debian's docker-registry) of the test's own, on a
 * socket and a loopback port in a temp folder: images are built from scratch with busybox, nothing is pulled.
 */
export interface DockerLab {
  /** Runs the docker client against the lab's daemon; throws with its output when it fails. */
  docker(args: readonly string[], cwd?: string): string;
  /** host:port of the registry. */
  registry: string;
  /** A build context with busybox in it and this Dockerfile; returns its folder. */
  context(name: string, dockerfile: string, files?: Record<string, string>): string;
  dir: string;
  stop(): Promise<void>;
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not start within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startDockerLab(): Promise<DockerLab> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-docker-'));
  const socket = join(dir, 'docker.sock');
  // Short paths: the daemon's unix sockets must stay under 108 bytes.
  const daemon: ChildProcess = spawn('dockerd', ['--data-root', join(dir, 'root'), '--exec-root', join(dir, 'x'), '--pidfile', join(dir, 'pid'), '--host', `unix://${socket}`, '--iptables=false', '--ip6tables=false', '--bridge=none'], { stdio: 'ignore', detached: true });
  const port = await freePort();
  const registryConfig = join(dir, 'registry.yml');
  writeFileSync(registryConfig, `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'registry')}\nhttp:\n  addr: 127.0.0.1:${port}\n`);
  const registryProcess: ChildProcess = spawn('docker-registry', ['serve', registryConfig], { stdio: 'ignore', detached: true });
  // A config folder of its own: no credential helper of the machine's user gets asked anything.
  const env = { ...process.env, DOCKER_HOST: `unix://${socket}`, DOCKER_CONFIG: join(dir, 'config'), DOCKER_BUILDKIT: '0' };
  mkdirSync(env.DOCKER_CONFIG, { recursive: true });
  const docker = (args: readonly string[], cwd?: string) => {
    const run = spawnSync('docker', [...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`docker ${args.join(' ')}: ${run.stderr || run.stdout}`);
    return run.stdout.trim();
  };
  await waitFor(() => spawnSync('docker', ['version'], { env, stdio: 'ignore' }).status === 0, 'dockerd');
  await waitFor(() => spawnSync(process.execPath, ['-e', `fetch('http://127.0.0.1:${port}/v2/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`]).status === 0, 'docker-registry');
  return {
    docker,
    registry: `127.0.0.1:${port}`,
    dir,
    context(name, dockerfile, files = {}) {
      const folder = join(dir, 'contexts', name);
      mkdirSync(folder, { recursive: true });
      copyFileSync('/usr/bin/busybox', join(folder, 'busybox'));
      writeFileSync(join(folder, 'Dockerfile'), dockerfile);
      for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
      return folder;
    },
    async stop() {
      for (const child of [registryProcess, daemon]) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 1500));
      // The daemon's mounts are gone with it; what is left is files.
      spawnSync('umount', ['-R', join(dir, 'root')], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
