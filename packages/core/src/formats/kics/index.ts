import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

export const kics: InputFormat = {
  id: 'kics',
  title: 'KICS JSON',
  producedBy: 'kics scan --report-formats json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    return root && Array.isArray(root.queries) && ('kics_version' in root || 'queries_total' in root || 'files_scanned' in root) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.queries)) missing(file, 'KICS', 'no "queries" array');
    const run = new RunBuilder({ name: 'KICS', version: read.str(root.kics_version), informationUri: 'https://kics.io' });
    for (const [index, value] of root.queries.entries()) {
      const query = read.obj(value);
      const id = read.str(query?.query_id);
      if (!query || !id) missing(file, 'KICS', `queries[${index}] lacks "query_id"`);
      const score = scoreOf(query.severity);
      const secrets = /secret|password/i.test(`${read.str(query.category)} ${read.str(query.query_name)}`);
      run.rule({
        id,
        name: read.str(query.query_name),
        short: read.str(query.query_name) ?? id,
        full: read.str(query.description),
        helpUri: read.str(query.query_url),
        score,
        level: levelOf(score),
        cwes: [cweId(query.cwe)],
        tags: ['misconfiguration', read.str(query.platform), read.str(query.category)],
      });
      for (const entry of read.arr(query.files)) {
        const finding = read.obj(entry) ?? {};
        const key = read.str(finding.search_key);
        // actual_value and value can quote the offending value (a password): they stay out.
        run.result({
          ruleId: id,
          message: `${read.str(query.query_name) ?? id}: expected ${read.str(finding.expected_value) ?? 'a safe value'}`,
          level: levelOf(score),
          score,
          category: secrets ? 'secrets' : 'iac',
          locations: [fileLocation(read.str(finding.file_name), { startLine: finding.line })],
          logicalLocations: key ? [logicalLocation(key, 'resource')] : [],
          fingerprints: read.str(finding.similarity_id) ? { 'kics/similarity': read.str(finding.similarity_id)! } : undefined,
          secret: secrets ? `${read.str(finding.file_name)}:${read.str(finding.line)}:${key}` : undefined,
          cwes: [cweId(query.cwe)],
          properties: { [PROP.severityLabel]: read.str(query.severity), [PROP.issueType]: read.str(finding.issue_type) },
        });
      }
    }
    return logOf(run.build());
  },
};
