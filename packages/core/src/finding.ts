import { PROP, prop, fingerprintOf, type Log, type ReportingDescriptor, type Result, type Run } from './sarif/types.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['sast', 'sca', 'secrets', 'iac', 'container', 'dast', 'sbom'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Lower is more urgent: critical 0 … info 4. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** GitHub's buckets for `security-severity` (a CVSS-like 0–10 score). */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** The score a severity stands for when a tool gives only a label. */
export const SEVERITY_SCORE: Record<Severity, number> = { critical: 9.5, high: 8, medium: 5.5, low: 3, info: 0 };

const LEVEL_SEVERITY: Record<string, Severity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

export interface FindingLocation {
  uri: string;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
}

/** A typed view over one SARIF result: no second data model, every field is read from the result and its run. */
export interface Finding {
  readonly result: Result;
  readonly run: Run;
  readonly tool: string;
  readonly ruleId: string;
  readonly rule: ReportingDescriptor | undefined;
  readonly message: string;
  readonly location: FindingLocation | undefined;
  readonly category: Category;
  /** A 0–10 score: the rule's or result's `security-severity`, else one derived from the SARIF level. */
  readonly score: number;
  readonly severity: Severity;
  readonly cwes: readonly string[];
  readonly fingerprint: string | undefined;
  readonly risk: number | undefined;
  readonly priority: Priority | undefined;
  readonly suppressed: boolean;
  /** False when a diff scope put it outside the change (it stays in the report, the gate skips it). */
  readonly inScope: boolean;
  /** Its CVE is in the CISA KEV catalog. */
  readonly kev: boolean;
  /** The scanner id that produced it, else the tool's name. */
  readonly scanner: string;
}

// Rules by id, per rules array: a search of thousands of rules for each of a million results was quadratic.
const rulesById = new WeakMap<readonly ReportingDescriptor[], { length: number; byId: Map<string, ReportingDescriptor> }>();
let lastRules: readonly ReportingDescriptor[] | undefined;
let lastIndexed: { length: number; byId: Map<string, ReportingDescriptor> } | undefined;

export function ruleOf(run: Run, result: Result): ReportingDescriptor | undefined {
  const rules = run.tool.driver.rules;
  if (!rules) return undefined;
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && index >= 0 && rules[index]) return rules[index];
  const id = result.ruleId ?? result.rule?.id;
  if (id === undefined) return undefined;
  // The array asked about last is nearly always the one asked about now (a run's results one after the
  // other): no WeakMap lookup, which was half of this function's time in a 1M-result convert.
  let indexed = rules === lastRules ? lastIndexed : rulesById.get(rules);
  // Rules appended since (dedupe and baselines add them in place) get the array indexed again.
  if (!indexed || indexed.length !== rules.length) {
    const byId = new Map<string, ReportingDescriptor>();
    for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
    indexed = { length: rules.length, byId };
    rulesById.set(rules, indexed);
  }
  lastRules = rules;
  lastIndexed = indexed;
  return indexed.byId.get(id);
}

