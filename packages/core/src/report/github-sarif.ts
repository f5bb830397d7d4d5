import { gzipSync } from 'node:zlib';
import { categoryOf, findingsOf, type Category, type Finding } from '../finding.js';
import { sortByRisk } from '../risk/prioritize.js';
import { PROP, prop, SARIF_SCHEMA_URI, SARIF_VERSION, SRCROOT, type Location, type Log, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';

/** GitHub code scanning's hard limits on one uploaded SARIF file (docs: "SARIF results exceed limit"). */
export const GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  tagsPerRule: 20,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  gzipBytes: 10 * 1024 * 1024,
} as const;

export type GithubLimits = { -readonly [K in keyof typeof GITHUB_LIMITS]: number };

export interface GithubSarifFile {
  /** File name inside the output folder, e.g. `sast.sarif`. */
  name: string;
  /** The code-scanning category of every run in it (automationDetails.id without the run part). */
  category: string;
  log: Log;
  /** The file's content (compact JSON), as measured against the size limit: written as is. */
  text: string;
  results: number;
  gzipBytes: number;
}

export interface GithubOmission {
  tool: string;
  category: string;
  count: number;
  reason: 'results per run' | 'file size' | 'no file location';
  /** The highest risk among what was left out (what was kept is at least this risky, or equal). */
  maxRisk: number;
}

export interface GithubSarif {
  files: GithubSarifFile[];
  kept: number;
  total: number;
  omitted: GithubOmission[];
}

export interface GithubSarifOptions {
  /** Prefix of every category (automationDetails.id = `<prefix>/<category>/`); default "pipewarden". */
  prefix?: string;
  /** A repository file that results with no file of their own are anchored to (GitHub rejects a result without one). */
  anchorUri?: string | undefined;
  limits?: Partial<GithubLimits>;
  /** The log's findings (`findingsOf(log)`) when the caller has them already: 100k views are not made twice. */
  findings?: readonly Finding[] | undefined;
}

const PRECISIONS = new Set(['very-high', 'high', 'medium', 'low']);
/** Without a tool's own word, how often a category's findings are real. */
const CATEGORY_PRECISION: Record<Category, string> = { sast: 'medium', sca: 'very-high', secrets: 'high', iac: 'high', container: 'very-high', dast: 'high', sbom: 'very-high' };
const PROBLEM_SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', note: 'recommendation', none: 'recommendation' };

function isRepoRelative(location: Location): boolean {
  const artifact = location.physicalLocation?.artifactLocation;
  if (!artifact?.uri) return false;
  if (artifact.uriBaseId) return artifact.uriBaseId === SRCROOT;
  return !/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri) && !artifact.uri.startsWith('/');
}

