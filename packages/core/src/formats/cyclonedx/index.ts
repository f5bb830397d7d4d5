import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, firstScore, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

interface Component {
  name?: string | undefined;
  version?: string | undefined;
  purl?: string | undefined;
}

/** Collects components by bom-ref and purl, nested ones included (JSON arrays or XML children alike). */
function collectComponents(value: unknown, into: Map<string, Component>, depth = 0): void {
  if (depth > 50) return;
  for (const item of read.list(value)) {
    const component = read.obj(item);
    if (!component) continue;
    const info = { name: read.text(component.name), version: read.text(component.version), purl: read.text(component.purl) };
    for (const key of [read.str(component['bom-ref']), read.str(component['@_bom-ref']), info.purl]) if (key) into.set(key, info);
    const nested = read.obj(component.components);
    collectComponents(nested ? nested.component : component.components, into, depth + 1);
  }
}

/** Every vulnerability element in an XML BOM: top level (1.4+) or inside components (the 1.0 extension). */
function xmlVulnerabilities(node: unknown, into: { vuln: Obj; component?: Obj | undefined }[], component: Obj | undefined, depth = 0): void {
  if (depth > 60) return;
  const object = read.obj(node);
  if (!object) {
    for (const item of read.arr(node)) xmlVulnerabilities(item, into, component, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(object)) {
    if (key.startsWith('@_') || key === '#text') continue;
    if (key === 'vulnerability') {
      for (const vuln of read.list(child)) if (read.obj(vuln)) into.push({ vuln: read.obj(vuln)!, component });
    } else if (key === 'component') {
      for (const c of read.list(child)) xmlVulnerabilities(c, into, read.obj(c), depth + 1);
    } else {
      xmlVulnerabilities(child, into, component, depth + 1);
    }
  }
}

function ratingsOf(vuln: Obj): { score?: number | undefined; severity?: string | undefined; vector?: string | undefined } {
  const list = read.obj(vuln.ratings) ? read.list(read.obj(vuln.ratings)!.rating) : read.arr(vuln.ratings);
  const ratings = list.map(read.obj).filter(Boolean) as Obj[];
  // Newest CVSS first; an XML 1.0 score is nested ({ base }).
  const scored = ratings
    .map((r) => ({ r, method: read.text(r.method) ?? '', score: read.num(read.obj(r.score)?.base ?? read.text(r.score)) }))
    .sort((a, b) => b.method.localeCompare(a.method));
  const best = scored.find((s) => /cvss/i.test(s.method) && s.score !== undefined) ?? scored.find((s) => s.score !== undefined);
  const severity = ratings.map((r) => read.text(r.severity)).find((s) => s && s.toLowerCase() !== 'unknown');
  return { score: firstScore(best?.score), severity, vector: best ? read.text(best.r.vector) : undefined };
}

export const cyclonedx: InputFormat = {
  id: 'cyclonedx',
  title: 'CycloneDX BOM with vulnerabilities / VEX (JSON and XML)',
  producedBy: 'cyclonedx tools, grype -o cyclonedx, snyk sbom, OWASP Dependency-Track, jake',
  detect({ document }) {
    if (document.kind === 'json') {
      const root = read.obj(document.data);
      return root && read.str(root.bomFormat) === 'CycloneDX' ? 1 : 0;
    }
    if (document.kind === 'xml' && document.root === 'bom') {
      const xmlns = read.str(read.obj(document.data.bom)?.['@_xmlns']) ?? '';
      return /cyclonedx/i.test(xmlns) ? 1 : 0.6;
    }
    return 0;
  },
  parse(document, { file }) {
    const components = new Map<string, Component>();
    const found: { vuln: Obj; component?: Obj | undefined }[] = [];
    let tool: string | undefined;
    /** Components the BOM lists (the subject in metadata left out): the image inventory's SBOM summary. */
    let shipped = 0;
    if (document.kind === 'json') {
      const root = read.obj(document.data);
      if (!root || read.str(root.bomFormat) !== 'CycloneDX') missing(file, 'CycloneDX', '"bomFormat" is not "CycloneDX"');
      collectComponents(root.components, components);
      // One component is kept under each of its keys (bom-ref, purl): count the components, not the keys.
      shipped = new Set(components.values()).size;
      const metadata = read.obj(root.metadata);
      collectComponents(metadata?.component, components);
      const tools = metadata?.tools;
      tool = read.str(read.obj(read.arr(tools)[0])?.name) ?? read.str(read.obj(read.arr(read.obj(tools)?.components)[0])?.name);
      for (const vuln of read.arr(root.vulnerabilities)) if (read.obj(vuln)) found.push({ vuln: read.obj(vuln)! });
    } else if (document.kind === 'xml') {
      const bom = read.obj(document.data.bom);
      if (!bom) missing(file, 'CycloneDX', 'the root element is not <bom>');
      collectComponents(read.obj(bom.components)?.component, components);
      shipped = new Set(components.values()).size;
      tool = read.text(read.obj(read.list(read.obj(read.obj(bom.metadata)?.tools)?.tool)[0])?.name);
      xmlVulnerabilities(bom, found, undefined);
    } else {
      missing(file, 'CycloneDX', 'expected JSON or XML');
    }
    const run = new RunBuilder({ name: tool ? `CycloneDX (${tool})` : 'CycloneDX', informationUri: 'https://cyclonedx.org' }, { [PROP.sbomComponents]: shipped });
    for (const { vuln, component } of found) {
      const id = read.text(vuln.id) ?? read.str(vuln['bom-ref']) ?? 'cyclonedx-vulnerability';
      const { score: cvss, severity, vector } = ratingsOf(vuln);
      const score = cvss ?? scoreOf(severity);
      const cwesRaw = read.obj(vuln.cwes) ? read.list(read.obj(vuln.cwes)!.cwe).map(read.text) : read.arr(vuln.cwes);
      const cwes = cwesRaw.map(cweId);
      const affects = read.obj(vuln.affects) ? read.list(read.obj(vuln.affects)!.target) : read.arr(vuln.affects);
      const refs = [read.str(vuln['@_ref']), ...affects.map((a) => read.text(read.obj(a)?.ref))].filter(Boolean) as string[];
      const affected = refs.map((ref) => components.get(ref) ?? { purl: ref.startsWith('pkg:') ? ref : undefined, name: ref.startsWith('pkg:') ? undefined : ref });
      const own = component ? { name: read.text(component.name), version: read.text(component.version), purl: read.text(component.purl) } : undefined;
      const pkg = own ?? affected[0];
      const source = read.obj(vuln.source);
      const references = read.obj(vuln.references) ? read.list(read.obj(vuln.references)!.reference) : read.arr(vuln.references);
      const aliases = references.map((r) => read.text(read.obj(r)?.id));
      const analysis = read.obj(vuln.analysis);
      const state = read.text(analysis?.state);
      const description = read.text(vuln.description) ?? read.text(vuln.detail);
      const recommendation = read.text(vuln.recommendation) ?? read.list(read.obj(vuln.recommendations)?.recommendation).map(read.text).join('; ');
      run.rule({
        id,
        short: description ? `${id}: ${description.split(/(?<=\.)\s/)[0]}` : id,
        full: description,
        help: recommendation || undefined,
        helpUri: read.text(source?.url),
        score,
        level: levelOf(score),
        cwes,
        tags: ['vulnerability'],
        precision: 'very-high',
      });
      const name = pkg?.name ?? pkg?.purl ?? 'a component';
      run.result({
        ruleId: id,
        message: `${name}${pkg?.version ? ` ${pkg.version}` : ''} is affected by ${id}${affected.length > 1 ? ` (and ${affected.length - 1} more component${affected.length > 2 ? 's' : ''})` : ''}`,
        level: levelOf(score),
        score,
        category: 'sca',
        locations: [fileLocation(undefined)],
        logicalLocations: affected.slice(0, 20).map((a) => logicalLocation(a.purl ?? a.name ?? 'component', 'module')),
        ids: [id, ...aliases],
        cwes,
        package: pkg && (pkg.name || pkg.purl) ? { name: pkg.name ?? pkg.purl!, version: pkg.version, purl: pkg.purl } : undefined,
        suppressed: state && ['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree'].includes(state) ? `VEX: ${state}${read.text(analysis?.justification) ? ` (${read.text(analysis?.justification)})` : ''}` : undefined,
        properties: { [PROP.severityLabel]: severity, ...(vector ? { [PROP.cvssVector]: vector } : {}), ...(state ? { [PROP.vexState]: state } : {}) },
      });
    }
    return logOf(run.build());
  },
};
