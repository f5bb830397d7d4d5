import { corpusSuite } from '../corpus-harness.js';

type Obj = Record<string, unknown>;

function count(text: string): number {
  const root = JSON.parse(text) as Obj;
  if (root.advisories) return Object.keys(root.advisories as Obj).length;
  if (!root.vulnerabilities) return 0;
  let n = 0;
  for (const vuln of Object.values(root.vulnerabilities as Record<string, { via: unknown[] }>)) {
    const advisories = vuln.via.filter((v) => typeof v === 'object' && v !== null) as { url?: string; source?: number }[];
    const distinct = new Set(advisories.map((a) => /GHSA-[\w-]+/i.exec(a.url ?? '')?.[0] ?? String(a.source)));
    n += advisories.length ? distinct.size : 1;
  }
  return n;
}

corpusSuite({ folder: 'npm_audit', format: 'npm-audit', count });
corpusSuite({ folder: 'npm_audit_7_plus', format: 'npm-audit', count });
