import type { Invocation, Notification } from '../../sarif/types.js';
import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

// Semgrep's three classic severities mean high / medium / low; newer rules also say CRITICAL … LOW.
const SEVERITY: Record<string, number> = { ERROR: 8.0, WARNING: 5.5, INFO: 3.0, CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 3.0 };
const PRECISION: Record<string, 'high' | 'medium' | 'low'> = { HIGH: 'high', MEDIUM: 'medium', LOW: 'low' };

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(read.str).filter((s): s is string => !!s);
}

/** The fingerprint Semgrep writes, unless it is the placeholder it writes without a login. */
function fingerprintOf(extra: Obj): Record<string, string> | undefined {
  const fingerprint = read.str(extra.fingerprint);
  return fingerprint && !/^requires login$/.test(fingerprint) ? { 'semgrep/v1': fingerprint } : undefined;
}

/** sca-fix-versions: [{"<package>": "<version>"}, …]; the versions named for the package found (else all of them). */
function fixVersions(value: unknown, pkg: string): string[] {
  const entries = read.arr(value).flatMap((item): [string, unknown][] => (typeof item === 'string' ? [[pkg, item]] : Object.entries(read.obj(item) ?? {})));
  const own = entries.filter(([name]) => name === pkg);
  return (own.length ? own : entries).map(([, version]) => read.str(version)).filter((v): v is string => !!v);
}

/**
 * A Semgrep Supply Chain finding (extra.sca_info, semgrep_output_v1.atd): a vulnerable dependency, at its line of
 * the lockfile; when a reachability rule found the project calling the vulnerable code, that call is a related
 * location. Its rule is the advisory (CVE, else GHSA), as for every other dependency scanner.
 */
function scaFinding(run: RunBuilder, finding: Obj, extra: Obj, sca: Obj, checkId: string): void {
  const metadata = read.obj(extra.metadata) ?? {};
  const match = read.obj(sca.dependency_match) ?? {};
  const pattern = read.obj(match.dependency_pattern) ?? {};
  const found = read.obj(match.found_dependency) ?? {};
  const name = read.str(found.package) ?? read.str(pattern.package) ?? 'package';
  const version = read.str(found.version);
  const ecosystem = read.str(found.ecosystem) ?? read.str(pattern.ecosystem);
  const database = read.str(metadata['sca-vuln-database-identifier']);
  const cves = [database, ...strings(metadata.cve)].filter((id): id is string => !!id && /^CVE-\d+-\d+$/i.test(id)).map((id) => id.toUpperCase());
  const ghsas = [database, ...strings(metadata.ghsa)].filter((id): id is string => !!id && /^GHSA-/i.test(id));
  const id = cves[0] ?? ghsas[0] ?? database ?? checkId;
  const severity = read.str(metadata['sca-severity']) ?? read.str(extra.severity) ?? 'WARNING';
  const score = SEVERITY[severity.toUpperCase()] ?? scoreOf(severity);
  const cwes = strings(metadata.cwe);
  const owasp = strings(metadata.owasp).map((o) => `OWASP-${o.split(/\s+-\s+/)[0]}`);
  const fixed = fixVersions(metadata['sca-fix-versions'], name);
  const message = read.str(extra.message) ?? id;
  // A reachability rule answers yes or no; without one (reachability_rule false) Semgrep cannot tell.
  const reachable = sca.reachability_rule === true ? sca.reachable === true : sca.reachable === true ? true : undefined;
  const path = read.str(finding.path);
  const start = read.obj(finding.start);
  const end = read.obj(finding.end);
  const region = { startLine: start?.line, startColumn: start?.col, endLine: end?.line, endColumn: end?.col };
  // Semgrep 1.x names the lockfile on the dependency (lockfile_path), older versions on the match (lockfile).
  const lockfile = read.str(found.lockfile_path) ?? read.str(match.lockfile);
  const line = found.line_number ?? (path === lockfile ? start?.line : undefined);
  const transitivity = read.str(found.transitivity);
  const facts = [fixed.length ? `fixed in ${fixed.join(', ')}` : 'no fix yet', ...(reachable ? ['vulnerable code reachable'] : [])];
  run.rule({
    id,
    name: checkId,
    short: message.split('\n')[0],
    full: message,
    helpUri: strings(metadata.references)[0] ?? read.str(metadata['semgrep.url']) ?? read.str(metadata.source),
    score,
    level: levelOf(score),
    cwes,
    tags: ['vulnerability', ecosystem?.toLowerCase(), ...owasp],
    precision: 'very-high',
  });
  run.result({
    ruleId: id,
    message: `${name}${version ? ` ${version}` : ''} is affected by ${id} (${facts.join(', ')}): ${message.split('\n')[0]}`,
    level: levelOf(score),
    score,
    category: 'sca',
    locations: [lockfile ? fileLocation(lockfile, { startLine: line }) : fileLocation(path, region)],
    relatedLocations: lockfile && path && path !== lockfile ? [fileLocation(path, region, `${name} ${id}: the vulnerable code is reached here`)] : [],
    ids: [id, ...cves, ...ghsas, ...owasp],
    cwes,
    package: { name, version, ecosystem, fixedVersions: fixed, reachable },
    fingerprints: fingerprintOf(extra),
    suppressed: extra.is_ignored === true ? 'ignored in source (nosemgrep)' : undefined,
    properties: {
      [PROP.severityLabel]: severity,
      ...(transitivity === 'direct' || transitivity === 'transitive' ? { [PROP.direct]: transitivity === 'direct' } : {}),
    },
  });
}

