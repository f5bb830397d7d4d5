import { PROP, prop } from '../sarif/props.js';
import { toFinding, type Finding } from '../finding.js';
import { routeTemplate } from '../identity/fingerprint.js';
import { sortByRisk } from '../risk/prioritize.js';
import type { Log } from '../sarif/types.js';
import type { ReportLinks } from './provenance.js';

export interface FindingGroup {
  ruleId: string;
  component: string;
  tool: string;
  count: number;
  top: Finding;
  message: string;
}

/** The thing to change: the package for a dependency, the route for DAST, the image, else the file. */
export function componentOf(finding: Finding): string {
  const props = finding.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  if (pkg?.name) return `${pkg.name}${pkg.version ? `@${pkg.version}` : ''}`;
  // A route, not a URL: the host and port of the app under test change from run to run.
  const dast = prop(props, PROP.dast);
  if (dast?.url) return `${(dast.method ?? 'GET').toUpperCase()} ${routeTemplate(dast.url)}`;
  const image = prop(props, PROP.image);
  if (image?.reference) return image.reference;
  return finding.location?.uri ?? '(no location)';
}

/** The file to open for a group: a package goes with its manifest or lockfile, an image with its Dockerfile. */
export function whereToFix(group: Pick<FindingGroup, 'component' | 'top'>): string {
  const file = group.top.location?.uri;
  return file && file !== group.component ? `${group.component} (${file})` : group.component;
}

// The summary and the terminal group the same sorted findings: grouped once per array.
const grouped = new WeakMap<readonly Finding[], readonly FindingGroup[]>();

/** Findings grouped by rule and component, most urgent group first: one line per thing to fix. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const known = Object.isFrozen(findings) ? grouped.get(findings) : undefined;
  if (known) return [...known];
  const groups = new Map<string, FindingGroup>();
  for (const finding of sortByRisk(findings)) {
    if (finding.suppressed) continue;
    const component = componentOf(finding);
    const key = `${finding.ruleId}\u0000${component}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ruleId: finding.ruleId, component, tool: finding.tool, count: 1, top: finding, message: finding.message });
  }
  const list = [...groups.values()];
  // Only a frozen (sorted) array cannot change under the answer kept for it.
  if (Object.isFrozen(findings)) grouped.set(findings, list);
  return [...list];
}

/** The baseline's results that are gone from this run (baselineState absent): what was fixed. */
export function fixedOf(log: Log): Finding[] {
  return log.runs.flatMap((run) => (run.results ?? []).filter((r) => r.baselineState === 'absent').map((r) => toFinding(run, r)));
}

export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>()]+$/i.test(url)) return undefined;
  return url.replace(/\/+$/, '');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The finding's file and line at the scanned commit, when the platform gave a link base and the location is in the repository. */
export function locationUrl(finding: Finding, links: ReportLinks | undefined): string | undefined {
  const base = safeHttpUrl(links?.blob);
  const location = finding.location;
  if (!base || !location || /^[a-z][a-z0-9+.-]*:/i.test(location.uri) || location.uri.startsWith('/')) return undefined;
  const path = location.uri
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponentSafe(segment)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${base}/${path}${location.startLine ? `#L${location.startLine}` : ''}`;
}

/** One step of a finding's code flow: where, and what happened to the data there. */
export interface FlowStep {
  text: string;
  uri?: string | undefined;
  line?: number | undefined;
}

/** The first code flow of a finding (source first, sink last), as the SAST engine recorded it. */
export function flowOf(finding: Finding): FlowStep[] {
  const steps = finding.result.codeFlows?.[0]?.threadFlows?.[0]?.locations ?? [];
  return steps.map((step) => ({
    text: step.location?.message?.text ?? '',
    uri: step.location?.physicalLocation?.artifactLocation?.uri,
    line: step.location?.physicalLocation?.region?.startLine,
  }));
}
