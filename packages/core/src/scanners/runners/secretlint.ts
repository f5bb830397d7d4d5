// The secretlint scanner's runner: secretlint's engine with its recommended preset imported here, so no rule
// or formatter is looked up by name at run time and the same file runs from node_modules (the CLI) and from
// a bundle (the GitHub Action's dist/runners/). Its command line: see runner-args.ts.
import { resolve } from 'node:path';
import { lintSource } from '@secretlint/core';
import sarifFormatter from '@secretlint/secretlint-formatter-sarif';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { createRawSource } from '@secretlint/source-creator';
import { convertPathToPattern, globby } from 'globby';
import { runMain, writeReport } from './runner-args.js';

const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };
// What secretlint's own CLI never reads; a project's .secretlintignore is honoured as it is by that CLI.
const ALWAYS_IGNORED = ['**/.git/**', '**/node_modules/**', '**/.secretlintrc/**', '**/.secretlintrc.{json,yaml,yml,js}/**', '**/.secretlintignore*/**'];
const CONCURRENCY = 8;

async function targets(cwd: string, files: readonly string[], all: boolean, ignorePatterns: readonly string[]): Promise<string[]> {
  const patterns = all ? ['**/*'] : files.map(convertPathToPattern);
  return globby(patterns, { cwd, ignore: [...ALWAYS_IGNORED, ...ignorePatterns], ignoreFiles: ['.secretlintignore'], dot: true, absolute: true });
}

runMain(async ({ output, files, all, ignorePatterns }) => {
  const cwd = process.cwd();
  const paths = await targets(cwd, files, all, ignorePatterns);
  const results: Awaited<ReturnType<typeof lintSource>>[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      const source = await createRawSource(resolve(cwd, paths[index]!));
      // Secrets stay masked in the report: the value itself never reaches a file we write.
      results[index] = await lintSource({ source, options: { config: CONFIG, maskSecrets: true, locale: 'en' } as Parameters<typeof lintSource>[0]['options'] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
  await writeReport(output, sarifFormatter(results, { color: false }));
  return 0;
});
