import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, firstScore, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

function isProject(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && Array.isArray(object.vulnerabilities) && ('packageManager' in object || 'dependencyCount' in object) && ('ok' in object || 'uniqueCount' in object);
}

export const snyk: InputFormat = {
  id: 'snyk',
  title: 'Snyk JSON (open source, container; Snyk Code writes SARIF)',
  producedBy: 'snyk test --json, snyk test --all-projects --json, snyk container test --json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const data = document.data;
    if (Array.isArray(data)) return data.length > 0 && data.every(isProject) ? 1 : 0;
    return isProject(data) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json') missing(file, 'Snyk', 'expected one JSON document');
    const projects = Array.isArray(document.data) ? document.data : [document.data];
    const run = new RunBuilder({ name: 'Snyk', informationUri: 'https://snyk.io' });
    const visit = (project: Obj, inherited: { image?: string | undefined }) => {
      const docker = read.obj(project.docker);
      const image = inherited.image ?? (docker ? read.str(project.path) ?? read.str(project.projectName) : undefined);
      const target = read.str(project.displayTargetFile) ?? read.str(project.targetFile);
      for (const value of read.arr(project.vulnerabilities)) {
        const vuln = read.obj(value) ?? {};
        const id = read.str(vuln.id) ?? 'snyk-issue';
        const identifiers = read.obj(vuln.identifiers) ?? {};
        const cves = read.arr(identifiers.CVE);
        const cwes = read.arr(identifiers.CWE);
        const score = firstScore(vuln.cvssScore) ?? scoreOf(vuln.severityWithCritical ?? vuln.severity);
        const name = read.str(vuln.packageName) ?? read.str(vuln.name) ?? 'package';
        const version = read.str(vuln.version);
        const fixed = read.arr(vuln.fixedIn).map(read.str).filter(Boolean) as string[];
        const from = read.arr(vuln.from).map(read.str).filter(Boolean) as string[];
        const license = read.str(vuln.type) === 'license';
        run.rule({
          id,
          short: read.str(vuln.title) ?? id,
          full: read.str(vuln.description),
          helpUri: `https://security.snyk.io/vuln/${encodeURIComponent(id)}`,
          score,
          level: levelOf(score),
          cwes,
          tags: [license ? 'license' : 'vulnerability', read.str(vuln.language)],
          precision: 'very-high',
        });
        run.result({
          ruleId: id,
          message: `${name}${version ? ` ${version}` : ''}: ${read.str(vuln.title) ?? id}${fixed.length ? ` (fixed in ${fixed.join(', ')})` : ''}${from.length > 1 ? `, introduced through ${from[1]}` : ''}`,
          level: levelOf(score),
          score,
          category: image ? 'container' : 'sca',
          locations: [image ? undefined : fileLocation(target)],
          logicalLocations: from.length ? [logicalLocation(from.join(' > '), 'module')] : [],
          ids: [id, ...cves, ...read.arr(identifiers.GHSA)],
          cwes,
          package: { name: read.str(vuln.name) ?? name, version, ecosystem: read.str(vuln.packageManager)?.split(':')[0] ?? read.str(project.packageManager), fixedVersions: fixed },
          image: image ? { reference: image } : undefined,
          properties: {
            [PROP.severityLabel]: read.str(vuln.severityWithCritical) ?? read.str(vuln.severity),
            ...(read.str(vuln.CVSSv3) ? { [PROP.cvssVector]: read.str(vuln.CVSSv3) } : {}),
            ...(read.str(vuln.exploit) ? { [PROP.exploitMaturity]: read.str(vuln.exploit) } : {}),
          },
        });
      }
      // Container scans list the applications found in the image, each a project of its own.
      for (const application of read.arr(project.applications)) {
        const app = read.obj(application);
        if (app) visit(app, { image });
      }
    };
    for (const [index, value] of projects.entries()) {
      if (!isProject(value)) missing(file, 'Snyk', `project ${index} lacks "vulnerabilities"`);
      visit(read.obj(value)!, {});
    }
    return logOf(run.build());
  },
};
