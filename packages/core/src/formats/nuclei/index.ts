import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, firstScore, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

function isFinding(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && ('template-id' in object || 'templateID' in object) && read.obj(object.info) !== undefined;
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(read.str).filter(Boolean) as string[];
  const text = read.str(value);
  return text ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export const nuclei: InputFormat = {
  id: 'nuclei',
  title: 'Nuclei JSON / JSON Lines',
  producedBy: 'nuclei -jsonl (or -json, -json-export)',
  acceptsEmpty: true,
  detect({ document }) {
    const items = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? (Array.isArray(document.data) ? document.data : [document.data]) : [];
    return items.length > 0 && items.every(isFinding) ? 1 : 0;
  },
  parse(document, { file }) {
    const items = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? (Array.isArray(document.data) ? document.data : [document.data]) : missing(file, 'Nuclei', 'expected JSON');
    const run = new RunBuilder({ name: 'Nuclei', informationUri: 'https://github.com/projectdiscovery/nuclei' });
    for (const [index, value] of items.entries()) {
      if (!isFinding(value)) missing(file, 'Nuclei', `finding ${index + 1} lacks "template-id" or "info"`);
      const finding = read.obj(value)!;
      const info = read.obj(finding.info)!;
      const classification = read.obj(info.classification) ?? {};
      const id = read.str(finding['template-id']) ?? read.str(finding.templateID)!;
      const score = firstScore(classification['cvss-score']) ?? scoreOf(info.severity);
      const cves = listOf(classification['cve-id']).map((c) => c.toUpperCase());
      const cwes = listOf(classification['cwe-id']);
      const matched = read.str(finding['matched-at']) ?? read.str(finding.matched) ?? read.str(finding.host) ?? '';
      const type = read.str(finding.type);
      const web = type === 'http' || /^https?:\/\//i.test(matched);
      run.rule({
        id,
        name: read.str(info.name),
        short: read.str(info.name) ?? id,
        full: read.str(info.description),
        help: read.str(info.remediation),
        helpUri: read.str(finding['template-url']) ?? listOf(info.reference)[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [type, ...listOf(info.tags)].slice(0, 15),
      });
      run.result({
        ruleId: id,
        message: `${read.str(info.name) ?? id}${read.str(finding['matcher-name']) ? ` [${read.str(finding['matcher-name'])}]` : ''} at ${matched || 'the target'}`,
        level: levelOf(score),
        score,
        category: 'dast',
        logicalLocations: matched ? [logicalLocation(matched, web ? 'url' : 'endpoint')] : [],
        ids: cves,
        cwes,
        dast: web ? { url: matched, method: read.str(read.obj(finding['request'])?.method) } : undefined,
        properties: {
          [PROP.severityLabel]: read.str(info.severity),
          ...(read.str(finding.host) ? { [PROP.host]: read.str(finding.host) } : {}),
          ...(read.str(classification['cvss-metrics']) ? { [PROP.cvssVector]: read.str(classification['cvss-metrics']) } : {}),
        },
      });
    }
    return logOf(run.build());
  },
};
