import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { ConfigError, describeFsError } from '../errors.js';
import { formatIssuePath } from '../sarif/validate.js';
import { configSchema, type PipewardenConfig } from './config-schema.js';

/** Validates a parsed config; every problem is reported at once, each with its path. */
export function parseConfig(data: unknown, file: string): PipewardenConfig {
  const parsed = configSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys') return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${where}: ${issue.message}`;
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
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    // prettyErrors puts "at line L, column C:" in the first line, then a code frame we leave out.
    const problems = document.errors.map((error) => error.message.split('\n')[0]!.replace(/:$/, ''));
    throw new ConfigError(`is not valid YAML: ${problems.join('; ')}`, { file, problems });
  }
  return parseConfig(document.toJS(), file);
}
