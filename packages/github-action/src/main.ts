import { run } from './run.js';

// The runner's entry point (action.yml runs.main → dist/index.js).
process.exitCode = await run();
