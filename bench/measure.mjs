// One measured process for bench/volume.mjs: prints { ms, rss, code } as its last stdout line, rss from this
// process's own accounting (process.resourceUsage().maxRSS).
//   floor FILE...     read each file and JSON.parse it: what any tool must at least do
//   cli ARGS...       the pipewarden CLI (dist/cli.js, as a user runs it) in this process
//   match CUR BASE    read both logs as merge does and match CUR forward against BASE (core's applyBaseline): the
//                     matching alone, without merge's prioritizing and writing
//   startup           `pipewarden --version` and the GitHub Action's bundle, each as child processes: median wall
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...args] = process.argv.slice(2);
const started = performance.now();
const report = (extra = {}) => process.stdout.write(`\n${JSON.stringify({ ms: performance.now() - started, rss: process.resourceUsage().maxRSS * 1024, ...extra })}\n`);

if (mode === 'floor') {
  for (const file of args) JSON.parse(readFileSync(file, 'utf8'));
  report();
} else if (mode === 'cli') {
  const cli = join(root, 'packages', 'cli', 'dist', 'cli.js');
  process.argv = [process.argv[0], cli, ...args];
  process.on('exit', () => report({ code: process.exitCode ?? 0 }));
  await import(pathToFileURL(cli).href);
} else if (mode === 'match') {
  const { readReport, applyBaseline } = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href);
  const current = (await readReport(args[0], 'sarif')).log;
  const baseline = (await readReport(args[1], 'sarif')).log;
  const counts = applyBaseline(current, baseline);
  report({ counts });
} else if (mode === 'startup') {
  const median = (argv, env = {}) => {
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      spawnSync(process.execPath, argv, { env: { PATH: process.env.PATH, ...env } });
      runs.push(performance.now() - t);
    }
    return runs.sort((a, b) => a - b)[3];
  };
  const version = median([join(root, 'packages', 'cli', 'dist', 'cli.js'), '--version']);
  // The Action with a stage it refuses: it loads, reads its inputs, refuses them and exits; that is its load time
  // (with no inputs at all it would scan the folder it runs in with every default).
  const action = median([join(root, 'packages', 'github-action', 'dist', 'index.js')], { GITHUB_ACTIONS: 'true', INPUT_STAGE: 'load-time-only' });
  const bare = median(['-e', '0']);
  process.stdout.write(`\n${JSON.stringify({ version, action, bare })}\n`);
}
