import type { Availability, ExitMeaning, ScannerEnv } from './types.js';

/** A scanner found on PATH: runs `<command> <args>` and reads its version from the output. */
export async function pathToolAvailability(
  { ports, env, root }: ScannerEnv,
  command: string,
  args: readonly string[],
  version: RegExp,
): Promise<Availability> {
  const probe = await ports.exec({ command, args, cwd: root, env, timeoutMs: 30_000 });
  if (probe.notFound) return { available: false, reason: `${command} is not on PATH` };
  const found = version.exec(`${probe.stdout}\n${probe.stderr}`)?.[1];
  if (!found) return { available: false, reason: `${command} ${args.join(' ')} did not say its version (exit ${probe.exitCode ?? 'signal'})` };
  return { available: true, version: found };
}

export const byExtension = (pattern: RegExp) => (files: readonly string[]) => files.filter((file) => pattern.test(file));

export const byName = (pattern: RegExp) => (files: readonly string[]) => files.filter((file) => pattern.test(file.split('/').pop() ?? ''));

/** Manifests and lockfiles that dependency scanners read. */
export const LOCKFILES = /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|requirements(?:-[\w-]+)?\.txt|Pipfile\.lock|poetry\.lock|uv\.lock|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|pom\.xml|gradle\.lockfile|packages\.lock\.json|mix\.lock|pubspec\.lock)$/;
export const DOCKERFILES = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i;
export const IAC = /\.(?:tf|tfvars|bicep)$|^(?:Dockerfile|Containerfile)(?:\..+)?$/i;

/** Exits 0 whatever it finds; anything else is a failure. */
export function zeroOnlyExit(code: number): ExitMeaning {
  return code === 0 ? 'clean' : 'error';
}

/** For tools that take no "--": a path that starts with "-" gets "./" so it is never read as an option. */
export function asOperands(files: readonly string[]): string[] {
  return files.map((file) => (file.startsWith('-') ? `./${file}` : file));
}
