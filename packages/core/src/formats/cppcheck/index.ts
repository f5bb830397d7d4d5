import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read } from '../toolkit.js';

// Cppcheck's "error" are real bugs (out-of-bounds, null dereference): high when they are memory-safety CWEs.
const SEVERITY: Record<string, number> = { error: 6.5, warning: 4.5, performance: 2.0, portability: 2.0, style: 1.5, information: 0.5 };
const MEMORY_CWES = new Set(['119', '120', '121', '122', '125', '131', '170', '415', '416', '476', '562', '587', '590', '664', '758', '786', '787', '788']);

export const cppcheck: InputFormat = {
  id: 'cppcheck',
  title: 'Cppcheck XML (version 2)',
  producedBy: 'cppcheck --xml --xml-version=2',
  detect({ document }) {
    if (document.kind !== 'xml' || document.root !== 'results') return 0;
    const results = read.obj(document.data.results);
    return results && read.obj(results.cppcheck) !== undefined ? 1 : 0;
  },
  parse(document, { file }) {
    const results = document.kind === 'xml' ? read.obj(document.data.results) : undefined;
    if (!results || !read.obj(results.cppcheck)) missing(file, 'Cppcheck', 'no <results><cppcheck> (run cppcheck with --xml --xml-version=2)');
    const run = new RunBuilder({ name: 'Cppcheck', version: read.str(read.obj(results.cppcheck)?.['@_version']), informationUri: 'https://cppcheck.sourceforge.io' });
    for (const value of read.list(read.obj(results.errors)?.error)) {
      const error = read.obj(value) ?? {};
      const id = read.str(error['@_id']) ?? 'cppcheck';
      const severity = read.str(error['@_severity']) ?? 'warning';
      const cwe = read.str(error['@_cwe']);
      const score = severity === 'error' && cwe && MEMORY_CWES.has(cwe) ? 7.5 : (SEVERITY[severity] ?? 3.0);
      const locations = read.list(error.location).map(read.obj).filter(Boolean) as Record<string, unknown>[];
      const where = (l: Record<string, unknown> | undefined, message?: string) => fileLocation(read.str(l?.['@_file']), { startLine: l?.['@_line'], startColumn: l?.['@_column'] }, message);
      run.rule({ id, short: read.str(error['@_msg']) ?? id, score, level: levelOf(score), cwes: [cwe], tags: ['c', 'c++', severity] });
      run.result({
        ruleId: id,
        message: read.str(error['@_verbose']) ?? read.str(error['@_msg']) ?? id,
        level: levelOf(score),
        score,
        category: 'sast',
        // cppcheck lists the defect first, then the steps that lead to it.
        locations: [where(locations[0]) ?? fileLocation(read.str(error['@_file0']))],
        relatedLocations: locations.slice(1).map((l) => where(l, read.str(l['@_info']))),
        cwes: [cwe],
        properties: { [PROP.severityLabel]: severity },
      });
    }
    return logOf(run.build());
  },
};
