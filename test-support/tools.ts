import { execFileSync } from 'node:child_process';

const noticed = new Set<string>();

/**
 * Whether a command runs here; when it does not, says once, visibly, which tests are skipped and how to
 * install it, so a green run is not mistaken for a full one.
 */
export function hasTool(command: string, args: readonly string[] = ['--version'], install?: string): boolean {
  try {
    execFileSync(command, [...args], { stdio: 'ignore' });
    return true;
  } catch {
    if (install && !noticed.has(command)) {
      noticed.add(command);
      process.stderr.write(`\n[pipewarden tests] ${command} is not installed: skipping the tests that run it (${install})\n`);
    }
    return false;
  }
}
