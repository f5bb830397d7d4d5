import { spawn } from 'node:child_process';
import type { ExecRequest, ExecResult } from './types.js';

/** Output above this is cut (scanners write reports to files; stdout is for small JSON and versions). */
const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;

/** The commands running now, each with what stops it and a promise of its end. */
const running = new Set<{ stop: (signal: NodeJS.Signals) => void; done: Promise<void> }>();

/**
 * Stops every command started here, with the whole process group of each: SIGTERM, then SIGKILL for those
 * still alive after `graceMs`. A cancelled CI job calls this before it exits, so no scanner keeps running
 * against a target after the job is gone.
 */
export async function stopAllCommands(graceMs = 2000): Promise<number> {
  const live = [...running];
  for (const command of live) command.stop('SIGTERM');
  const ended = Promise.all(live.map((command) => command.done));
  const late = await Promise.race([ended.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref())]);
  if (late) for (const command of running) command.stop('SIGKILL');
  return live.length;
}

/** Runs a command without a shell (no quoting bugs, no injection), capturing output, with a hard timeout. */
export function nodeExec(request: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A process group of its own, so a timeout stops the scanner and everything it started.
    const group = process.platform !== 'win32';
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: request.env as NodeJS.ProcessEnv | undefined,
      stdio: [request.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: group,
    });
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (group && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    let ended!: () => void;
    const entry = { stop: kill, done: new Promise<void>((resolve) => (ended = resolve)) };
    running.add(entry);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let captured = 0;
    let timedOut = false;
    const keep = (sink: Buffer[]) => (chunk: Buffer) => {
      if (captured >= MAX_CAPTURE_BYTES) return;
      captured += chunk.length;
      sink.push(chunk);
    };
    if (request.input !== undefined && child.stdin) {
      // A command that exits before reading all of it (EPIPE) ends as its exit code says.
      child.stdin.on('error', () => undefined);
      child.stdin.end(request.input);
    }
    // Piped above whatever stdin is (the stdio array's type cannot say so).
    child.stdout!.on('data', keep(stdout));
    child.stderr!.on('data', keep(stderr));
    const onAbort = () => {
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 2000).unref();
    };
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = request.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          kill('SIGTERM');
          setTimeout(() => kill('SIGKILL'), 2000).unref();
        }, request.timeoutMs)
      : undefined;
    const finish = (exitCode: number | null, notFound: boolean, extraError = '') => {
      running.delete(entry);
      ended();
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + extraError,
        timedOut,
        notFound,
        durationMs: performance.now() - started,
      });
    };
    child.once('error', (error: NodeJS.ErrnoException) => finish(null, error.code === 'ENOENT', error.message));
    child.once('close', (code) => {
      // Children that outlive the scanner (daemons, workers) go with it.
      if (group) kill('SIGKILL');
      finish(code, false);
    });
  });
}
