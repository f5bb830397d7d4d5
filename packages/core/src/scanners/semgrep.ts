import { z } from 'zod';
import { pathToolAvailability } from './path-tool.js';
import type { ExitMeaning, Scanner } from './types.js';

/**
 * The rules Semgrep runs when `scanners.semgrep.config` says nothing: Semgrep's default Registry ruleset.
 * `--config auto` is not an option: it needs metrics, and Semgrep refuses it under `--metrics off` (exit 2,
 * "Cannot create auto config when metrics are off"). Registry rulesets (`p/…`) are downloaded from
 * semgrep.dev on every run, with no login and with metrics off; without network, name local rule files.
 */
export const SEMGREP_DEFAULT_CONFIG: readonly string[] = ['p/default'];

const configEntry = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('-'), 'a ruleset or a path, not an option')
  .refine((value) => value.trim() !== 'auto', '"auto" needs Semgrep metrics, which Pipewarden turns off: name Registry rulesets (p/default) or rule files');

/** Semgrep's exit codes (cli/src/semgrep/error.py); findings exit 0 without --error, which is not passed. */
export function semgrepExit(code: number): ExitMeaning {
  // 1: findings under --error. 3: some targets did not parse (only under --strict, not passed): the report is
  // written and names them; a file Semgrep cannot parse is a warning, not a failed run.
  if (code === 0) return 'clean';
  if (code === 1 || code === 3) return 'findings';
  // 2 fatal, 4 rule parse error, 5 unparseable YAML, 7 missing or undownloadable config, 8 invalid language,
  // 13 invalid API key, 14 scan failed.
  return 'error';
}

export const semgrep: Scanner = {
  kind: 'command',
  id: 'semgrep',
  title: 'Semgrep',
  category: 'sast',
  stages: ['commit'],
  format: 'semgrep',
  timeoutMs: 15 * 60_000,
  installHint: 'install it with `pipx install semgrep` or `brew install semgrep` (semgrep.dev/docs/getting-started)',
  fileList: true,
  cost: 4,
  // scanners.semgrep.config: Registry rulesets (p/…, r/…), rule files or folders (relative to the scanned
  // directory), or URLs; one or a list. Air-gapped: local files only.
  options: z.strictObject({
    config: z
      .union([configEntry, z.array(configEntry).min(1)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
  }),
  detect: (env) => pathToolAvailability(env, 'semgrep', ['--version'], /^(\d+\.\d+\.\d+)/m),
  select: (files) => files.filter((f) => /\.(?:js|jsx|mjs|cjs|ts|tsx|py|go|java|kt|rb|php|cs|scala|rs|c|cpp|swift|yaml|yml|json|tf|sh)$/i.test(f)),
  command(target) {
    const configs = Array.isArray(target.options.config) && target.options.config.length ? (target.options.config as string[]) : SEMGREP_DEFAULT_CONFIG;
    return {
      command: 'semgrep',
      args: ['scan', ...configs.flatMap((config) => ['--config', config]), '--json', '--output', target.outputFile, '--metrics', 'off', '--quiet', '--', ...(target.files.length <= 5000 ? target.files : ['.'])],
      cwd: target.root,
      output: 'file',
    };
  },
  exitMeaning: semgrepExit,
};
