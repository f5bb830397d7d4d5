import { PROP } from '../../sarif/props.js';
import { decodeUri } from '../../sarif/uri.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, firstScore, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

/** XML wraps lists in a container element; JSON has plain arrays. */
function items(parent: unknown, container: string, element: string): Obj[] {
  const value = read.obj(parent)?.[container];
  const list = Array.isArray(value) ? value : read.list(read.obj(value)?.[element]);
  return list.map(read.obj).filter(Boolean) as Obj[];
}

function scoreOfVuln(vuln: Obj): number {
  const v3 = read.obj(vuln.cvssV3) ?? read.obj(vuln.cvssv3);
  const v2 = read.obj(vuln.cvssV2) ?? read.obj(vuln.cvssv2);
  return firstScore(read.text(v3?.baseScore), read.text(v2?.score), read.text(vuln.cvssScore)) ?? scoreOf(read.text(vuln.severity));
}

export const dependencyCheck: InputFormat = {
  id: 'dependency-check',
  title: 'OWASP Dependency-Check report (XML and JSON)',
  producedBy: 'dependency-check --format XML|JSON',
  detect({ document }) {
    if (document.kind === 'xml') {
      if (document.root !== 'analysis') return 0;
      const xmlns = read.str(read.obj(document.data.analysis)?.['@_xmlns']) ?? '';
      return /DependencyCheck|dependency-check/i.test(xmlns) ? 1 : 0.6;
    }
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    return root && 'reportSchema' in root && read.obj(root.scanInfo) && Array.isArray(root.dependencies) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'xml' ? read.obj(document.data.analysis) : document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root) missing(file, 'Dependency-Check', 'neither an <analysis> XML report nor a JSON report');
    const scanInfo = read.obj(root.scanInfo) ?? {};
    const run = new RunBuilder({ name: 'OWASP Dependency-Check', version: read.text(scanInfo.engineVersion), informationUri: 'https://owasp.org/www-project-dependency-check/' });
    for (const dependency of items(root, 'dependencies', 'dependency')) {
      const fileName = read.text(dependency.fileName) ?? 'dependency';
      const filePath = read.text(dependency.filePath);
      const packages = items(dependency, 'packages', 'package').map((p) => read.text(p.id)).filter(Boolean) as string[];
      const identifiers = items(dependency, 'identifiers', 'identifier');
      const purl = packages.find((p) => p.startsWith('pkg:')) ?? identifiers.map((i) => read.text(i.name)).find((n) => n?.startsWith('pkg:'));
      const named = identifiers.map((i) => read.text(i.name)).find(Boolean);
      const pkgName = purl ? decodeUri(purl.replace(/^pkg:[^/]+\//, '').replace(/@[^@]*$/, '')) : named ?? fileName;
      const version = purl ? decodeUri(/@([^@?#]+)/.exec(purl)?.[1] ?? '') || undefined : undefined;
      const vulns = [...items(dependency, 'vulnerabilities', 'vulnerability').map((v) => ({ v, suppressed: false })), ...items(dependency, 'vulnerabilities', 'suppressedVulnerability').map((v) => ({ v, suppressed: true })), ...items(dependency, 'suppressedVulnerabilities', 'suppressedVulnerability').map((v) => ({ v, suppressed: true }))];
      for (const { v, suppressed } of vulns) {
        const id = read.text(v.name) ?? 'dependency-check-vulnerability';
        const score = scoreOfVuln(v);
        const cwes = [read.text(v.cwe), ...(read.obj(v.cwes) ? read.list(read.obj(v.cwes)!.cwe).map(read.text) : read.arr(v.cwes).map(read.text))].map((c) => cweId(c));
        const references = items(v, 'references', 'reference');
        run.rule({
          id,
          short: read.text(v.description)?.split(/(?<=\.)\s/)[0] ?? id,
          full: read.text(v.description),
          helpUri: /^CVE-/i.test(id) ? `https://nvd.nist.gov/vuln/detail/${id}` : read.text(references[0]?.url),
          score,
          level: levelOf(score),
          cwes,
          tags: ['vulnerability'],
          precision: 'high',
        });
        run.result({
          ruleId: id,
          message: `${pkgName}${version ? ` ${version}` : ''} (${fileName}) is affected by ${id}`,
          level: levelOf(score),
          score,
          category: 'sca',
          // filePath is the analysed file on the scanning machine: made repo-relative by normalize when it can be.
          locations: [fileLocation(filePath)],
          ids: [id],
          cwes,
          package: { name: pkgName, version, purl },
          suppressed: suppressed ? 'suppressed in Dependency-Check' : undefined,
          properties: { [PROP.severityLabel]: read.text(v.severity), [PROP.source]: read.str(v['@_source']) ?? read.str(v.source) },
        });
      }
    }
    return logOf(run.build());
  },
};
