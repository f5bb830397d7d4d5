import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';


export const retirejs: InputFormat = {
  id: 'retirejs',
  title: 'Retire.js JSON',
  producedBy: 'retire --outputformat json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.data)) return 0;
    const first = read.obj(root.data[0]);
    if (first) return 'file' in first && Array.isArray(first.results) ? 1 : 0;
    return 'messages' in root && 'errors' in root && 'start' in root ? 0.9 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.data)) missing(file, 'Retire.js', 'no "data" array');
    const run = new RunBuilder({ name: 'Retire.js', version: read.str(root.version), informationUri: 'https://retirejs.github.io/retire.js/' });
    for (const entry of root.data) {
      const scanned = read.obj(entry) ?? {};
      const path = read.str(scanned.file);
      for (const componentEntry of read.arr(scanned.results)) {
        const component = read.obj(componentEntry) ?? {};
        const name = read.str(component.component) ?? 'component';
        const version = read.str(component.version);
        for (const vulnEntry of read.arr(component.vulnerabilities)) {
          const vuln = read.obj(vulnEntry) ?? {};
          const identifiers = read.obj(vuln.identifiers) ?? {};
          const cves = read.arr(identifiers.CVE).map(read.str).filter(Boolean) as string[];
          const ghsa = read.str(identifiers.githubID);
          const summary = read.str(identifiers.summary) ?? read.str(identifiers.issue) ?? 'known vulnerability';
          const id = cves[0] ?? ghsa ?? `retire/${name}/${(read.str(identifiers.issue) ?? summary).toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}`;
          const score = scoreOf(vuln.severity);
          const below = read.str(vuln.below);
          const info = read.arr(vuln.info).map(read.str).filter(Boolean) as string[];
          run.rule({ id, short: summary, helpUri: info[0], score, level: levelOf(score), cwes: read.arr(vuln.cwe), tags: ['vulnerability', 'javascript'] });
          run.result({
            ruleId: id,
            message: `${name} ${version ?? ''}: ${summary}${below ? ` (fixed in ${below})` : ''}`.replace(/\s+/g, ' '),
            level: levelOf(score),
            score,
            category: 'sca',
            locations: [fileLocation(path)],
            ids: [...cves, ghsa],
            cwes: read.arr(vuln.cwe),
            package: { name, version, ecosystem: 'npm', fixedVersions: below ? [below] : [] },
          });
        }
      }
    }
    return logOf(run.build());
  },
};
