import { rename, writeFile } from 'node:fs/promises';

/**
 * The command line every bundled tool runner takes, in the scanned folder: `--output FILE`, then either
 * `--all` (walk the folder) or `-- FILE...`; `--ignore-pattern P` (repeatable) for what a walk must skip.
 */
export interface RunnerArgs {
  output: string;
  files: string[];
  all: boolean;
  ignorePatterns: string[];
}

export function parseRunnerArgs(argv: readonly string[]): RunnerArgs {
  const args: RunnerArgs = { output: '', files: [], all: false, ignorePatterns: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--all') args.all = true;
    else if (arg === '--output' && argv[i + 1] !== undefined) args.output = argv[++i]!;
    else if (arg === '--ignore-pattern' && argv[i + 1] !== undefined) args.ignorePatterns.push(argv[++i]!);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  if (!args.output) throw new Error('--output FILE is required');
  return args;
}

/** The report lands whole or not at all: a scanner killed mid-write leaves no half file for core to read. */
export async function writeReport(file: string, text: string): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, text);
  await rename(partial, file);
}

/**
 * Runs a tool runner as a process of its own: exit 0 clean, 1 findings, 2 an error, said in one line
 * (core reads the exit code through the scanner's exitMeaning and shows stderr when it failed).
 */
export function runMain(run: (args: RunnerArgs) => Promise<0 | 1>): void {
  let args: RunnerArgs;
  try {
    args = parseRunnerArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  run(args).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
