import { PROP } from '../../sarif/props.js';
import type { Run } from '../../sarif/types.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, firstScore, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

/** An advisory's stable id: its GHSA when the URL names one, else npm's advisory number. */
function advisoryId(url: string | undefined, source: unknown): string {
  const ghsa = url ? /GHSA-[\w-]+/i.exec(url)?.[0] : undefined;
  if (ghsa) return ghsa;
  const number = read.str(source);
  return number ? `npm-advisory-${number}` : 'npm-advisory';
}

const LOCKFILE = 'package-lock.json';

function parseV7(root: Obj, run: RunBuilder): void {
  for (const [key, value] of Object.entries(read.obj(root.vulnerabilities) ?? {})) {
    const vuln = read.obj(value) ?? {};
    const name = read.str(vuln.name) ?? key;
    const fix = vuln.fixAvailable;
    const fixObject = read.obj(fix);
    const fixText = fix === true ? 'a fix is available (npm audit fix)' : fixObject ? `fixed by ${read.str(fixObject.name)}@${read.str(fixObject.version)}${fixObject.isSemVerMajor ? ' (a major upgrade)' : ''}` : 'no fix available';
    const nodes = read.arr(vuln.nodes).map(read.str).filter(Boolean) as string[];
    const logical = nodes.map((node) => logicalLocation(node, 'module'));
    const seen = new Set<string>();
    const advisories = read.arr(vuln.via).map(read.obj).filter(Boolean) as Obj[];
    for (const advisory of advisories) {
      const url = read.str(advisory.url);
      const id = advisoryId(url, advisory.source);
      if (seen.has(id)) continue;
      seen.add(id);
      const cvss = read.obj(advisory.cvss);
      const score = firstScore(cvss?.score) ?? scoreOf(advisory.severity);
      const cwes = read.arr(advisory.cwe);
      const title = read.str(advisory.title) ?? id;
      run.rule({ id, short: title, helpUri: url, score, level: levelOf(score), cwes, tags: ['vulnerability', 'npm'], precision: 'very-high' });
      run.result({
        ruleId: id,
        message: `${name} (${read.str(advisory.range) ?? read.str(vuln.range) ?? 'affected versions'}): ${title}; ${fixText}`,
        level: levelOf(score),
        score,
        category: 'sca',
        locations: [fileLocation(LOCKFILE)],
        logicalLocations: logical,
        ids: [id],
        cwes,
        package: { name, ecosystem: 'npm', fixedVersions: fixObject && read.str(fixObject.name) === name ? [read.str(fixObject.version)!] : [] },
        properties: { [PROP.severityLabel]: read.str(advisory.severity), [PROP.cvssVector]: read.str(cvss?.vectorString), [PROP.direct]: vuln.isDirect === true },
      });
    }
    if (advisories.length === 0) {
      // Vulnerable only through its dependencies: reported once, pointing at them.
      const through = read.arr(vuln.via).map(read.str).filter(Boolean) as string[];
      const score = scoreOf(vuln.severity);
      const id = 'npm-audit/vulnerable-dependency';
      run.rule({ id, short: 'A dependency is vulnerable through its own dependencies', score: 5.5, level: 'warning', tags: ['vulnerability', 'npm', 'transitive'] });
      run.result({
        ruleId: id,
        message: `${name} (${read.str(vuln.range) ?? 'affected versions'}) is vulnerable through ${through.join(', ') || 'its dependencies'}; ${fixText}`,
        level: levelOf(score),
        score,
        category: 'sca',
        locations: [fileLocation(LOCKFILE)],
        logicalLocations: logical,
        package: { name, ecosystem: 'npm' },
        properties: { [PROP.severityLabel]: read.str(vuln.severity), [PROP.via]: through },
      });
    }
  }
}

