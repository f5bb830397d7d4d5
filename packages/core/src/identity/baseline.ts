import { PROP } from '../sarif/props.js';
import { fileUriOf, messageText, ruleOf, scoreOf } from '../finding.js';
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
 * message with numbers folded (made only when a result is still unmatched after the others: it costs).
 */
const STRENGTHS = ['v1', 'nopath', 'line', 'text'] as const;
type Strength = (typeof STRENGTHS)[number];

/**
 * What a result is recognised by at the weakest strength: the fields a Finding view would give, without the view.
 * Compared field by field (the string key this replaces joined them with NUL, so a rule id holding one could run
 * into the file name).
 */
interface TextKey {
  tool: string;
  ruleId: string;
  uri: string;
  message: string;
}

function textKeyOf(run: Run, result: Result): TextKey {
  const rule = ruleOf(run, result);
  // String(): a log built in code (never checked) may lack the tool's name; the string key it replaces said 'undefined'.
  return { tool: String(run.tool.driver.name), ruleId: result.ruleId ?? result.rule?.id ?? rule?.id ?? '(no rule)', uri: fileUriOf(result) ?? '', message: messageText(result, rule) };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
const HASH = 0x23;

/** FNV-1a over one part, a run of digits counted as one '#' when `fold`, and a separator after it. */
function mix(hash: number, text: string, fold: boolean): number {
  let h = hash;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (fold && c >= 48 && c <= 57) {
      if (!inDigits) h = Math.imul(h ^ HASH, FNV_PRIME);
      inDigits = true;
      continue;
    }
    inDigits = false;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return Math.imul(h ^ 0, FNV_PRIME);
}

/**
 * The text key as a number: a string per result (rule, file and folded message joined) cost more than all
 * the rest of a 100k match, hashing and comparing them as Map keys most of it. Equal numbers are only
 * candidates: sameText decides.
 */
export function textHash(key: TextKey): number {
  // 30 bits: a small integer to V8 (no heap number per key, and the Map hashes it as it is).
  return mix(mix(mix(mix(FNV_OFFSET, key.tool, false), key.ruleId, false), key.uri, false), key.message, true) & 0x3fffffff;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether two messages are the same once every run of digits is one '#' (`a.replace(/\d+/g, '#') === b.replace(…)`). */
export function foldedEqual(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    let ca = a.charCodeAt(i++);
    let cb = b.charCodeAt(j++);
    // A run of digits reads as the '#' it is folded to (so it also equals a '#' written as such).
    if (isDigit(ca)) {
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      ca = HASH;
    }
    if (isDigit(cb)) {
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      cb = HASH;
    }
    if (ca !== cb) return false;
  }
}

function sameText(a: TextKey, b: TextKey): boolean {
  return a.tool === b.tool && a.ruleId === b.ruleId && a.uri === b.uri && foldedEqual(a.message, b.message);
}

/** The key at a fingerprint strength; the text key is made apart (textKeyOf, textHash): it is checked again on a hit. */
function keyOf(run: Run, result: Result, strength: Exclude<Strength, 'text'>): string | undefined {
  const fp = result.partialFingerprints;
  switch (strength) {
    case 'v1':
      return fp?.[FINGERPRINT_KEY];
    case 'nopath':
      return fp?.[FINGERPRINT_NOPATH_KEY];
    case 'line':
      return fp?.[LINE_HASH_KEY] === undefined ? undefined : `${run.tool.driver.name}\u0000${result.ruleId ?? ''}\u0000${fp[LINE_HASH_KEY]}`;
  }
}

function changed(previous: { run: Run; result: Result }, run: Run, result: Result): boolean {
  return scoreOf(previous.result, ruleOf(previous.run, previous.result)) !== scoreOf(result, ruleOf(run, result)) || (previous.result.level ?? 'warning') !== (result.level ?? 'warning');
}

/** Where absent results go: the current run of the same tool (and category), or a new one; rules by id. */
class AbsentRuns {
  private readonly runs = new Map<string, { run: Run; rules: Map<string, number> }>();
  constructor(private readonly log: Log) {}

  private target(baselineRun: Run): { run: Run; rules: Map<string, number> } {
    const name = baselineRun.tool.driver.name;
    const category = baselineRun.properties?.[PROP.category];
    const key = `${name}\u0000${String(category)}`;
    let found = this.runs.get(key);
    if (!found) {
      let run = this.log.runs.find((r) => r.tool.driver.name === name && r.properties?.[PROP.category] === category) ?? this.log.runs.find((r) => r.tool.driver.name === name);
      if (!run) {
        run = { tool: { driver: { ...baselineRun.tool.driver, rules: [] } }, results: [], ...(baselineRun.properties ? { properties: { ...baselineRun.properties } } : {}) };
        this.log.runs.push(run);
      }
      const rules = new Map<string, number>();
      (run.tool.driver.rules ?? []).forEach((rule, i) => {
        if (!rules.has(rule.id)) rules.set(rule.id, i);
      });
      found = { run, rules };
      this.runs.set(key, found);
    }
    return found;
  }

  /** Puts a copy of a baseline result that is gone into the current log, in its tool's run, as absent. */
  add(baselineRun: Run, result: Result): Result {
    const { run, rules } = this.target(baselineRun);
    const copy: Result = structuredClone(result);
    copy.baselineState = 'absent';
    const ruleId = copy.ruleId ?? copy.rule?.id;
    delete copy.rule;
    if (ruleId !== undefined) {
      let index = rules.get(ruleId);
      if (index === undefined) {
        const list = (run.tool.driver.rules ??= []);
        const original = ruleOf(baselineRun, { ruleId, message: {} });
        list.push(original ? structuredClone(original) : { id: ruleId });
        index = list.length - 1;
        rules.set(ruleId, index);
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
    return copy;
  }
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
  type Entry = { run: Run; result: Result; matched: boolean; text?: TextKey };
  const pending: Entry[] = [];
  for (const run of baseline.runs) for (const result of run.results ?? []) if (result.baselineState !== 'absent') pending.push({ run, result, matched: false });
  const current: { run: Run; result: Result; done: boolean }[] = [];
  for (const run of log.runs) for (const result of run.results ?? []) if (result.baselineState !== 'absent') current.push({ run, result, done: false });
  const counts: BaselineCounts = { new: 0, unchanged: 0, updated: 0, absent: 0 };
  // One pass per strength, exact fingerprints first, so a weaker key never takes a baseline result a
  // stronger one needs; each pass indexes only the baseline results still unmatched.
  let open = current;
  for (const strength of STRENGTHS) {
    if (!open.length) break;
    // The current results' keys first: a log of another origin has no fingerprints of ours, and an index of the
    // baseline's would be built for nothing.
    const texts = strength === 'text' ? open.map((item) => textKeyOf(item.run, item.result)) : undefined;
    const keys = texts ? texts.map(textHash) : open.map((item) => keyOf(item.run, item.result, strength as Exclude<Strength, 'text'>));
    if (keys.every((key) => key === undefined)) continue;
    // Keys are nearly always unique: a list only where two baseline results share one (no array per key).
    const index = new Map<string | number, Entry | Entry[]>();
    for (const entry of pending) {
      if (entry.matched) continue;
      const key = texts ? textHash((entry.text = textKeyOf(entry.run, entry.result))) : keyOf(entry.run, entry.result, strength as Exclude<Strength, 'text'>);
      if (key === undefined) continue;
      const found = index.get(key);
      if (found === undefined) index.set(key, entry);
      else if (Array.isArray(found)) found.push(entry);
      else index.set(key, [found, entry]);
    }
    if (!index.size) continue;
    for (let i = 0; i < open.length; i++) {
      const item = open[i]!;
      const key = keys[i];
      const found = key === undefined ? undefined : index.get(key);
      // A text key is a hash: the candidate must also have the same text.
      const text = texts?.[i];
      const fits = (entry: Entry): boolean => !entry.matched && (!text || sameText(entry.text!, text));
      const candidate = found === undefined ? undefined : Array.isArray(found) ? found.find(fits) : fits(found) ? found : undefined;
      if (!candidate) continue;
      candidate.matched = true;
      item.done = true;
      // The finding's age survives the match: time to fix and SLA count from its first detection.
      const first = candidate.result.provenance?.firstDetectionTimeUtc;
      if (first && !item.result.provenance?.firstDetectionTimeUtc) item.result.provenance = { ...item.result.provenance, firstDetectionTimeUtc: first };
      item.result.baselineState = changed(candidate, item.run, item.result) ? 'updated' : 'unchanged';
      counts[item.result.baselineState]++;
    }
    open = open.filter((item) => !item.done);
  }
  for (const item of open) {
    item.result.baselineState = 'new';
    counts.new++;
  }
  const absent = new AbsentRuns(log);
  for (const entry of pending) {
    if (entry.matched) continue;
    const copy = absent.add(entry.run, entry.result);
    if (options.unseen?.(entry.run, entry.result)) {
      copy.baselineState = 'unchanged';
      copy.properties = { ...copy.properties, [PROP.scope]: 'out', [PROP.carriedOver]: true };
      counts.unchanged++;
      continue;
    }
    counts.absent++;
  }
  return counts;
}
