import { corpusSuite } from '../corpus-harness.js';

type Obj = Record<string, unknown>;

corpusSuite({
  folder: 'osv_scanner',
  format: 'osv-scanner',
  // osv-scanner writes nothing when it finds no lockfile: such a file is read with --format osv-scanner.
  explicitFormat: (text) => text.trim() === '',
  count(text) {
    if (!text.trim()) return 0;
    let n = 0;
    for (const source of (JSON.parse(text) as { results: Obj[] }).results) {
      for (const pkg of source.packages as Obj[]) n += Array.isArray(pkg.groups) && pkg.groups.length ? pkg.groups.length : (pkg.vulnerabilities as unknown[]).length;
    }
    return n;
  },
});
