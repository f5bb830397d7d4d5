#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not a known error: a bug of ours. Show it whole so it can be reported, and exit 2.
    process.stderr.write(`pipewarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
