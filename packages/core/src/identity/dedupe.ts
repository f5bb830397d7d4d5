import { PROP, prop } from '../sarif/props.js';
import { categoryOf, cwesOf, fileUriOf, locationOf, ruleOf, toFinding, type Category, type Finding, type FindingLocation } from '../finding.js';
import { FINGERPRINT_KEY, fingerprintOf, type Location, type Log, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';
import { imageName, packageKey, vulnerabilityId } from './fingerprint.js';

export interface DedupeOptions {
  /** One finding for one vulnerability in one package, whichever tools report it. */
  sca: boolean;
  /** One finding for one weakness (CWE) on one line, whichever SAST tools report it. */
  sast: boolean;
  /** One finding for one secret on one line, whichever secret scanners report it. */
  secrets?: boolean | undefined;
}

export const DEFAULT_DEDUPE: DedupeOptions = { sca: true, sast: true, secrets: true };

interface Entry {
  run: Run;
  result: Result;
  tool: string;
  category: Category;
  location: FindingLocation | undefined;
  cwes: readonly string[];
  /** Made only for results a group joins: a whole Finding per result was a seventh of merging ten shards. */
  finding?: Finding;
}

/** What the keys are made of, and nothing more. */
function entryOf(run: Run, result: Result, tool: string): Entry {
  const category = categoryOf(run, result);
  const location = category === 'secrets' || category === 'sast' ? locationOf(result) : undefined;
  const cwes = category === 'sast' && location?.startLine ? cwesOf(result, ruleOf(run, result)) : [];
  return { run, result, tool, category, location, cwes };
}

const fullOf = (entry: Entry): Finding => (entry.finding ??= toFinding(entry.run, entry.result));

/** The CVE and GHSA ids of a result, spelt as vulnerabilityId spells them. */
function advisoryIds(result: Result): string[] {
  const ids = [result.ruleId ?? '', ...(prop(result.properties, PROP.ids) ?? [])];
  return ids.flatMap((id) => (/^CVE-\d{4}-\d+$/i.test(id) ? [id.toUpperCase()] : /^GHSA-/i.test(id) ? [id.toLowerCase()] : []));
}

function keysOf(entry: Entry, options: DedupeOptions): string[] {
  const { result, location } = entry;
  const pkg = prop(result.properties, PROP.package);
  if (pkg) {
    if (!options.sca) return [];
    // Every CVE and GHSA id the result names: npm audit names a flaw by its GHSA alone, others by its CVE.
    const ids = new Set([vulnerabilityId(result), ...advisoryIds(result)]);
    return [...ids].map((id) => `dep\u0000${id}\u0000${packageKey(pkg)}`);
  }
  // Two secret scanners that flag one line flag one credential (a line holding two is rare, and rotated together).
  if (entry.category === 'secrets') return options.secrets !== false && location?.startLine ? [`secret\u0000${location.uri}\u0000${location.startLine}`] : [];
  if (!options.sast || entry.category !== 'sast' || !location?.startLine || entry.cwes.length === 0) return [];
  return entry.cwes.map((cwe) => `sast\u0000${cwe}\u0000${location.uri}\u0000${location.startLine}`);
}

function packageOf(entry: Entry): { version?: string; image?: string } {
  const props = entry.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  const image = prop(props, PROP.image);
  return { version: pkg?.version, image: image?.reference ? imageName(image.reference) : undefined };
}

/** Two reports of one CVE in one package are one finding unless they say different versions or images. */
function compatible(a: Entry, b: Entry): boolean {
  const x = packageOf(a);
  const y = packageOf(b);
  if (x.version && y.version && x.version !== y.version) return false;
  if (x.image && y.image && x.image !== y.image) return false;
  return true;
}

/**
 * A DAST tool reports a flaw once per request that showed it (/item?id=1, /item?id=2): one finding per rule,
 * method, route and parameter (one rule, one severity): the first kept, the other requests listed on it.
 */
export function dedupeDastRequests(log: Log): number {
  let dropped = 0;
  for (const run of log.runs) {
    if (!run.results?.length) continue;
    // Most runs hold no DAST result: they are left as they are, without a copy of their results.
    if (!run.results.some((result) => result.properties?.[PROP.dast] !== undefined)) continue;
    const kept = new Map<string, Result>();
    const out: Result[] = [];
    for (const result of run.results) {
      const dast = prop(result.properties, PROP.dast);
      const fingerprint = fingerprintOf(result);
      if (!dast?.url || !fingerprint || result.baselineState === 'absent') {
        out.push(result);
        continue;
      }
      const key = fingerprint.replace(/:\d+$/, '');
      const first = kept.get(key);
      if (!first) {
        kept.set(key, result);
        out.push(result);
        continue;
      }
      dropped++;
      const more = (first.properties![PROP.requests] as string[] | undefined) ?? [];
      if (more.length < 20) first.properties![PROP.requests] = [...more, dast.url];
    }
    run.results = out;
  }
  return dropped;
}

const hasPackage = (result: Result): boolean => result.properties?.[PROP.package] !== undefined && result.properties[PROP.package] !== null;

/** The code and secret findings whose first file keys them (the ones a file can join), by tool. */
function keyedByFile(log: Log): Map<string, Result[]> {
  const byTool = new Map<string, Result[]>();
  for (const run of log.runs) {
    const tool = run.tool.driver.name;
    let results = byTool.get(tool);
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent' || hasPackage(result)) continue;
      if (!results) byTool.set(tool, (results = []));
      results.push(result);
    }
  }
  return byTool;
}

