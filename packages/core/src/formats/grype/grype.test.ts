import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'anchore_grype',
  format: 'grype',
  count: (text) => (JSON.parse(text) as { matches: unknown[] }).matches.length,
});
