import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

function isResult(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.rule_id === 'string' && read.obj(object.location) !== undefined && 'rule_description' in object;
}

export const tfsec: InputFormat = {
  id: 'tfsec',
  title: 'tfsec JSON',
  producedBy: 'tfsec --format json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !('results' in root)) return 0;
    if (root.results === null && Object.keys(root).length === 1) return 0.7;
    return Array.isArray(root.results) && root.results.length > 0 && root.results.every(isResult) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !('results' in root)) missing(file, 'tfsec', 'no "results"');
    const run = new RunBuilder({ name: 'tfsec', informationUri: 'https://aquasecurity.github.io/tfsec/' });
    for (const [index, value] of read.arr(root.results).entries()) {
      if (!isResult(value)) missing(file, 'tfsec', `results[${index}] lacks "rule_id" or "location"`);
      const finding = read.obj(value)!;
      if (finding.status === 'passed' || finding.passed === true) continue;
      const id = read.str(finding.long_id) ?? read.str(finding.rule_id)!;
      const score = scoreOf(finding.severity);
      const location = read.obj(finding.location) ?? {};
      const links = read.arr(finding.links).map(read.str).filter(Boolean) as string[];
      const legacyLink = read.str(finding.link)?.replace(/^See\s+/, '');
      run.rule({
        id,
        name: read.str(finding.rule_id),
        short: read.str(finding.rule_description) ?? id,
        full: read.str(finding.impact),
        help: read.str(finding.resolution),
        helpUri: links[0] ?? legacyLink,
        score,
        level: levelOf(score),
        tags: ['misconfiguration', 'terraform', read.str(finding.rule_provider), read.str(finding.rule_service)],
      });
      run.result({
        ruleId: id,
        message: read.str(finding.description) ?? read.str(finding.rule_description) ?? id,
        level: levelOf(score),
        score,
        category: 'iac',
        locations: [fileLocation(read.str(location.filename), { startLine: location.start_line, endLine: location.end_line })],
        ids: [read.str(finding.rule_id), read.str(finding.legacy_rule_id)],
        properties: { [PROP.severityLabel]: read.str(finding.severity) },
      });
    }
    return logOf(run.build());
  },
};