/** Tags GitHub shows first: `security` and the CWE ids, then the tool's own, at most the limit. */
function githubTags(rule: ReportingDescriptor | undefined, finding: Finding, max: number): string[] {
  const own = ((rule?.properties?.tags as string[] | undefined) ?? []).filter((t) => typeof t === 'string' && t.trim());
  const recorded = prop(rule?.properties, PROP.cwe) ?? [];
  const cwes = [...finding.cwes, ...recorded].map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  const ordered = ['security', ...cwes, ...own.filter((t) => /^external\/cwe\//i.test(t)), ...own];
  return [...new Set(ordered)].slice(0, max);
}

function githubRule(id: string, rule: ReportingDescriptor | undefined, finding: Finding, limits: GithubLimits): ReportingDescriptor {
  const props = rule?.properties ?? {};
  const level = rule?.defaultConfiguration?.level ?? finding.result.level ?? 'warning';
  const precision = typeof props.precision === 'string' && PRECISIONS.has(props.precision) ? props.precision : CATEGORY_PRECISION[finding.category];
  const severity = props['security-severity'] ?? finding.result.properties?.['security-severity'] ?? finding.score.toFixed(1);
  return {
    id,
    ...(rule?.name ? { name: rule.name } : {}),
    shortDescription: rule?.shortDescription ?? { text: id },
    ...(rule?.fullDescription ? { fullDescription: rule.fullDescription } : {}),
    ...(rule?.help ? { help: rule.help } : {}),
    ...(rule?.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level },
    properties: {
      tags: githubTags(rule, finding, limits.tagsPerRule),
      'security-severity': String(severity),
      precision,
      'problem.severity': PROBLEM_SEVERITY[level] ?? 'warning',
    },
  };
}

/** One result as GitHub takes it: locations in the repository, within the limits, its identity kept. */
function githubResult(finding: Finding, ruleIndex: number, anchorUri: string | undefined, limits: GithubLimits): Result | undefined {
  const source = finding.result;
  const locations = (source.locations ?? []).filter(isRepoRelative).slice(0, limits.locationsPerResult);
  const logical = (source.locations ?? []).flatMap((l) => l.logicalLocations ?? []);
  const dast = prop(source.properties, PROP.dast);
  if (dast?.url && !logical.length) logical.push({ fullyQualifiedName: `${(dast.method ?? 'GET').toUpperCase()} ${dast.url}`, kind: 'resource' });
  if (!locations.length) {
    if (!anchorUri) return undefined;
    // GitHub rejects a whole upload for one result with no file: anchor it, and say where it really is.
    locations.push({ physicalLocation: { artifactLocation: { uri: anchorUri, uriBaseId: SRCROOT }, region: { startLine: 1 } }, ...(logical.length ? { logicalLocations: logical.slice(0, 10) } : {}) });
  } else if (logical.length && !locations[0]!.logicalLocations) {
    locations[0] = { ...locations[0], logicalLocations: logical.slice(0, 10) };
  }
  let flowBudget = limits.threadFlowLocationsPerResult;
  const codeFlows = source.codeFlows?.map((flow) => ({
    ...flow,
    threadFlows: flow.threadFlows.map((thread) => {
      const kept = thread.locations.slice(0, Math.max(0, flowBudget));
      flowBudget -= kept.length;
      return { ...thread, locations: kept };
    }),
  }));
  const props = source.properties ?? {};
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    ...(source.level ? { level: source.level } : {}),
    message: source.message.text !== undefined ? { text: source.message.text } : { text: finding.message },
    locations,
    ...(source.relatedLocations?.length ? { relatedLocations: source.relatedLocations.filter(isRepoRelative).slice(0, limits.locationsPerResult) } : {}),
    ...(codeFlows?.length ? { codeFlows } : {}),
    ...(source.partialFingerprints ? { partialFingerprints: source.partialFingerprints } : {}),
    ...(source.suppressions?.length ? { suppressions: source.suppressions } : {}),
    ...(source.fixes?.length ? { fixes: source.fixes } : {}),
    properties: Object.fromEntries(
      ['security-severity', PROP.risk, PROP.priority, PROP.kev, PROP.slaDays, PROP.package, PROP.dast].flatMap((key) => (props[key] !== undefined ? [[key, props[key]]] : [])),
    ),
  };
}

interface ToolRun {
  tool: string;
  category: Category;
  source: Run;
  findings: Finding[];
}

function buildRun(group: ToolRun, findings: readonly Finding[], categoryId: string, anchorUri: string | undefined, limits: GithubLimits): Run {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Result[] = [];
  for (const finding of findings) {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.ruleId, index);
      rules.push(githubRule(finding.ruleId, finding.rule, finding, limits));
    }
    const result = githubResult(finding, index, anchorUri, limits);
    if (result) results.push(result);
  }
  const driver = group.source.tool.driver;
  return {
    tool: {
      driver: {
        name: driver.name,
        ...(driver.version ? { version: driver.version } : {}),
        ...(driver.semanticVersion ? { semanticVersion: driver.semanticVersion } : {}),
        ...(driver.informationUri ? { informationUri: driver.informationUri } : {}),
        // At most one rule per result, so the result limit bounds the rules too.
        rules,
      },
    },
    automationDetails: { id: `${categoryId}/` },
    ...(group.source.versionControlProvenance ? { versionControlProvenance: group.source.versionControlProvenance } : {}),
    columnKind: group.source.columnKind ?? 'utf16CodeUnits',
    results,
    properties: { [PROP.scanner]: group.source.properties?.[PROP.scanner] ?? driver.name, [PROP.category]: group.category },
  };
}

/**
 * The text GitHub will receive and its gzipped size (an upper bound), serialized once. A text that fits the
 * limit as it is fits it gzipped (deflate adds at most 5 bytes per 16 KB stored block); otherwise level 1,
 * which compresses less than the uploader's default level, decides when it fits, and only a file near the
 * limit is measured again at the default level.
 */
function measured(log: Log, limit: number): { text: string; size: number } {
  const text = `${JSON.stringify(log)}\n`;
  const bound = Buffer.byteLength(text) * 1.001 + 64;
  if (bound <= limit) return { text, size: Math.ceil(bound) };
  const fast = gzipSync(text, { level: 1 }).length;
  return { text, size: fast <= limit ? fast : gzipSync(text).length };
}

/**
 * The log as GitHub code scanning accepts it: one file per category (split further past 20 runs), one run
 * per tool with its own automationDetails category, rules shaped for GitHub, every limit kept. What does
 * not fit is the lowest-risk part and is reported, never dropped silently.
 */
