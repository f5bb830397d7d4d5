import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, htmlToText, levelOf, logOf, missing, read } from '../toolkit.js';

type Obj = Record<string, unknown>;

// SonarQube's own scale (Blocker … Info), not the generic table: a Major code smell is not a high-severity vulnerability.
const SEVERITY: Record<string, number> = { BLOCKER: 9.5, CRITICAL: 8.0, MAJOR: 5.5, MINOR: 3.0, INFO: 0.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 3.0 };
const SECURITY_TYPES = new Set(['VULNERABILITY', 'SECURITY_HOTSPOT']);

function isIssue(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.rule === 'string' && ('component' in object || 'key' in object) && ('severity' in object || 'message' in object);
}

export const sonarqube: InputFormat = {
  id: 'sonarqube',
  title: 'SonarQube issues JSON (Web API api/issues/search, sonar-report)',
  producedBy: 'GET /api/issues/search; sonar-report --json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.issues)) return 0;
    if ('sonarComponent' in root || 'sonarBaseURL' in root) return 1;
    if ('paging' in root && 'components' in root) return 1;
    return root.issues.length > 0 && root.issues.every(isIssue) ? 0.8 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.issues)) missing(file, 'SonarQube', 'no "issues" array');
    const paths = new Map<string, string>();
    for (const value of read.arr(root.components)) {
      const component = read.obj(value);
      if (read.str(component?.key) && read.str(component?.path)) paths.set(read.str(component!.key)!, read.str(component!.path)!);
    }
    const rules = read.obj(root.rules) ?? {};
    const base = read.str(root.sonarBaseURL);
    const run = new RunBuilder({ name: 'SonarQube', informationUri: 'https://www.sonarsource.com/products/sonarqube/' });
    for (const [index, value] of root.issues.entries()) {
      if (!isIssue(value)) missing(file, 'SonarQube', `issues[${index}] lacks "rule"`);
      const issue = read.obj(value)!;
      const id = read.str(issue.rule)!;
      const rule = read.obj(rules[id]) ?? {};
      const type = read.str(issue.type) ?? (read.str(issue.status) === 'TO_REVIEW' ? 'SECURITY_HOTSPOT' : 'VULNERABILITY');
      const security = SECURITY_TYPES.has(type);
      const severity = (read.str(issue.severity) ?? read.str(rule.severity) ?? 'MAJOR').toUpperCase();
      // Bugs and code smells are quality issues: they are kept, but rank low.
      const score = security ? (SEVERITY[severity] ?? 5.5) : Math.min(SEVERITY[severity] ?? 3.0, 3.0);
      const componentKey = read.str(issue.component) ?? '';
      const path = paths.get(componentKey) ?? (componentKey.includes(':') ? componentKey.slice(componentKey.indexOf(':') + 1) : componentKey);
      const range = read.obj(issue.textRange) ?? {};
      const tags = read.arr(issue.tags).map(read.str).filter(Boolean) as string[];
      const cwes = tags.filter((t) => /^cwe-\d+$/i.test(t)).map(cweId);
      const message = read.str(issue.message) ?? read.str(issue.description) ?? id;
      run.rule({
        id,
        name: read.str(rule.name) ?? read.str(issue.description),
        short: read.str(rule.name) ?? read.str(issue.description) ?? id,
        full: htmlToText(read.str(rule.htmlDesc)),
        helpUri: base ? `${base.replace(/\/$/, '')}/coding_rules?open=${encodeURIComponent(id)}&rule_key=${encodeURIComponent(id)}` : undefined,
        score,
        level: levelOf(score),
        cwes,
        tags: [type.toLowerCase(), ...tags.filter((t) => !/^cwe-\d+$/i.test(t))],
      });
      const flows = read.arr(issue.flows).flatMap((flow) => read.arr(read.obj(flow)?.locations)).map(read.obj).filter(Boolean) as Obj[];
      run.result({
        ruleId: id,
        message,
        level: levelOf(score),
        score,
        category: 'sast',
        locations: [fileLocation(path || undefined, { startLine: range.startLine ?? issue.line, endLine: range.endLine })],
        relatedLocations: flows.map((l) => {
          const key = read.str(l.component) ?? '';
          const r = read.obj(l.textRange) ?? {};
          const flowPath = paths.get(key) ?? (key.includes(':') ? key.slice(key.indexOf(':') + 1) : key);
          return fileLocation(flowPath || undefined, { startLine: r.startLine, endLine: r.endLine }, read.str(l.msg));
        }),
        ids: [...(message.match(/CVE-\d{4}-\d+/g) ?? [])],
        cwes,
        fingerprints: read.str(issue.key) ? { 'sonarqube/key': read.str(issue.key)! } : undefined,
        suppressed: ['FALSE-POSITIVE', 'WONTFIX', 'SAFE', 'ACCEPTED'].includes((read.str(issue.resolution) ?? '').toUpperCase()) ? `resolved in SonarQube as ${read.str(issue.resolution)}` : undefined,
        properties: { [PROP.severityLabel]: severity, [PROP.sonarType]: type, [PROP.status]: read.str(issue.status) },
      });
    }
    return logOf(run.build());
  },
};
