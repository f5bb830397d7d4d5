// OWASP Juice Shop: recall on its vulnerable-line markers per class, false positives on its correct code fixes,
// and the engine's speed on its server code.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles, pct, readsLanguage, runEngine, table } from '../lib.mjs';

/** The classes that follow a data flow (the others in labels.json are access control, obscurity, …). */
const TAINT_CWES = new Set(['CWE-89', 'CWE-943', 'CWE-79', 'CWE-601']);

function recall(labels, results) {
  const rows = new Map();
  for (const label of labels.vuln_lines.filter((l) => TAINT_CWES.has(l.cwe))) rows.set(`${label.file}|${label.line}|${label.vuln_class}`, label);
  const byClass = new Map();
  for (const label of rows.values()) {
    const own = results.filter((r) => r.file === label.file && r.cwes.includes(label.cwe));
    const entry = byClass.get(label.vuln_class) ?? { cls: label.vuln_class, cwe: label.cwe, rows: 0, strict: 0, lenient: 0 };
    entry.rows++;
    if (own.some((r) => r.line === label.line)) entry.strict++;
    if (own.some((r) => r.line >= label.snippet_start && r.line <= label.snippet_end)) entry.lenient++;
    byClass.set(label.vuln_class, entry);
  }
  return [...byClass.values()].sort((a, b) => a.cls.localeCompare(b.cls));
}

function fixes(labels, results) {
  const out = new Map();
  for (const fix of labels.codefixes.filter((f) => TAINT_CWES.has(f.cwe) && /\.(?:ts|js)$/.test(f.file))) {
    const entry = out.get(fix.vuln_class) ?? { cls: fix.vuln_class, correct: 0, correctFlagged: 0, rejected: 0, rejectedFlagged: 0 };
    const flagged = results.some((r) => `data/static/codefixes/${r.file}` === fix.file && r.cwes.includes(fix.cwe));
    if (fix.correct) (entry.correct++, flagged && entry.correctFlagged++);
    else (entry.rejected++, flagged && entry.rejectedFlagged++);
    out.set(fix.vuln_class, entry);
  }
  return [...out.values()].sort((a, b) => a.cls.localeCompare(b.cls));
}

/** The best of five runs (the first pays for compiling the grammars and warming the JIT). */
async function speed(dir, files, threads) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push((await runEngine(dir, files, { threads })).stats);
  const first = runs[0];
  const best = [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[0];
  return { ...best, first, linesPerSecond: Math.round(best.lines / (best.ms / 1000)), linesPerCpuSecond: Math.round(best.lines / (best.cpuMs / 1000)) };
}

export const juiceShop = {
  name: 'juice-shop',
  language: 'javascript',
  async run(corpus, out) {
    const dir = join(corpus, 'juice-shop');
    if (!readsLanguage('javascript', 'a.ts')) return out('juice-shop: skipped, the engine has no javascript adapter');
    const labels = JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8'));
    const code = await listFiles(dir, (f) => !f.startsWith('data/static/codefixes/') && readsLanguage('javascript', f));
    const { results } = await runEngine(dir, code);
    const classes = recall(labels, results);
    const total = classes.reduce((n, c) => ({ rows: n.rows + c.rows, strict: n.strict + c.strict, lenient: n.lenient + c.lenient }), { rows: 0, strict: 0, lenient: 0 });
    out(`juice-shop: recall on the marked vulnerable lines (${code.length} files)`);
    out(table(['class', 'CWE', 'lines', 'strict', 'lenient'], [...classes.map((c) => [c.cls, c.cwe, c.rows, `${c.strict} (${pct(c.strict / c.rows)})`, `${c.lenient} (${pct(c.lenient / c.rows)})`]), ['all', '', total.rows, `${total.strict} (${pct(total.strict / total.rows)})`, `${total.lenient} (${pct(total.lenient / total.rows)})`]]));
    const fixDir = join(dir, 'data/static/codefixes');
    const fixFiles = await listFiles(fixDir, (f) => readsLanguage('javascript', f));
    const fixResults = (await runEngine(fixDir, fixFiles)).results;
    const fixRows = fixes(labels, fixResults);
    out('juice-shop: code-fix variants with a finding of their class (correct fixes must have none)');
    out(table(['class', 'correct flagged', 'rejected flagged'], fixRows.map((f) => [f.cls, `${f.correctFlagged}/${f.correct}`, `${f.rejectedFlagged}/${f.rejected}`])));
    const single = await speed(dir, code, 0);
    const pooled = await speed(dir, code, 2);
    out(`juice-shop speed (${single.lines} lines, best of 5; CPU time counts every thread):`);
    out(`  in-process: ${single.ms} ms wall, ${single.cpuMs} ms CPU: ${single.linesPerSecond} lines/s, ${single.linesPerCpuSecond} lines per CPU-second`);
    out(`  2 workers:  ${pooled.ms} ms wall, ${pooled.cpuMs} ms CPU: ${pooled.linesPerSecond} lines/s, ${pooled.linesPerCpuSecond} lines per CPU-second`);
    return { classes, total, fixes: fixRows, single, pooled, findings: results.length };
  },
};