function numberProp(bag: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = bag?.[key];
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

export function messageText(result: Result, rule?: ReportingDescriptor): string {
  if (result.message.text) return result.message.text;
  const id = result.message.id;
  const template = id ? (rule?.messageStrings?.[id]?.text ?? '') : '';
  return template.replace(/\{(\d+)\}/g, (_, n: string) => result.message.arguments?.[Number(n)] ?? '') || (rule?.shortDescription?.text ?? '');
}

/** The file of a result's first location that names one. */
export function fileUriOf(result: Result): string | undefined {
  return result.locations?.find((location) => location.physicalLocation?.artifactLocation?.uri)?.physicalLocation?.artifactLocation?.uri;
}

export function locationOf(result: Result): FindingLocation | undefined {
  const physical = result.locations?.find((location) => location.physicalLocation?.artifactLocation?.uri)?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (!uri) return undefined;
  const region = physical.region;
  return {
    uri,
    ...(region?.startLine !== undefined ? { startLine: region.startLine } : {}),
    ...(region?.startColumn !== undefined ? { startColumn: region.startColumn } : {}),
    ...(region?.endLine !== undefined ? { endLine: region.endLine } : {}),
  };
}

export function cwesOf(result: Result, rule: ReportingDescriptor | undefined): string[] {
  const own = result.properties?.tags;
  // Most results carry no tags of their own: their rule's CWEs are read once per rule, not once per result.
  // Keyed by the tags array itself: code that gives a rule other tags gives it a new array.
  const ruleTags = rule?.properties?.tags;
  if (ruleTags && !own?.length) {
    let cwes = tagCwes.get(ruleTags);
    if (!cwes) tagCwes.set(ruleTags, (cwes = cwesIn(ruleTags)));
    return [...cwes];
  }
  return cwesIn([...(ruleTags ?? []), ...(own ?? [])]);
}

const tagCwes = new WeakMap<readonly string[], readonly string[]>();

function cwesIn(tags: readonly string[]): string[] {
  const found = new Set<string>();
  for (const tag of tags) {
    const match = /CWE[-_:/ ]?(\d+)/i.exec(tag);
    if (match) found.add(`CWE-${match[1]}`);
  }
  return [...found];
}

const SECRET_TOOLS = /secretlint|gitleaks|trufflehog|detect-secrets|ggshield/i;
const SCA_TOOLS = /npm audit|npm-audit|grype|osv|dependency[- ]check|snyk|retire|audit/i;
const IAC_TOOLS = /checkov|tfsec|kics|terrascan|hadolint/i;

/** The category the pipeline recorded, else a guess from the tool's name for reports of unknown origin. */
export function categoryOf(run: Run, result: Result): Category {
  const own = (result.properties?.[PROP.category] ?? run.properties?.[PROP.category]) as string | undefined;
  if (own && (CATEGORIES as readonly string[]).includes(own)) return own as Category;
  const name = run.tool.driver.name;
  let guess = guessed.get(name);
  if (!guess) guessed.set(name, (guess = SECRET_TOOLS.test(name) ? 'secrets' : SCA_TOOLS.test(name) ? 'sca' : IAC_TOOLS.test(name) ? 'iac' : 'sast'));
  return guess;
}

/** The guess per tool name, made once per name rather than three regular expressions per result. */
const guessed = new Map<string, Category>();

/** The 0–10 score: the result's or rule's `security-severity`, else one derived from the SARIF level. */
export function scoreOf(result: Result, rule: ReportingDescriptor | undefined): number {
  return (
    numberProp(result.properties, 'security-severity') ??
    numberProp(rule?.properties, 'security-severity') ??
    SEVERITY_SCORE[LEVEL_SEVERITY[result.level ?? rule?.defaultConfiguration?.level ?? 'warning'] ?? 'medium']
  );
}

export function toFinding(run: Run, result: Result): Finding {
  const rule = ruleOf(run, result);
  const props = result.properties;
  const score = scoreOf(result, rule);
  const risk = numberProp(props, PROP.risk);
  const priority = props?.[PROP.priority] as Priority | undefined;
  return {
    result,
    run,
    tool: run.tool.driver.name,
    ruleId: result.ruleId ?? result.rule?.id ?? rule?.id ?? '(no rule)',
    rule,
    message: messageText(result, rule),
    location: locationOf(result),
    category: categoryOf(run, result),
    score,
    severity: severityFromScore(score),
    cwes: cwesOf(result, rule),
    fingerprint: fingerprintOf(result),
    risk,
    priority: priority && (PRIORITIES as readonly string[]).includes(priority) ? priority : undefined,
    suppressed: (result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted'),
    inScope: props?.[PROP.scope] !== 'out',
    kev: props?.[PROP.kev] !== undefined,
    scanner: prop(run.properties, PROP.scanner) ?? run.tool.driver.name,
  };
}

export function findingsOf(log: Log): Finding[] {
  const findings: Finding[] = [];
  for (const run of log.runs ?? []) {
    for (const result of run.results ?? []) {
      if (result.kind && result.kind !== 'fail' && result.kind !== 'open' && result.kind !== 'review') continue;
      // Absent results are the baseline's, gone now: fixed, not findings.
      if (result.baselineState === 'absent') continue;
      findings.push(toFinding(run, result));
    }
  }
  return findings;
}

/** `path:line` for messages and tables. */
export function whereOf(finding: Finding): string {
  const location = finding.location;
  if (!location) {
    // A DAST finding no route matched: the request, not a placeholder file.
    const dast = prop(finding.result.properties, PROP.dast);
    return dast?.url ? `${(dast.method ?? 'GET').toUpperCase()} ${dast.url}` : '(no location)';
  }
  return location.startLine ? `${location.uri}:${location.startLine}` : location.uri;
}
