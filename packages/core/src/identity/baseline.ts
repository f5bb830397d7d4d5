import { toFinding } from '../finding.js';
import type { Log, Result, Run } from '../sarif/types.js';
import { FINGERPRINT_KEY, FINGERPRINT_NOPATH_KEY, LINE_HASH_KEY } from './fingerprint.js';

export interface BaselineCounts {
  new: number;
  unchanged: number;
  updated: number;
  /** In the baseline, gone now: fixed (or its code deleted). */
  absent: number;
}

/**
 * The keys a result can be recognised by, strongest first: our fingerprint; the same without the path
 * (a renamed file); GitHub's line hash with the rule; and, for logs of other origins, rule, file and
 * message with numbers folded.
 */
function keysOf(run: Run, result: Result): string[] {
  const tool = run.tool.driver.name;
  const fp = result.partialFingerprints ?? {};
  const keys: string[] = [];
  if (fp[FINGERPRINT_KEY]) keys.push(`v1:${fp[FINGERPRINT_KEY]}`);
  if (fp[FINGERPRINT_NOPATH_KEY]) keys.push(`nopath:${fp[FINGERPRINT_NOPATH_KEY]}`);
  if (fp[LINE_HASH_KEY]) keys.push(`line:${tool}:${result.ruleId ?? ''}:${fp[LINE_HASH_KEY]}`);
  const finding = toFinding(run, result);
  keys.push(`text:${tool}:${finding.ruleId}:${finding.location?.uri ?? ''}:${finding.message.replace(/\d+/g, '#')}`);
  return keys;
}

function changed(previous: { run: Run; result: Result }, run: Run, result: Result): boolean {
  const before = toFinding(previous.run, previous.result);
  const now = toFinding(run, result);
  return before.score !== now.score || (previous.result.level ?? 'warning') !== (result.level ?? 'warning');
}

/** Puts a copy of a baseline result that is gone into the current log, in its tool's run, as absent. */
function addAbsent(log: Log, baselineRun: Run, result: Result): void {
  const name = baselineRun.tool.driver.name;
  const category = baselineRun.properties?.['pipewarden/category'];
  let run = log.runs.find((r) => r.tool.driver.name === name && r.properties?.['pipewarden/category'] === category) ?? log.runs.find((r) => r.tool.driver.name === name);
  if (!run) {
    run = { tool: { driver: { ...baselineRun.tool.driver, rules: [] } }, results: [], ...(baselineRun.properties ? { properties: { ...baselineRun.properties } } : {}) };
    log.runs.push(run);
  }
  const copy: Result = structuredClone(result);
  copy.baselineState = 'absent';
  const ruleId = copy.ruleId ?? copy.rule?.id;
  delete copy.rule;
  if (ruleId !== undefined) {
    const rules = (run.tool.driver.rules ??= []);
    let index = rules.findIndex((rule) => rule.id === ruleId);
    if (index < 0) {
      const original = baselineRun.tool.driver.rules?.find((rule) => rule.id === ruleId);
      rules.push(original ? structuredClone(original) : { id: ruleId });
      index = rules.length - 1;
    }
    copy.ruleIndex = index;
  } else {
    delete copy.ruleIndex;
  }
  // Indexes into the baseline run's artifacts mean nothing here; the URI stays.
  for (const location of copy.locations ?? []) {
    const artifact = location.physicalLocation?.artifactLocation;
    if (artifact && artifact.index !== undefined) delete artifact.index;
  }
  (run.results ??= []).push(copy);
}

/**
 * Compares the log with the last default-branch run: every result becomes new, unchanged or updated
 * (same finding, changed severity), and each baseline result no longer found is added as absent.
 */
export interface BaselineOptions {
  /**
   * Baseline results this run could not have seen (an incremental scan skipped their file): they are carried
   * over as unchanged, never counted as fixed.
   */
  unseen?: (run: Run, result: Result) => boolean;
}

export function applyBaseline(log: Log, baseline: Log, options: BaselineOptions = {}): BaselineCounts {
  const index = new Map<string, { run: Run; result: Result; matched: boolean }[]>();
  const pending: { run: Run; result: Result; matched: boolean }[] = [];
  for (const run of baseline.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const entry = { run, result, matched: false };
      pending.push(entry);
      for (const key of keysOf(run, result)) {
        const list = index.get(key);
        if (list) list.push(entry);
        else index.set(key, [entry]);
      }
    }
  }
  const counts: BaselineCounts = { new: 0, unchanged: 0, updated: 0, absent: 0 };
  // Two passes: exact fingerprints first, so a weaker key never takes a baseline result a stronger one needs.
  const current = log.runs.flatMap((run) => (run.results ?? []).filter((r) => r.baselineState !== 'absent').map((result) => ({ run, result, keys: keysOf(run, result), done: false })));
  for (let strength = 0; strength < 4; strength++) {
    for (const item of current) {
      if (item.done) continue;
      const key = item.keys.find((k) => k.startsWith(['v1:', 'nopath:', 'line:', 'text:'][strength]!));
      const candidate = key ? index.get(key)?.find((entry) => !entry.matched) : undefined;
      if (!candidate) continue;
      candidate.matched = true;
      item.done = true;
      item.result.baselineState = changed(candidate, item.run, item.result) ? 'updated' : 'unchanged';
      counts[item.result.baselineState]++;
    }
  }
  for (const item of current) {
    if (item.done) continue;
    item.result.baselineState = 'new';
    counts.new++;
  }
  for (const entry of pending) {
    if (entry.matched) continue;
    if (options.unseen?.(entry.run, entry.result)) {
      addAbsent(log, entry.run, entry.result);
      const carried = log.runs.flatMap((r) => r.results ?? []).at(-1)!;
      carried.baselineState = 'unchanged';
      carried.properties = { ...carried.properties, 'pipewarden/scope': 'out', 'pipewarden/carriedOver': true };
      counts.unchanged++;
      continue;
    }
    addAbsent(log, entry.run, entry.result);
    counts.absent++;
  }
  return counts;
}
