import { PROP } from '../../sarif/props.js';
import type { Category } from '../../finding.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

function isReport(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.check_type === 'string' && !!read.obj(object.results);
}

/**
 * What Checkov prints when nothing was checked (runner_registry.py: `Report("").get_summary()`): only the
 * counters, `{passed, failed, skipped, parsing_errors, resource_count, checkov_version}`; 2.x spelled them
 * `parsingerrors` and `resourcecount`.
 */
function isEmptySummary(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && 'checkov_version' in object && ('resource_count' in object || 'resourcecount' in object) && 'failed' in object && 'passed' in object && !('results' in object);
}

const CATEGORY: Record<string, Category> = { secrets: 'secrets', sca_package: 'sca', sca_image: 'container' };

export const checkov: InputFormat = {
  id: 'checkov',
  title: 'Checkov JSON',
  producedBy: 'checkov -o json',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const data = document.data;
    // One report per framework that checked something: a list when there are several.
    if (Array.isArray(data)) return data.length > 0 && data.every(isReport) ? 1 : 0;
    return isReport(data) ? 1 : isEmptySummary(data) ? 0.9 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== 'json') missing(file, 'Checkov', 'expected one JSON document');
    const reports = Array.isArray(document.data) ? document.data : [document.data];
    let version: string | undefined;
    const run = new RunBuilder({ name: 'Checkov', informationUri: 'https://www.checkov.io' });
    for (const [index, value] of reports.entries()) {
      const report = read.obj(value);
      if (!report || !(isReport(report) || isEmptySummary(report))) missing(file, 'Checkov', `report ${index} lacks "check_type" and "results"`);
      version ??= read.str(read.obj(report.summary)?.checkov_version) ?? read.str(report.checkov_version);
      const type = read.str(report.check_type) ?? '';
      for (const item of read.arr(read.obj(report.results)?.failed_checks)) {
        const check = read.obj(item) ?? {};
        const id = read.str(check.check_id) ?? 'checkov';
        const score = scoreOf(check.severity, 5.5);
        const range = read.arr(check.file_line_range);
        const resource = read.str(check.resource);
        const category = CATEGORY[type] ?? 'iac';
        run.rule({
          id,
          name: read.str(check.bc_check_id) ?? id,
          short: read.str(check.check_name) ?? id,
          helpUri: read.str(check.guideline),
          score,
          level: levelOf(score),
          tags: ['misconfiguration', type],
        });
        // code_block is left out: for secrets checks it holds the secret.
        run.result({
          ruleId: id,
          message: `${read.str(check.check_name) ?? id}${resource ? ` (${resource})` : ''}`,
          level: levelOf(score),
          score,
          category,
          locations: [fileLocation(read.str(check.repo_file_path ?? check.file_path)?.replace(/^\/+/, ''), { startLine: range[0], endLine: range[1] })],
          logicalLocations: resource ? [logicalLocation(resource, 'resource')] : [],
          ids: [id, read.str(check.bc_check_id)],
          secret: category === 'secrets' ? `${read.str(check.file_path)}:${String(range[0])}:${id}` : undefined,
          properties: { [PROP.severityLabel]: read.str(check.severity) ?? undefined, [PROP.framework]: type },
        });
      }
    }
    const built = run.build();
    if (version) built.tool.driver.version = version;
    return logOf(built);
  },
};
