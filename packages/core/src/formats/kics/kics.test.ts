import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'kics',
  format: 'kics',
  count: (text) => (JSON.parse(text) as { queries: { files: unknown[] }[] }).queries.reduce((n, q) => n + q.files.length, 0),
});
