import { PROP, prop } from '../sarif/props.js';
import { createHash } from 'node:crypto';
import { type Finding, type Severity } from '../finding.js';
import type { GitlabContext } from '../model/outputs.js';

export type { GitlabContext };
import { decodeUri } from '../sarif/uri.js';
import { flowDetails } from './gitlab-details.js';
import { eagerList, type ListOf } from './json-text.js';

// GitLab's security report schemas 15.2.1: one report per type, each vulnerability with an id, identifiers
// and the location its type requires. Secrets are never in them (Pipewarden never holds the values).

export const GITLAB_SCHEMA_VERSION = '15.2.1';
export type GitlabReportType = 'sast' | 'dependency_scanning' | 'container_scanning' | 'dast' | 'secret_detection';
export const GITLAB_REPORT_FILES: Record<GitlabReportType, string> = {
  sast: 'gl-sast-report.json',
  dependency_scanning: 'gl-dependency-scanning-report.json',
  container_scanning: 'gl-container-scanning-report.json',
  dast: 'gl-dast-report.json',
  secret_detection: 'gl-secret-detection-report.json',
};

const TYPE_OF: Record<string, GitlabReportType> = { sast: 'sast', iac: 'sast', sca: 'dependency_scanning', sbom: 'dependency_scanning', container: 'container_scanning', dast: 'dast', secrets: 'secret_detection' };
const SEVERITY: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** A stable UUID from the fingerprint: the same finding keeps its id from pipeline to pipeline. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Identifier = { type: string; name: string; value: string; url?: string };

/** Per tool name, its rule identifiers' type; per CWE, its identifier: made once, not per vulnerability. */
const ruleTypes = new Map<string, string>();
const cweIdentifiers = new Map<string, Readonly<Identifier>>();

