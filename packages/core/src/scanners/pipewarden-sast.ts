import { resolve } from 'node:path';
// Planning asks only the light entry; the engine (its tree-sitter loader, languages and rules) loads when it runs.
import { grammarsDir, missingGrammars, readsFile, VERSION as engineVersion } from '@pipewarden/sast/files';
import { z } from 'zod';
import { ConfigError, ScannerError } from '../errors.js';
import type { Log } from '../sarif/types.js';
import type { Scanner } from './types.js';


/**
 * Pipewarden's own taint analysis (@pipewarden/sast, docs/sast.md): untrusted input followed from route
 * handlers to SQL, shell, eval, file, URL, redirect and HTML sinks, each finding with its code flow. It reads
 * exactly the files it is given (exclusions applied, or only the changed ones with --diff-base / --staged).
 */
export const pipewardenSast: Scanner = {
  kind: 'analyzer',
  id: 'pipewarden-sast',
  title: 'Pipewarden SAST (taint analysis: injection, XSS, SSRF, path traversal, redirects)',
  category: 'sast',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 10 * 60_000,
  installHint: 'built in',
  fileList: true,
  cost: 2,
  options: z.strictObject({
    rules: z.string().min(1).optional().describe('A folder of extra rule files (YAML, docs/sast.md#rules), relative to the scanned directory.'),
    disable: z.array(z.string().min(1)).default([]).describe('Rule ids to turn off.'),
    threads: z.number().int().min(0).max(64).optional().describe('Worker threads (0: none); default: up to 4 from 200 files on.'),
  }),
  // A bundle that did not copy the grammars (see @pipewarden/sast's README) skips the scanner, saying why.
  detect: async () => {
    const missing = missingGrammars();
    return missing.length ? { available: false, reason: `its grammar files are missing from ${grammarsDir()}: ${missing.join(', ')}` } : { available: true, version: engineVersion };
  },
  // The files the engine has a front end for, as it decides them: sources, and templates by name and folder
  // (Flask's templates/*.html, *.twig, JSPs), which only its language adapters know.
  select: (files) => files.filter(readsFile),
  async analyze(target) {
    // `sast:` in pipewarden.yml is the documented place; `scanners.pipewarden-sast` takes the same options.
    const own = target.options as { rules?: string; disable?: string[]; threads?: number };
    const options = { ...own, rules: own.rules ?? target.config.sast?.rules, disable: [...(own.disable ?? []), ...(target.config.sast?.disable ?? [])] };
    const { analyzeFiles, GrammarError, readRuleFiles, RuleError } = await import('@pipewarden/sast');
    try {
      const rules = options.rules ? await readRuleFiles(resolve(target.root, options.rules)) : [];
      // Plain relative URIs: core puts the scanned folder's place under the repository in front, as for every tool.
      const { log } = await analyzeFiles({ root: target.root, files: target.files, rules, disable: options.disable, threads: options.threads, uriBaseId: false });
      return log as Log;
    } catch (error) {
      // Rule files are the user's configuration: every problem at once, as a config error, not a crash.
      if (error instanceof RuleError) throw new ConfigError(error.message, { file: options.rules ?? 'scanners.pipewarden-sast', problems: error.problems, cause: error });
      if (error instanceof GrammarError) throw new ScannerError('pipewarden-sast', error.message, { file: error.file, cause: error });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.rules) throw new ConfigError('the rules folder does not exist', { file: options.rules, cause: error });
      throw error;
    }
  },
};
