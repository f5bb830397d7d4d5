#!/usr/bin/env node
// pnpm bench: every part in its own process, in order, each given this command's arguments (`--quick`); a part
// that has no quick mode ignores the flag. Volume runs last: it is the longest and the heaviest on memory, and
// the other parts' figures should not carry its page cache and swap. A part that fails is reported and the
// others still run; the exit code says whether all of them finished.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The parts, in the order they run. A new bench is one line here. */
const PARTS = [
  'bench/scan-parallel.mjs',
  'bench/install.mjs',
  'packages/sca/bench/run.mjs',
  'bench/dashboard.mjs',
  'bench/volume.mjs',
];

const args = process.argv.slice(2);
const failed = [];
for (const part of PARTS) {
  process.stdout.write(`\n## ${part}${args.length ? ` ${args.join(' ')}` : ''}\n`);
  const child = spawnSync(process.execPath, [join(root, part), ...args], { stdio: 'inherit', cwd: root });
  if (child.status !== 0) failed.push(`${part} (${child.signal ?? `exit ${child.status}`})`);
}
if (failed.length) {
  process.stderr.write(`bench: ${failed.length} part${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
