import { chmod } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  configJsonSchema,
  formats,
  installedToolDirs,
  installHintOf,
  isPipewardenError,
  nodeExec,
  readRegularText,
  scanners,
  STARTER_CONFIG,
  toolCacheDir,
  toolPlatformOf,
  version,
  withToolDirs,
  writeFileAtomic,
} from '@pipewarden/core';
import { ATTEST_USAGE, VERIFY_USAGE, runAttest, runVerify } from './attest-command.js';
import { ATTEST_FLAGS, VERIFY_FLAGS, attestOptionsSchema, verifyOptionsSchema } from './attest-options.js';
import { exists, loadConfig, makePorts, parse, safeLines, type CliIo } from './cli-io.js';
import { convert, gate, merge } from './log-commands.js';
import { METRICS_USAGE, runMetrics } from './metrics-command.js';
import { metricsOptionsSchema, reportOptionsSchema, serveOptionsSchema, validateOptions } from './options.js';
import { REPORT_USAGE, renderReport } from './report-command.js';
import { scan } from './scan-command.js';
import { TOOLS_USAGE, runTools } from './tools/command.js';

export { stopAllCommands } from '@pipewarden/core';
export type { CliIo } from './cli-io.js';

const USAGE = `Usage: pipewarden <command> [options]

Commands:
  scan [DIR]               run the stage's scanners on DIR (default .), then the whole pipeline
  convert REPORT...        native report(s) → one SARIF 2.1.0 log
  formats                  list the report formats convert and --report read
  merge SARIF... -o FILE   join shards' or tools' SARIF into one log, deduplicated
  gate SARIF               re-prioritize and gate an existing log with today's feeds (production stage)
  init                     write a commented starter pipewarden.yml
  hook install             install a git pre-commit hook that scans the staged files
  report SARIF --format F  render summary.md, report.html, report.json, JUnit, GitHub or GitLab files from a log
  metrics                  the numbers a security team reports, from the history file(s) or a shared store
  serve --store URL        the read-only dashboard over a shared store (127.0.0.1:8080 by default)
  schema                   print pipewarden.yml's JSON Schema
  scanners                 list the scanners, whether each is installed, and how to install it
  tools install [ID...]    install the pinned external scanners into the tool cache, checksums verified
  attest --subject S...    sign an in-toto attestation of the scan over the artifacts built (key or keyless)
  verify --attestation F   the promotion gate: signature, subjects, verdict and age of an attestation

Options:
  -h, --help               help (also: pipewarden <command> --help)
  -v, --version            print the version

Exit codes: 0 the gate passed, 1 the gate failed, 2 an error (one line on stderr).`;

async function report(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, history: { type: 'string' } });
  if (values.help) {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(reportOptionsSchema, { ...values, reports: positionals });
  return renderReport({ sarif: options.reports[0]!, format: options.format, output: options.output, history: options.history }, io);
}