function cweIdentifier(cwe: string): Readonly<Identifier> {
  let id = cweIdentifiers.get(cwe);
  if (!id) {
    const n = cwe.replace(/^CWE-/, '');
    cweIdentifiers.set(cwe, (id = Object.freeze({ type: 'cwe', name: cwe, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` })));
  }
  return id;
}

function identifiers(finding: Finding): Identifier[] {
  const ids = prop(finding.result.properties, PROP.ids) ?? [];
  let type = ruleTypes.get(finding.tool);
  if (type === undefined) ruleTypes.set(finding.tool, (type = `${finding.tool.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_rule`));
  const out: Identifier[] = [{ type, name: `${finding.tool} ${finding.ruleId}`.slice(0, 255), value: finding.ruleId }];
  for (const id of ids) {
    if (/^CVE-\d{4}-\d+$/i.test(id)) out.push({ type: 'cve', name: id.toUpperCase(), value: id.toUpperCase(), url: `https://nvd.nist.gov/vuln/detail/${id.toUpperCase()}` });
    else if (/^GHSA-/i.test(id)) out.push({ type: 'ghsa', name: id, value: id, url: `https://github.com/advisories/${id}` });
  }
  for (const cwe of finding.cwes) out.push(cweIdentifier(cwe));
  // The rule's is first and alone of its type; a finding's CWEs are distinct: only advisory ids can repeat.
  if (out.length <= 2 || (ids.length < 2 && new Set(finding.cwes).size === finding.cwes.length)) return out;
  const seen = new Set<string>();
  return out.filter((i) => (seen.has(`${i.type}:${i.value}`) ? false : (seen.add(`${i.type}:${i.value}`), true)));
}

function locationOf(type: GitlabReportType, finding: Finding, context: GitlabContext): Record<string, unknown> {
  const props = finding.result.properties ?? {};
  const file = finding.location ? decodeUri(finding.location.uri) : undefined;
  if (type === 'sast') {
    const location: Record<string, unknown> = {};
    if (file) location.file = file;
    if (finding.location?.startLine) location.start_line = finding.location.startLine;
    if (finding.location?.endLine) location.end_line = finding.location.endLine;
    return location;
  }
  const lines = { ...(finding.location?.startLine ? { start_line: finding.location.startLine } : {}), ...(finding.location?.endLine ? { end_line: finding.location.endLine } : {}) };
  const pkg = prop(props, PROP.package);
  const dependency = { package: { name: pkg?.name ?? 'unknown' }, version: pkg?.version ?? 'unknown' };
  switch (type) {
    case 'dependency_scanning':
      return { file: file ?? 'unknown', dependency };
    case 'container_scanning': {
      const image = prop(props, PROP.image)?.reference ?? 'unknown';
      return { dependency, operating_system: 'unknown', image };
    }
    case 'dast': {
      const dast = prop(props, PROP.dast);
      let hostname = '';
      let path = dast?.url ?? '';
      try {
        const url = new URL(dast?.url ?? '');
        hostname = `${url.protocol}//${url.host}`;
        path = `${url.pathname}${url.search}`;
      } catch {
        // a relative route: no host
      }
      return { hostname, method: dast?.method ?? 'GET', param: dast?.parameter ?? '', path };
    }
    case 'secret_detection':
      return { ...(file ? { file } : {}), ...lines, commit: { sha: context.commit ?? '0000000000000000000000000000000000000000' } };
  }
}

/** Pipewarden's fingerprint as GitLab's tracking signature: the finding keeps its identity when code moves. */
function trackingOf(finding: Finding): Record<string, unknown> {
  const location = finding.location;
  const file = location && !/^[a-z][a-z0-9+.-]*:/i.test(location.uri) ? decodeUri(location.uri) : undefined;
  const item: Record<string, unknown> = {};
  if (file) item.file = file;
  if (location?.startLine) {
    item.start_line = location.startLine;
    item.end_line = location.endLine ?? location.startLine;
  }
  item.signatures = [{ algorithm: 'hash', value: finding.fingerprint }];
  return { type: 'source', items: [item] };
}

/**
 * One finding as a GitLab vulnerability. Optional members are assigned in the schema's order rather than
 * spread from a temporary object: at 100k findings the spreads were a good part of building the report.
 */
function vulnerabilityOf(type: GitlabReportType, f: Finding, context: GitlabContext): Record<string, unknown> {
  const details = type === 'sast' ? flowDetails(f) : undefined;
  const vulnerability: Record<string, unknown> = {
    id: uuidOf(f.fingerprint ?? `${f.tool}:${f.ruleId}:${f.location?.uri}:${f.location?.startLine}`),
    name: (f.rule?.shortDescription?.text ?? f.ruleId).slice(0, 255),
    description: f.message.slice(0, 1_048_576),
    severity: SEVERITY[f.severity],
  };
  if (f.rule?.help?.text) vulnerability.solution = f.rule.help.text.slice(0, 7000);
  vulnerability.identifiers = identifiers(f);
  if (f.rule?.helpUri) vulnerability.links = [{ url: f.rule.helpUri }];
  vulnerability.location = locationOf(type, f, context);
  if (f.fingerprint) vulnerability.tracking = trackingOf(f);
  if (details) vulnerability.details = details;
  return vulnerability;
}

/** The GitLab reports of one run: a report for every type that has findings or a scanner that scanned for it. */
export function gitlabReports(findings: readonly Finding[], context: GitlabContext, listOf: ListOf = eagerList): Partial<Record<GitlabReportType, unknown>> {
  const byType = new Map<GitlabReportType, Finding[]>();
  for (const run of context.scanners) {
    const type = TYPE_OF[context.categories[run.id] ?? ''];
    if (type && run.status !== 'skipped') byType.set(type, byType.get(type) ?? []);
  }
  for (const finding of findings) {
    const type = TYPE_OF[finding.category] ?? 'sast';
    // Pushed, not spread: a copy per finding made 100k findings quadratic.
    const list = byType.get(type);
    if (list) list.push(finding);
    else byType.set(type, [finding]);
  }
  const reports: Partial<Record<GitlabReportType, unknown>> = {};
  for (const [type, list] of byType) {
    const failed = context.scanners.some((run) => run.status === 'failed' && TYPE_OF[context.categories[run.id] ?? ''] === type);
    const tool = list[0]?.tool ?? 'Pipewarden';
    const vulnerabilities = listOf(list, (f) => vulnerabilityOf(type, f, context));
    reports[type] = {
      version: GITLAB_SCHEMA_VERSION,
      scan: {
        analyzer: { id: 'pipewarden', name: 'Pipewarden', version: context.version, vendor: { name: 'Pipewarden' } },
        scanner: { id: tool.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'pipewarden', name: tool, version: context.version, vendor: { name: 'Pipewarden' } },
        type,
        start_time: gitlabTime(context.startedAt),
        end_time: gitlabTime(context.endedAt),
        status: failed ? 'failure' : 'success',
        ...(type === 'dast'
          ? { scanned_resources: [...new Map(list.map((f) => { const d = prop(f.result.properties, PROP.dast); return [`${d?.method ?? 'GET'} ${d?.url ?? ''}`, { method: d?.method ?? 'GET', url: d?.url ?? '', type: 'url' }]; })).values()].filter((r) => r.url) }
          : {}),
      },
      vulnerabilities,
    };
  }
  return reports;
}
