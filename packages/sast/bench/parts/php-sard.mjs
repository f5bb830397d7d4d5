// NIST SARD PHP (subset): labels.csv, scored at file level per test group with the Benchmark recipe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCases, pct, readsLanguage, runEngine, scoreCategories, table } from '../lib.mjs';

export const phpSard = {
  name: 'php-sard',
  language: 'php',
  async run(corpus, out, options = { list: [] }) {
    const dir = join(corpus, 'php-sard');
    if (!readsLanguage('php', 'a.php')) return out('php-sard: skipped, the engine has no php adapter yet');
    const rows = (await readFile(join(dir, 'labels.csv'), 'utf8')).split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
    const cases = rows.map(([path, , group, cwe, real]) => ({ name: path, category: group, real: real === 'true', cwe: `CWE-${cwe}` }));
    const { results, stats } = await runEngine(dir, cases.map((c) => c.name));
    const flagged = new Set(results.flatMap((r) => r.cwes.map((cwe) => `${r.file}|${cwe}`)));
    const score = scoreCategories(cases, (c) => flagged.has(`${c.name}|${c.cwe}`));
    out(`php-sard (${stats.files} files, ${stats.lines} lines, ${stats.ms} ms)`);
    out(table(['group', 'TP', 'FN', 'FP', 'TN', 'TPR', 'FPR', 'score'], score.rows.map((r) => [r.category, r.tp, r.fn, r.fp, r.tn, pct(r.tpr), pct(r.fpr), pct(r.score)])));
    out(`overall: TPR ${pct(score.overall.tpr)}, FPR ${pct(score.overall.fpr)}, Benchmark score ${pct(score.overall.score)}`);
    listCases(score.rows, options.list, out);
    return { ...score, stats };
  },
};
