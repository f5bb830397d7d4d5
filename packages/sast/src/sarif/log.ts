import type { CodeFlow, Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Span } from '../ir/types.js';
import type { RuleSpec } from '../rules/schema.js';
import { stepsOf } from '../taint/facts.js';
import type { TaintFinding } from '../taint/types.js';
import { fingerprintOf, FINGERPRINT_KEY } from './fingerprint.js';

export const TOOL_NAME = 'Pipewarden SAST';
const SRCROOT = '%SRCROOT%';
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const DOCS = 'https://github.com/pipewarden/pipewarden/blob/main/docs/sast.md';
/** Pipewarden's own property keys (core's props.ts declares them; this package depends on no other of ours). */
const CONFIDENCE = 'pipewarden/confidence';
const CWE = 'pipewarden/cwe';
/** Code flows kept per result: more sources of one sink add length, not understanding. */
const MAX_FLOWS = 3;

/** Valid URI reference from a relative POSIX path (spaces, brackets and % encoded). */
function uriOf(path: string): string {
  return path.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/** '%SRCROOT%' by default; none when a caller rebases relative paths itself (core does, to the repository's root). */
let base: string | undefined = SRCROOT;

function location(file: string, span: Span, message?: string): Location {
  const region = { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
  const artifactLocation = base ? { uri: uriOf(file), uriBaseId: base } : { uri: uriOf(file) };
  return { physicalLocation: { artifactLocation, region }, ...(message ? { message: { text: message } } : {}) };
}

function descriptor(rule: RuleSpec): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name.replace(/(?:^|\W+)(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.description },
    help: { text: rule.help, markdown: rule.help },
    helpUri: `${DOCS}#${rule.id}`,
    defaultConfiguration: { level: rule.level },
    properties: {
      tags: ['security', ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: rule.precision,
      'security-severity': rule.securitySeverity.toFixed(1),
      'problem.severity': rule.level === 'note' ? 'recommendation' : rule.level,
    },
  };
}

const LEVELS = ['very-high', 'high', 'medium', 'low'] as const;

/** The rule's precision, one step lower when the flow passed through a call the engine had to guess about. */
function confidence(rule: RuleSpec, finding: TaintFinding): string {
  const level = rule.precision === 'very-high' ? 'high' : rule.precision;
  if (!finding.weak) return level;
  return LEVELS[Math.min(LEVELS.indexOf(level) + 1, LEVELS.length - 1)]!;
}

function codeFlow(finding: TaintFinding): CodeFlow {
  const source = finding.origin;
  const steps = [{ file: source.file, span: source.span, message: finding.app?.start ?? source.label }, ...stepsOf(finding.trail)];
  return { threadFlows: [{ locations: steps.map((step) => ({ location: location(step.file, step.span, step.message) })) }] };
}

function messageOf(rule: RuleSpec, finding: TaintFinding): string {
  const text = rule.message.replace(/\{source\}/g, finding.origin.label).replace(/\{sink\}/g, finding.sink.callee).replace(/\{label\}/g, finding.sink.label);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One result per rule and sink: its sources' flows (the surest first) side by side. */
function group(findings: readonly TaintFinding[]): TaintFinding[][] {
  const bySink = new Map<string, TaintFinding[]>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.sink.span.start}`;
    const list = bySink.get(key) ?? [];
    if (!list.some((f) => f.origin.id === finding.origin.id && f.origin.file === finding.origin.file)) list.push(finding);
    bySink.set(key, list);
  }
  const rank = (f: TaintFinding) => (f.weak ? 1000 : 0) + f.trail.length;
  return [...bySink.values()].map((list) => list.sort((a, b) => rank(a) - rank(b)));
}

export interface LogInput {
  version: string;
  rules: readonly RuleSpec[];
  findings: readonly TaintFinding[];
  notifications?: readonly { file: string; message: string }[];
  /** The uriBaseId of every location (default '%SRCROOT%', the scanned directory); false: none. */
  uriBaseId?: string | false | undefined;
}

/** A call-mode finding where a taint rule of the same class already explains the same place says nothing new. */
function withoutEchoes(findings: readonly TaintFinding[], rules: ReadonlyMap<string, RuleSpec>): TaintFinding[] {
  const place = (f: TaintFinding) => `${rules.get(f.ruleId)?.class}\u0000${f.file}\u0000${f.sink.span.start}`;
  const tainted = new Set(findings.filter((f) => rules.get(f.ruleId)?.mode !== 'call').map(place));
  return findings.filter((f) => rules.get(f.ruleId)?.mode !== 'call' || !tainted.has(place(f)));
}

export function buildLog(input: LogInput): Log {
  base = input.uriBaseId === false ? undefined : (input.uriBaseId ?? SRCROOT);
  const rules = [...input.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const occurrences = new Map<string, number>();
  const groups = group(withoutEchoes(input.findings, new Map(rules.map((r) => [r.id, r])))).sort((a, b) => a[0]!.file.localeCompare(b[0]!.file) || a[0]!.sink.span.start - b[0]!.sink.span.start || a[0]!.ruleId.localeCompare(b[0]!.ruleId));
  const results: Result[] = groups.map((flows) => {
    const first = flows[0]!;
    const rule = rules[index.get(first.ruleId)!]!;
    const key = fingerprintOf(first);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    return {
      ruleId: rule.id,
      ruleIndex: index.get(rule.id)!,
      level: rule.level,
      message: { text: messageOf(rule, first) },
      locations: [location(first.file, first.sink.span)],
      relatedLocations: first.app
        ? first.app.places.map((p, i) => ({ id: i + 1, ...location(p.file, p.span, p.message) }))
        : [{ id: 1, ...location(first.origin.file, first.origin.span, first.origin.label) }],
      codeFlows: flows.slice(0, MAX_FLOWS).map(codeFlow),
      partialFingerprints: { [FINGERPRINT_KEY]: `${key}:${n}` },
      properties: { [CONFIDENCE]: confidence(rule, first), [CWE]: rule.cwe },
    };
  });
  const notifications: Notification[] = (input.notifications ?? []).map((n) => ({ level: 'warning', message: { text: n.message }, locations: [location(n.file, { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 })] }));
  return {
    version: '2.1.0',
    $schema: SCHEMA,
    runs: [{
      tool: { driver: { name: TOOL_NAME, version: input.version, informationUri: DOCS, rules: rules.map(descriptor) } },
      columnKind: 'utf16CodeUnits',
      ...(base ? { originalUriBaseIds: { [base]: { description: { text: 'The scanned directory' } } } } : {}),
      invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
      results,
    }],
  };
}
