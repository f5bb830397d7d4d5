import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, htmlToText, levelOf, logOf, logicalLocation, missing, read } from '../toolkit.js';

type Obj = Record<string, unknown>;

const RISK_SCORE: Record<string, number> = { '0': 0.5, '1': 3.0, '2': 5.5, '3': 8.0 };
const PRECISION: Record<string, 'low' | 'medium' | 'high' | 'very-high'> = { '1': 'low', '2': 'medium', '3': 'high', '4': 'very-high' };

/** ZAP's sites, from the XML report (<OWASPZAPReport><site>…) or the traditional JSON report ({"site": […]}). */
function sitesOf(document: Parameters<InputFormat['parse']>[0]): Obj[] | undefined {
  if (document.kind === 'xml' && document.root === 'OWASPZAPReport') {
    return read.list(read.obj(document.data.OWASPZAPReport)?.site).map(read.obj).filter(Boolean) as Obj[];
  }
  if (document.kind === 'json') {
    const root = read.obj(document.data);
    if (root && ('@version' in root || '@programName' in root || 'insights' in root) && 'site' in root) return read.list(root.site).map(read.obj).filter(Boolean) as Obj[];
  }
  return undefined;
}

function alertsOf(site: Obj): Obj[] {
  const alerts = site.alerts;
  const list = read.obj(alerts) ? read.list(read.obj(alerts)!.alertitem) : read.list(alerts);
  return list.map(read.obj).filter(Boolean) as Obj[];
}

function instancesOf(alert: Obj): Obj[] {
  const instances = alert.instances;
  const list = read.obj(instances) ? read.list(read.obj(instances)!.instance) : read.list(instances);
  const found = list.map(read.obj).filter(Boolean) as Obj[];
  // Old reports put one uri/param straight on the alert.
  return found.length ? found : [{ uri: alert.uri, method: alert.method, param: alert.param, attack: alert.attack, evidence: alert.evidence }];
}

export const zap: InputFormat = {
  id: 'zap',
  title: 'OWASP ZAP report (XML and traditional JSON)',
  producedBy: 'zap-baseline.py / zap-full-scan.py -x report.xml or -J report.json',
  detect({ document }) {
    if (document.kind === 'xml') return document.root === 'OWASPZAPReport' ? 1 : 0;
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !('site' in root)) return 0;
    if (!('@version' in root || '@programName' in root)) return 0;
    // GitLab's DAST analyzer (ZAP based) wrote ZAP's report inside gl-dast-report.json, beside its own
    // vulnerabilities and scan: that is the gitlab format's document. ZAP can still read it with --format zap.
    if (Array.isArray(root.vulnerabilities) && read.obj(root.scan)) return 0.6;
    return 1;
  },
  parse(document, { file }) {
    const sites = sitesOf(document);
    if (!sites) missing(file, 'ZAP', 'neither an <OWASPZAPReport> nor a JSON report with "site"');
    const version = document.kind === 'xml' ? read.str(read.obj(document.data.OWASPZAPReport)?.['@_version']) : read.str(read.obj(document.data)?.['@version']);
    const run = new RunBuilder({ name: 'OWASP ZAP', version, informationUri: 'https://www.zaproxy.org' });
    for (const site of sites) {
      const siteName = read.str(site['@_name']) ?? read.str(site['@name']);
      for (const alert of alertsOf(site)) {
        const plugin = read.text(alert.pluginid) ?? read.text(alert.alertRef);
        if (!plugin) missing(file, 'ZAP', 'an alert lacks "pluginid"');
        const id = `zap/${read.text(alert.alertRef) ?? plugin}`;
        const risk = read.text(alert.riskcode) ?? '1';
        const score = RISK_SCORE[risk] ?? 3.0;
        const confidence = read.text(alert.confidence) ?? '2';
        const name = read.text(alert.name) ?? read.text(alert.alert) ?? id;
        const cwe = cweId(read.text(alert.cweid));
        const references = htmlToText(read.text(alert.reference));
        run.rule({
          id,
          name,
          short: name,
          full: htmlToText(read.text(alert.desc)),
          help: htmlToText(read.text(alert.solution)),
          helpUri: references?.match(/https?:\/\/\S+/)?.[0] ?? `https://www.zaproxy.org/docs/alerts/${plugin}/`,
          score,
          level: levelOf(score),
          cwes: [cwe],
          tags: ['dast', read.text(alert.wascid) ? `WASC-${read.text(alert.wascid)}` : undefined],
          precision: PRECISION[confidence],
        });
        for (const instance of instancesOf(alert)) {
          const url = read.text(instance.uri) ?? siteName ?? '';
          const method = read.text(instance.method);
          const param = read.text(instance.param);
          run.result({
            ruleId: id,
            message: `${name}: ${method ?? 'GET'} ${url}${param ? ` (parameter ${param})` : ''}`,
            level: levelOf(score),
            score,
            category: 'dast',
            logicalLocations: url ? [logicalLocation(url, 'url')] : [],
            cwes: [cwe],
            dast: { url, method, parameter: param, evidence: read.text(instance.evidence)?.slice(0, 500), attack: read.text(instance.attack)?.slice(0, 500) },
            suppressed: confidence === '0' ? 'marked as a false positive in ZAP' : undefined,
            properties: { [PROP.severityLabel]: read.text(alert.riskdesc), [PROP.pluginId]: plugin },
          });
        }
      }
    }
    return logOf(run.build());
  },
};
