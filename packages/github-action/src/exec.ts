import { getExecOutput } from '@actions/exec';
import { nodeExec, type ExecRequest, type ExecResult } from '@pipewarden/core';

let timeoutTool: Promise<boolean> | undefined;

/** GNU timeout (Linux runners) stops a scanner that overruns, and what it started; @actions/exec cannot kill. */
function hasTimeout(): Promise<boolean> {
  timeoutTool ??= process.platform === 'win32'
    ? Promise.resolve(false)
    : getExecOutput('timeout', ['--version'], { silent: true, ignoreReturnCode: true }).then(
        (r) => r.exitCode === 0,
        () => false,
      );
  return timeoutTool;
}

/** The exec port on @actions/exec: no shell, the environment passed in, output captured, never thrown on exit codes. */
export async function actionsExec(request: ExecRequest): Promise<ExecResult> {
  // @actions/exec writes `input` without listening for errors on stdin: a command that exits before reading it
  // all (git outside a work tree, with thousands of paths to read) crashed the Action with EPIPE. Core's exec
  // ends such a command as its exit code says.
  if (request.input !== undefined) return nodeExec(request);
  const started = performance.now();
  const env = Object.fromEntries(Object.entries(request.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const seconds = request.timeoutMs ? Math.max(1, Math.ceil(request.timeoutMs / 1000)) : undefined;
  const wrap = seconds !== undefined && (await hasTimeout());
  const command = wrap ? 'timeout' : request.command;
  const args = wrap ? ['--kill-after=10', `${seconds}`, request.command, ...request.args] : [...request.args];
  try {
    const result = await getExecOutput(command, args, { cwd: request.cwd, env, silent: true, ignoreReturnCode: true });
    const timedOut = wrap && (result.exitCode === 124 || result.exitCode === 137);
    // timeout exits 127 when the command itself is missing.
    const notFound = wrap && result.exitCode === 127 && /No such file or directory|cannot run command/i.test(result.stderr);
    return { exitCode: timedOut ? null : result.exitCode, stdout: result.stdout, stderr: result.stderr, timedOut, notFound, durationMs: performance.now() - started };
  } catch (error) {
    // @actions/exec throws when the command is not on PATH.
    const message = (error as Error).message ?? String(error);
    const notFound = /Unable to locate executable file|ENOENT|not found/i.test(message);
    return { exitCode: null, stdout: '', stderr: message, timedOut: false, notFound, durationMs: performance.now() - started };
  }
}
