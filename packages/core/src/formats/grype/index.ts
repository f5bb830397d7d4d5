import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, firstScore, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

function cvssScore(list: unknown): number | undefined {
  // Prefer the newest CVSS version the tool gives.
  const entries = read.arr(list).map(read.obj).filter(Boolean) as Record<string, unknown>[];
  entries.sort((a, b) => String(b.version ?? '').localeCompare(String(a.version ?? '')));
  return firstScore(...entries.map((e) => read.obj(e.metrics)?.baseScore));
}

/**
 * CWE ids of a vulnerability. Grype's schema (schema/grype/document/json) gives `cwes` as objects
 * `{cve, cwe, source, type}` on the match's vulnerability and on each related one; plain strings are kept too.
 */
function cwesOf(list: unknown): string[] {
  return read.arr(list).map((entry) => (typeof entry === 'string' ? entry : read.str(read.obj(entry)?.cwe))).filter((cwe): cwe is string => !!cwe);
}

export const grype: InputFormat = {
  id: 'grype',
  title: 'Grype JSON',
  producedBy: 'grype <target> -o json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.matches)) return 0;
    const descriptor = read.obj(root.descriptor);
    if (read.str(descriptor?.name) === 'grype') return 1;
    const first = read.obj(root.matches[0]);
    return first && read.obj(first.vulnerability) && read.obj(first.artifact) ? 0.9 : root.matches.length === 0 && root.source ? 0.7 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.matches)) missing(file, 'Grype', 'no "matches" array');
    const descriptor = read.obj(root.descriptor);
    const source = read.obj(root.source);
    const target = read.obj(source?.target);
    const sourceType = read.str(source?.type);
    const image = sourceType === 'image';
    const reference = read.str(target?.userInput) ?? read.str(source?.target);
    const run = new RunBuilder({ name: 'Grype', version: read.str(descriptor?.version), informationUri: 'https://github.com/anchore/grype' });
    for (const [index, value] of root.matches.entries()) {
      const match = read.obj(value);
      const vuln = read.obj(match?.vulnerability);
      const artifact = read.obj(match?.artifact);
      if (!vuln || !artifact) missing(file, 'Grype', `matches[${index}] lacks "vulnerability" or "artifact"`);
      const id = read.str(vuln.id) ?? 'grype-unidentified';
      const related = read.arr(match!.relatedVulnerabilities).map(read.obj).filter(Boolean) as Record<string, unknown>[];
      const description = read.str(vuln.description) ?? related.map((r) => read.str(r.description)).find(Boolean);
      const score = cvssScore(vuln.cvss) ?? related.map((r) => cvssScore(r.cvss)).find((s) => s !== undefined) ?? scoreOf(vuln.severity);
      const fix = read.obj(vuln.fix);
      const fixed = read.arr(fix?.versions).map(read.str).filter(Boolean) as string[];
      const name = read.str(artifact.name) ?? 'package';
      const version = read.str(artifact.version);
      const locations = read.arr(artifact.locations).map(read.obj).filter(Boolean) as Record<string, unknown>[];
      const path = read.str(locations[0]?.path);
      const cwes = [...new Set([...cwesOf(vuln.cwes), ...related.flatMap((r) => cwesOf(r.cwes))])];
      run.rule({
        id,
        short: description ? `${id}: ${description.split(/(?<=\.)\s/)[0]}` : id,
        full: description,
        helpUri: read.str(vuln.dataSource) ?? read.arr(vuln.urls).map(read.str).find(Boolean),
        score,
        level: levelOf(score),
        tags: ['vulnerability', read.str(artifact.type)],
        cwes,
        precision: 'very-high',
      });
      run.result({
        ruleId: id,
        message: `${name}${version ? ` ${version}` : ''} is affected by ${id}${fixed.length ? ` (fixed in ${fixed.join(', ')})` : read.str(fix?.state) === 'wont-fix' ? " (won't be fixed)" : ' (no fix yet)'}`,
        level: levelOf(score),
        score,
        category: image ? 'container' : 'sca',
        locations: [image ? undefined : fileLocation(path?.replace(/^\/+/, ''))],
        logicalLocations: image ? [logicalLocation(path ?? name, 'module')] : [],
        ids: [id, ...related.map((r) => read.str(r.id))],
        cwes,
        package: { name, version, ecosystem: read.str(artifact.type), purl: read.str(artifact.purl), fixedVersions: fixed },
        image: image && reference ? { reference, layer: read.str(locations[0]?.layerID) } : undefined,
        properties: { [PROP.severityLabel]: read.str(vuln.severity), [PROP.fixState]: read.str(fix?.state) },
      });
    }
    return logOf(run.build());
  },
};