export function githubSarif(log: Log, options: GithubSarifOptions = {}): GithubSarif {
  const limits: GithubLimits = { ...GITHUB_LIMITS, ...options.limits };
  const prefix = options.prefix ?? 'pipewarden';
  const omitted = new Map<string, GithubOmission>();
  const omit = (finding: Finding, reason: GithubOmission['reason']) => {
    const key = `${finding.tool}\u0000${finding.category}\u0000${reason}`;
    const entry = omitted.get(key) ?? { tool: finding.tool, category: finding.category, count: 0, reason, maxRisk: 0 };
    entry.count++;
    entry.maxRisk = Math.max(entry.maxRisk, finding.risk ?? 0);
    omitted.set(key, entry);
  };

  // GitHub rejects two runs of one tool and one category in an upload: such runs (shards, repeated reports) become one.
  const groups = new Map<string, ToolRun>();
  const all = options.findings ?? findingsOf(log);
  // Every run that completed is uploaded, also with no results: that is how code scanning learns alerts were fixed.
  for (const run of log.runs) {
    if ((run.invocations ?? []).some((i) => i.executionSuccessful === false)) continue;
    const own = run.properties?.[PROP.category] as Category | undefined;
    const category = own ?? (run.results?.[0] ? categoryOf(run, run.results[0]) : categoryOf(run, { message: {} }));
    const key = `${category}\u0000${run.tool.driver.name}`;
    if (!groups.has(key)) groups.set(key, { tool: run.tool.driver.name, category, source: run, findings: [] });
  }
  // Into the groups most urgent first: each group is then in risk order (sortByRisk is stable, so a group's
  // order is the one a sort of its own would give), and the whole sort is the one every report shares.
  for (const finding of sortByRisk(all)) {
    const key = `${finding.category}\u0000${finding.tool}`;
    const group = groups.get(key) ?? { tool: finding.tool, category: finding.category, source: finding.run, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const byCategory = new Map<Category, ToolRun[]>();
  for (const group of groups.values()) {
    const list = byCategory.get(group.category);
    if (list) list.push(group);
    else byCategory.set(group.category, [group]);
  }

  const files: GithubSarifFile[] = [];
  for (const [category, tools] of [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    tools.sort((a, b) => a.tool.localeCompare(b.tool));
    for (let chunk = 0; chunk * limits.runsPerFile < tools.length; chunk++) {
      const part = tools.slice(chunk * limits.runsPerFile, (chunk + 1) * limits.runsPerFile);
      const suffix = chunk ? `-${chunk + 1}` : '';
      const categoryId = `${prefix}/${category}${suffix}`;
      // Per tool: most urgent first, at most the per-run limit.
      let kept = part.map((group) => {
        const sorted = group.findings;
        for (const finding of sorted.slice(limits.resultsPerRun)) omit(finding, 'results per run');
        return { group, findings: sorted.slice(0, limits.resultsPerRun) };
      });
      const make = (): Log => ({
        $schema: SARIF_SCHEMA_URI,
        version: SARIF_VERSION,
        runs: kept.map(({ group, findings }) => buildRun(group, findings, categoryId, options.anchorUri, limits)),
      });
      let out = make();
      let { text, size } = measured(out, limits.gzipBytes);
      // Over the size limit: drop the file's lowest-risk results (across its tools) until it fits.
      while (size > limits.gzipBytes) {
        const ranked = sortByRisk(kept.flatMap(({ findings }) => findings));
        const keep = Math.max(0, Math.min(ranked.length - 1, Math.floor(ranked.length * (limits.gzipBytes / size) * 0.95)));
        const survivors = new Set(ranked.slice(0, keep));
        for (const finding of ranked.slice(keep)) omit(finding, 'file size');
        kept = kept.map(({ group, findings }) => ({ group, findings: findings.filter((f) => survivors.has(f)) }));
        out = make();
        ({ text, size } = measured(out, limits.gzipBytes));
      }
      // Results GitHub would refuse (no file anywhere) are counted once, on the final shape.
      for (const { findings } of kept) {
        for (const finding of findings) if (!options.anchorUri && !(finding.result.locations ?? []).some(isRepoRelative)) omit(finding, 'no file location');
      }
      const results = out.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
      files.push({ name: `${category}${suffix}.sarif`, category: categoryId, log: out, text, results, gzipBytes: size });
    }
  }
  const kept = files.reduce((n, f) => n + f.results, 0);
  return { files, kept, total: all.length, omitted: [...omitted.values()].sort((a, b) => b.count - a.count) };
}

/** One line per omission, for the summary and the log. */
export function describeOmissions(github: Pick<GithubSarif, 'omitted'>): string[] {
  return github.omitted.map(
    (o) => `${o.tool} (${o.category}): ${o.count} result${o.count === 1 ? '' : 's'} left out (${o.reason === 'results per run' ? 'over the 25,000 results per run' : o.reason === 'file size' ? 'over the 10 MB gzipped file size' : 'no file in the repository to show it on'}), the riskiest of them at risk ${o.maxRisk}`,
  );
}
