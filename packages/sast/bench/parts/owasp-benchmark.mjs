// OWASP Benchmark (Python, Java): one test case per file, scored per category from expectedresults-*.csv.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCases, listFiles, pct, readsLanguage, runEngine, scoreCategories, table } from '../lib.mjs';

async function expected(dir) {
  const file = (await listFiles(dir, (f) => /^expectedresults-.*\.csv$/.test(f)))[0];
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  return lines.map((l) => {
    const [name, category, real, cwe] = l.split(',').map((s) => s.trim());
    return { name, category, real: real === 'true', cwe: `CWE-${cwe}` };
  });
}

export function owaspBenchmark(name, language, sample) {
  return {
    name,
    language,
    async run(corpus, out, options = { list: [] }) {
      const dir = join(corpus, name);
      if (!readsLanguage(language, sample)) return out(`${name}: skipped, the engine has no ${language} adapter yet`);
      const files = await listFiles(dir, (f) => readsLanguage(language, f));
      const { results, stats } = await runEngine(dir, files);
      const cases = await expected(dir);
      // A test case is flagged by a finding of its expected CWE in its own file (findings in helpers do not count).
      const flagged = new Set(results.flatMap((r) => r.cwes.map((cwe) => `${r.file.replace(/^.*\//, '').replace(/\.\w+$/, '')}|${cwe}`)));
      const { rows, overall } = scoreCategories(cases, (c) => flagged.has(`${c.name}|${c.cwe}`));
      out(`${name} (${stats.files} files, ${stats.lines} lines, ${stats.ms} ms)`);
      out(table(['category', 'TP', 'FN', 'FP', 'TN', 'TPR', 'FPR', 'score'], rows.map((r) => [r.category, r.tp, r.fn, r.fp, r.tn, pct(r.tpr), pct(r.fpr), pct(r.score)])));
      out(`overall: TPR ${pct(overall.tpr)}, FPR ${pct(overall.fpr)}, Benchmark score ${pct(overall.score)}`);
      listCases(rows, options.list, out);
      return { overall, rows, stats };
    },
  };
}
