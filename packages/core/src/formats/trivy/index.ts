import { PROP } from '../../sarif/props.js';
import type { Category } from '../../finding.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, firstScore, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';


interface Context {
  artifact: string | undefined;
  /** Scanned a container image: targets are paths inside the image, not files of the repository. */
  image: boolean;
  /** Kubernetes workload (namespace/kind/name) the result belongs to. */
  workload?: string | undefined;
}

function isResult(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.Target === 'string' && ['Vulnerabilities', 'Misconfigurations', 'Secrets', 'Licenses', 'Class', 'Type'].some((k) => k in object);
}

/** Trivy's results wherever the report variant keeps them: schema 2, the legacy top-level list, or a Kubernetes report. */
function resultGroups(data: unknown): { results: unknown[]; context: Context }[] {
  if (Array.isArray(data)) return [{ results: data, context: { artifact: undefined, image: false } }];
  const root = read.obj(data)!;
  const artifact = read.str(root.ArtifactName);
  const image = read.str(root.ArtifactType) === 'container_image';
  const groups: { results: unknown[]; context: Context }[] = [];
  if (Array.isArray(root.Results)) groups.push({ results: root.Results, context: { artifact, image } });
  // Kubernetes reports: resources, each with its own results (older: split by Vulnerabilities / Misconfigurations).
  for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations']) {
    for (const resource of read.arr(root[key])) {
      const r = read.obj(resource);
      if (!r || !Array.isArray(r.Results)) continue;
      const workload = [read.str(r.Namespace), read.str(r.Kind), read.str(r.Name)].filter(Boolean).join('/');
      groups.push({ results: r.Results, context: { artifact: read.str(root.ClusterName) ?? artifact, image: true, workload } });
    }
  }
  return groups;
}

