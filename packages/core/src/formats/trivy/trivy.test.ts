import { corpusSuite } from '../corpus-harness.js';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

function countResults(results: unknown): number {
  let n = 0;
  for (const r of list(results)) {
    n += list(r.Vulnerabilities).length + list(r.Secrets).length + list(r.Licenses).length;
    n += list(r.Misconfigurations).filter((m) => m.Status !== 'PASS' && m.Status !== 'EXCEPTION').length;
  }
  return n;
}

corpusSuite({
  folder: 'trivy',
  format: 'trivy',
  count(text) {
    const data = JSON.parse(text) as unknown;
    if (data === null) return 0;
    if (Array.isArray(data)) return countResults(data);
    const root = data as Obj;
    let n = countResults(root.Results);
    for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations']) for (const resource of list(root[key])) n += countResults(resource.Results);
    return n;
  },
  secrets: (text) => [...text.matchAll(/"Match":\s*"([^"]+)"/g)].map((m) => m[1]!),
});
