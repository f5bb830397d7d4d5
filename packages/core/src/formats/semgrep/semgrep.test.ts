import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'semgrep',
  format: 'semgrep',
  count: (text) => (JSON.parse(text) as { results: unknown[] }).results.length,
  // Matched code lines can hold secrets; none may be copied.
  secrets: (text) =>
    (JSON.parse(text) as { results: { check_id: string; extra: { lines?: string } }[] }).results
      .filter((r) => /secret|password|token|key/i.test(r.check_id) && r.extra.lines && r.extra.lines.trim().length > 8 && r.extra.lines !== 'requires login')
      .map((r) => r.extra.lines!.trim()),
});
