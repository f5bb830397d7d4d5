// The eslint-security scanner's runner: ESLint through its Node API with Pipewarden's config built in, so
// nothing is looked up by name at run time and the same file runs from node_modules (the CLI) and from a
// bundle (the GitHub Action's dist/runners/). Its command line: see runner-args.ts.
import sarifFormatter from '@microsoft/eslint-formatter-sarif';
import { ESLint, type Linter } from 'eslint';
import security from 'eslint-plugin-security';
import { runMain, writeReport } from './runner-args.js';
import { scriptOrModule } from './script-or-module-parser.js';

/** Security rules only, so a project's own style config never changes what is reported. */
const ESLINT_SECURITY_CONFIG: Linter.Config[] = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js', '.pipewarden/**'] },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: {
      ecmaVersion: 'latest',
      // Legacy scripts next to modules: each file parsed as the kind it is (see script-or-module-parser.ts).
      parser: scriptOrModule as Linter.Parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { security: security as unknown as ESLint.Plugin },
    rules: Object.fromEntries(Object.keys(security.rules).map((id) => [`security/${id}`, 'warn'])),
  },
];

runMain(async ({ output, files, all, ignorePatterns }) => {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: ESLINT_SECURITY_CONFIG,
    ignorePatterns,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  const results = await eslint.lintFiles(all ? ['.'] : files);
  const log = JSON.parse(sarifFormatter(results, { cwd: process.cwd(), rulesMeta: eslint.getRulesMetaForResults(results) })) as { runs: { tool: { driver: { version?: string } } }[] };
  // The formatter asks the main module for ESLint's version, which a bundle has no way to answer.
  for (const run of log.runs) run.tool.driver.version ??= ESLint.version;
  await writeReport(output, JSON.stringify(log, null, 2));
  return results.some((result) => result.errorCount > 0) ? 1 : 0;
});