export const trivy: InputFormat = {
  id: 'trivy',
  title: 'Trivy JSON (filesystem, image, Kubernetes; vulnerabilities, misconfigurations, secrets, licenses)',
  producedBy: 'trivy fs|image|repo|k8s --format json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const data = document.data;
    if (Array.isArray(data)) return data.length > 0 && data.every(isResult) ? 0.8 : 0;
    const root = read.obj(data);
    if (!root) return 0;
    if (root.SchemaVersion !== undefined && Array.isArray(root.Results)) return 1;
    if (typeof root.ClusterName === 'string' && (Array.isArray(root.Resources) || Array.isArray(root.Vulnerabilities) || Array.isArray(root.Misconfigurations))) return 1;
    if (Array.isArray(root.Results) && root.Results.some(isResult)) return 0.8;
    return 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json') missing(file, 'Trivy', 'expected one JSON document');
    if (!Array.isArray(document.data) && !read.obj(document.data)) missing(file, 'Trivy', 'expected an object with "Results"');
    const root = read.obj(document.data);
    const run = new RunBuilder({ name: 'Trivy', version: read.str(read.obj(root?.Trivy)?.Version), informationUri: 'https://trivy.dev' });
    for (const { results, context } of resultGroups(document.data)) {
      for (const [index, value] of results.entries()) {
        const result = read.obj(value);
        if (!result) missing(file, 'Trivy', `Results[${index}] is not an object`);
        const target = read.str(result.Target) ?? '';
        const klass = read.str(result.Class) ?? '';
        const type = read.str(result.Type);
        const osPackages = klass === 'os-pkgs';
        const inImage = context.image || osPackages;
        const where = (region: Parameters<typeof fileLocation>[1] = {}) => (inImage || !target ? undefined : fileLocation(target, region));
        const logical = [
          ...(context.workload ? [logicalLocation(context.workload, 'resource')] : []),
          ...(inImage && target ? [logicalLocation(target, 'module')] : []),
        ];
        const imageInfo = (layer: unknown) => {
          const reference = context.artifact ?? (osPackages ? target.replace(/\s*\(.*\)$/, '') : undefined);
          const l = read.obj(layer);
          return inImage && reference ? { reference, layer: read.str(l?.DiffID) ?? read.str(l?.Digest) } : undefined;
        };

        for (const item of read.arr(result.Vulnerabilities)) {
          const v = read.obj(item) ?? {};
          const id = read.str(v.VulnerabilityID) ?? `trivy-unidentified-${read.str(v.PkgName) ?? 'package'}`;
          const cvss = read.obj(v.CVSS) ?? {};
          const source = read.str(v.SeveritySource);
          const vendor = source ? read.obj(cvss[source]) : undefined;
          const nvd = read.obj(cvss.nvd);
          const anyV3 = Object.values(cvss).map((c) => read.obj(c)?.V3Score);
          const score = firstScore(vendor?.V3Score, nvd?.V3Score, ...anyV3, vendor?.V2Score, nvd?.V2Score) ?? scoreOf(v.Severity);
          const pkgName = read.str(v.PkgName);
          const installed = read.str(v.InstalledVersion);
          const fixed = read.str(v.FixedVersion);
          const identifier = read.obj(v.PkgIdentifier);
          const title = read.str(v.Title);
          const category: Category = inImage ? 'container' : 'sca';
          run.rule({
            id,
            name: id,
            short: title ?? id,
            full: read.str(v.Description),
            helpUri: read.str(v.PrimaryURL) ?? read.arr(v.References).map(read.str).find(Boolean),
            cwes: read.arr(v.CweIDs),
            score,
            level: levelOf(score),
            tags: ['vulnerability', type],
            precision: 'very-high',
          });
          run.result({
            ruleId: id,
            message: `${pkgName ?? 'A package'}${installed ? ` ${installed}` : ''} is affected by ${id}${title ? `: ${title}` : ''}${fixed ? ` (fixed in ${fixed})` : ' (no fix yet)'}`,
            level: levelOf(score),
            score,
            category,
            locations: [where()],
            logicalLocations: logical,
            ids: [id, ...read.arr(v.VendorIDs)],
            cwes: read.arr(v.CweIDs),
            package: pkgName
              ? {
                  name: pkgName,
                  version: installed,
                  ecosystem: type,
                  purl: read.str(identifier?.PURL),
                  fixedVersions: fixed ? fixed.split(/,\s*/) : [],
                }
              : undefined,
            image: imageInfo(v.Layer),
            properties: { [PROP.severityLabel]: read.str(v.Severity), ...(read.str(v.PkgPath) ? { [PROP.pkgPath]: read.str(v.PkgPath) } : {}) },
          });
        }

        for (const item of read.arr(result.Misconfigurations)) {
          const m = read.obj(item) ?? {};
          if (read.str(m.Status) === 'PASS' || read.str(m.Status) === 'EXCEPTION') continue;
          const id = read.str(m.AVDID) ?? read.str(m.ID) ?? 'trivy-misconfiguration';
          const score = scoreOf(m.Severity);
          const cause = read.obj(m.CauseMetadata) ?? {};
          const resolution = read.str(m.Resolution);
          run.rule({
            id,
            name: read.str(m.ID) ?? id,
            short: read.str(m.Title) ?? id,
            full: read.str(m.Description),
            help: resolution,
            helpUri: read.str(m.PrimaryURL) ?? read.arr(m.References).map(read.str).find(Boolean),
            score,
            level: levelOf(score),
            tags: ['misconfiguration', type, read.str(m.Type)],
          });
          run.result({
            ruleId: id,
            message: read.str(m.Message) ?? read.str(m.Title) ?? id,
            level: levelOf(score),
            score,
            category: 'iac',
            locations: [where({ startLine: cause.StartLine, endLine: cause.EndLine })],
            logicalLocations: [...logical, ...(read.str(cause.Resource) ? [logicalLocation(read.str(cause.Resource)!, 'resource')] : [])],
            ids: [id, read.str(m.ID)],
            properties: { [PROP.severityLabel]: read.str(m.Severity) },
          });
        }

        for (const item of read.arr(result.Secrets)) {
          const s = read.obj(item) ?? {};
          const id = `secret/${read.str(s.RuleID) ?? 'unknown'}`;
          const score = Math.max(scoreOf(s.Severity), 7);
          run.rule({ id, name: read.str(s.RuleID), short: read.str(s.Title) ?? id, score, level: 'error', tags: ['secret', read.str(s.Category)], cwes: ['CWE-798'] });
          // The match (even masked) and code lines stay out: only a salted hash keeps the identity.
          run.result({
            ruleId: id,
            message: `${read.str(s.Title) ?? 'A secret'} found in ${target || 'the scanned artifact'}`,
            level: 'error',
            score,
            category: 'secrets',
            locations: [where({ startLine: s.StartLine, endLine: s.EndLine })],
            logicalLocations: logical,
            secret: read.str(s.Match) ?? `${target}:${read.str(s.StartLine)}`,
            image: imageInfo(s.Layer),
            cwes: ['CWE-798'],
          });
        }

        for (const item of read.arr(result.Licenses)) {
          const l = read.obj(item) ?? {};
          const name = read.str(l.Name) ?? 'unknown';
          const id = `license/${name}`;
          const score = scoreOf(l.Severity, 3);
          const pkgName = read.str(l.PkgName);
          run.rule({ id, name, short: `License ${name} (${read.str(l.Category) ?? 'uncategorized'})`, helpUri: read.str(l.Link), score, level: levelOf(score), tags: ['license', read.str(l.Category)] });
          run.result({
            ruleId: id,
            message: `${pkgName ?? read.str(l.FilePath) ?? 'A component'} is licensed under ${name} (${read.str(l.Category) ?? 'uncategorized'})`,
            level: levelOf(score),
            score,
            category: 'sca',
            locations: [where(), read.str(l.FilePath) && !inImage ? fileLocation(read.str(l.FilePath)) : undefined],
            logicalLocations: logical,
            package: pkgName ? { name: pkgName, ecosystem: type } : undefined,
            image: imageInfo(undefined),
          });
        }
      }
    }
    return logOf(run.build());
  },
};