async function metrics(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    history: { type: 'string', multiple: true },
    store: { type: 'string' },
    baseline: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    today: { type: 'string' },
    weeks: { type: 'string' },
    repo: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout.write(`${METRICS_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(metricsOptionsSchema, values);
  const config = await loadConfig(options.config, io.cwd, io.cwd);
  return runMetrics(options, config, io);
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    store: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'token-env': { type: 'string' },
    config: { type: 'string' },
    today: { type: 'string' },
    weeks: { type: 'string' },
    refresh: { type: 'string' },
  });
  // Loaded only for this command: a scan never reads the dashboard's code.
  const { SERVE_USAGE, runServe } = await import('./serve-command.js');
  if (values.help) {
    io.stdout.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  const options = validateOptions(serveOptionsSchema, values);
  const config = await loadConfig(options.config, io.cwd, io.cwd);
  return runServe(options, config, io);
}

async function tools(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { 'cache-dir': { type: 'string' }, mirror: { type: 'string' }, checksums: { type: 'string' }, config: { type: 'string' } });
  if (values.help || !positionals.length) {
    io.stdout.write(`${TOOLS_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = await loadConfig(values.config, io.cwd, io.cwd);
  const [sub, ...ids] = positionals;
  return runTools(sub, ids, values, config, io);
}

async function attest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, ATTEST_FLAGS);
  if (values.help) {
    io.stdout.write(`${ATTEST_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new ConfigError(`attest takes no positional arguments (got ${positionals.join(' ')}); name artifacts with --subject`);
  return runAttest(validateOptions(attestOptionsSchema, values), io);
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, VERIFY_FLAGS);
  if (values.help) {
    io.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  if (positionals.length) throw new ConfigError(`verify takes no positional arguments (got ${positionals.join(' ')}); use --attestation and --subject`);
  return runVerify(validateOptions(verifyOptionsSchema, values), io);
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write('Usage: pipewarden init [DIR] [--force]\n\nWrites a commented starter pipewarden.yml into DIR (default .).\n');
    return 0;
  }
  const target = join(resolve(io.cwd, positionals[0] ?? '.'), 'pipewarden.yml');
  if (!values.force && (await exists(target))) throw new ConfigError('already exists; use --force to overwrite it', { file: target });
  await writeFileAtomic(target, STARTER_CONFIG);
  io.stderr.write(`pipewarden › wrote ${target}\n`);
  return 0;
}

const HOOK_MARKER = '# installed by pipewarden hook install';

async function hook(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  if (values.help || positionals[0] !== 'install') {
    if (!values.help) throw new ConfigError('usage: pipewarden hook install [--force]');
    io.stdout.write('Usage: pipewarden hook install [--force]\n\nWrites .git/hooks/pre-commit: scans the staged files (stage precommit) before every commit.\n');
    return 0;
  }
  const git = await nodeExec({ command: 'git', args: ['rev-parse', '--git-path', 'hooks'], cwd: io.cwd, env: io.env, timeoutMs: 30_000 });
  if (git.exitCode !== 0) throw new ConfigError('not inside a git repository', { file: io.cwd });
  const dir = resolve(io.cwd, git.stdout.trim());
  const target = join(dir, 'pre-commit');
  if (!values.force && (await exists(target))) {
    const current = await readRegularText(target, { maxBytes: 1024 * 1024 });
    if (!current.includes(HOOK_MARKER)) throw new ConfigError('a pre-commit hook is already there; use --force to replace it', { file: target });
  }
  const script = `#!/bin/sh
${HOOK_MARKER}
# Scans what is staged; a failing gate stops the commit (bypass once with git commit --no-verify).
if command -v pipewarden >/dev/null 2>&1; then set -- pipewarden; else set -- npx --no-install pipewarden; fi
exec "$@" scan --stage precommit --staged --quiet --out-dir "$(git rev-parse --git-dir)/pipewarden"
`;
  await writeFileAtomic(target, script);
  await chmod(target, 0o755);
  io.stderr.write(`pipewarden › wrote ${target}\n`);
  return 0;
}

function listFormats(io: CliIo): number {
  const width = Math.max(...formats.map((f) => f.id.length)) + 2;
  for (const format of formats) io.stdout.write(`${format.id.padEnd(width)}${format.title}  (${format.producedBy})\n`);
  return 0;
}

async function listScanners(io: CliIo): Promise<number> {
  const ports = makePorts(io);
  // As scan sees them: the tool cache's verified builds first.
  const env = withToolDirs(io.env, installedToolDirs(toolCacheDir(io.env, io.cwd), toolPlatformOf(process.platform, process.arch)));
  // Each column as wide as its widest value plus two spaces: columns never run into each other.
  const column = (values: readonly string[]) => Math.max(...values.map((v) => v.length)) + 2;
  const widths = [column(scanners.map((s) => s.id)), column(scanners.map((s) => s.category)), column(scanners.map((s) => s.stages.join(',')))];
  for (const scanner of scanners) {
    const availability = await scanner.detect({ ports, env, root: io.cwd });
    const state = availability.available ? `installed ${availability.version}${availability.caveat ? ` (${availability.caveat})` : ''}` : `not installed: ${installHintOf(scanner)}`;
    io.stdout.write(`${scanner.id.padEnd(widths[0]!)}${scanner.category.padEnd(widths[1]!)}${scanner.stages.join(',').padEnd(widths[2]!)}${state}\n`);
  }
  return 0;
}

/** Runs one command line; returns the exit code. Known errors become one line on stderr and exit 2. */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Every message line carries text from reports, tools or paths: none may forge the terminal or the log
  // (escape sequences, control characters, a newline that starts a line of its own). The live progress line,
  // ours alone, keeps its own escape codes.
  const io: CliIo = { ...given, stderr: { write: (text: string) => given.stderr.write(safeLines(text)), isTTY: given.stderr.isTTY }, rawStderr: given.stderr };
  try {
    switch (command) {
      case 'scan':
        return await scan(rest, io);
      case 'convert':
        return await convert(rest, io);
      case 'merge':
        return await merge(rest, io);
      case 'gate':
        return await gate(rest, io);
      case 'init':
        return await init(rest, io);
      case 'report':
        return await report(rest, io);
      case 'metrics':
        return await metrics(rest, io);
      case 'hook':
        return await hook(rest, io);
      case 'attest':
        return await attest(rest, io);
      case 'verify':
        return await verify(rest, io);
      case 'serve':
        return await serve(rest, io);
      case 'schema':
        io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
        return 0;
      case 'formats':
        return listFormats(io);
      case 'scanners':
        return await listScanners(io);
      case 'tools':
        return await tools(rest, io);
      case '-v':
      case '--version':
      case 'version':
        io.stdout.write(`${version}\n`);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new ConfigError(`unknown command "${command}" (commands: scan, convert, merge, gate, report, metrics, serve, attest, verify, formats, scanners, tools, init, hook, schema; see --help)`);
    }
  } catch (error) {
    if (error instanceof ConfigError && error.file && error.problems.length > 1 && /^invalid configuration/.test(error.message)) {
      // A config with several mistakes: one line each, with its path, so all are fixed in one go.
      for (const problem of error.problems) io.stderr.write(`pipewarden: ${error.file}: ${problem}\n`);
      return 2;
    }
    if (isPipewardenError(error)) {
      io.stderr.write(`pipewarden: ${error.toLine()}\n`);
      return 2;
    }
    throw error;
  }
}
