import { PROP } from '../../sarif/props.js';
import type { Category } from '../../finding.js';
import type { Run } from '../../sarif/types.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

const SCAN_CATEGORY: Record<string, Category> = {
  sast: 'sast',
  dependency_scanning: 'sca',
  container_scanning: 'container',
  cluster_image_scanning: 'container',
  dast: 'dast',
  api_fuzzing: 'dast',
  coverage_fuzzing: 'sast',
  secret_detection: 'secrets',
};

function categoryOf(scanType: string | undefined, item: Obj): Category {
  const explicit = SCAN_CATEGORY[scanType ?? ''] ?? SCAN_CATEGORY[read.str(item.category) ?? ''];
  if (explicit) return explicit;
  const location = read.obj(item.location) ?? {};
  if ('raw_source_code_extract' in item) return 'secrets';
  if (read.str(location.image)) return 'container';
  if (read.str(location.hostname) || read.str(location.method)) return 'dast';
  if (read.str(read.obj(read.obj(location.dependency)?.package)?.name)) return 'sca';
  return 'sast';
}

function isVulnerability(value: unknown): boolean {
  const item = read.obj(value);
  return !!item && (Array.isArray(item.identifiers) || read.obj(item.location) !== undefined) && ('severity' in item || 'description' in item || 'name' in item);
}

/** GitLab's primary identifier is the first; CVE and GHSA ids are used as they are, others keep their type. */
function ruleIdOf(identifiers: Obj[], item: Obj): string {
  const first = identifiers[0];
  const value = read.str(first?.value);
  if (value && /^(CVE|GHSA)-/i.test(value)) return value.toUpperCase().startsWith('GHSA') ? value : value.toUpperCase();
  if (value) return `${read.str(first?.type) ?? 'gitlab'}/${value}`.replace(/\s+/g, '-');
  return `gitlab/${(read.str(item.name) ?? read.str(item.message) ?? 'finding').replace(/\s+/g, '-')}`;
}

