import { existsSync, readdirSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  ConfigError,
  findConfigFile,
  historyFileOf,
  loadConfigFile,
  nodeExec,
  safeLine,
  type EmitOutputs,
  type FeedCache,
  type HistoryOptions,
  type PipewardenConfig,
  type Ports,
} from '@pipewarden/core';
import { feedFetcher } from './fetcher.js';

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** stderr without the line cleaning, for the live progress line's own cursor codes. */
  rawStderr?: { write(text: string): unknown };
}

/** Each line made safe; the line breaks between them kept. */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line, index, all) => (index === all.length - 1 && line === '' ? '' : safeLine(line, 4000)))
    .join('\n');
}

const COMMON = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsConfig['options'];

/** What `parse` gives for a command's options (named, since the commands live in modules of their own). */
export type Parsed<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ args: string[]; options: typeof COMMON & O; allowPositionals: true; strict: true }>>;

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util names the option in its message; keep only the first sentence.
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    throw new ConfigError(message.replace(/^Unknown option '(.+?)'$/, 'unknown option $1'));
  }
}

/** The feed cache: $PIPEWARDEN_CACHE_DIR, else $XDG_CACHE_HOME/pipewarden, else ~/.cache/pipewarden; offline with PIPEWARDEN_OFFLINE=1. */
export function feedCache(io: CliIo): FeedCache {
  const base = io.env.PIPEWARDEN_CACHE_DIR ?? join(io.env.XDG_CACHE_HOME ?? join(io.env.HOME ?? io.cwd, '.cache'), 'pipewarden');
  const offline = /^(1|true|yes)$/i.test(io.env.PIPEWARDEN_OFFLINE ?? '');
  return { cacheDir: join(base, 'feeds'), offline, fetch: offline ? undefined : feedFetcher(io.env) };
}

export function makePorts(io: CliIo, quiet = false): Ports {
  return {
    exec: nodeExec,
    log: (level, message) => {
      if (quiet && level === 'info') return;
      io.stderr.write(`${level === 'warn' ? 'pipewarden: warning: ' : 'pipewarden › '}${message}\n`);
    },
  };
}

/** Every file the run wrote, the ones a person opens next first; folders of many files as one entry. */
export function shownOutputs(cwd: string, outputs: EmitOutputs): string[] {
  const files = [outputs.sarif, outputs.summary, outputs.html, outputs.json, outputs.junit, ...outputs.gitlab].filter(Boolean).map((path) => relativeTo(cwd, path));
  const folder = (path: string, count: number, what: string) => `${relativeTo(cwd, path)}/ (${count} ${what}${count === 1 ? '' : 's'})`;
  if (outputs.github.length) files.push(folder(outputs.githubDir, outputs.github.length, 'GitHub SARIF file'));
  const raw = join(dirname(outputs.sarif), 'raw');
  const native = existsSync(raw) ? readdirSync(raw).length : 0;
  if (native) files.push(folder(raw, native, 'native report'));
  return files;
}

/** Paths under the working directory are shown relative to it. */
export function relativeTo(cwd: string, path: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The history file a run adds its line to: --history, else the config's, else the out-dir's; none with --no-history. */
export function historyOf(options: { history?: string | undefined; 'no-history': boolean; 'out-dir': string }, config: PipewardenConfig, cwd: string): HistoryOptions | undefined {
  return historyFileOf({ named: options.history, off: options['no-history'], configured: config.history, outDir: options['out-dir'], cwd });
}

/** --config, else DIR's own pipewarden.yml, as the user would name it (relative to the working directory). */
export async function configFileOf(explicit: string | undefined, dir: string, cwd: string): Promise<string | undefined> {
  if (explicit) return explicit;
  const found = await findConfigFile(dir);
  return found && relativeTo(cwd, found);
}

export async function loadConfig(explicit: string | undefined, dir: string, cwd: string): Promise<PipewardenConfig> {
  const file = await configFileOf(explicit, dir, cwd);
  return file ? loadConfigFile(resolve(cwd, file)) : {};
}