/** The longest text every file of these results starts with (undefined when none names a file). */
function commonPrefix(results: readonly Result[]): string | undefined {
  return commonPrefixOf(results.map(fileUriOf));
}

/** The longest text all these texts start with (undefined ones left out; undefined when there is none). */
export function commonPrefixOf(texts: Iterable<string | undefined>): string | undefined {
  let prefix: string | undefined;
  for (const uri of texts) {
    if (uri === undefined) continue;
    if (prefix === undefined) prefix = uri;
    else if (!uri.startsWith(prefix)) {
      let n = 0;
      while (n < prefix.length && n < uri.length && prefix.charCodeAt(n) === uri.charCodeAt(n)) n++;
      prefix = prefix.slice(0, n);
      if (!prefix) return prefix;
    }
  }
  return prefix;
}

/** Whether one of these prefixes (undefined ones left out) starts another: then two tools may name one file. */
export function prefixesNest(all: readonly (string | undefined)[]): boolean {
  const prefixes = all.filter((prefix) => prefix !== undefined);
  return prefixes.some((a, i) => prefixes.some((b, j) => i !== j && b.startsWith(a)));
}

/** What cross-tool dedupe needs of one run's part of a merged log (merge/shard-work.ts): see dedupe. */
export interface DedupeFacts {
  tool: string;
  /** The common prefix of the files its code and secret findings name (undefined: none names one, or none). */
  prefix: string | undefined;
  /** Whether it holds a package finding (those are keyed whatever their file). */
  packages: boolean;
}

export function dedupeFactsOf(run: Run): DedupeFacts {
  const files: (string | undefined)[] = [];
  let packages = false;
  for (const result of run.results ?? []) {
    if (result.baselineState === 'absent') continue;
    if (hasPackage(result)) packages = true;
    else files.push(fileUriOf(result));
  }
  return { tool: run.tool.driver.name, prefix: commonPrefixOf(files), packages };
}

/**
 * The files that results of more than one tool name first. The shards of a monorepo (one per service) name
 * different files: when no tool's common prefix of file names starts another's, no file can be shared and none
 * is looked up (a map of a million file names was most of dedupe); otherwise each is.
 */
function filesOfSeveralTools(log: Log): Set<string> {
  const byTool = keyedByFile(log);
  const shared = new Set<string>();
  if (!prefixesNest([...byTool.values()].map(commonPrefix))) return shared;
  const firstTool = new Map<string, string>();
  for (const [tool, results] of byTool) {
    for (const result of results) {
      const uri = fileUriOf(result);
      if (uri === undefined) continue;
      const seen = firstTool.get(uri);
      if (seen === undefined) firstTool.set(uri, tool);
      else if (seen !== tool) shared.add(uri);
    }
  }
  return shared;
}

/**
 * Joins what several tools report as one thing into one result: the most severe report stays, naming every
 * tool in `pipewarden/tools` and keeping the others in `pipewarden/duplicates` (provenance). Reports of one
 * tool are never joined with each other.
 */