export const semgrep: InputFormat = {
  id: 'semgrep',
  title: 'Semgrep JSON',
  producedBy: 'semgrep scan --json, semgrep ci --json (Supply Chain findings included)',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results) || !Array.isArray(root.errors)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return typeof first.check_id === 'string' && read.obj(first.extra) ? 1 : 0;
    return 'paths' in root || 'version' in root ? 0.8 : 0.6;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.results)) missing(file, 'Semgrep', 'no "results" array');
    const run = new RunBuilder({ name: 'Semgrep', version: read.str(root.version), informationUri: 'https://semgrep.dev' });
    for (const [index, value] of root.results.entries()) {
      const finding = read.obj(value);
      const id = read.str(finding?.check_id);
      const extra = read.obj(finding?.extra);
      if (!finding || !id || !extra) missing(file, 'Semgrep', `results[${index}] lacks "check_id" or "extra"`);
      const sca = read.obj(extra.sca_info);
      if (sca) {
        scaFinding(run, finding, extra, sca, id);
        continue;
      }
      const metadata = read.obj(extra.metadata) ?? {};
      const severity = (read.str(extra.severity) ?? 'WARNING').toUpperCase();
      const score = SEVERITY[severity] ?? scoreOf(severity);
      const cwes = strings(metadata.cwe);
      const owasp = strings(metadata.owasp).map((o) => `OWASP-${o.split(/\s+-\s+/)[0]}`);
      const message = read.str(extra.message) ?? id;
      const start = read.obj(finding.start);
      const end = read.obj(finding.end);
      const confidence = read.str(metadata.confidence)?.toUpperCase();
      run.rule({
        id,
        name: id.split('.').pop(),
        short: message.split('\n')[0],
        full: message,
        helpUri: read.str(metadata.shortlink) ?? read.str(metadata.source) ?? strings(metadata.references)[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [read.str(metadata.category), ...strings(metadata.technology), ...owasp],
        precision: confidence ? PRECISION[confidence] : undefined,
      });
      // extra.lines (the matched code) is left out: for secret rules it is the secret.
      run.result({
        ruleId: id,
        message,
        level: levelOf(score),
        score,
        category: /secret|credential|hardcoded|api[-_.]?key|token/i.test(id) && !cwes.length ? 'secrets' : cwes.some((c) => /CWE-798/.test(c)) ? 'secrets' : 'sast',
        locations: [fileLocation(read.str(finding.path), { startLine: start?.line, startColumn: start?.col, endLine: end?.line, endColumn: end?.col })],
        cwes,
        ids: owasp,
        fingerprints: fingerprintOf(extra),
        suppressed: extra.is_ignored === true ? 'ignored in source (nosemgrep)' : undefined,
      });
    }
    const built = run.build();
    const invocation = invocationOf(read.arr(root.errors));
    if (invocation) built.invocations = [invocation];
    return logOf(built);
  },
};

/**
 * Semgrep's errors[]: one with a path is a file it could not analyse (a parse error, a timeout on that file),
 * which leaves the run partial; one without a path at level error means the run failed.
 */
function invocationOf(errors: readonly unknown[]): Invocation | undefined {
  if (!errors.length) return undefined;
  const execution: Notification[] = [];
  const configuration: Notification[] = [];
  let failed = false;
  for (const value of errors) {
    const error = read.obj(value);
    if (!error) continue;
    const level = (read.str(error.level) ?? 'error').toLowerCase() === 'error' ? 'error' : 'warning';
    const text = `${read.str(error.type) ?? 'Semgrep error'}: ${(read.str(error.message) ?? '').split('\n')[0]}`.slice(0, 300);
    const path = read.str(error.path);
    if (path) execution.push({ level, message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri: path } } }] });
    else if (level === 'error') {
      failed = true;
      execution.push({ level, message: { text } });
    } else configuration.push({ level, message: { text } });
  }
  return { executionSuccessful: !failed, ...(execution.length ? { toolExecutionNotifications: execution } : {}), ...(configuration.length ? { toolConfigurationNotifications: configuration } : {}) };
}
