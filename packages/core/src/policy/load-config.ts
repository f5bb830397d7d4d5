import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, InputError, describeFsError } from '../errors.js';
import { FileRefused, readRegularText } from '../files/safe-read.js';
import { formatIssuePath } from '../sarif/validate.js';
import { configSchema, type PipewardenConfig } from './config-schema.js';

/** zod's wording, said the way a person would: "expected a number", "is required". */
function plainMessage(message: string): string {
  if (/expected \w+, received undefined$/.test(message)) return 'is required';
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type) return `expected ${/^[aeiou]/.test(type[1]!) ? 'an' : 'a'} ${type[1]}, got ${/^[aeiou]/.test(type[2]!) ? 'an' : 'a'} ${type[2]}`;
  return message.replace(/^Invalid option: expected one of /, 'expected one of ');
}

/** Validates a parsed config; every problem is reported at once, each with its path. */
export function parseConfig(data: unknown, file: string): PipewardenConfig {
  const parsed = configSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      // A file of someone else's can hold 100,000 of them: the first few find the mistake.
      const shown = issue.keys.slice(0, 5).map((k) => `"${k}"`).join(', ');
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${shown}${more}`;
    }
    return `${where}: ${plainMessage(issue.message)}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`, { file, problems });
}

/**
 * The most aliases a config may have, and the most times they may repeat anchored content (the `yaml` package's
 * maxAliasCount, counted its way: each use of an anchor times the aliases inside it). A config needs a few; a
 * "billion laughs" file nests aliases of aliases to repeat a line billions of times, and each alias the `yaml`
 * package resolves looks through the whole document (20,000 aliases took it 3 s, 100,000 over a minute).
 * Set here, not left to the package's default, so that it is seen and tested.
 */
export const MAX_YAML_ALIASES = 100;

/** True when a value holds itself (`a: &a [*a]`, an alias inside its own anchor): nothing could walk it to the end. */
function holdsItself(value: unknown): boolean {
  // Iterative: chained aliases can nest a value deeper than the stack goes.
  const open = new Set<object>();
  const done = new WeakSet<object>();
  const stack: { node: object; children: unknown[]; next: number }[] = [];
  const enter = (child: unknown): boolean => {
    if (typeof child !== 'object' || child === null || done.has(child)) return false;
    if (open.has(child)) return true;
    open.add(child);
    stack.push({ node: child, children: Object.values(child), next: 0 });
    return false;
  };
  if (enter(value)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      if (enter(top.children[top.next++])) return true;
    } else {
      stack.pop();
      open.delete(top.node);
      done.add(top.node);
    }
  }
  return false;
}

/** A pipewarden.yml is a few kilobytes; a larger file is refused before it is read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfigFile(file: string): Promise<PipewardenConfig> {
  let text: string;
  try {
    // A FIFO, socket or device is refused by its stat, never opened (a FIFO's open would wait for a writer).
    text = await readRegularText(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch (error) {
    // What is there is not a config file (a FIFO, a device, a huge file): the input's problem, not the settings'.
    if (error instanceof FileRefused && error.refusal !== 'missing') throw new InputError(`cannot read config: ${error.message}`, { file, cause: error });
    throw new ConfigError(`cannot read config: ${error instanceof InputError ? error.message : describeFsError(error)}`, { file, cause: error });
  }
  // Loaded here, not at start: only a command with a config file needs a YAML parser.
  const { LineCounter, isScalar, parseDocument, visit } = await import('yaml');
  const lines = new LineCounter();
  // Keys are checked unique below, not by the package: its check compares each key with every one before it (a map
  // of 20,000 keys took it 3 s, 100,000 over a minute).
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter: lines });
  if (document.errors.length > 0) {
    // prettyErrors puts "at line L, column C:" in the first line, then a code frame we leave out.
    const problems = document.errors.map((error) => error.message.split('\n')[0]!.replace(/:$/, ''));
    throw new ConfigError(`is not valid YAML: ${problems.join('; ')}`, { file, problems });
  }
  const repeated: number[] = [];
  let aliases = 0;
  visit(document, {
    Alias: () => void aliases++,
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (seen.has(value)) repeated.push((isScalar(key) && key.range?.[0]) || 0);
        seen.add(value);
      }
    },
  });
  if (repeated.length > 0) {
    const problems = repeated
      .sort((a, b) => a - b)
      .slice(0, 10)
      .map((offset) => lines.linePos(offset))
      .map(({ line, col }) => `Map keys must be unique at line ${line}, column ${col}`);
    throw new ConfigError(`is not valid YAML: ${problems.join('; ')}`, { file, problems });
  }
  // Aliases are resolved here, not by parseDocument: this is where a YAML bomb would expand, and where it stops.
  if (aliases > MAX_YAML_ALIASES) throw new ConfigError(`is refused: it has ${aliases} YAML aliases, more than the ${MAX_YAML_ALIASES} a config may have`, { file });
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    if (/excessive alias count/i.test(message)) {
      throw new ConfigError(`is refused: its aliases repeat anchored content more than ${MAX_YAML_ALIASES} times (a YAML "billion laughs" bomb)`, { file, cause: error });
    }
    throw new ConfigError(`is not valid YAML: ${message}`, { file, cause: error });
  }
  if (holdsItself(data)) throw new ConfigError('is refused: an alias refers to the anchor it is inside, so the value holds itself', { file });
  return parseConfig(data, file);
}

/** The repository's own pipewarden.yml (or .yaml) in DIR, if it has one: the one place every platform looks. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of ['pipewarden.yml', 'pipewarden.yaml']) {
    const candidate = join(dir, name);
    // Whatever is there is returned, and loadConfigFile refuses what is not a regular file: a FIFO or a folder in
    // place of the repository's config must stop the run, not silently leave it on the built-in defaults.
    if (await stat(candidate).then(() => true, () => false)) return candidate;
  }
  return undefined;
}
