#!/usr/bin/env node
import manifest from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);
// The version is answered before the CLI's modules load (zod schemas, every format, the GitLab client):
// a pipeline's `pipewarden --version` costs node's start and nothing more.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version')) {
  process.stdout.write(`${manifest.version}\n`);
} else {
  const { main } = await import('./main.js');
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
