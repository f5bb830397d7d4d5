import { resolve } from 'node:path';
import {
  ConfigError,
  InputError,
  computeMetrics,
  findingsOf,
  historyFileOf,
  loadHistory,
  readReport,
  renderMetricsHtml,
  renderMetricsMarkdown,
  todayUtc,
  writeFileAtomic,
  type HistoryLine,
  type MetricsOptions,
  type PipewardenConfig,
  type Provenance,
} from '@pipewarden/core';
import type { z } from 'zod';
import type { metricsOptionsSchema } from './options.js';

export const METRICS_USAGE = `Usage: pipewarden metrics [--history FILE]... [--store URL] [--format markdown|json|html] [-o FILE]

The numbers a security team reports, from Pipewarden's own runs: findings introduced and fixed per week,
mean time to fix by priority, SLA breaches, findings caught before production (seen on a branch or before
a commit, gone before the default branch) against those found in production, waivers by age, and which
images are built on which base. Definitions: docs/metrics.md.

Options:
  --history FILE     a history.jsonl (repeatable; default: pipewarden.yml's history, else .pipewarden/history.jsonl)
  --store URL        a shared store for many repositories: a SQLite file (path or sqlite:PATH) or a
                     postgres:// URL; the --history files are added to it first (a line is stored once),
                     then the figures cover every repository in it
  --repo NAME        only this repository (owner/name; repeatable)
  --baseline SARIF   the default branch's last results.sarif: what is open now (for SLA), when the history
                     started after its findings were there
  --config FILE      pipewarden.yml, for priorities.sla_days (default: ./pipewarden.yml when present)
  --format F         markdown (default) | json | html (with trend charts)
  -o, --output FILE  write there instead of stdout
  --today DATE       judge ages as of this day (YYYY-MM-DD; default today, UTC)
  --weeks N          the last N weeks in the weekly table and trend (default 52)

Corrupt or truncated history lines are reported with their line number and skipped. Exit codes: 0, or 2 on an error.`;

type MetricsCliOptions = z.output<typeof metricsOptionsSchema>;

interface Io {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What the default branch's last log says is open now, for the figures' SLA part. */
async function openOf(file: string, cwd: string, lines: readonly HistoryLine[], warn: (message: string) => void): Promise<MetricsOptions['baseline']> {
  const { log, warnings } = await readReport(resolve(cwd, file), 'sarif').catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(`baseline ${error.message}`, { file, cause: error });
    throw error;
  });
  for (const warning of warnings) warn(`${file}: ${warning}`);
  const repos = [...new Set(lines.map((line) => line.repo))];
  const repo = (log.properties?.['pipewarden/provenance'] as Provenance | undefined)?.repository ?? (repos.length === 1 ? repos[0] : undefined);
  if (!repo) throw new ConfigError(`--baseline: the log does not say which repository it is of, and the history has ${repos.length} (${repos.slice(0, 5).join(', ')}); give --repo`);
  const open = findingsOf(log)
    .filter((f) => f.result.baselineState !== 'absent' && !f.suppressed && f.fingerprint)
    .map((f) => ({ fp: f.fingerprint!, p: f.priority ?? 'P4', c: f.category, s: f.scanner, r: f.ruleId, first: f.result.provenance?.firstDetectionTimeUtc }));
  return { repo, open };
}

/** `pipewarden metrics`: history files (and a store) → the figures, as Markdown, JSON or HTML. */
export async function runMetrics(options: MetricsCliOptions, config: PipewardenConfig, io: Io): Promise<number> {
  const warn = (message: string) => io.stderr.write(`pipewarden: warning: ${message}\n`);
  // What a scan run here would have written to, when no file is named and no store holds the lines.
  const files = options.history.length ? options.history.map((named) => historyFileOf({ named, outDir: '.', cwd: io.cwd })!) : options.store ? [] : [historyFileOf({ configured: config.history, outDir: '.pipewarden', cwd: io.cwd })!];
  let lines: HistoryLine[] = [];
  for (const file of files) {
    const read = await loadHistory(file, warn);
    // An empty or missing history is worth one line: the figures below would all be zero.
    if (!read.lines.length && !read.skipped.length && !options.store) warn(`${file.shown}: no history yet (each scan adds a line; keep the file between runs)`);
    lines.push(...read.lines);
  }
  if (options.store) {
    const { openStore, shownUrl } = await import('@pipewarden/store');
    const store = await openStore(options.store, io.cwd);
    try {
      if (lines.length) {
        const { added, known } = await store.add(lines);
        io.stderr.write(`pipewarden › ${shownUrl(options.store)}: ${added} run${added === 1 ? '' : 's'} added${known ? `, ${known} already there` : ''}\n`);
      }
      lines = await store.lines(options.repo);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`the store failed: ${(error as Error).message.split('\n')[0]}`, { file: shownUrl(options.store), cause: error });
    } finally {
      await store.close().catch(() => undefined);
    }
  } else if (options.repo.length) {
    lines = lines.filter((line) => options.repo.includes(line.repo));
  }
  const metrics = computeMetrics(lines, {
    today: options.today ?? todayUtc(),
    slaDays: config.priorities?.sla_days,
    weeks: options.weeks,
    baseline: options.baseline ? await openOf(options.baseline, io.cwd, lines, (message) => io.stderr.write(`pipewarden: warning: ${message}\n`)) : undefined,
  });
  const text = options.format === 'json' ? `${JSON.stringify(metrics, null, 2)}\n` : options.format === 'html' ? renderMetricsHtml(metrics) : renderMetricsMarkdown(metrics);
  if (options.output) {
    await writeFileAtomic(resolve(io.cwd, options.output), text);
    io.stderr.write(`pipewarden › wrote ${options.output}: ${metrics.runs} runs of ${metrics.repos.length} repositor${metrics.repos.length === 1 ? 'y' : 'ies'}\n`);
  } else io.stdout.write(text);
  return 0;
}
