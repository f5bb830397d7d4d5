import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ruleSchema, modelsFileSchema, type RuleSpec, type ModelsFile } from './schema.js';

/** Rule files that do not hold: every problem of every file, in one error. */
export class RuleError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} problems in rule files:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RuleError';
    this.problems = problems;
  }
}

export interface RuleFile {
  /** Where it came from, for messages: 'javascript/sql-injection.yaml' or a user's path. */
  path: string;
  text: string;
}

export interface RuleSet {
  rules: RuleSpec[];
  models: ModelsFile[];
}

function issues(path: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

/** Parses and validates rule and sources files; throws one RuleError naming every problem. */
export function loadRules(files: readonly RuleFile[]): RuleSet {
  const out: RuleSet = { rules: [], models: [] };
  const problems: string[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = parse(file.text);
    } catch (error) {
      problems.push(`${file.path}: not YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const isSources = typeof data === 'object' && data !== null && !('id' in data) && 'sources' in data;
    const parsed = isSources ? modelsFileSchema.safeParse(data) : ruleSchema.safeParse(data);
    if (!parsed.success) problems.push(...issues(file.path, parsed.error));
    else if (isSources) out.models.push(parsed.data as ModelsFile);
    else out.rules.push(parsed.data as RuleSpec);
  }
  const seen = new Set<string>();
  for (const rule of out.rules) {
    if (seen.has(rule.id)) problems.push(`rule ${rule.id}: defined twice`);
    seen.add(rule.id);
  }
  if (problems.length) throw new RuleError(problems);
  return out;
}

/** A folder of the user's rule files (`sast.rules` in pipewarden.yml): every .yaml / .yml in it, recursively. */
export async function readRuleFiles(dir: string): Promise<RuleFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}
