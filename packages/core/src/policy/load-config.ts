import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, describeFsError } from '../errors.js';
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
    if (issue.code === 'unrecognized_keys') return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${where}: ${plainMessage(issue.message)}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`, { file, problems });
}

export async function loadConfigFile(file: string): Promise<PipewardenConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config: ${describeFsError(error)}`, { file, cause: error });
  }
  // Loaded here, not at start: only a command with a config file needs a YAML parser.
  const { parseDocument } = await import('yaml');
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    // prettyErrors puts "at line L, column C:" in the first line, then a code frame we leave out.
    const problems = document.errors.map((error) => error.message.split('\n')[0]!.replace(/:$/, ''));
    throw new ConfigError(`is not valid YAML: ${problems.join('; ')}`, { file, problems });
  }
  return parseConfig(document.toJS(), file);
}

/** The repository's own pipewarden.yml (or .yaml) in DIR, if it has one: the one place every platform looks. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of ['pipewarden.yml', 'pipewarden.yaml']) {
    const candidate = join(dir, name);
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  return undefined;
}
