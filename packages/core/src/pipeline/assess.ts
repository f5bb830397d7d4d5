import { PROP, prop } from '../sarif/props.js';
import { resolve } from 'node:path';
import { findingsOf, type Finding } from '../finding.js';
import type { Stage } from '../model/stage.js';
import type { FeedCache } from '../options/scan-options.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { applyGate, type Verdict } from '../policy/gate.js';
import { applyWaivers, describeWaiver, type WaiverReport } from '../policy/waivers.js';
import type { Ports } from '../ports/types.js';
import { enrich } from '../risk/enrich.js';
import { cachedFeeds, readFeedsDir, type Feeds } from '../risk/feeds.js';
import { prioritize } from '../risk/prioritize.js';
import type { Log } from '../sarif/types.js';
import { applyTicketAcceptances, type TicketAcceptance } from '../tickets/acceptance.js';

export interface AssessOptions {
  config: PipewardenConfig;
  cwd: string;
  feedsDir?: string | undefined;
  feedCache?: FeedCache | undefined;
  today?: string | undefined;
  ticketAcceptances?: readonly TicketAcceptance[] | undefined;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function hasCve(log: Log): boolean {
  return log.runs.some((run) =>
    (run.results ?? []).some((r) => /^CVE-/i.test(r.ruleId ?? '') || (prop(r.properties, PROP.ids) ?? []).some((id) => /^CVE-/i.test(id))),
  );
}

/** KEV and EPSS for one run, read or downloaded at most once: by an analyzer that asks, or by the prioritization. */
export interface FeedSource {
  /** The feeds, loading them now if nobody has. */
  load(): Promise<Feeds>;
  /** The feeds this log needs: the user's folder, else the cache only when a CVE needs them. */
  forLog(log: Log): Promise<Feeds>;
}

export function feedSource(options: AssessOptions, ports: Ports): FeedSource {
  let loading: Promise<Feeds> | undefined;
  const load = () => {
    loading ??= (async () => {
      if (options.feedsDir) return readFeedsDir(resolve(options.cwd, options.feedsDir));
      if (!options.feedCache) return { warnings: [] };
      const feeds = options.config.feeds;
      const result = await cachedFeeds({
        cacheDir: resolve(options.cwd, feeds?.cache_dir ?? options.feedCache.cacheDir),
        today: options.today ?? todayUtc(),
        fetch: options.feedCache.fetch,
        offline: feeds?.offline ?? options.feedCache.offline,
        kevUrl: feeds?.kev_url,
        epssUrl: feeds?.epss_url,
      });
      for (const warning of result.warnings) ports.log('warn', warning);
      return result;
    })();
    return loading;
  };
  return { load, forLog: (log) => (loading || options.feedsDir || hasCve(log) ? load() : Promise.resolve({ warnings: [] })) };
}

/** enrich → prioritize → waive: what both a scan and `pipewarden gate` do before the gate. */
export async function assess(log: Log, options: AssessOptions, ports: Ports, feeds: FeedSource = feedSource(options, ports)): Promise<{ waivers: WaiverReport; warnings: string[] }> {
  const loaded = await feeds.forLog(log);
  await enrich(log, { feeds: loaded, context: options.config.context ?? [] });
  prioritize(log, { slaDays: options.config.priorities?.sla_days });
  const waivers = applyWaivers(log, options.config.waivers ?? [], options.today ?? todayUtc());
  // After the config's waivers: a waiver in the repository is the stronger, reviewed record.
  applyTicketAcceptances(log, options.ticketAcceptances ?? []);
  const warnings = [...loaded.warnings];
  for (const expired of waivers.expired) {
    warnings.push(`${describeWaiver(expired.waiver, expired.index)} expired on ${expired.waiver.expires}${expired.matched ? `: ${expired.matched} finding${expired.matched === 1 ? ' is' : 's are'} no longer waived` : ''}`);
  }
  for (const soon of waivers.expiringSoon) {
    warnings.push(`${describeWaiver(soon.waiver, soon.index)} expires on ${soon.waiver.expires}, in ${soon.daysLeft} day${soon.daysLeft === 1 ? '' : 's'}`);
  }
  return { waivers, warnings };
}

/** The gate of a stage: its own rules when its profile names them, else gate.rules. */
export function stageGate(config: PipewardenConfig, stage: Stage): PipewardenConfig['gate'] {
  const rules = config.stages?.[stage]?.rules;
  if (!rules) return config.gate;
  return { on_scanner_error: config.gate?.on_scanner_error ?? 'fail', scope: config.gate?.scope ?? 'new', ...config.gate, rules };
}

/** The stage's gate over the findings; warnings ride along into every output. */
export function judge(findings: readonly Finding[], config: PipewardenConfig, stage: Stage, warnings: readonly string[]): Verdict {
  return applyGate({ findings: [...findings], gate: stageGate(config, stage), mode: config.stages?.[stage]?.gate ?? 'default', warnings: [...warnings] });
}

/** The verdict as the log keeps it, for `pipewarden report` and `gate` to read back. */
export function verdictProp(verdict: Verdict): Record<string, unknown> {
  const { status, failures, scope, gated, total, counts, warnings, errors, incomplete } = verdict;
  return { status, failures, scope, gated, total, counts, warnings, ...(errors?.length ? { errors } : {}), ...(incomplete?.length ? { incomplete } : {}) };
}

/** --fail-fast: would this one log, on its own, fail the gate? (Without feeds: KEV rules wait for the full run.) */
export async function failsAlone(log: Log, config: PipewardenConfig, stage: Stage, today: string | undefined): Promise<boolean> {
  await enrich(log, { feeds: { warnings: [] }, context: config.context ?? [] });
  prioritize(log, { slaDays: config.priorities?.sla_days });
  applyWaivers(log, config.waivers ?? [], today ?? todayUtc());
  return applyGate({ findings: findingsOf(log), gate: stageGate(config, stage) }).status === 'fail';
}
