import type { Ports } from '../ports/types.js';

/** What .gitattributes says of a file: vendored, generated, explicitly the team's own, or nothing. */
export type AttributeVerdict = 'vendored' | 'generated' | 'owned' | undefined;

const ATTRIBUTES = ['linguist-vendored', 'linguist-generated'] as const;
/**
 * Paths per git call. They go on standard input, so no command line limits them; each call is a fork of this
 * process, which at 100k findings is a heap of most of a gigabyte: 500 paths a call made 400 calls and 7 s
 * of a scan in a repository, most of it forking.
 */
const CHUNK = 50_000;

/** Paths for `--stdin -z`: each ends with NUL, so no name needs quoting. */
const stdinOf = (paths: readonly string[]) => `${paths.join('\0')}\0`;

export interface GitAttributes {
  of(path: string): Promise<AttributeVerdict>;
  /** Asks for many paths at once (the whole file list), in as few git calls as fit. */
  prefetch(paths: readonly string[]): Promise<void>;
}

/**
 * Linguist's attributes as git resolves them (every .gitattributes in the tree, macros, precedence), asked
 * in batches as paths come in. Outside a work tree (or without git) nothing is marked.
 */
export function gitAttributes(root: string, ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): GitAttributes {
  let pending: { path: string; resolve: (verdict: AttributeVerdict) => void }[] = [];
  let scheduled = false;
  let broken = false;
  const known = new Map<string, AttributeVerdict>();

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = pending;
    pending = [];
    for (let i = 0; i < batch.length; i += CHUNK) {
      const chunk = batch.slice(i, i + CHUNK);
      const verdicts = broken ? new Map<string, AttributeVerdict>() : await ask(chunk.map((item) => item.path));
      for (const item of chunk) item.resolve(verdicts.get(item.path));
    }
  }

  async function ask(paths: string[]): Promise<Map<string, AttributeVerdict>> {
    const result = await ports.exec({ command: 'git', args: ['check-attr', '-z', '--stdin', ...ATTRIBUTES], input: stdinOf(paths), cwd: root, env, timeoutMs: 60_000 });
    const verdicts = new Map<string, AttributeVerdict>();
    if (result.exitCode !== 0) {
      broken = true;
      return verdicts;
    }
    const set = new Map<string, AttributeVerdict>();
    const unset = new Set<string>();
    const fields = result.stdout.split('\0');
    for (let i = 0; i + 2 < fields.length; i += 3) {
      const [path, attribute, value] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
      if (value === 'set' || value === 'true') set.set(path, set.get(path) ?? (attribute === 'linguist-vendored' ? 'vendored' : 'generated'));
      else if (value === 'unset' || value === 'false') unset.add(path);
    }
    for (const path of paths) {
      const verdict = set.get(path) ?? (unset.has(path) ? 'owned' : undefined);
      verdicts.set(path, verdict);
      known.set(path, verdict);
    }
    return verdicts;
  }

  return {
    async prefetch(paths) {
      const unknown = paths.filter((path) => !known.has(path));
      for (let i = 0; i < unknown.length && !broken; i += CHUNK) await ask(unknown.slice(i, i + CHUNK));
    },
    of(path) {
      if (known.has(path) || broken) return Promise.resolve(known.get(path));
      return new Promise((resolve) => {
        pending.push({ path, resolve });
        if (!scheduled) {
          scheduled = true;
          // Gather every path asked in this turn into one call.
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/** Which of these paths git ignores (.gitignore, info/exclude, the global excludes); none outside a work tree. */
export async function gitIgnored(root: string, paths: readonly string[], ports: Pick<Ports, 'exec'>, env?: Readonly<Record<string, string | undefined>>): Promise<Set<string>> {
  const ignored = new Set<string>();
  for (let i = 0; i < paths.length; i += CHUNK) {
    // Tracked files are never reported ignored: what the team committed is theirs.
    const result = await ports.exec({ command: 'git', args: ['check-ignore', '-z', '--stdin'], input: stdinOf(paths.slice(i, i + CHUNK)), cwd: root, env, timeoutMs: 60_000 });
    // 0: some are ignored; 1: none are; anything else: not a work tree, so nothing is known to be ignored.
    if (result.exitCode !== 0 && result.exitCode !== 1) return ignored;
    for (const path of result.stdout.split('\0')) if (path) ignored.add(path);
  }
  return ignored;
}
