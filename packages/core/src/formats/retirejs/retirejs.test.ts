import { corpusSuite } from '../corpus-harness.js';

type Entry = { results?: { vulnerabilities?: unknown[] }[] };

corpusSuite({
  folder: 'retirejs',
  format: 'retirejs',
  count: (text) => (JSON.parse(text) as { data: Entry[] }).data.reduce((n, e) => n + (e.results ?? []).reduce((m, r) => m + (r.vulnerabilities ?? []).length, 0), 0),
});
