import { corpusSuite } from '../corpus-harness.js';

type Project = { vulnerabilities: unknown[]; applications?: Project[] };
const countProject = (p: Project): number => p.vulnerabilities.length + (p.applications ?? []).reduce((n, a) => n + countProject(a), 0);

corpusSuite({
  folder: 'snyk',
  format: 'snyk',
  count(text) {
    const data = JSON.parse(text) as Project | Project[];
    return (Array.isArray(data) ? data : [data]).reduce((n, p) => n + countProject(p), 0);
  },
});
