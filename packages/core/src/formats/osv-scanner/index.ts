import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, firstScore, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

function severityOf(vuln: Obj): number {
  // OSV gives CVSS vectors (not scores) in "severity"; GitHub's database adds a word.
  const ghsa = read.str(read.obj(vuln.database_specific)?.severity);
  const scores = read.arr(vuln.severity).map((s) => read.obj(s)?.score);
  return firstScore(...scores.filter((s) => typeof s === 'number' || /^\d+(\.\d+)?$/.test(String(s)))) ?? scoreOf(ghsa, 5.5);
}

export const osvScanner: InputFormat = {
  id: 'osv-scanner',
  title: 'OSV-Scanner JSON',
  producedBy: 'osv-scanner scan source --format json',
  acceptsEmpty: true,
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return read.obj(first.source) && Array.isArray(first.packages) ? 1 : 0;
    return 'experimental_config' in root ? 0.9 : 0;
  },
  parse(document, { file }) {
    if (document.kind === 'jsonl' && document.data.length === 0) return logOf(new RunBuilder({ name: 'OSV-Scanner', informationUri: 'https://google.github.io/osv-scanner/' }).build());
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.results)) missing(file, 'OSV-Scanner', 'no "results" array');
    const run = new RunBuilder({ name: 'OSV-Scanner', informationUri: 'https://google.github.io/osv-scanner/' });
    for (const sourceEntry of root.results) {
      const source = read.obj(read.obj(sourceEntry)?.source);
      const manifest = read.str(source?.path);
      for (const packageEntry of read.arr(read.obj(sourceEntry)?.packages)) {
        const entry = read.obj(packageEntry) ?? {};
        const pkg = read.obj(entry.package) ?? {};
        const vulns = read.arr(entry.vulnerabilities).map(read.obj).filter(Boolean) as Obj[];
        // Groups join the aliases of one vulnerability (its GHSA and its CVE): one result per group.
        const groups = read.arr(entry.groups).map(read.obj).filter(Boolean) as Obj[];
        const sets = groups.length ? groups.map((g) => read.arr(g.ids).map(read.str).filter(Boolean) as string[]) : vulns.map((v) => [read.str(v.id)!]);
        for (const ids of sets) {
          const members = vulns.filter((v) => ids.includes(read.str(v.id)!));
          const vuln = members[0] ?? {};
          const id = ids.find((i) => /^CVE-/.test(i)) ?? ids.find((i) => /^GHSA-/.test(i)) ?? ids[0] ?? 'osv-unidentified';
          const aliases = members.flatMap((m) => read.arr(m.aliases).map(read.str));
          const score = Math.max(...members.map(severityOf), 0) || 5.5;
          const cwes = members.flatMap((m) => [
            ...read.arr(read.obj(m.database_specific)?.cwe_ids),
            ...read.arr(m.affected).flatMap((a) => read.arr(read.obj(read.obj(a)?.database_specific)?.cwes).map((c) => read.obj(c)?.cweId)),
          ]);
          const fixed = members.flatMap((m) =>
            read.arr(m.affected).flatMap((a) => read.arr(read.obj(a)?.ranges).flatMap((r) => read.arr(read.obj(r)?.events).map((e) => read.str(read.obj(e)?.fixed)))),
          ).filter(Boolean) as string[];
          const summary = read.str(vuln.summary);
          run.rule({
            id,
            short: summary ?? id,
            full: read.str(vuln.details),
            helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(read.str(vuln.id) ?? id)}`,
            score,
            level: levelOf(score),
            cwes,
            tags: ['vulnerability', read.str(pkg.ecosystem)],
            precision: 'very-high',
          });
          run.result({
            ruleId: id,
            message: `${read.str(pkg.name)} ${read.str(pkg.version) ?? ''} is affected by ${id}${summary ? `: ${summary}` : ''}${fixed.length ? ` (fixed in ${[...new Set(fixed)].join(', ')})` : ''}`.replace(/\s+/g, ' '),
            level: levelOf(score),
            score,
            category: 'sca',
            // source.path is absolute (v2 walks from /): kept so, normalization makes it relative to the
            // checkout, and the dependency's identity does not depend on where the checkout lies.
            locations: [fileLocation(manifest)],
            ids: [...ids, ...aliases],
            cwes,
            package: { name: read.str(pkg.name) ?? 'package', version: read.str(pkg.version), ecosystem: read.str(pkg.ecosystem), fixedVersions: fixed },
          });
        }
      }
    }
    return logOf(run.build());
  },
};