export const gitlab: InputFormat = {
  id: 'gitlab',
  title: 'GitLab security reports (SAST, dependency, container, DAST, secret detection)',
  producedBy: 'GitLab analyzers and anything writing gl-*-report.json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.vulnerabilities)) return 0;
    if ('bomFormat' in root) return 0;
    const scan = read.obj(root.scan);
    if (scan && typeof scan.type === 'string') return 1;
    // GitLab's DAST analyzer wrote ZAP's own report around its vulnerabilities (@version, site) and, before schema
    // 14, a scan without a type: the vulnerabilities are GitLab's reading of ZAP's alerts, and what GitLab shows.
    if (root.vulnerabilities.length) {
      const shaped = root.vulnerabilities.every(isVulnerability) && root.vulnerabilities.some((v) => Array.isArray(read.obj(v)?.identifiers));
      if (!shaped) return 0;
      return scan ? 1 : 0.9;
    }
    // Nothing found: the scan's own members (or the remediations list beside it) are GitLab's alone.
    if (scan) return read.obj(scan.analyzer) || read.obj(scan.scanner) || Array.isArray(scan.scanned_resources) || Array.isArray(root.remediations) ? 1 : 0.8;
    return 'remediations' in root || typeof root.version === 'string' || '__comment__' in root ? 0.6 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.vulnerabilities)) missing(file, 'GitLab security', 'no "vulnerabilities" array');
    const scan = read.obj(root.scan);
    const scanner = read.obj(scan?.scanner);
    const analyzer = read.obj(scan?.analyzer);
    const scanType = read.str(scan?.type);
    const run = new RunBuilder({
      name: read.str(scanner?.name) ?? read.str(analyzer?.name) ?? 'GitLab',
      version: read.str(scanner?.version),
      informationUri: read.str(scanner?.url),
      organization: read.str(read.obj(scanner?.vendor)?.name),
    });
    const ecosystemOf = new Map<string, string>();
    for (const entry of read.arr(root.dependency_files)) {
      const dep = read.obj(entry);
      if (read.str(dep?.path) && read.str(dep?.package_manager)) ecosystemOf.set(read.str(dep!.path)!, read.str(dep!.package_manager)!);
    }
    for (const [index, value] of root.vulnerabilities.entries()) {
      const item = read.obj(value);
      if (!item) missing(file, 'GitLab security', `vulnerabilities[${index}] is not an object`);
      const identifiers = read.arr(item.identifiers).map(read.obj).filter(Boolean) as Obj[];
      const location = read.obj(item.location) ?? {};
      const category = categoryOf(scanType, item);
      const id = ruleIdOf(identifiers, item);
      const score = scoreOf(item.severity);
      const cwes = identifiers.filter((i) => /^cwe$/i.test(read.str(i.type) ?? '')).map((i) => cweId(read.str(i.value)));
      const owasp = identifiers.filter((i) => /^owasp$/i.test(read.str(i.type) ?? '')).map((i) => `OWASP-${read.str(i.value)}`);
      const ids = identifiers.map((i) => read.str(i.value)).filter((v) => v && /^(CVE|GHSA|CWE)-/i.test(v));
      const name = read.str(item.name) ?? read.str(item.message) ?? read.str(identifiers[0]?.name) ?? id;
      const dependency = read.obj(location.dependency);
      const pkg = read.obj(dependency?.package);
      const filePath = read.str(location.file);
      const image = read.str(location.image);
      const evidence = read.obj(item.evidence);
      const request = read.obj(evidence?.request);
      const links = read.arr(item.links).map((l) => read.str(read.obj(l)?.url)).filter(Boolean) as string[];
      run.rule({
        id,
        name: read.str(identifiers[0]?.name) ?? name,
        short: name,
        full: read.str(item.description),
        help: read.str(item.solution),
        helpUri: read.str(identifiers[0]?.url) ?? links[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [category, ...owasp],
      });
      const dast =
        category === 'dast'
          ? {
              url: read.str(request?.url) ?? `${read.str(location.hostname) ?? ''}${read.str(location.path) ?? ''}`,
              method: read.str(location.method) ?? read.str(request?.method),
              parameter: read.str(location.param),
              // Evidence summaries can quote what the app leaked; only a short, scrubbed excerpt is kept.
              evidence: read.str(evidence?.summary)?.slice(0, 200),
              // The request line only: the evidence's headers and bodies (and supporting_messages) carry cookies,
              // tokens and submitted passwords.
              request: read.str(request?.url) ? `${read.str(request?.method) ?? read.str(location.method) ?? 'GET'} ${read.str(request?.url)}`.slice(0, 2000) : undefined,
            }
          : undefined;
      run.result({
        ruleId: id,
        message: [name, pkg ? `in ${read.str(pkg.name)}${read.str(dependency?.version) ? ` ${read.str(dependency?.version)}` : ''}` : '', image ? `(image ${image})` : ''].filter(Boolean).join(' '),
        level: levelOf(score),
        score,
        category,
        locations: [
          fileLocation(filePath, { startLine: location.start_line, endLine: location.end_line }),
        ],
        logicalLocations: [
          ...(read.str(location.class) || read.str(location.method) && category !== 'dast' ? [logicalLocation(`${read.str(location.class) ?? ''}${read.str(location.class) && read.str(location.method) ? '.' : ''}${category !== 'dast' ? read.str(location.method) ?? '' : ''}`, 'member')] : []),
          ...(dast?.url ? [logicalLocation(dast.url, 'url')] : []),
          ...(image && !filePath ? [logicalLocation(image, 'module')] : []),
        ],
        ids: [...ids, ...owasp],
        cwes,
        package: pkg && read.str(pkg.name) ? { name: read.str(pkg.name)!, version: read.str(dependency?.version), ecosystem: (filePath && ecosystemOf.get(filePath)) ?? read.str(location.operating_system)?.split(':')[0] } : undefined,
        image: image ? { reference: image } : undefined,
        dast,
        secret: 'raw_source_code_extract' in item ? read.str(item.raw_source_code_extract) ?? `${filePath}:${read.str(location.start_line)}` : undefined,
        fingerprints: read.str(item.id) ? { 'gitlab/v1': read.str(item.id)! } : undefined,
        properties: { [PROP.severityLabel]: read.str(item.severity), ...(read.str(item.confidence) ? { [PROP.confidence]: read.str(item.confidence) } : {}) },
      });
    }
    const built: Run = run.build();
    const status = read.str(scan?.status);
    if (status === 'failure') {
      built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: read.arr(scan?.messages).map((m) => ({ level: 'error' as const, message: { text: read.str(read.obj(m)?.value) ?? 'scan failed' } })) }];
    }
    return logOf(built);
  },
};
