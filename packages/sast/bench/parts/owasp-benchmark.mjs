// OWASP Benchmark (Python, Java): one test case per file, scored per category from expectedresults-*.csv.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles, pct, readsLanguage, runEngine, scoreCategories, table } from '../lib.mjs';

async function expected(dir) {
  const file = (await listFiles(dir, (f) => /^expectedresults-.*\.csv$/.test(f)))[0];
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  return lines.map((l) => {
    const [name, category, real, cwe] = l.split(',').map((s) => s.trim());
    return { name, category, real: real === 'true', cwe: `CWE-${cwe}` };
  });
}

/** The cases a category (or `all`) got wrong, by kind: what to read when working on precision or recall. */
function listMistakes(cases, category, flagged, out) {
  const wrong = cases.filter((c) => (category === 'all' || c.category === category) && c.real !== flagged(c));
  for (const kind of ['FP', 'FN']) {
    const names = wrong.filter((c) => (kind === 'FP') === !c.real).map((c) => `${c.name} (${c.category})`);
    out(`${kind} ${names.length}: ${names.join(', ') || '-'}`);
  }
}

export function owaspBenchmark(name, language, sample) {
  return {
    name,
    language,
    async run(corpus, out, options = {}) {
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
      if (options.list) listMistakes(cases, options.list, (c) => flagged.has(`${c.name}|${c.cwe}`), out);
      return { overall, rows, stats };
    },
  };
}
