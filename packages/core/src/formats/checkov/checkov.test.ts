import { corpusSuite } from '../corpus-harness.js';

type Obj = Record<string, unknown>;

corpusSuite({
  folder: 'checkov',
  format: 'checkov',
  count(text) {
    const data = JSON.parse(text) as Obj | Obj[];
    return (Array.isArray(data) ? data : [data]).reduce((n, report) => n + (((report.results as Obj | undefined)?.failed_checks as unknown[] | undefined)?.length ?? 0), 0);
  },
});
