import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'tfsec',
  format: 'tfsec',
  count: (text) => ((JSON.parse(text) as { results: { status?: string; passed?: boolean }[] | null }).results ?? []).filter((r) => r.status !== 'passed' && r.passed !== true).length,
});
