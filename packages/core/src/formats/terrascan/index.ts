import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

export const terrascan: InputFormat = {
  id: 'terrascan',
  title: 'Terrascan JSON',
  producedBy: 'terrascan scan -o json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const results = read.obj(read.obj(document.data)?.results);
    return results && ('violations' in results || 'scan_summary' in results) ? 1 : 0;
  },
  parse(document, { file }) {
    const results = document.kind === 'json' ? read.obj(read.obj(document.data)?.results) : undefined;
    if (!results) missing(file, 'Terrascan', 'no "results" object');
    const run = new RunBuilder({ name: 'Terrascan', informationUri: 'https://runterrascan.io' });
    for (const [index, value] of read.arr(results.violations).entries()) {
      const violation = read.obj(value);
      const id = read.str(violation?.rule_id);
      if (!violation || !id) missing(file, 'Terrascan', `violations[${index}] lacks "rule_id"`);
      const score = scoreOf(violation.severity);
      const resource = [read.str(violation.resource_type), read.str(violation.resource_name)].filter(Boolean).join('.');
      run.rule({ id, name: read.str(violation.rule_name), short: read.str(violation.description) ?? id, score, level: levelOf(score), tags: ['misconfiguration', read.str(violation.category)] });
      run.result({
        ruleId: id,
        message: `${read.str(violation.description) ?? id}${resource ? ` (${resource})` : ''}`,
        level: levelOf(score),
        score,
        category: 'iac',
        locations: [fileLocation(read.str(violation.file), { startLine: violation.line })],
        logicalLocations: resource ? [logicalLocation(resource, 'resource')] : [],
        properties: { [PROP.severityLabel]: read.str(violation.severity) },
      });
    }
    return logOf(run.build());
  },
};
