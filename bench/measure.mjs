// One measured process for bench/volume.mjs: prints { ms, rss } (rss from this process's own accounting).
//   floor FILE        read the file and JSON.parse it: what any tool must at least do
//   cli ARGS...       the pipewarden CLI in this process (its output discarded)
//   startup           `pipewarden --version` as a child process, wall time
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
let code = 0;
if (mode === 'floor') {
  JSON.parse(readFileSync(args[0], 'utf8'));
} else if (mode === 'cli') {
  const { main } = await import(join(root, 'packages', 'cli', 'dist', 'index.js'));
  const sink = { write: () => true };
  let last = '';
  code = await main(args, { env: process.env, cwd: process.cwd(), stdout: sink, stderr: { write: (t) => ((last = String(t)), true) } });
  if (code === 2) {
    process.stdout.write(`${JSON.stringify({ error: last.trim() })}\n`);
    process.exit(0);
  }
} else if (mode === 'startup') {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [join(root, 'packages', 'cli', 'dist', 'cli.js'), '--version']);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ ms: runs[2], rss: 0 })}\n`);
  process.exit(0);
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, rss: process.resourceUsage().maxRSS * 1024, code })}\n`);
