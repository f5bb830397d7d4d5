#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import manifest from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);
// The version is answered before the CLI's modules load (zod schemas, every format, the GitLab client):
// a pipeline's `pipewarden --version` costs node's start and nothing more.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version')) {
  process.stdout.write(`${manifest.version}\n`);
} else {
  // A larger young generation: a million results allocate fast and most of it dies young; with V8's default
  // (16 MB) a 1M-result convert spent a fifth of its time more in the garbage collector.
  setFlagsFromString('--max-semi-space-size=32');
  const { main, stopAllCommands } = await import('./main.js');
  // A cancelled CI job (SIGTERM), Ctrl-C (SIGINT) or a closed terminal: scanners run in process groups of their
  // own, so they would not get the signal; every one is stopped, with what it started, before Pipewarden exits.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      process.stderr.write(`pipewarden: stopped by ${signal}: the scanners it started are stopped\n`);
      void stopAllCommands().finally(() => process.exit(code));
    });
  }
  await main(argv, { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Not a known error: a bug of ours. Show it whole so it can be reported, and exit 2.
      process.stderr.write(`pipewarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