export function dedupe(log: Log, options: DedupeOptions = DEFAULT_DEDUPE): { merged: number } {
  dedupeDastRequests(log);
  // Only reports of different tools are joined: with one tool there is nothing to look for.
  if (new Set(log.runs.filter((run) => run.results?.length).map((run) => run.tool.driver.name)).size < 2) return { merged: 0 };
  const groups: Entry[][] = [];
  const byKey = new Map<string, Entry[]>();
  const shared = filesOfSeveralTools(log);
  for (const run of log.runs) {
    const tool = run.tool.driver.name;
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      // A code or secret finding's keys all name its file: in a file no other tool reported on, it cannot join.
      if (!hasPackage(result) && !shared.has(fileUriOf(result) ?? '')) continue;
      const entry = entryOf(run, result, tool);
      const keys = keysOf(entry, options);
      const group = keys.map((key) => byKey.get(key)).find((g) => g && g.every((other) => other.tool !== entry.tool && compatible(other, entry)));
      if (group) {
        group.push(entry);
      } else if (keys.length) {
        const fresh = [entry];
        groups.push(fresh);
        for (const key of keys) if (!byKey.has(key)) byKey.set(key, fresh);
      }
    }
  }
  const drop = new Set<Result>();
  let merged = 0;
  for (const group of groups) {
    if (group.length < 2) continue;
    const [primary, ...others] = [...group].sort((a, b) => fullOf(b).score - fullOf(a).score);
    const ids = new Set<string>(prop(primary!.result.properties, PROP.ids) ?? []);
    for (const other of others) {
      for (const id of prop(other.result.properties, PROP.ids) ?? []) ids.add(id);
      drop.add(other.result);
      merged++;
    }
    primary!.result.properties = {
      ...primary!.result.properties,
      [PROP.tools]: [...new Set(group.map((e) => e.tool))].sort(),
      [PROP.duplicates]: others.map((o) => {
        const finding = fullOf(o);
        return {
          tool: finding.tool,
          ruleId: finding.ruleId,
          ...(o.result.partialFingerprints?.[FINGERPRINT_KEY] ? { fingerprint: o.result.partialFingerprints[FINGERPRINT_KEY] } : {}),
          message: finding.message.slice(0, 300),
          ...(finding.location ? { location: `${finding.location.uri}${finding.location.startLine ? `:${finding.location.startLine}` : ''}` } : {}),
        };
      }),
      ...(ids.size ? { [PROP.ids]: [...ids] } : {}),
    };
  }
  if (drop.size) for (const run of log.runs) if (run.results) run.results = run.results.filter((r) => !drop.has(r));
  return { merged };
}

/** Artifact indexes into the run's artifacts made URIs: the merged run has no artifacts to point into. */
export function resolveArtifacts(run: Run, locations: readonly Location[] | undefined): void {
  for (const location of locations ?? []) {
    const artifact = location.physicalLocation?.artifactLocation;
    if (!artifact || artifact.index === undefined) continue;
    const target = run.artifacts?.[artifact.index]?.location;
    if (artifact.uri === undefined && target?.uri) {
      artifact.uri = target.uri;
      if (target.uriBaseId) artifact.uriBaseId = target.uriBaseId;
    }
    delete artifact.index;
  }
}

/** A later run's rules added to those of the run it joins (new ids only); returns each id's index there. */
export function joinRules(rules: ReportingDescriptor[], run: Run): Map<string, number> {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const rule of run.tool.driver.rules ?? []) {
    if (!index.has(rule.id)) {
      index.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  return index;
}

/** A result of a joined run pointed at its rule's place among the joined rules. */
export function reindexRule(result: Result, index: ReadonlyMap<string, number>): void {
  const id = result.ruleId ?? result.rule?.id;
  if (id !== undefined && index.has(id)) {
    result.ruleIndex = index.get(id)!;
    if (result.rule) result.rule.index = index.get(id)!;
  }
}

/** Runs of one tool, category and automation id are joined into one by mergeLogs. */
export const runKeyOf = (run: Run): string => `${run.tool.driver.name}\u0000${String(run.properties?.[PROP.category] ?? '')}\u0000${run.automationDetails?.id ?? ''}`;

/**
 * Joins logs (parallel shards, or several tools) into one: one run per tool and category, rules merged by
 * id, artifact indexes resolved to URIs so nothing points into a run that is gone. The logs' runs are taken
 * over and changed in place (copying them was a sixth of merging two 100k-result logs): pass copies to
 * keep the originals.
 */
export function mergeLogs(logs: readonly Log[]): Log {
  const runs: Run[] = [];
  const byKey = new Map<string, Run>();
  for (const log of logs) {
    for (const run of log.runs) {
      for (const result of run.results ?? []) {
        resolveArtifacts(run, result.locations);
        resolveArtifacts(run, result.relatedLocations);
      }
      delete run.artifacts;
      const key = runKeyOf(run);
      const into = byKey.get(key);
      if (!into) {
        byKey.set(key, run);
        runs.push(run);
        continue;
      }
      const index = joinRules((into.tool.driver.rules ??= []), run);
      for (const result of run.results ?? []) {
        reindexRule(result, index);
        (into.results ??= []).push(result);
      }
      if (run.invocations) into.invocations = [...(into.invocations ?? []), ...run.invocations];
    }
  }
  return { version: '2.1.0', runs };
}
