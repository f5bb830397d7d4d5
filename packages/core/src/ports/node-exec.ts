import { spawn } from 'node:child_process';
import type { ExecRequest, ExecResult } from './types.js';

/** Output above this is cut (scanners write reports to files; stdout is for small JSON and versions). */
const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;

/** Runs a command without a shell (no quoting bugs, no injection), capturing output, with a hard timeout. */
export function nodeExec(request: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A process group of its own, so a timeout stops the scanner and everything it started.
    const group = process.platform !== 'win32';
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: request.env as NodeJS.ProcessEnv | undefined,
      stdio: ['ignore', 'pipe', 'pipe'],
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
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let captured = 0;
    let timedOut = false;
    const keep = (sink: Buffer[]) => (chunk: Buffer) => {
      if (captured >= MAX_CAPTURE_BYTES) return;
      captured += chunk.length;
      sink.push(chunk);
    };
    child.stdout.on('data', keep(stdout));
    child.stderr.on('data', keep(stderr));
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
