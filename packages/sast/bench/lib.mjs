// Shared by the benchmark parts: running the engine on a folder, reading results by CWE, scoring.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { adapterFor, analyzeFiles } from '../dist/index.js';

/** Every file under dir (relative POSIX paths), optionally filtered. */
export async function listFiles(dir, keep = () => true) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(keep)
    .sort();
}

/** The languages the engine reads today (an adapter and rules): parts of other languages are skipped, and said so. */
export function readsLanguage(language, sampleFile) {
  const found = adapterFor(sampleFile);
  return found !== undefined && found.adapter.id === language;
}

/** Runs the engine; results come back as { file, line, cwes, ruleId, confidence }. */
export async function runEngine(root, files, options = {}) {
  const { log, stats } = await analyzeFiles({ root, files, ...options });
  const run = log.runs[0];
  const cwesOf = new Map(run.tool.driver.rules.map((r) => [r.id, (r.properties?.tags ?? []).filter((t) => t.startsWith('external/cwe/')).map((t) => t.slice('external/cwe/'.length).toUpperCase())]));
  const results = (run.results ?? []).map((r) => ({
    file: decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri),
    line: r.locations[0].physicalLocation.region.startLine,
    ruleId: r.ruleId,
    cwes: cwesOf.get(r.ruleId) ?? [],
    confidence: r.properties?.['pipewarden/confidence'],
  }));
  return { results, stats };
}

/** OWASP Benchmark scoring (file level, per category, unweighted means): see sast-corpus/README.md. */
export function scoreCategories(cases, flagged) {
  const byCategory = new Map();
  for (const c of cases) {
    const row = byCategory.get(c.category) ?? { category: c.category, tp: 0, fn: 0, fp: 0, tn: 0, missed: [], falseAlarms: [] };
    const hit = flagged(c);
    if (c.real) hit ? row.tp++ : (row.fn++, row.missed.push(c.name));
    else hit ? (row.fp++, row.falseAlarms.push(c.name)) : row.tn++;
    byCategory.set(c.category, row);
  }
  const rows = [...byCategory.values()].sort((a, b) => a.category.localeCompare(b.category)).map((r) => {
    const tpr = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 0;
    const fpr = r.fp + r.tn ? r.fp / (r.fp + r.tn) : 0;
    return { ...r, tpr, fpr, score: tpr - fpr };
  });
  const mean = (key) => (rows.length ? rows.reduce((n, r) => n + r[key], 0) / rows.length : 0);
  return { rows, overall: { tpr: mean('tpr'), fpr: mean('fpr'), score: mean('score') } };
}

/** --list CATEGORY,…: the cases behind a category's misses and false alarms, to read them (never to tune on one). */
export function listCases(rows, categories, out) {
  for (const r of rows) {
    if (!categories.includes(r.category) && !categories.includes('all')) continue;
    for (const name of r.missed) out(`FN ${r.category} ${name}`);
    for (const name of r.falseAlarms) out(`FP ${r.category} ${name}`);
  }
}

export const pct = (x) => `${(x * 100).toFixed(1)}%`;

export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
