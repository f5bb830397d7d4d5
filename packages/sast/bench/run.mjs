#!/usr/bin/env node
// pnpm bench:sast [--corpus DIR] [--json FILE] [--only PART] [--list CATEGORY,…|all]: the engine on the labelled corpus (../shared/sast-corpus, see its
// README): per category TPR, FPR and OWASP Benchmark score (TPR − FPR), Juice Shop recall per class, and speed.
// --list prints the files of the categories' false negatives (FN) and false positives (FP) after their table.
// A part whose language has no adapter yet says so and is skipped; a new language plugs in by its part below.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { juiceShop } from './parts/juice-shop.mjs';
import { owaspBenchmark } from './parts/owasp-benchmark.mjs';
import { phpSard } from './parts/php-sard.mjs';

const PARTS = [
  juiceShop,
  owaspBenchmark('benchmark-python', 'python', 'a.py'),
  owaspBenchmark('benchmark-java', 'java', 'A.java'),
  phpSard,
];

const { values } = parseArgs({ options: { corpus: { type: 'string' }, json: { type: 'string' }, only: { type: 'string' }, list: { type: 'string' } } });
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = resolve(values.corpus ?? join(repo, '../shared/sast-corpus'));
const out = (line) => process.stdout.write(`${line}\n`);
const figures = { date: new Date().toISOString().slice(0, 10), corpus, parts: {} };
for (const part of PARTS) {
  if (values.only && part.name !== values.only) continue;
  out('');
  figures.parts[part.name] = (await part.run(corpus, out, { list: values.list?.split(',') ?? [] })) ?? { skipped: true };
}
if (values.json) await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
