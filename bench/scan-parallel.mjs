#!/usr/bin/env node
// pnpm bench: measurements, never assertions. This part: is a scan's wall time the slowest scanner's own
// time (parallel) rather than the sum (serial)? Runs the demo app's commit stage several times.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'dist', 'cli.js');
// Flags of `pnpm bench` (--quick) are for other parts: the first plain argument is the folder.
const target = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(root, 'examples', 'vulnerable-app');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const rows = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'pw-bench-'));
  const started = performance.now();
  spawnSync(process.execPath, [cli, 'scan', target, '--quiet', '--out-dir', out], { stdio: 'ignore', env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
  const wall = performance.now() - started;
  const log = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8'));
  const ran = log.properties['pipewarden/scanners'].filter((s) => s.status === 'ran');
  const slowest = Math.max(...ran.map((s) => s.durationMs));
  const sum = ran.reduce((n, s) => n + s.durationMs, 0);
  rows.push({ wall, slowest, sum, scanners: ran.map((s) => `${s.id} ${s.durationMs} ms`).join(', ') });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = median(rows.map((r) => r.wall));
const slowest = median(rows.map((r) => r.slowest));
const sum = median(rows.map((r) => r.sum));
console.log(`scan orchestration on ${target} (${cpus().length} CPUs, median of ${runs} runs)`);
console.log(`  scanners:                 ${rows.at(-1).scanners}`);
console.log(`  wall time (whole CLI):    ${wall.toFixed(0)} ms`);
console.log(`  slowest scanner:          ${slowest.toFixed(0)} ms`);
console.log(`  sum of scanners:          ${sum.toFixed(0)} ms`);
console.log(`  wall / (slowest + 1 s):   ${(wall / (slowest + 1000)).toFixed(2)}  (parallel when <= 1.2)`);
console.log(`  wall / sum:               ${(wall / sum).toFixed(2)}`);