function parseV6(root: Obj, run: RunBuilder): void {
  for (const value of Object.values(read.obj(root.advisories) ?? {})) {
    const advisory = read.obj(value) ?? {};
    const url = read.str(advisory.url);
    const id = advisoryId(read.str(advisory.github_advisory_id) ?? url, advisory.id);
    const name = read.str(advisory.module_name) ?? 'package';
    const findings = read.arr(advisory.findings).map(read.obj).filter(Boolean) as Obj[];
    const versions = [...new Set(findings.map((f) => read.str(f.version)).filter(Boolean))] as string[];
    const paths = findings.flatMap((f) => read.arr(f.paths).map(read.str)).filter(Boolean) as string[];
    const cwe = cweId(advisory.cwe);
    const score = scoreOf(advisory.severity);
    const title = read.str(advisory.title) ?? id;
    const patched = read.str(advisory.patched_versions);
    run.rule({ id, short: title, full: read.str(advisory.overview), help: read.str(advisory.recommendation), helpUri: url, score, level: levelOf(score), cwes: [cwe], tags: ['vulnerability', 'npm'], precision: 'very-high' });
    run.result({
      ruleId: id,
      message: `${name}${versions.length ? ` ${versions.join(', ')}` : ''} (${read.str(advisory.vulnerable_versions) ?? 'affected versions'}): ${title}; ${patched && patched !== '<0.0.0' ? `patched in ${patched}` : 'no patch available'}`,
      level: levelOf(score),
      score,
      category: 'sca',
      locations: [fileLocation(LOCKFILE)],
      logicalLocations: paths.slice(0, 20).map((path) => logicalLocation(path, 'module')),
      ids: [id, ...read.arr(advisory.cves)],
      cwes: [cwe],
      package: { name, version: versions[0], ecosystem: 'npm', fixedVersions: patched && patched !== '<0.0.0' ? [patched] : [] },
      properties: {
        [PROP.severityLabel]: read.str(advisory.severity),
        // npm 6 says, per path, whether it is a dev dependency: only when every path is, the finding weighs less.
        ...(findings.length && findings.every((f) => f.dev === true) ? { [PROP.dev]: true } : {}),
      },
    });
  }
}

/**
 * What `npm audit --json` prints when the registry's audit endpoint answers with an error (lib/utils/audit-error.js):
 * `{message, method, uri, headers, statusCode, body}`, then it exits 1. `message` is npm-registry-fetch's
 * "405 Method Not Allowed - POST https://…/-/npm/v1/security/advisories/bulk".
 */
function isEndpointRefusal(root: Obj): boolean {
  return typeof root.statusCode === 'number' && typeof root.uri === 'string' && 'method' in root && 'message' in root && !('vulnerabilities' in root) && !('advisories' in root);
}

/** The first non-blank line of a text, trimmed. */
function firstLine(value: unknown): string | undefined {
  return (read.str(value) ?? '').split('\n').map((line) => line.trim()).find(Boolean);
}

/** One line: the service's status line and the request, with no credentials in the URL. */
function refusalReason(root: Obj): string {
  const message = firstLine(root.message);
  const parsed = /^(\d{3}\b.*?)\s+-\s+([A-Z]+)\s+(\S+)(?:\s+-\s+(.+))?$/.exec(message ?? '');
  const statusLine = parsed?.[1] ?? message ?? `HTTP ${String(root.statusCode)}`;
  const uri = (parsed?.[3] ?? read.str(root.uri))?.replace(/\/\/[^/@\s]*@/, '//***@');
  const request = [parsed?.[2] ?? read.str(root.method)?.toUpperCase(), uri].filter(Boolean).join(' ');
  return `npm audit: the registry refused the request: ${statusLine}${request ? ` (${request})` : ''}${parsed?.[4] ? `: ${parsed[4]}` : ''}`.slice(0, 500);
}

/** An npm error ({error: {code, summary, detail}}) as one line that is never empty. */
function errorReason(error: Obj): string {
  return `${read.str(error.code) ?? 'error'}: ${firstLine(error.summary) ?? firstLine(error.detail) ?? 'npm audit failed'}`.slice(0, 500);
}

export const npmAudit: InputFormat = {
  id: 'npm-audit',
  title: 'npm audit JSON (npm 6 and npm 7+)',
  producedBy: 'npm audit --json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root) return 0;
    if (root.auditReportVersion !== undefined && read.obj(root.vulnerabilities)) return 1;
    if (read.obj(root.advisories) && (Array.isArray(root.actions) || read.obj(root.metadata))) return 1;
    const error = read.obj(root.error);
    if (error && /^E[A-Z0-9]+$/.test(read.str(error.code) ?? '') && Object.keys(root).length === 1) return 0.7;
    if (isEndpointRefusal(root) && /\/-\/npm\/v1\/security\//.test(read.str(root.uri) ?? '')) return 0.7;
    return 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root) missing(file, 'npm audit', 'expected a JSON object');
    const run = new RunBuilder({ name: 'npm audit', informationUri: 'https://docs.npmjs.com/cli/commands/npm-audit' });
    if (read.obj(root.vulnerabilities)) parseV7(root, run);
    else if (read.obj(root.advisories)) parseV6(root, run);
    const built: Run = run.build();
    const error = read.obj(root.error);
    // npm could not audit (the audit endpoint refused, no registry access, no lockfile): that is a failed run,
    // not a clean one.
    const refused = isEndpointRefusal(root) ? refusalReason(root) : error ? errorReason(error) : undefined;
    if (refused) {
      built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: refused } }] }];
    } else if (!read.obj(root.vulnerabilities) && !read.obj(root.advisories)) {
      missing(file, 'npm audit', 'neither "vulnerabilities" (npm 7+) nor "advisories" (npm 6)');
    }
    return logOf(built);
  },
};
